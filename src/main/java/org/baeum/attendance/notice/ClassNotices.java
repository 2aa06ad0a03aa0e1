package org.baeum.attendance.notice;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.baeum.account.Account;
import org.baeum.account.AccountId;
import org.baeum.account.AccountService;
import org.baeum.account.HouseholdService;
import org.baeum.attendance.Attendance;
import org.baeum.base.domain.FieldProblem;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.CurrentUser;
import org.baeum.base.security.SystemIdentity;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.Instructor;
import org.baeum.catalog.Offering;
import org.baeum.catalog.OfferingId;
import org.baeum.enrollment.RosterEntry;
import org.baeum.notification.NotificationKind;
import org.baeum.notification.NotificationRequest;
import org.baeum.notification.NotificationService;
import org.baeum.notification.Recipient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Class notices (issue 16, part 7): the instructor of an offering (or STAFF) writes to everyone enrolled in it, e.g.
 * a room change. One {@link NotificationKind#INSTRUCTOR_MESSAGE} mail per household with an enrolled participant, in
 * that account's language, added to the outbox as the system. The key holds a hash of subject and body and the minute
 * (Asia/Seoul clock minute), so a double click adds nothing new; the same notice sent again a minute later is sent again.
 */
@Service
public class ClassNotices {

    private static final Logger log = LoggerFactory.getLogger(ClassNotices.class);
    public static final int MAX_SUBJECT = 100;
    public static final int MAX_BODY = 2000;
    private static final String MY_LEARNING = "my/learning";

    private final Attendance attendance;
    private final CatalogService catalog;
    private final HouseholdService households;
    private final AccountService accounts;
    private final NotificationService notifications;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final String publicUrl;

    ClassNotices(Attendance attendance, CatalogService catalog, HouseholdService households, AccountService accounts,
                 NotificationService notifications, CurrentUser currentUser, Clock clock,
                 @Value("${baeum.public-url}") String publicUrl) {
        this.attendance = attendance;
        this.catalog = catalog;
        this.households = households;
        this.accounts = accounts;
        this.notifications = notifications;
        this.currentUser = currentUser;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /**
     * Sends a notice to the households of the offering's enrolled participants.
     *
     * @return how many households it was added for (a repeat within the minute adds none but still answers the count)
     * @throws AccessDeniedException  when the caller neither teaches the offering nor is STAFF or ADMIN
     * @throws InvalidInputException  at {@code subject} (1–100 characters) or {@code body} (1–2000); nothing is sent
     */
    @PreAuthorize("hasAnyRole('INSTRUCTOR','STAFF','ADMIN')")
    public int send(OfferingId offeringId, String subject, String body) {
        List<RosterEntry> roster = attendance.roster(offeringId); // checks the caller
        String s = subject == null ? "" : subject.strip();
        String b = body == null ? "" : body.strip();
        List<FieldProblem> problems = new ArrayList<>();
        check(problems, "subject", s, MAX_SUBJECT);
        check(problems, "body", b, MAX_BODY);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        BaeumUser sender = currentUser.require();
        Offering o = catalog.offering(offeringId).orElseThrow(() -> new AccessDeniedException("Not your class"));
        String teacher = o.program().instructors().stream().filter(i -> i.accountId().equals(sender.accountId()))
                .map(Instructor::name).findFirst()
                .or(() -> o.program().instructors().stream().map(Instructor::name).findFirst())
                .orElse(sender.displayName());
        String key = "notice:" + offeringId.value() + ":" + hash(s, b) + ":";
        String text = s + "\n\n" + b;
        int added = SystemIdentity.call(() -> {
            Set<AccountId> homes = new LinkedHashSet<>();
            for (RosterEntry r : roster) {
                try {
                    homes.add(households.participant(r.participant()).household());
                } catch (AccessDeniedException gone) { // removed meanwhile
                    log.debug("Participant of enrolment {} is gone; no notice for it", r.id().value());
                }
            }
            int count = 0;
            for (AccountId home : homes) {
                Account a = accounts.account(home).orElse(null);
                if (a == null || a.email() == null) {
                    continue;
                }
                Locale lang = a.language() == null ? Locale.KOREAN : a.language();
                notifications.enqueue(NotificationRequest.now(key + home.value(), NotificationKind.INSTRUCTOR_MESSAGE,
                        new Recipient(a.id().value(), a.email(), a.displayName(), lang, a.reminders()),
                        List.of(o.title(lang), teacher, text), Map.of("open", publicUrl + "/" + MY_LEARNING)));
                count++;
            }
            return count;
        });
        log.info("Account {} sent a notice to offering {}: {} households of {} enrolled participants",
                sender.accountId(), offeringId.value(), added, roster.size());
        return added;
    }

    private static void check(List<FieldProblem> problems, String field, String value, int max) {
        if (value.isEmpty()) {
            problems.add(FieldProblem.of(field, "validation.required"));
        } else if (value.length() > max) {
            problems.add(FieldProblem.of(field, "validation.tooLong", max));
        }
    }

    /** Subject, body and the current minute, so the same notice sent twice in a minute has the same key. */
    private String hash(String subject, String body) {
        long minute = clock.instant().truncatedTo(ChronoUnit.MINUTES).getEpochSecond() / 60;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((subject + "\u0000" + body + "\u0000" + minute)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
