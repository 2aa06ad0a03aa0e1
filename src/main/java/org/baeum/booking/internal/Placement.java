package org.baeum.booking.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.baeum.base.i18n.Formats;
import org.baeum.base.mongo.MongoErrors;
import org.baeum.booking.Bookable;
import org.baeum.booking.BookingRefusal;
import org.baeum.booking.BookingRefusedException;
import org.baeum.booking.BookingStatus;
import org.baeum.capacity.ResourceKey;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Writes a booking after its caller checked who may ask (decision 0042), in an order that survives a crash at any
 * point: the ban, closures and classes checked; the quotas taken (guarded counters); every slot claimed in the
 * ledger (holder = the new booking's id); then the booking inserted. A refusal gives back what was taken, so nothing
 * stays stored; a crash between the claim and the insert leaves a holder without a booking, which the sweep gives
 * back ({@link BookingSweep}). Ending a booking is the mirror: its status first (guarded), then {@link #settle}.
 */
@Component
class Placement {

    /** What to place: {@code citizen} applies the ban and the quotas. */
    record Order(Bookable bookable, LocalDate date, List<SlotTimes.Span> spans, String accountId, String participantId,
                 int groupSize, String clubId, String purpose, BookingStatus status, boolean citizen) {

        LocalTime start() {
            return spans.getFirst().start();
        }

        LocalTime end() {
            return spans.getLast().end();
        }

        int minutes() {
            return spans.stream().mapToInt(SlotTimes.Span::minutes).sum();
        }
    }

    private static final int CODE_ATTEMPTS = 5;

    private final BookingRepository bookings;
    private final QuotaCounters quotas;
    private final SlotClaims claims;
    private final Availability availability;
    private final NoShows noShows;
    private final Clock clock;
    private final Languages languages;

    Placement(BookingRepository bookings, QuotaCounters quotas, SlotClaims claims, Availability availability,
              NoShows noShows, Languages languages, Clock clock) {
        this.bookings = bookings;
        this.quotas = quotas;
        this.claims = claims;
        this.availability = availability;
        this.noShows = noShows;
        this.clock = clock;
        this.languages = languages;
    }

    Document place(Order o) {
        Bookable b = o.bookable();
        Locale locale = languages.current();
        if (o.citizen()) {
            LocalDate bannedThrough = noShows.bannedThrough(o.participantId());
            if (bannedThrough != null) {
                throw new BookingRefusedException(BookingRefusal.BANNED, bannedThrough, null);
            }
        }
        var closed = Availability.closedAt(availability.closedHours(b, o.date()), o.start(), o.end());
        if (closed.isPresent()) {
            throw new BookingRefusedException(BookingRefusal.CLOSED, null, closed.get().reason(locale));
        }
        var session = Availability.classAt(availability.sessions(b, o.date()), o.date(), o.start(), o.end());
        if (session.isPresent()) {
            throw new BookingRefusedException(BookingRefusal.CONFLICT, null, session.get().title(locale));
        }
        String dayQuota = null;
        String monthQuota = null;
        if (o.citizen() && b.rules().maxMinutesPerDay() > 0) {
            dayQuota = QuotaCounters.dayId(o.participantId(), b.branchId(), b.kind(), o.date());
            if (!quotas.take(dayQuota, QuotaCounters.MINUTES, o.minutes(), b.rules().maxMinutesPerDay())) {
                throw new BookingRefusedException(BookingRefusal.QUOTA);
            }
        }
        if (o.citizen() && b.rules().maxBookingsPerMonth() > 0) {
            monthQuota = QuotaCounters.monthId(o.participantId(), b.branchId(), b.kind(), o.date());
            if (!quotas.take(monthQuota, QuotaCounters.BOOKINGS, 1, b.rules().maxBookingsPerMonth())) {
                giveBack(dayQuota, null, o.minutes());
                throw new BookingRefusedException(BookingRefusal.QUOTA);
            }
        }
        String id = UUID.randomUUID().toString();
        List<ResourceKey> keys = o.spans().stream().map(s -> SlotTimes.key(b.id(), o.date(), s.start())).toList();
        if (!claims.claimAll(keys, id, b.units())) {
            giveBack(dayQuota, monthQuota, o.minutes());
            throw new BookingRefusedException(BookingRefusal.TAKEN);
        }
        try {
            return insert(id, o, keys, dayQuota, monthQuota);
        } catch (RuntimeException e) {
            claims.releaseAll(keys, id);
            giveBack(dayQuota, monthQuota, o.minutes());
            throw e;
        }
    }

    private Document insert(String id, Order o, List<ResourceKey> keys, String dayQuota, String monthQuota) {
        Instant now = clock.instant();
        Instant startAt = o.date().atTime(o.start()).atZone(Formats.SEOUL).toInstant();
        Instant endAt = o.date().atTime(o.end()).atZone(Formats.SEOUL).toInstant();
        Document d = new Document("_id", id).append("bookableId", o.bookable().id())
                .append("branchId", o.bookable().branchId()).append("kind", o.bookable().kind().name())
                .append("accountId", o.accountId()).append("participantId", o.participantId())
                .append("date", o.date().toString()).append("start", o.start().toString())
                .append("end", o.end().toString()).append("startAt", Date.from(startAt)).append("endAt", Date.from(endAt))
                // the no-show clock starts at the start, or at booking when the (whole-day) slot had begun already
                .append("presentFrom", Date.from(startAt.isAfter(now) ? startAt : now))
                .append("status", o.status().name()).append("groupSize", o.groupSize()).append("clubId", o.clubId())
                .append("purpose", o.purpose()).append("createdAt", Date.from(now)).append("checkedInAt", null)
                .append("slots", keys.stream().map(ResourceKey::id).toList())
                .append("quotaDay", dayQuota).append("quotaMonth", monthQuota).append("minutes", o.minutes())
                .append("quotaHeld", dayQuota != null || monthQuota != null);
        for (int attempt = 1; ; attempt++) {
            d.put("code", BookingCodes.next());
            try {
                bookings.insert(d);
                return d;
            } catch (RuntimeException e) {
                if (!MongoErrors.isDuplicateKey(e) || attempt >= CODE_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /**
     * What follows the end of a booking (cancelled, refused, released as a no-show), each step safe to repeat: the
     * no-show mark (one per booking), its slots back, its quota back (not for a no-show; once, guarded on the
     * booking), then {@code settled}. The sweep repeats it for an ending a crash cut off.
     */
    void settle(Document d) {
        String id = d.getString("_id");
        BookingStatus status = BookingStatus.valueOf(d.getString("status"));
        if (status.active()) {
            return;
        }
        if (status == BookingStatus.NO_SHOW) {
            noShows.mark(d);
        }
        claims.releaseAll(BookingRepository.slots(d).stream().map(SlotTimes::parse).toList(), id);
        if (status != BookingStatus.NO_SHOW && d.getBoolean("quotaHeld", false) && bookings.takeQuotaBack(id)) {
            giveBack(d.getString("quotaDay"), d.getString("quotaMonth"), d.getInteger("minutes", 0));
        }
        bookings.settled(id);
    }

    private void giveBack(String dayQuota, String monthQuota, int minutes) {
        if (dayQuota != null) {
            quotas.giveBack(dayQuota, QuotaCounters.MINUTES, minutes);
        }
        if (monthQuota != null) {
            quotas.giveBack(monthQuota, QuotaCounters.BOOKINGS, 1);
        }
    }
}
