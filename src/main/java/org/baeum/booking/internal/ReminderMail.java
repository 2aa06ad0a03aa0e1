package org.baeum.booking.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.baeum.account.Account;
import org.baeum.account.AccountId;
import org.baeum.account.AccountService;
import org.baeum.account.RegistrationService;
import org.baeum.base.i18n.Formats;
import org.baeum.base.i18n.Messages;
import org.baeum.booking.Bookable;
import org.baeum.booking.Booking;
import org.baeum.notification.NotificationKind;
import org.baeum.notification.NotificationRequest;
import org.baeum.notification.NotificationService;
import org.baeum.notification.Recipient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The booking reminders' mail (decision 0050), queued as the portal: BOOKING_REMINDER, the day before, one per
 * household and day listing that day's bookings; BOOKING_STARTING, before a booking's start, with the check-in link
 * (내 예약, where the booker checks in). Both are reminders the household can turn off (an {@code unsubscribe} link);
 * the choice is read when the mail is queued. Never the booking code (decision 0042). Keyed per household and day,
 * or per booking, and kind, so queuing one again adds nothing.
 */
@Component
class ReminderMail {

    private static final Logger log = LoggerFactory.getLogger(ReminderMail.class);

    /** What became of a reminder. */
    enum Outcome { QUEUED, REMINDERS_OFF, NO_ADDRESS }

    private final NotificationService notifications;
    private final AccountService accounts;
    private final RegistrationService registration;
    private final BookableRepository bookables;
    private final NoShows noShows;
    private final Messages messages;
    private final String link;

    ReminderMail(NotificationService notifications, AccountService accounts, RegistrationService registration,
                 BookableRepository bookables, NoShows noShows, Messages messages,
                 @Value("${baeum.public-url}") String publicUrl) {
        this.notifications = notifications;
        this.accounts = accounts;
        this.registration = registration;
        this.bookables = bookables;
        this.noShows = noShows;
        this.messages = messages;
        this.link = (publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl)
                + BookingMail.MY_BOOKINGS;
    }

    static String dayKey(String accountId, LocalDate date) {
        return "booking-reminder:" + accountId + ":" + date;
    }

    static String soonKey(String bookingId) {
        return "booking-starting:" + bookingId;
    }

    /** The day-before mail of a household: its bookings of {@code date} (at least one), by start. Runs as the portal. */
    Outcome dayBefore(String accountId, LocalDate date, List<Booking> day) {
        return send(accountId, (a, lang) -> {
            String lines = day.stream().map(b -> "• " + b.start() + "–" + b.end() + " " + name(b, lang))
                    .collect(Collectors.joining("\n"));
            return new NotificationRequest(dayKey(accountId, date), NotificationKind.BOOKING_REMINDER, a,
                    List.of(Integer.toString(day.size()), Formats.date(date, lang), lines,
                            Integer.toString(noShows.rule().graceMinutes())),
                    links(accountId, "open"), List.of(), null);
        }, NotificationKind.BOOKING_REMINDER, date.toString());
    }

    /** The mail before one booking's start, with its check-in window and the link to check in. Runs as the portal. */
    Outcome starting(Booking b) {
        return send(b.accountId(), (a, lang) -> new NotificationRequest(soonKey(b.id()),
                NotificationKind.BOOKING_STARTING, a, List.of(name(b, lang), Formats.date(b.date(), lang),
                b.start() + "–" + b.end(), messages.get("booking.mail.checkIn", lang,
                        Formats.dateTime(b.presentFrom(), lang),
                        Formats.dateTime(b.checkInUntil(noShows.rule().graceMinutes()), lang))),
                links(b.accountId(), "checkin"), List.of(), null), NotificationKind.BOOKING_STARTING, b.id());
    }

    private Map<String, String> links(String accountId, String main) {
        return Map.of(main, link, "unsubscribe", registration.unsubscribeLink(new AccountId(accountId)));
    }

    private String name(Booking b, Locale lang) {
        return bookables.findById(b.bookableId()).map(bookable -> bookable.name(lang)).orElse(b.bookableId());
    }

    private interface Build {
        NotificationRequest of(Recipient to, Locale lang);
    }

    /**
     * Reads the household's account and queues the mail unless it turned reminders off (decided now, at queue time)
     * or has no address; a failure to queue throws, for the item to be tried again.
     */
    private Outcome send(String accountId, Build build, NotificationKind kind, String about) {
        Optional<Account> found = accounts.account(new AccountId(accountId));
        if (found.isEmpty() || found.get().email() == null) {
            log.warn("No {} for {}: account {} has no address", kind, about, accountId);
            return Outcome.NO_ADDRESS;
        }
        Account a = found.get();
        if (!a.reminders()) {
            log.info("No {} for {}: account {} turned reminders off", kind, about, accountId);
            return Outcome.REMINDERS_OFF;
        }
        Locale lang = a.language() == null ? Locale.KOREAN : a.language();
        notifications.enqueue(build.of(new Recipient(a.id().value(), a.email(), a.displayName(), lang, true), lang));
        log.info("{} for {} queued for account {}", kind, about, accountId);
        return Outcome.QUEUED;
    }
}
