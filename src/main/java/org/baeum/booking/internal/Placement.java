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
import org.baeum.booking.Bookable;
import org.baeum.booking.BookingRefusal;
import org.baeum.booking.BookingRefusedException;
import org.baeum.booking.BookingStatus;
import org.baeum.capacity.ResourceKey;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.baeum.base.i18n.Messages;
import org.springframework.stereotype.Component;

/**
 * Writes a booking after its caller checked who may ask (decision 0042), in an order that survives a crash at any
 * point: closures and classes checked, a full slot refused without a write (decision 0048), the ban checked; the
 * person's hold on each slot and the day's minutes taken in one guarded write ({@link PersonDays}, decision 0068), the
 * month's quota where the resource has one; every slot claimed in the
 * ledger (holder = the new booking's id); then the booking inserted, both by {@link SlotStore}, together with other
 * bookings of the same slot that arrive meanwhile (decision 0062). A refusal gives back what was taken, so nothing
 * stays stored; a crash between the claim and the insert leaves a holder without a booking, which the sweep gives
 * back ({@link BookingSweep}), as it gives back a person day's entry without a booking. Ending a booking is the
 * mirror: its status first (guarded), then {@link #settle}.
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

    private static final Logger log = LoggerFactory.getLogger(Placement.class);

    private final BookingRepository bookings;
    private final QuotaCounters quotas;
    private final SlotClaims claims;
    private final Availability availability;
    private final NoShows noShows;
    private final Clock clock;
    private final Languages languages;
    private final PersonHolds holds;
    private final PersonDays days;
    private final Messages messages;
    private final SlotStore store;

    Placement(BookingRepository bookings, QuotaCounters quotas, SlotClaims claims, Availability availability,
              NoShows noShows, Languages languages, PersonHolds holds, PersonDays days, Messages messages,
              SlotStore store, Clock clock) {
        this.store = store;
        this.days = days;
        this.holds = holds;
        this.messages = messages;
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
        var closed = Availability.closedAt(availability.closedHours(b, o.date()), o.start(), o.end());
        if (closed.isPresent()) {
            throw new BookingRefusedException(BookingRefusal.CLOSED, null, closed.get().reason(locale));
        }
        var session = Availability.classAt(availability.sessions(b, o.date()), o.date(), o.start(), o.end());
        if (session.isPresent()) {
            throw new BookingRefusedException(BookingRefusal.CONFLICT, null, session.get().title(locale));
        }
        List<ResourceKey> keys = o.spans().stream().map(s -> SlotTimes.key(b.id(), o.date(), s.start())).toList();
        if (claims.anyFull(keys)) {
            // most requests of a rush on a full slot end here: the resource, its rules and the day's calendar come
            // from the read cache and a full slot from the memo, so they read nothing (decision 0048)
            throw new BookingRefusedException(BookingRefusal.TAKEN);
        }
        if (o.citizen()) {
            // the participant's ban, and the booker's: a banned holder books for no dependant either (the holder's
            // participant id is the account id)
            LocalDate bannedThrough = noShows.bannedThrough(o.participantId());
            if (o.accountId() != null && !o.accountId().equals(o.participantId())) {
                LocalDate booker = noShows.bannedThrough(o.accountId());
                if (booker != null && (bannedThrough == null || booker.isAfter(bannedThrough))) {
                    bannedThrough = booker;
                }
            }
            if (bannedThrough != null) {
                throw new BookingRefusedException(BookingRefusal.BANNED, bannedThrough, null);
            }
        }
        String id = newId();
        boolean counted = o.citizen() && o.participantId() != null;
        List<String> holdKeys = counted ? PersonHolds.keys(b, o.participantId(), o.date(), o.spans()) : List.of();
        String personDay = counted ? PersonDays.id(o.participantId(), b, o.date()) : null;
        if (counted) {
            // the person's hold on each slot and the day's minutes: one guarded write (decision 0068)
            switch (days.take(personDay, o.date(), holdKeys, o.minutes(), b.rules().maxMinutesPerDay(), id,
                    clock.instant())) {
                case HELD -> throw new BookingRefusedException(BookingRefusal.QUOTA, null,
                        messages.get("booking.refusal.duplicate", locale));
                case QUOTA -> throw new BookingRefusedException(BookingRefusal.QUOTA);
                case TAKEN -> { }
            }
        }
        String monthQuota = null;
        boolean keep = false;
        try {
            if (o.citizen() && b.rules().maxBookingsPerMonth() > 0) {
                String month = QuotaCounters.monthId(o.participantId(), b.branchId(), b.kind(), o.date());
                if (!quotas.take(month, QuotaCounters.BOOKINGS, 1, b.rules().maxBookingsPerMonth())) {
                    throw new BookingRefusedException(BookingRefusal.QUOTA);
                }
                monthQuota = month;
            }
            Document d = store.claimAndStore(keys, b.units(), booking(id, o, keys, holdKeys, personDay, monthQuota));
            keep = true;
            return d;
        } catch (SlotStore.Unsure e) {
            // the booking may be stored: what it holds stays; the sweep frees it when no booking shows up
            keep = true;
            log.warn("Booking {} of bookable {}: insert failed and its outcome is unknown; left for the sweep", id,
                    b.id());
            throw e.failure();
        } finally {
            if (!keep) {
                if (monthQuota != null) {
                    quotas.giveBack(monthQuota, QuotaCounters.BOOKINGS, 1);
                }
                if (personDay != null) {
                    days.release(personDay, id, holdKeys, o.minutes(), true);
                }
            }
        }
    }

    /**
     * A new booking id: {@code bk-}, the time in milliseconds (12 hex digits), then 62 random bits (16 hex digits), as
     * decision 0017 made entry ids: bookings stored together sort together, so a batch of one slot (decision 0062) adds
     * to one page of the {@code _id} B-tree instead of one page each. Ids of older bookings (random UUIDs) stay valid.
     */
    static String newId() {
        return String.format("bk-%012x%016x", System.currentTimeMillis(), UUID.randomUUID().getLeastSignificantBits());
    }

    /** The booking's document as it is stored, but for its code ({@link SlotStore} draws one as it inserts). */
    private Document booking(String id, Order o, List<ResourceKey> keys, List<String> holdKeys, String personDay,
                             String monthQuota) {
        Instant now = clock.instant();
        Instant startAt = o.date().atTime(o.start()).atZone(Formats.SEOUL).toInstant();
        Instant endAt = o.date().atTime(o.end()).atZone(Formats.SEOUL).toInstant();
        return new Document("_id", id).append("bookableId", o.bookable().id())
                .append("branchId", o.bookable().branchId()).append("kind", o.bookable().kind().name())
                .append("accountId", o.accountId()).append("participantId", o.participantId())
                .append("date", o.date().toString()).append("start", o.start().toString())
                .append("end", o.end().toString()).append("startAt", Date.from(startAt)).append("endAt", Date.from(endAt))
                // the no-show clock starts at the start, or at booking when the (whole-day) slot had begun already
                .append("presentFrom", Date.from(startAt.isAfter(now) ? startAt : now))
                .append("status", o.status().name()).append("groupSize", o.groupSize()).append("clubId", o.clubId())
                .append("purpose", o.purpose()).append("createdAt", Date.from(now)).append("checkedInAt", null)
                .append("slots", keys.stream().map(ResourceKey::id).toList()).append("holds", holdKeys)
                .append("personDay", personDay).append("quotaMonth", monthQuota).append("minutes", o.minutes())
                .append("dayMinutes", personDay == null ? 0 : o.minutes())
                .append("quotaHeld", personDay != null || monthQuota != null)
                .append("mailsOwed", BookingMail.owedOnPlacement(o.clubId(), o.status(), now));
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
        boolean back = status != BookingStatus.NO_SHOW && d.getBoolean("quotaHeld", false);
        String personDay = d.getString("personDay");
        if (personDay != null) {
            // keys and the day's minutes in one write, once (guarded on the booking's entry there)
            days.release(personDay, id, d.getList("holds", String.class, List.of()), d.getInteger("dayMinutes", 0),
                    back);
            if (back && bookings.takeQuotaBack(id) && d.getString("quotaMonth") != null) {
                quotas.giveBack(d.getString("quotaMonth"), QuotaCounters.BOOKINGS, 1);
            }
        } else {
            // a booking of the earlier form (before decision 0068)
            holds.releaseAll(d.getList("holds", String.class, List.of()), id);
            if (back && bookings.takeQuotaBack(id)) {
                giveBack(d.getString("quotaDay"), d.getString("quotaMonth"), d.getInteger("minutes", 0));
            }
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
