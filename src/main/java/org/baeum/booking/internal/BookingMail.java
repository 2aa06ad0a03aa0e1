package org.baeum.booking.internal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.baeum.account.Account;
import org.baeum.account.AccountId;
import org.baeum.account.AccountService;
import org.baeum.base.i18n.Formats;
import org.baeum.base.i18n.Messages;
import org.baeum.base.security.SystemIdentity;
import org.baeum.booking.Bookable;
import org.baeum.booking.Booking;
import org.baeum.booking.BookingEvents;
import org.baeum.booking.BookingEvents.BookingCancelled;
import org.baeum.booking.BookingEvents.BookingDecided;
import org.baeum.booking.BookingEvents.BookingPlaced;
import org.baeum.booking.BookingStatus;
import org.baeum.notification.NotificationKind;
import org.baeum.notification.NotificationRequest;
import org.baeum.notification.NotificationService;
import org.baeum.notification.Recipient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The booking feature's mail to the household that booked, in its account's language, added to the outbox after the
 * change is stored: a booking made (BOOKING_CONFIRMED, or BOOKING_REQUESTED where STAFF approve), STAFF's decision on a
 * request (BOOKING_DECIDED, with their reason), a cancellation the household did not make (BOOKING_CANCELLED: by
 * STAFF, or a request that expired undecided). Keyed per booking and event, so a repeated event adds nothing. Never
 * mailed: the booking code (STAFF read sent mail; the link leads to 내 예약, where the booker sees it), a closure's
 * cancellations (the closure's one CLOSURE_NOTICE tells the person), a learning club's bookings (the leader hears of
 * the series once, {@code ClubSeries} mail), the household's own cancellation (it sees it on the page).
 * A failure to add the mail is logged and never undoes or fails the booking.
 */
@Component
class BookingMail {

    static final String MY_BOOKINGS = "/my/bookings";
    private static final Logger log = LoggerFactory.getLogger(BookingMail.class);

    private final NotificationService notifications;
    private final AccountService accounts;
    private final BookableRepository bookables;
    private final NoShows noShows;
    private final Messages messages;
    private final String link;

    BookingMail(NotificationService notifications, AccountService accounts, BookableRepository bookables,
                NoShows noShows, Messages messages, @Value("${baeum.public-url}") String publicUrl) {
        this.notifications = notifications;
        this.accounts = accounts;
        this.bookables = bookables;
        this.noShows = noShows;
        this.messages = messages;
        this.link = (publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl)
                + MY_BOOKINGS;
    }

    static String key(String event, String bookingId) {
        return "booking-" + event + ":" + bookingId;
    }

    @EventListener
    void placed(BookingPlaced event) {
        Booking b = event.booking();
        if (b.clubId() != null) {
            return;
        }
        boolean requested = b.status() == BookingStatus.REQUESTED;
        NotificationKind kind = requested ? NotificationKind.BOOKING_REQUESTED : NotificationKind.BOOKING_CONFIRMED;
        send(b, requested ? "requested" : "confirmed", kind, (bookable, lang) -> requested ? List.of()
                : List.of(times(b, bookable, lang)));
    }

    @EventListener
    void decided(BookingDecided event) {
        Booking b = event.booking();
        if (b.clubId() != null) {
            return;
        }
        boolean approved = b.status() == BookingStatus.CONFIRMED;
        send(b, "decided", NotificationKind.BOOKING_DECIDED, (bookable, lang) -> List.of(
                messages.get(approved ? "booking.mail.approved" : "booking.mail.refused", lang),
                approved ? times(b, bookable, lang) : messages.get("booking.mail.reason", lang, event.reason())));
    }

    @EventListener
    void cancelled(BookingCancelled event) {
        Booking b = event.booking();
        if (b.clubId() != null || event.by() == BookingEvents.CancelledBy.BOOKER
                || event.by() == BookingEvents.CancelledBy.CLOSURE) {
            return;
        }
        send(b, "cancelled", NotificationKind.BOOKING_CANCELLED, (bookable, lang) -> List.of(
                messages.get(event.by() == BookingEvents.CancelledBy.EXPIRED ? "booking.mail.expired"
                        : "booking.mail.byStaff", lang)));
    }

    /** When the check-in window is and until when it can be cancelled online, as the rules stand now. */
    private String times(Booking b, Bookable bookable, Locale lang) {
        int grace = noShows.rule().graceMinutes();
        Instant from = b.presentFrom();
        String checkIn = messages.get("booking.mail.checkIn", lang, Formats.dateTime(from, lang),
                Formats.dateTime(b.checkInUntil(grace), lang));
        Instant cancelUntil = bookable == null ? null : b.cancelUntil(bookable.rules(), grace);
        String cancel = cancelUntil == null || !cancelUntil.isAfter(b.createdAt() == null ? from : b.createdAt())
                ? messages.get("booking.mail.noCancel", lang)
                : messages.get("booking.mail.cancelUntil", lang, Formats.dateTime(cancelUntil, lang));
        return checkIn + "\n" + cancel;
    }

    private interface Details {
        List<String> of(Bookable bookable, Locale lang);
    }

    /** Looks the household's account up as the portal and adds the mail; no address or any failure is logged. */
    private void send(Booking b, String event, NotificationKind kind, Details details) {
        try {
            SystemIdentity.run(() -> {
                Optional<Account> account = accounts.account(new AccountId(b.accountId()));
                if (account.isEmpty() || account.get().email() == null) {
                    log.warn("No {} mail for booking {}: account {} has no address", event, b.id(), b.accountId());
                    return;
                }
                Account a = account.get();
                Locale lang = a.language() == null ? Locale.KOREAN : a.language();
                Bookable bookable = bookables.findById(b.bookableId()).orElse(null);
                String name = bookable == null ? b.bookableId() : bookable.name(lang);
                List<String> parameters = new java.util.ArrayList<>(List.of(name, Formats.date(b.date(), lang),
                        b.start() + "–" + b.end()));
                parameters.addAll(details.of(bookable, lang));
                notifications.enqueue(NotificationRequest.now(key(event, b.id()), kind,
                        new Recipient(a.id().value(), a.email(), a.displayName(), lang, a.reminders()), parameters,
                        Map.of("open", link)));
                log.info("Booking {} mail ({}) added for account {}", b.id(), kind, a.id().value());
            });
        } catch (RuntimeException e) {
            log.error("Booking {} mail ({}) for account {} could not be added", b.id(), kind, b.accountId(), e);
        }
    }
}
