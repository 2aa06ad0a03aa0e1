package org.baeum.booking.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.baeum.account.Account;
import org.baeum.base.i18n.Formats;
import org.baeum.base.i18n.Messages;
import org.baeum.booking.Bookable;
import org.baeum.booking.Booking;
import org.baeum.booking.BookingStatus;
import org.baeum.notification.NotificationKind;
import org.baeum.notification.NotificationRequest;
import org.baeum.notification.Recipient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What a booking's mail says ({@link BookingMail} decides when one is owed and adds it): the resource, day and hours,
 * and per mail the check-in window and cancellation deadline, STAFF's decision and reason, or why it was cancelled,
 * in the account's language, with the link to 내 예약 (never the booking code).
 */
@Component
class BookingMailText {

    private static final Logger log = LoggerFactory.getLogger(BookingMailText.class);

    private final Messages messages;
    private final NoShows noShows;
    private final String link;

    BookingMailText(Messages messages, NoShows noShows, @Value("${baeum.public-url}") String publicUrl) {
        this.messages = messages;
        this.noShows = noShows;
        this.link = (publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl)
                + BookingMail.MY_BOOKINGS;
    }

    /** The kind of a mail named in {@code mailsOwed}; empty for a name this portal does not know. */
    static Optional<NotificationKind> kind(String mail) {
        return Optional.ofNullable(switch (mail) {
            case BookingMail.REQUESTED -> NotificationKind.BOOKING_REQUESTED;
            case BookingMail.CONFIRMED -> NotificationKind.BOOKING_CONFIRMED;
            case BookingMail.DECIDED -> NotificationKind.BOOKING_DECIDED;
            case BookingMail.CANCELLED -> NotificationKind.BOOKING_CANCELLED;
            default -> null;
        });
    }

    /**
     * The mail to the household's account {@code a} in its language; empty (logged) when it has no account or address.
     * {@code detail}: STAFF's reason for a refusal, {@code "expired"} for a request that ended undecided.
     */
    Optional<NotificationRequest> request(Booking b, String mail, String detail, Account a, Bookable bookable) {
        NotificationKind kind = kind(mail).orElseThrow(() -> new IllegalArgumentException("unknown mail " + mail));
        if (a == null || a.email() == null) {
            log.warn("No {} mail for booking {}: account {} has no address", mail, b.id(), b.accountId());
            return Optional.empty();
        }
        Locale lang = a.language() == null ? Locale.KOREAN : a.language();
        String name = bookable == null ? b.bookableId() : bookable.name(lang);
        List<String> parameters = new ArrayList<>(List.of(name, Formats.date(b.date(), lang),
                b.start() + "–" + b.end()));
        parameters.addAll(details(b, mail, detail, bookable, lang));
        return Optional.of(NotificationRequest.now(BookingMail.key(mail, b.id()), kind,
                new Recipient(a.id().value(), a.email(), a.displayName(), lang, a.reminders()), parameters,
                Map.of("open", link)));
    }

    private List<String> details(Booking b, String mail, String detail, Bookable bookable, Locale lang) {
        return switch (mail) {
            case BookingMail.CONFIRMED -> List.of(times(b, bookable, lang));
            case BookingMail.DECIDED -> {
                // STAFF's decision stays in the booking: REFUSED, or approved (CONFIRMED and whatever came after)
                boolean approved = b.status() != BookingStatus.REFUSED;
                yield List.of(messages.get(approved ? "booking.mail.approved" : "booking.mail.refused", lang),
                        approved ? times(b, bookable, lang) : messages.get("booking.mail.reason", lang, detail));
            }
            case BookingMail.CANCELLED -> List.of(
                    messages.get("expired".equals(detail) ? "booking.mail.expired" : "booking.mail.byStaff", lang));
            default -> List.of();
        };
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
}
