package org.baeum.attendance.degree.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.baeum.account.Account;
import org.baeum.account.AccountId;
import org.baeum.account.AccountService;
import org.baeum.attendance.degree.DegreeAward;
import org.baeum.base.i18n.Formats;
import org.baeum.base.i18n.Messages;
import org.baeum.base.security.SystemIdentity;
import org.baeum.notification.NotificationKind;
import org.baeum.notification.NotificationRequest;
import org.baeum.notification.NotificationService;
import org.baeum.notification.Recipient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Tells the household that one of its participants was awarded a degree: one mail per award (key
 * {@code degree:<participant>:<level>}), in the household's language, added to the outbox as the system.
 */
@Component
public class DegreeMail {

    private static final Logger log = LoggerFactory.getLogger(DegreeMail.class);

    private final NotificationService notifications;
    private final AccountService accounts;
    private final Messages messages;
    private final String transcriptUrl;

    DegreeMail(NotificationService notifications, AccountService accounts, Messages messages,
               @Value("${baeum.public-url}") String publicUrl) {
        this.notifications = notifications;
        this.accounts = accounts;
        this.messages = messages;
        this.transcriptUrl = (publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl)
                + "/my/transcript";
    }

    public void awarded(AccountId household, String participantName, DegreeAward award) {
        SystemIdentity.run(() -> {
            Optional<Account> account = accounts.account(household);
            if (account.isEmpty() || account.get().email() == null) {
                log.warn("No degree mail for participant {}: household {} has no address",
                        award.participant().value(), household.value());
                return;
            }
            Account a = account.get();
            Locale lang = a.language() == null ? Locale.KOREAN : a.language();
            notifications.enqueue(NotificationRequest.now("degree:" + award.participant().value() + ":"
                            + award.level().name(), NotificationKind.DEGREE_AWARDED,
                    new Recipient(a.id().value(), a.email(), a.displayName(), lang, a.reminders()),
                    List.of(messages.get(award.level().messageKey(), lang), participantName,
                            Formats.date(award.awardedOn(), lang)),
                    Map.of("open", transcriptUrl)));
            log.info("Degree mail ({}) for participant {} added for account {}", award.level(),
                    award.participant().value(), a.id().value());
        });
    }
}
