package org.baeum.survey;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.baeum.account.HouseholdService;
import org.baeum.account.Participant;
import org.baeum.base.security.CurrentUser;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.Offering;
import org.baeum.catalog.OfferingId;
import org.baeum.survey.internal.AnswerChecks;
import org.baeum.survey.internal.AnswerRepository;
import org.baeum.survey.internal.InvitationRepository;
import org.baeum.survey.internal.InvitationRepository.StoredInvitation;
import org.baeum.survey.internal.SurveyDefinitionRepository;
import org.baeum.survey.internal.SurveySecrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Answering a survey (decision 0051). The link's token is the credential: whoever holds it sees the form and the
 * answer given through it, and may change it until the close; nobody else can. Answers are stored without their
 * participant; the invitation keeps only that it was answered.
 */
@Service
public class SurveyAnswers {

    private static final Logger log = LoggerFactory.getLogger(SurveyAnswers.class);

    private final SurveySecrets secrets;
    private final InvitationRepository invitations;
    private final AnswerRepository answers;
    private final SurveyDefinitionRepository definitions;
    private final CatalogService catalog;
    private final HouseholdService households;
    private final CurrentUser currentUser;
    private final Clock clock;

    SurveyAnswers(SurveySecrets secrets, InvitationRepository invitations, AnswerRepository answers,
                  SurveyDefinitionRepository definitions, CatalogService catalog, HouseholdService households,
                  CurrentUser currentUser, Clock clock) {
        this.secrets = secrets;
        this.invitations = invitations;
        this.answers = answers;
        this.definitions = definitions;
        this.catalog = catalog;
        this.households = households;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The caller's household's invitations to surveys still open, the soonest to close first. */
    @PreAuthorize("hasRole('CITIZEN')")
    public List<OpenInvitation> mine(Locale language) {
        String household = currentUser.require().accountId();
        Map<String, Optional<Survey>> surveys = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        for (Participant p : households.myParticipants()) {
            names.put(p.id().value(), p.name());
        }
        List<OpenInvitation> open = new ArrayList<>();
        for (StoredInvitation i : invitations.ofHousehold(household)) {
            Optional<Survey> s = surveys.computeIfAbsent(i.surveyId(), id -> definitions.find(new SurveyId(id)));
            if (s.isEmpty() || !s.get().takesAnswersAt(clock.instant())) {
                continue;
            }
            open.add(new OpenInvitation(s.get().id(), new OfferingId(i.offeringId()), s.get().title(language),
                    catalog.offering(new OfferingId(i.offeringId())).map(o -> o.title(language)).orElse(i.offeringId()),
                    names.getOrDefault(i.participantId(), ""), secrets.token(i.id()), s.get().closesAt(), i.answered()));
        }
        open.sort(Comparator.comparing(OpenInvitation::closesAt).thenComparing(OpenInvitation::offeringTitle));
        return open;
    }

    /**
     * The form a link opens, with the answer given through it before.
     *
     * @throws SurveyLinkException INVALID for a changed or made-up link, CLOSED after the close
     */
    @PreAuthorize("permitAll()")
    public SurveyForm form(String token) {
        Open open = open(token);
        Optional<Offering> o = catalog.offering(new OfferingId(open.invitation.offeringId()));
        Map<String, Object> given = answers.find(secrets.answerId(token)).map(AnswerRepository.StoredAnswer::answers)
                .orElse(Map.of());
        Survey s = open.survey;
        return new SurveyForm(s.id(), s.titleKo(), s.titleEn(), new OfferingId(open.invitation.offeringId()),
                o.map(x -> x.program().titleKo()).orElse(open.invitation.offeringId()),
                o.map(x -> x.program().titleEn()).orElse(null), s.questionnaire().questions(), s.closesAt(), given);
    }

    /**
     * Stores the answer given through the link, replacing the one it gave before; then marks the invitation answered.
     *
     * @param given question id → a point ({@link Number}) or a text ({@link String})
     * @throws SurveyLinkException INVALID for a changed or made-up link, CLOSED after the close; nothing is stored
     * @throws org.baeum.base.domain.InvalidInputException per question (off the scale, missing, too long, unknown);
     *         nothing is stored
     * @return the survey answered
     */
    @PreAuthorize("permitAll()")
    public SurveyId answer(String token, Map<String, ?> given) {
        Open open = open(token);
        Map<String, Object> clean = AnswerChecks.clean(open.survey.questionnaire(), given == null ? Map.of() : given);
        answers.save(new AnswerRepository.StoredAnswer(secrets.answerId(token), open.survey.id().value(),
                open.invitation.offeringId(), clean));
        invitations.markAnswered(open.invitation.id());
        // neither the invitation nor the participant: a log line with both would link the answer to its time
        log.info("An answer to survey {} was stored", open.survey.id().value());
        return open.survey.id();
    }

    private record Open(StoredInvitation invitation, Survey survey) {
    }

    private Open open(String token) {
        StoredInvitation invitation = secrets.invitationOf(token).flatMap(invitations::find)
                .orElseThrow(() -> new SurveyLinkException(SurveyLinkException.Problem.INVALID));
        Survey survey = definitions.find(new SurveyId(invitation.surveyId()))
                .orElseThrow(() -> new SurveyLinkException(SurveyLinkException.Problem.INVALID));
        if (!survey.takesAnswersAt(clock.instant())) {
            throw new SurveyLinkException(SurveyLinkException.Problem.CLOSED);
        }
        return new Open(invitation, survey);
    }
}
