package org.baeum.booking.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.baeum.base.security.SystemIdentity;
import org.baeum.booking.BookingStatus;
import org.baeum.booking.club.internal.ClubMail;
import org.baeum.capacity.CapacityLedger;
import org.baeum.capacity.Holder;
import org.baeum.capacity.ResourceKey;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The booking clock's work (decision 0042), each step safe to repeat and to run on two portals at once:
 * <ol>
 *   <li>no-shows: every CONFIRMED booking whose check-in time plus the rule's grace has passed becomes NO_SHOW (one
 *       guarded update, the claim), then is settled: a mark (one per booking), its slots back;</li>
 *   <li>endings a crash cut off (status changed, slots or quota not yet back) are settled again;</li>
 *   <li>ledger holders no sweep has seen, once {@link #GRACE} has passed: kept (confirmed) when their booking is
 *       active, given back when there is none (a crash between the claim and the insert);</li>
 *   <li>person days (decision 0068): what a booking that never got stored took there, given back after {@link #GRACE};
 *       holds of the earlier form moved ({@link EarlierHolds}); once a day, past days deleted;</li>
 *   <li>mails a crash left owed (bookings' and club series' decisions), queued once.</li>
 * </ol>
 */
@Component
public class BookingSweep {

    private static final Logger log = LoggerFactory.getLogger(BookingSweep.class);
    /** How long a claim may wait for its booking before the sweep calls it a crash's leftover. */
    static final Duration GRACE = Duration.ofMinutes(2);
    /** How long a booking's mail may wait for its request to queue it before the sweep does. */
    static final Duration MAIL_GRACE = Duration.ofMinutes(1);
    private static final int BATCH = 500;

    private final BookingRepository bookings;
    private final Placement placement;
    private final NoShows noShows;
    private final CapacityLedger ledger;
    private final PersonDays days;
    private final EarlierHolds earlier;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    /** The day this instance last deleted past person days (once a day is enough). */
    private volatile LocalDate forgotten;

    private final BookingMail mail;
    private final ClubMail clubMail;

    BookingSweep(BookingRepository bookings, Placement placement, NoShows noShows, CapacityLedger ledger,
                 PersonDays days, EarlierHolds earlier, Clock clock,
                 org.springframework.context.ApplicationEventPublisher events,
                 BookingMail mail, ClubMail clubMail) {
        this.mail = mail;
        this.clubMail = clubMail;
        this.events = events;
        this.days = days;
        this.earlier = earlier;
        this.bookings = bookings;
        this.placement = placement;
        this.noShows = noShows;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** Runs every step as the portal; answers how many bookings or holders it handled. */
    public int run() {
        return SystemIdentity.call(() -> {
            int handled = releaseNoShows() + endUndecidedRequests() + settleLeftovers() + recoverClaims()
                    + recoverDays() + recoverMails();
            LocalDate today = noShows.today();
            if (!today.equals(forgotten)) {
                long gone = forgetPastDays();
                forgotten = today;
                if (gone > 0) {
                    log.info("Deleted {} person-day document(s) of past days", gone);
                }
            }
            return handled;
        });
    }

    /**
     * Mails a crash left owed (recorded with the change, not yet queued): a booking's after {@link #MAIL_GRACE}, a
     * club series' decision after {@link #GRACE} (its approval mails once every day is placed, which takes longer).
     */
    int recoverMails() {
        Instant now = clock.instant();
        return mail.recover(now.minus(MAIL_GRACE), BATCH) + clubMail.recover(now.minus(GRACE), BATCH);
    }

    int releaseNoShows() {
        Instant now = clock.instant();
        Instant cutoff = now.minus(Duration.ofMinutes(noShows.rule().graceMinutes()));
        int released = 0;
        for (Document d : bookings.confirmedPresentBefore(cutoff, BATCH)) {
            var after = bookings.transition(d.getString("_id"), List.of(BookingStatus.CONFIRMED), BookingStatus.NO_SHOW,
                    new Document("noShowAt", java.util.Date.from(now)), now);
            if (after.isPresent()) {
                placement.settle(after.get());
                released++;
                log.info("Booking {} of bookable {} released as a no-show (participant {})", d.getString("_id"),
                        d.getString("bookableId"), d.getString("participantId"));
            }
        }
        return released;
    }

    /**
     * Requests STAFF did not decide before their start end then: CANCELLED with {@code expired: true}, no mark, the
     * slot and the quota back (one guarded status change, so an approval racing it ends one way).
     */
    int endUndecidedRequests() {
        Instant now = clock.instant();
        int ended = 0;
        for (Document d : bookings.requestedStartedBefore(now, BATCH)) {
            var after = bookings.transition(d.getString("_id"), List.of(BookingStatus.REQUESTED),
                    BookingStatus.CANCELLED, new Document("expired", true), now,
                    BookingMail.owedOnCancel(d, org.baeum.booking.BookingEvents.CancelledBy.EXPIRED));
            if (after.isPresent()) {
                placement.settle(after.get());
                ended++;
                log.info("Booking {} of bookable {}: request not decided before its start, ended", d.getString("_id"),
                        d.getString("bookableId"));
                events.publishEvent(new org.baeum.booking.BookingEvents.BookingCancelled(
                        BookingRepository.toBooking(after.get()).masked(),
                        org.baeum.booking.BookingEvents.CancelledBy.EXPIRED));
            }
        }
        return ended;
    }

    int settleLeftovers() {
        List<Document> left = bookings.unsettled(clock.instant().minus(Duration.ofMinutes(1)), BATCH);
        left.forEach(placement::settle);
        if (!left.isEmpty()) {
            log.info("Settled {} ended bookings a crash had cut off", left.size());
        }
        return left.size();
    }

    int recoverClaims() {
        Instant before = clock.instant().minus(GRACE);
        int repaired = 0;
        for (ResourceKey key : ledger.needingAttention(SlotTimes.KIND, BATCH)) {
            var holdings = ledger.holders(key);
            if (holdings.isEmpty()) {
                continue;
            }
            for (Holder h : holdings.get().holders()) {
                if (h.confirmed() || !h.at().isBefore(before)) {
                    // a fresh claim's booking may still be storing: looked at once the grace has passed, so a sweep
                    // during a rush does not read and confirm every new booking while the rush is still writing them
                    continue;
                }
                boolean active = bookings.findById(h.id())
                        .map(d -> BookingStatus.valueOf(d.getString("status")).active()).orElse(false);
                if (active) {
                    ledger.confirm(key, h.id());
                } else {
                    ledger.release(key, h.id()).ifPresent(c -> log.warn("Slot {} given back: holder {} has no active "
                            + "booking", key, h.id()));
                    repaired++;
                }
            }
        }
        return repaired;
    }

    /**
     * Person-day documents (decision 0068) with a take older than {@link #GRACE}: what a booking that never got stored
     * took there (a crash between that write and the insert) is given back, keys and minutes, once; then the document
     * is marked seen unless a newer take came meanwhile. Holds of the earlier form are moved by {@link EarlierHolds}.
     */
    int recoverDays() {
        int repaired = 0;
        for (Document day : days.takenBefore(clock.instant().minus(GRACE), BATCH)) {
            for (Document owner : day.getList("owners", Document.class, List.of())) {
                String bookingId = owner.getString("b");
                if (bookings.findById(bookingId).isEmpty()
                        && days.release(day.getString("_id"), bookingId, owner.getList("k", String.class, List.of()),
                        owner.getInteger("m", 0), true)) {
                    log.warn("Person day {}: what booking {} took given back: no booking", day.getString("_id"),
                            bookingId);
                    repaired++;
                }
            }
            days.seen(day.getString("_id"), day.getDate("at"));
        }
        return repaired + earlier.move(BATCH);
    }

    /** Deletes person-day documents of days before yesterday (nothing reads them after their day). */
    long forgetPastDays() {
        return days.deleteBefore(noShows.today().minusDays(1));
    }
}
