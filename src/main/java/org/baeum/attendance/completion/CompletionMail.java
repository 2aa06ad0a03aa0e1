package org.baeum.attendance.completion;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.baeum.account.Account;
import org.baeum.account.AccountService;
import org.baeum.attendance.certificate.Certificate;
import org.baeum.attendance.certificate.Certificates;
import org.baeum.base.security.SystemIdentity;
import org.baeum.enrollment.EnrollmentId;
import org.baeum.notification.NotificationKind;
import org.baeum.notification.NotificationRequest;
import org.baeum.notification.NotificationService;
import org.baeum.notification.Recipient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tells the household that one of its participants completed and got a certificate: one mail per enrolment (key
 * {@code completed:<enrolmentId>}, so a repeated confirmation adds none), added to the outbox as the system.
 */
@Component
class CompletionMail {

    private static final Logger log = LoggerFactory.getLogger(CompletionMail.class);

    private final NotificationService notifications;
    private final AccountService accounts;
    private final Certificates certificates;

    CompletionMail(NotificationService notifications, AccountService accounts, Certificates certificates) {
        this.notifications = notifications;
        this.accounts = accounts;
        this.certificates = certificates;
    }

    void completed(EnrollmentId enrollmentId, Certificate c) {
        SystemIdentity.run(() -> {
            Optional<Account> account = accounts.account(c.content().household());
            if (account.isEmpty() || account.get().email() == null) {
                log.warn("No completion mail for enrolment {}: household {} has no address", enrollmentId.value(),
                        c.content().household().value());
                return;
            }
            Account a = account.get();
            Locale lang = a.language() == null ? Locale.KOREAN : a.language();
            String program = "en".equals(lang.getLanguage()) ? c.content().programEn() : c.content().programKo();
            String hours = c.content().hours() % 1 == 0 ? String.valueOf((long) c.content().hours())
                    : String.valueOf(c.content().hours());
            notifications.enqueue(NotificationRequest.now("completed:" + enrollmentId.value(),
                    NotificationKind.COMPLETION_CONFIRMED,
                    new Recipient(a.id().value(), a.email(), a.displayName(), lang, a.reminders()),
                    List.of(program, c.content().holderName(), String.valueOf(c.content().sessions()), hours,
                            c.number()),
                    Map.of("open", certificates.verificationUrl(c.code()))));
            log.info("Completion mail for enrolment {} (certificate {}) added for account {}", enrollmentId.value(),
                    c.number(), a.id().value());
        });
    }
}
