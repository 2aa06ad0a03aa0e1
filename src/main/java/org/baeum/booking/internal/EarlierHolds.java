package org.baeum.booking.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.baeum.base.security.SystemIdentity;
import org.baeum.booking.BookingStatus;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Moves holds of the earlier form ({@link PersonHolds}, one document per person and slot, and the day's minutes in
 * {@link QuotaCounters}) onto the person-day documents of decision 0068, at start and in every sweep, each step safe to
 * repeat: an active booking's keys and minutes are adopted by its person-day document (guarded on its entry there),
 * its earlier holds deleted, then the booking points at the person-day ({@code personDay}); an ended one keeps the
 * earlier form, which {@link Placement#settle} still gives back; a hold without a booking is deleted after
 * {@link BookingSweep#GRACE} (a crash between the hold and the insert, or an older portal's request in flight).
 */
@Component
class EarlierHolds {

    private static final Logger log = LoggerFactory.getLogger(EarlierHolds.class);

    private final PersonHolds holds;
    private final PersonDays days;
    private final BookingRepository bookings;
    private final Clock clock;

    EarlierHolds(PersonHolds holds, PersonDays days, BookingRepository bookings, Clock clock) {
        this.holds = holds;
        this.days = days;
        this.bookings = bookings;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        int moved = SystemIdentity.call(() -> {
            int n = 0;
            for (int round = 0; round < 1_000; round++) {
                int step = move(500);
                n += step;
                if (step == 0) {
                    break;
                }
            }
            return n;
        });
        if (moved > 0) {
            log.info("Moved {} booking(s) of the earlier hold form onto person days", moved);
        }
    }

    /** Handles up to {@code limit} earlier holds; answers how many bookings or holds it moved or deleted. */
    int move(int limit) {
        Instant orphanBefore = clock.instant().minus(BookingSweep.GRACE);
        Map<String, List<Document>> byBooking = new LinkedHashMap<>();
        for (Document h : holds.all(limit)) {
            byBooking.computeIfAbsent(h.getString("bookingId"), k -> new ArrayList<>()).add(h);
        }
        int done = 0;
        for (var e : byBooking.entrySet()) {
            String bookingId = e.getKey();
            List<String> keys = e.getValue().stream().map(h -> h.getString("_id")).toList();
            Optional<Document> booking = bookings.findById(bookingId);
            if (booking.isEmpty()) {
                Date at = e.getValue().getFirst().getDate("at");
                if (at == null || at.toInstant().isBefore(orphanBefore)) {
                    holds.releaseAll(keys, bookingId);
                    log.warn("Person hold of booking {} deleted: no booking", bookingId);
                    done++;
                }
                continue;
            }
            Document d = booking.get();
            boolean active = BookingStatus.valueOf(d.getString("status")).active();
            if (d.getString("personDay") != null || !active && Boolean.TRUE.equals(d.getBoolean("settled"))) {
                holds.releaseAll(keys, bookingId); // adopted already, or ended and given back
                done++;
            } else if (active) {
                adopt(d, keys);
                done++;
            }
        }
        return done;
    }

    private void adopt(Document d, List<String> holdKeys) {
        String id = d.getString("_id");
        LocalDate date = LocalDate.parse(d.getString("date"));
        String personDay = PersonDays.id(d.getString("participantId"), d.getString("branchId"), d.getString("kind"),
                date);
        List<String> keys = d.getList("holds", String.class, holdKeys);
        int minutes = d.getString("quotaDay") != null && d.getBoolean("quotaHeld", false)
                ? d.getInteger("minutes", 0) : 0;
        days.adopt(personDay, date, id, keys, minutes);
        holds.releaseAll(holdKeys, id);
        bookings.adopted(id, personDay, minutes);
    }
}
