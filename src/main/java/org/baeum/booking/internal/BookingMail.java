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
    /** New bookings' mails added together at most (decision 0062). */
    static final int BATCH = 100;
    private static final Logger log = LoggerFactory.getLogger(BookingMail.class);

    private final NotificationService notifications;
    private final AccountService accounts;
    private final BookableRepository bookables;
    private final BookingMailText text;
    private final BookingRepository bookings;
    private volatile java.util.function.Consumer<String> crashPoint = mail -> { };
    /**
     * Where a new booking's mail is added: a thread of its own, so the booking's answer does not wait for the
     * account read and the outbox write (a rush's successful requests, decision 0048); what it drops (a full queue, a
     * stop) stays owed for the sweep. {@code baeum.booking.mail-in-background=false} adds it in the request (tests).
     */
    private final HandOff<Booking> handOff;

    BookingMail(NotificationService notifications, AccountService accounts, BookableRepository bookables,
                BookingMailText text, BookingRepository bookings,
                @Value("${baeum.booking.mail-in-background:true}") boolean inBackground,
                org.baeum.base.scheduling.Foreground foreground) {
        // in a rush the mails wait for the requests (decision 0064): they are owed in the bookings meanwhile
        this.handOff = inBackground ? HandOff.background("booking-mail", 10_000, BATCH, foreground, this::placedAll)
                : HandOff.inline(this::placedAll);
        this.bookings = bookings;
        this.notifications = notifications;
        this.accounts = accounts;
        this.bookables = bookables;
        this.text = text;
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
        if (!handOff.offer(b)) {
            log.warn("Booking {}: its {} mail is left owed for the sweep (the mail queue is full or stopping)",
                    b.id(), placedMail(b));
        }
    }

    private static String placedMail(Booking b) {
        return b.status() == BookingStatus.REQUESTED ? REQUESTED : CONFIRMED;
    }

    /**
     * The mails of new bookings, together (decision 0062): one read of their accounts, one insert into the outbox,
     * one command that takes them off {@code mailsOwed}. A failure leaves all of them owed (logged) for the sweep, whose
     * keys keep each mail single.
     */
    private void placedAll(List<Booking> placed) {
        placed.forEach(b -> crashPoint.accept(placedMail(b)));
        try {
            SystemIdentity.run(() -> {
                Map<AccountId, Account> accounts = this.accounts.accounts(
                        placed.stream().map(b -> new AccountId(b.accountId())).distinct().toList());
                Map<String, Optional<Bookable>> bookables = new java.util.HashMap<>();
                List<NotificationRequest> requests = new java.util.ArrayList<>(placed.size());
                for (Booking b : placed) {
                    Account a = accounts.get(new AccountId(b.accountId()));
                    Bookable bookable = bookables.computeIfAbsent(b.bookableId(), this.bookables::findById).orElse(null);
                    text.request(b, placedMail(b), null, a, bookable).ifPresent(requests::add);
                }
                if (!requests.isEmpty()) {
                    notifications.enqueueAll(requests);
                }
                bookings.mailedAll(placed.stream().map(b -> java.util.Map.entry(b.id(), placedMail(b))).toList());
                requests.forEach(r -> log.info("Booking mail {} ({}) added for account {}", r.key(), r.kind(),
                        r.to().accountId()));
            });
        } catch (RuntimeException e) {
            log.error("Mails of {} bookings could not be added; the sweep tries again: {}", placed.size(),
                    placed.stream().map(Booking::id).toList(), e);
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
        if (BookingMailText.kind(mail).isEmpty()) {
            log.error("Booking {}: unknown mail {} owed; dropped", b.id(), mail);
            bookings.mailed(b.id(), mail);
            return true;
        }
        boolean queued = send(b, mail, detail);
        if (queued) {
            bookings.mailed(b.id(), mail);
        }
        return queued;
    }

    /** For tests: runs before each owed mail is queued; a test makes it throw to "crash" there. */
    void crashBeforeQueueing(java.util.function.Consumer<String> point) {
        this.crashPoint = point == null ? mail -> { } : point;
    }

    /**
     * Looks the household's account up as the portal and adds the mail: true when added or when there is nobody to
     * mail (no account or address, logged); false when adding failed (logged, the mail stays owed).
     */
    private boolean send(Booking b, String mail, String detail) {
        try {
            SystemIdentity.run(() -> text.request(b, mail, detail,
                    accounts.account(new AccountId(b.accountId())).orElse(null),
                    bookables.findById(b.bookableId()).orElse(null)).ifPresent(request -> {
                        notifications.enqueue(request);
                        log.info("Booking {} mail ({}) added for account {}", b.id(), request.kind(), b.accountId());
                    }));
            return true;
        } catch (RuntimeException e) {
            log.error("Booking {} mail ({}) for account {} could not be added; the sweep tries again", b.id(), mail,
                    b.accountId(), e);
            return false;
        }
    }
}
