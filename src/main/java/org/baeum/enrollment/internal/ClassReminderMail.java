package org.baeum.enrollment.internal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.baeum.account.Account;
import org.baeum.account.AccountId;
import org.baeum.account.AccountService;
import org.baeum.account.RegistrationService;
import org.baeum.base.i18n.Formats;
import org.baeum.base.i18n.Messages;
import org.baeum.catalog.Branch;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.Room;
import org.baeum.notification.NotificationKind;
import org.baeum.notification.NotificationRequest;
import org.baeum.notification.NotificationService;
import org.baeum.notification.Recipient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A household's class reminder for a day (decision 0049): one {@link NotificationKind#CLASS_REMINDER} listing every
 * class of the household's participants that day (who, what, when, where, and the program's 준비물 when it has
 * one, in the account's language), with a link to My learning (to see or
 * cancel, no token) and the account's own "stop reminders" link. Its key is {@code reminder:<account>:<day>}, so a walk
 * run again adds nothing; the account's reminder choice is read now, when the mail is queued, so an opt-out made
 * since the day's item was scheduled stops it. Run as the system.
 */
@Component
class ClassReminderMail {

    private static final Logger log = LoggerFactory.getLogger(ClassReminderMail.class);
    /** Mails added with one insert. */
    static final int BATCH = 500;

    private final NotificationService notifications;
    private final AccountService accounts;
    private final RegistrationService registration;
    private final CatalogService catalog;
    private final Messages messages;
    private final String publicUrl;

    ClassReminderMail(NotificationService notifications, AccountService accounts, RegistrationService registration,
                 CatalogService catalog, Messages messages, @Value("${baeum.public-url}") String publicUrl) {
        this.notifications = notifications;
        this.accounts = accounts;
        this.registration = registration;
        this.catalog = catalog;
        this.messages = messages;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** The key of a household's reminder mail of a day: one per person, day and kind. */
    static String key(String accountId, LocalDate day) {
        return "reminder:" + accountId + ":" + day;
    }

    /** Rooms by id: {Korean, English} "branch room" names. */
    Map<String, String[]> roomNames() {
        Map<String, String[]> names = new HashMap<>();
        for (Branch b : catalog.branches()) {
            for (Room r : b.rooms()) {
                names.put(r.id(), new String[]{b.nameKo() + " " + r.nameKo(),
                        (b.nameEn() == null ? b.nameKo() : b.nameEn()) + " " + (r.nameEn() == null ? r.nameKo() : r.nameEn())});
            }
        }
        return names;
    }

    /**
     * Queues the households' mails of the day, 500 to an insert; a mail queued before is not added again.
     *
     * @return how many households have a mail (added now or before); none for an account without an address or with
     *         reminders turned off
     */
    int remind(LocalDate day, Map<String, List<ReminderWalk.Line>> byHousehold) {
        int mailed = 0;
        List<String> households = new java.util.ArrayList<>(byHousehold.keySet());
        for (int from = 0; from < households.size(); from += BATCH) {
            List<String> part = households.subList(from, Math.min(households.size(), from + BATCH));
            Map<AccountId, Account> found = accounts.accounts(part.stream().map(AccountId::new).toList());
            List<NotificationRequest> batch = new java.util.ArrayList<>(part.size());
            for (String household : part) {
                request(Optional.ofNullable(found.get(new AccountId(household))), household, day, byHousehold.get(household))
                        .ifPresent(batch::add);
            }
            notifications.enqueueAll(batch);
            mailed += batch.size();
        }
        return mailed;
    }

    private Optional<NotificationRequest> request(Optional<Account> account, String householdId, LocalDate day,
                                                  List<ReminderWalk.Line> lines) {
        if (account.isEmpty() || account.get().email() == null) {
            log.warn("No class reminder of {} for account {}: no address", day, householdId);
            return Optional.empty();
        }
        Account a = account.get();
        if (!a.reminders()) {
            log.debug("No class reminder of {} for account {}: reminders off", day, householdId);
            return Optional.empty();
        }
        Locale lang = a.language() == null ? Locale.KOREAN : a.language();
        boolean english = "en".equals(lang.getLanguage());
        StringBuilder text = new StringBuilder();
        for (ReminderWalk.Line l : lines) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            String title = english && l.titleEn() != null && !l.titleEn().isBlank() ? l.titleEn() : l.titleKo();
            text.append(messages.get("enrollment.reminder.line", lang, l.participantName(), title, l.start().toString(),
                    l.end().toString(), english ? l.roomNameEn() : l.roomNameKo()));
            if (l.firstSession()) {
                text.append(' ').append(messages.get("enrollment.reminder.first", lang));
            }
            String bring = english && l.whatToBringEn() != null && !l.whatToBringEn().isBlank() ? l.whatToBringEn()
                    : l.whatToBringKo();
            if (bring != null && !bring.isBlank()) {
                text.append("\n  ").append(messages.get("enrollment.reminder.bring", lang, bring.strip()));
            }
        }
        Map<String, String> links = Map.of("open", publicUrl + "/" + EnrollmentMail.MY_LEARNING,
                "unsubscribe", registration.unsubscribeLink(a.id()));
        return Optional.of(NotificationRequest.now(key(a.id().value(), day), NotificationKind.CLASS_REMINDER,
                new Recipient(a.id().value(), a.email(), a.displayName(), lang, a.reminders()),
                List.of(Formats.date(day, lang), Integer.toString(lines.size()), text.toString()), links));
    }
}
