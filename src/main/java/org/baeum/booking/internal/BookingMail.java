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
import org.bson.Document;
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
 * The change that owes a mail records it in the booking ({@code mailsOwed}, in the same write); once the mail is
 * added it is taken off. A crash or a failure in between (logged, never undoing or failing the booking) leaves it
 * owed, and the booking sweep adds it after a minute ({@link #recover}): nothing lost, the key keeps it single.
 */
@Component
class BookingMail {

    static final String MY_BOOKINGS = "/my/bookings";
    /** The mails, as named in their keys and in {@code mailsOwed}. */
    static final String REQUESTED = "requested";
    static final String CONFIRMED = "confirmed";
    static final String DECIDED = "decided";
    static final String CANCELLED = "cancelled";
    private static final Logger log = LoggerFactory.getLogger(BookingMail.class);

    private final NotificationService notifications;
    private final AccountService accounts;
    private final BookableRepository bookables;
    private final NoShows noShows;
    private final Messages messages;
    private final String link;
    private final BookingRepository bookings;
    private volatile java.util.function.Consumer<String> crashPoint = mail -> { };
    /**
     * Where a new booking's mail is added: a thread of its own, so the booking's answer does not wait for the
     * account read and the outbox write (a rush's successful requests, decision 0048); what it drops (a full queue, a
     * stop) stays owed for the sweep. {@code baeum.booking.mail-in-background=false} adds it in the request (tests).
     */
    private final HandOff handOff;

    BookingMail(NotificationService notifications, AccountService accounts, BookableRepository bookables,
                NoShows noShows, Messages messages, BookingRepository bookings,
                @Value("${baeum.public-url}") String publicUrl,
                @Value("${baeum.booking.mail-in-background:true}") boolean inBackground) {
        this.handOff = inBackground ? HandOff.background("booking-mail", 10_000) : HandOff.inline();
        this.bookings = bookings;
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

    /**
     * What a new booking owes its household, written with the booking ({@code mailsOwed}): REQUESTED or CONFIRMED
     * mail; nothing for a learning club's booking.
     */
    static List<Document> owedOnPlacement(String clubId, BookingStatus status, Instant now) {
        return clubId != null ? List.of() : List.of(BookingRepository.owed(
                status == BookingStatus.REQUESTED ? REQUESTED : CONFIRMED, now));
    }

    /** What STAFF's decision on a request owes: the decision mail, except for a club's booking. */
    static String owedOnDecision(Document d) {
        return d.getString("clubId") == null ? DECIDED : null;
    }

    /** What a cancellation owes: a mail when STAFF or the portal (an expired request) cancelled a citizen's booking. */
    static String owedOnCancel(Document d, BookingEvents.CancelledBy by) {
        return d.getString("clubId") == null && (by == BookingEvents.CancelledBy.STAFF
                || by == BookingEvents.CancelledBy.EXPIRED) ? CANCELLED : null;
    }

    @EventListener
    void placed(BookingPlaced event) {
        Booking b = event.booking();
        if (b.clubId() != null) {
            return;
        }
        String mail = b.status() == BookingStatus.REQUESTED ? REQUESTED : CONFIRMED;
        if (!handOff.offer(() -> owe(b, mail, null))) {
            log.warn("Booking {}: its {} mail is left owed for the sweep (the mail queue is full or stopping)",
                    b.id(), mail);
        }
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        handOff.close();
    }

    @EventListener
    void decided(BookingDecided event) {
        if (event.booking().clubId() == null) {
            owe(event.booking(), DECIDED, event.reason());
        }
    }

    @EventListener
    void cancelled(BookingCancelled event) {
        Booking b = event.booking();
        if (b.clubId() != null || event.by() == BookingEvents.CancelledBy.BOOKER
                || event.by() == BookingEvents.CancelledBy.CLOSURE) {
            return;
        }
        owe(b, CANCELLED, event.by() == BookingEvents.CancelledBy.EXPIRED ? "expired" : null);
    }

    /**
     * Queues the mails a crash left owed (in {@code mailsOwed} since before {@code before}); the key of each makes one
     * queued by the request meanwhile count as done. Answers how many it queued or found queued.
     */
    int recover(Instant before, int batch) {
        int done = 0;
        for (Document d : bookings.owingMailSince(before, batch)) {
            Booking b = BookingRepository.toBooking(d).masked();
            for (Document owed : d.getList("mailsOwed", Document.class, List.of())) {
                if (owed.getDate("at") == null || owed.getDate("at").toInstant().isAfter(before)) {
                    continue; // maybe still under way in its request
                }
                String mail = owed.getString("mail");
                String detail = switch (mail) {
                    case DECIDED -> d.getString("refusedReason");
                    case CANCELLED -> d.getBoolean("expired", false) ? "expired" : null;
                    default -> null;
                };
                log.warn("Booking {}: {} mail owed since {} (a crash before it was queued); queued now", b.id(), mail,
                        owed.getDate("at").toInstant());
                if (owe(b, mail, detail)) {
                    done++;
                }
            }
        }
        return done;
    }

    /**
     * Queues one owed mail and takes it off {@code mailsOwed}; false (still owed, for the sweep) when queueing failed.
     * {@code detail}: STAFF's reason for a refusal, {@code "expired"} for a request that ended undecided.
     */
    private boolean owe(Booking b, String mail, String detail) {
        crashPoint.accept(mail);
        boolean queued = switch (mail) {
            case REQUESTED -> send(b, mail, NotificationKind.BOOKING_REQUESTED, (bookable, lang) -> List.of());
            case CONFIRMED -> send(b, mail, NotificationKind.BOOKING_CONFIRMED,
                    (bookable, lang) -> List.of(times(b, bookable, lang)));
            case DECIDED -> {
                // STAFF's decision stays in the booking: REFUSED, or approved (CONFIRMED and whatever came after)
                boolean approved = b.status() != BookingStatus.REFUSED;
                yield send(b, mail, NotificationKind.BOOKING_DECIDED, (bookable, lang) -> List.of(
                        messages.get(approved ? "booking.mail.approved" : "booking.mail.refused", lang),
                        approved ? times(b, bookable, lang) : messages.get("booking.mail.reason", lang, detail)));
            }
            case CANCELLED -> send(b, mail, NotificationKind.BOOKING_CANCELLED, (bookable, lang) -> List.of(
                    messages.get("expired".equals(detail) ? "booking.mail.expired" : "booking.mail.byStaff", lang)));
            default -> {
                log.error("Booking {}: unknown mail {} owed; dropped", b.id(), mail);
                yield true;
            }
        };
        if (queued) {
            bookings.mailed(b.id(), mail);
        }
        return queued;
    }

    /** For tests: runs before each owed mail is queued; a test makes it throw to "crash" there. */
    void crashBeforeQueueing(java.util.function.Consumer<String> point) {
        this.crashPoint = point == null ? mail -> { } : point;
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

    /**
     * Looks the household's account up as the portal and adds the mail: true when added or when there is nobody to
     * mail (no account or address, logged); false when adding failed (logged, the mail stays owed).
     */
    private boolean send(Booking b, String event, NotificationKind kind, Details details) {
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
            return true;
        } catch (RuntimeException e) {
            log.error("Booking {} mail ({}) for account {} could not be added; the sweep tries again", b.id(), kind,
                    b.accountId(), e);
            return false;
        }
    }
}
