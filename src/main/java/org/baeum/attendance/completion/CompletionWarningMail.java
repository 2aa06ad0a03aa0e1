package org.baeum.attendance.completion;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.baeum.account.Account;
import org.baeum.account.AccountId;
import org.baeum.account.AccountService;
import org.baeum.attendance.completion.CompletionCheck.Standing;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.SystemIdentity;
import org.baeum.catalog.Instructor;
import org.baeum.catalog.Offering;
import org.baeum.enrollment.Enrollment;
import org.baeum.notification.NotificationKind;
import org.baeum.notification.NotificationRequest;
import org.baeum.notification.NotificationService;
import org.baeum.notification.Recipient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The mail of decision 0035, added to the outbox as the system in the recipient's language: a warning to the
 * household of a participant (key {@code completion-below:<enrolmentId>} or {@code completion-unreachable:<enrolmentId>},
 * so each is mailed at most once per enrolment), and to each instructor of an offering whose completion is due
 * (key {@code completion-due:<offeringId>:<accountId>}).
 */
@Component
class CompletionWarningMail {

    private static final Logger log = LoggerFactory.getLogger(CompletionWarningMail.class);
    static final String TRANSCRIPT = "my/transcript";

    private final NotificationService notifications;
    private final AccountService accounts;
    private final String publicUrl;

    CompletionWarningMail(NotificationService notifications, AccountService accounts,
                          @Value("${baeum.public-url}") String publicUrl) {
        this.notifications = notifications;
        this.accounts = accounts;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    static String key(CompletionWarning w, String enrollmentId) {
        return "completion-" + w.name().toLowerCase(Locale.ROOT) + ":" + enrollmentId;
    }

    /** @return whether the household has an address the warning went to */
    boolean warn(Enrollment e, Offering o, CompletionWarning w, Standing s, CompletionRule rule) {
        return SystemIdentity.call(() -> {
            Account a = accounts.account(e.household()).orElse(null);
            if (a == null || a.email() == null) {
                log.warn("No completion warning mail for enrolment {}: household {} has no address", e.id().value(),
                        e.household().value());
                return false;
            }
            Locale lang = language(a);
            notifications.enqueue(NotificationRequest.now(key(w, e.id().value()),
                    w == CompletionWarning.BELOW ? NotificationKind.COMPLETION_AT_RISK
                            : NotificationKind.COMPLETION_UNREACHABLE,
                    recipient(a, lang), List.of(o.title(lang), e.participantName(), String.valueOf(s.attended()),
                            String.valueOf(s.held()), CompletionWarning.share(rule),
                            String.valueOf(s.total() - s.held())),
                    Map.of("open", publicUrl + "/" + TRANSCRIPT)));
            log.info("Completion warning {} for enrolment {} in offering {} added for account {}", w,
                    e.id().value(), o.id().value(), a.id().value());
            return true;
        });
    }

    /** Asks each instructor of the offering to confirm its completion; @return how many were asked */
    int due(Offering o, LocalDate lastSession, int participants, int completed) {
        return SystemIdentity.call(() -> {
            int asked = 0;
            for (Instructor i : o.program().instructors()) {
                Account a = accounts.account(new AccountId(i.accountId())).orElse(null);
                if (a == null || a.email() == null) {
                    log.warn("No completion-due mail for offering {} to instructor {}: no address", o.id().value(),
                            i.accountId());
                    continue;
                }
                Locale lang = language(a);
                notifications.enqueue(NotificationRequest.now("completion-due:" + o.id().value() + ":" + i.accountId(),
                        NotificationKind.COMPLETION_DUE, recipient(a, lang), List.of(o.title(lang),
                                Formats.date(lastSession, lang), String.valueOf(participants),
                                String.valueOf(completed)),
                        Map.of("open", publicUrl + "/instructor/offerings/" + o.id().value() + "/completion")));
                asked++;
            }
            log.info("Completion of offering {} is due: {} instructor(s) asked", o.id().value(), asked);
            return asked;
        });
    }

    private static Locale language(Account a) {
        return a.language() == null ? Locale.KOREAN : a.language();
    }

    private static Recipient recipient(Account a, Locale lang) {
        return new Recipient(a.id().value(), a.email(), a.displayName(), lang, a.reminders());
    }
}
