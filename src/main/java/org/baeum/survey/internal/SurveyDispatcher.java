package org.baeum.survey.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.baeum.account.Account;
import org.baeum.account.AccountId;
import org.baeum.account.AccountService;
import org.baeum.account.HouseholdService;
import org.baeum.account.Participant;
import org.baeum.account.ParticipantId;
import org.baeum.account.RegistrationService;
import org.baeum.base.scheduling.DueWork;
import org.baeum.base.scheduling.JobRuns;
import org.baeum.base.security.SystemIdentity;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.Offering;
import org.baeum.catalog.OfferingId;
import org.baeum.enrollment.InstructorRosters;
import org.baeum.enrollment.RosterEntry;
import org.baeum.notification.NotificationKind;
import org.baeum.notification.NotificationRequest;
import org.baeum.notification.NotificationService;
import org.baeum.notification.Recipient;
import org.baeum.survey.Survey;
import org.baeum.survey.SurveyId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Sends a survey's invitations when an offering's due item falls due (job {@code survey-dispatch}), as the system:
 * one invitation per participant enrolled in the offering (unique per survey, offering and participant) and one
 * {@code SURVEY_INVITATION} mail to the household per invitation (outbox key {@code survey:<invitationId>}), with the
 * link {@code /survey?token=…}. Running an item again adds nothing twice; a failed item is tried again a minute later,
 * up to {@value #MAX_ATTEMPTS} attempts.
 */
@Component
public class SurveyDispatcher {

    static final int MAX_ATTEMPTS = 10;
    private static final int BATCH = 20;
    private static final Logger log = LoggerFactory.getLogger(SurveyDispatcher.class);

    private final DispatchRepository work;
    private final SurveyDefinitionRepository definitions;
    private final InvitationRepository invitations;
    private final SurveySecrets secrets;
    private final CatalogService catalog;
    private final InstructorRosters rosters;
    private final HouseholdService households;
    private final AccountService accounts;
    private final RegistrationService registration;
    private final NotificationService notifications;
    private final Clock clock;
    private final String publicUrl;
    private final String owner = "survey-" + UUID.randomUUID().toString().substring(0, 8);
    private final SecureRandom random = new SecureRandom();

    SurveyDispatcher(DispatchRepository work, SurveyDefinitionRepository definitions, InvitationRepository invitations,
                     SurveySecrets secrets, CatalogService catalog, InstructorRosters rosters,
                     HouseholdService households, AccountService accounts, RegistrationService registration,
                     NotificationService notifications, Clock clock, @Value("${baeum.public-url}") String publicUrl) {
        this.work = work;
        this.definitions = definitions;
        this.invitations = invitations;
        this.secrets = secrets;
        this.catalog = catalog;
        this.rosters = rosters;
        this.households = households;
        this.accounts = accounts;
        this.registration = registration;
        this.notifications = notifications;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** The address of the answer page for a token. */
    public String link(String token) {
        return publicUrl + "/survey?token=" + token;
    }

    /** Sends every due offering's invitations, as the system. */
    public JobRuns.Outcome runDue() {
        return SystemIdentity.call(() -> {
            int done = 0;
            int failed = 0;
            for (Object id : work.dueIds(BATCH)) {
                var claimed = work.claim(id, owner);
                if (claimed.isEmpty()) {
                    continue;
                }
                try {
                    send(claimed.get().getString("surveyId"), claimed.get().getString("offeringId"));
                    work.complete(id, owner);
                    done++;
                } catch (RuntimeException e) {
                    failed++;
                    int attempts = claimed.get().get(DueWork.ATTEMPTS, Number.class).intValue();
                    if (attempts >= MAX_ATTEMPTS) {
                        work.fail(id, owner, e.toString());
                        log.error("Survey invitations {} FAILED after {} attempts: {}", id, attempts, e.toString(), e);
                    } else {
                        work.retry(id, owner, clock.instant().plus(Duration.ofMinutes(1)), e.toString());
                        log.warn("Survey invitations {} not sent (attempt {}), tried again in a minute: {}", id,
                                attempts, e.toString());
                    }
                }
            }
            return new JobRuns.Outcome(done, failed);
        });
    }

    /** One offering's invitations and mail; safe to repeat. */
    void send(String surveyId, String offeringId) {
        Survey survey = definitions.find(new SurveyId(surveyId)).orElse(null);
        Offering offering = catalog.offering(new OfferingId(offeringId)).orElse(null);
        if (survey == null || offering == null || survey.closedAt(clock.instant())) {
            log.info("No invitations of survey {} for offering {}: survey or offering gone, or closed", surveyId,
                    offeringId);
            return;
        }
        List<RosterEntry> roster = rosters.staffRoster(offering.id());
        Map<ParticipantId, Participant> people = households.participants(roster.stream()
                .map(RosterEntry::participant).toList());
        int mailed = 0;
        for (RosterEntry entry : roster) {
            Participant p = people.get(entry.participant());
            if (p == null) {
                continue; // the account was deleted since
            }
            InvitationRepository.StoredInvitation invitation = invitations.insertOnce(
                    new InvitationRepository.StoredInvitation(SurveySecrets.newInvitationId(random), surveyId,
                            offeringId, p.id().value(), p.household().value(), false));
            if (!invitation.answered() && mail(invitation, survey, offering, p)) {
                mailed++;
            }
        }
        log.info("Survey {}: {} invitation(s) for offering {}, {} mail(s) queued", surveyId, roster.size(), offeringId,
                mailed);
    }

    private boolean mail(InvitationRepository.StoredInvitation invitation, Survey survey, Offering offering,
                         Participant p) {
        Optional<Account> account = accounts.account(p.household());
        if (account.isEmpty() || account.get().email() == null) {
            return false;
        }
        Account a = account.get();
        Locale lang = a.language() == null ? Locale.KOREAN : a.language();
        String title = offering.title(lang) + (p.self() ? "" : " (" + p.name() + ")");
        return notifications.enqueue(NotificationRequest.now("survey:" + invitation.id(),
                NotificationKind.SURVEY_INVITATION,
                new Recipient(a.id().value(), a.email(), a.displayName(), lang, a.reminders()), List.of(title),
                Map.of("open", link(secrets.token(invitation.id())),
                        "unsubscribe", registration.unsubscribeLink(new AccountId(a.id().value()))))).isPresent();
    }
}
