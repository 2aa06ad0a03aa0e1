package org.baeum.scale;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoDatabase;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.baeum.base.security.SystemIdentity;
import org.baeum.booking.Booking;
import org.baeum.booking.Bookable;
import org.baeum.booking.Bookables;
import org.baeum.booking.Bookings;
import org.baeum.capacity.CapacityLedger;
import org.baeum.capacity.Holdings;
import org.baeum.capacity.ResourceKind;
import org.baeum.catalog.OfferingId;
import org.baeum.catalog.SeatLedger;
import org.baeum.enrollment.Enrollment;
import org.baeum.enrollment.EnrollmentDesk;
import org.baeum.enrollment.OfferingDesk;
import org.bson.Document;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The invariants the soak checks at its end, from the database and the portal's services on A as the system identity
 * (the same checks as {@link TwoInstancesTest} and {@link FaultDrills}), each breach a line in the returned list:
 * <ul>
 *   <li>every offering: seats taken = its holders = its ENROLLED and OFFERED entries (the same ids), taken ≤ capacity,
 *       left = capacity − taken, every holder confirmed (nothing half-done), nobody with two active entries, the
 *       waitlist positions the desk shows exactly 1..n, and no seat free while someone waits (the offering does not
 *       need the recovery's attention);</li>
 *   <li>every booking slot of the soak's resources: active bookings ≤ units, = the slot ledger's holders (same ids) and
 *       its taken counter; nobody twice in a slot;</li>
 *   <li>mail: every outbox row DONE, one row per event key, and each row's Message-ID received by the SMTP server exactly
 *       once per recipient ({@code received}: "Message-ID recipient" → times).</li>
 * </ul>
 */
final class SoakChecks {

    /** As the booking feature keys its slots (decision 0042): {@code <bookable>|<day>|<HH:mm>}. */
    private static final ResourceKind SLOTS = ResourceKind.own("booking-slot", false);

    private final ConfigurableApplicationContext a;
    private final MongoDatabase db;
    final Map<String, String> figures = new TreeMap<>();

    SoakChecks(ConfigurableApplicationContext a) {
        this.a = a;
        this.db = a.getBean(MongoDatabase.class);
    }

    List<String> offerings(List<OfferingId> offerings) {
        List<String> problems = new ArrayList<>();
        SeatLedger seats = a.getBean(SeatLedger.class);
        long entries = 0;
        long holders = 0;
        long waiting = 0;
        for (OfferingId o : offerings) {
            var ledger = SystemIdentity.call(() -> seats.ledger(o)).orElseThrow();
            Set<String> held = ledger.holders().stream().map(SeatLedger.Holder::id).collect(Collectors.toSet());
            Set<String> active = new HashSet<>();
            Map<String, Integer> perParticipant = new HashMap<>();
            for (Document e : db.getCollection("enrollments").find(eq("offeringId", o.value()))) {
                entries++;
                String status = e.getString("status");
                if (Set.of("ENROLLED", "OFFERED", "WAITLISTED").contains(status)) {
                    perParticipant.merge(e.getString("participantId"), 1, Integer::sum);
                }
                if (Set.of("ENROLLED", "OFFERED").contains(status)) {
                    active.add(e.getString("_id"));
                }
            }
            holders += held.size();
            var s = ledger.seats();
            if (s.taken() != held.size() || !held.equals(active)) {
                problems.add(o.value() + ": seatsTaken " + s.taken() + ", holders " + held.size() + ", ENROLLED+OFFERED "
                        + active.size() + (held.equals(active) ? "" : " (not the same ids)"));
            }
            if (s.taken() > s.capacity() || s.left() != s.capacity() - s.taken()) {
                problems.add(o.value() + ": capacity " + s.capacity() + ", taken " + s.taken() + ", left " + s.left());
            }
            long unconfirmed = ledger.holders().stream().filter(h -> !h.confirmed()).count();
            if (unconfirmed > 0) {
                problems.add(o.value() + ": " + unconfirmed + " holders not confirmed (half-done)");
            }
            long twice = perParticipant.values().stream().filter(n -> n > 1).count();
            if (twice > 0) {
                problems.add(o.value() + ": " + twice + " participants with two active entries");
            }
            OfferingDesk desk = SystemIdentity.call(() -> a.getBean(EnrollmentDesk.class).desk(o));
            List<Integer> positions = desk.waitlist().stream().map(Enrollment::waitlistPosition).toList();
            waiting += positions.size();
            if (!positions.equals(IntStream.rangeClosed(1, positions.size()).boxed().toList())) {
                problems.add(o.value() + ": waitlist positions " + positions + " are not 1.." + positions.size());
            }
            if (SystemIdentity.call(() -> seats.needingAttention(10_000)).contains(o)) {
                problems.add(o.value() + ": needs attention (a free seat while someone waits, or half-done)");
            }
        }
        figures.put("offerings", String.format(Locale.ROOT, "%d offerings, %d entries, %d seats held, %d waiting",
                offerings.size(), entries, holders, waiting));
        return problems;
    }

    List<String> bookings(List<String> facilities, LocalDate first, int days) {
        List<String> problems = new ArrayList<>();
        Bookings bookings = a.getBean(Bookings.class);
        CapacityLedger ledger = a.getBean(CapacityLedger.class);
        long slots = 0;
        long active = 0;
        for (String facility : facilities) {
            Bookable bookable = SystemIdentity.call(() -> a.getBean(Bookables.class).bookable(facility)).orElseThrow();
            for (int d = 0; d < days; d++) {
                LocalDate day = first.plusDays(d);
                List<Booking> ofDay = SystemIdentity.call(() -> bookings.ofDay(facility, day)).stream()
                        .filter(b -> b.status().active()).toList();
                for (int hour = 9; hour < 18; hour++) {
                    LocalTime start = LocalTime.of(hour, 0);
                    Set<String> ids = new HashSet<>();
                    Set<String> people = new HashSet<>();
                    boolean twice = false;
                    for (Booking b : ofDay) {
                        if (b.start().equals(start)) {
                            ids.add(b.id());
                            twice |= !people.add(b.participantId());
                        }
                    }
                    String key = facility + "|" + day + "|" + start;
                    Holdings holdings = SystemIdentity.call(() -> ledger.holders(SLOTS.key(key))).orElse(null);
                    Set<String> holders = new HashSet<>();
                    long taken = 0;
                    if (holdings != null) {
                        holdings.holders().forEach(h -> holders.add(h.id()));
                        taken = holdings.counters().taken();
                    }
                    slots++;
                    active += ids.size();
                    if (ids.size() > bookable.units() || !ids.equals(holders) || taken != ids.size() || twice) {
                        problems.add(key + ": " + ids.size() + " active bookings, units " + bookable.units()
                                + ", ledger taken " + taken + ", holders = bookings: " + ids.equals(holders)
                                + (twice ? ", someone twice" : ""));
                    }
                }
            }
        }
        figures.put("bookings", String.format(Locale.ROOT, "%d slots, %d active bookings", slots, active));
        return problems;
    }

    List<String> mail(Map<String, Integer> received) throws InterruptedException {
        List<String> problems = new ArrayList<>();
        long begin = System.nanoTime();
        while ((System.nanoTime() - begin) / 1e9 < 180
                && db.getCollection("outbox").countDocuments(in("status", "PENDING", "CLAIMED")) > 0) {
            Thread.sleep(1_000);
        }
        Map<String, Integer> byId = new HashMap<>();
        synchronized (received) {
            received.forEach((idAndTo, times) -> byId.merge(idAndTo.substring(0, idAndTo.indexOf(' ')), times,
                    Integer::max));
        }
        Map<String, Long> states = new TreeMap<>();
        Set<String> keys = new HashSet<>();
        long rows = 0;
        long missing = 0;
        long twice = 0;
        long sameKey = 0;
        for (Document row : db.getCollection("outbox").find()) {
            rows++;
            states.merge(row.getString("status"), 1L, Long::sum);
            if (row.getString("key") != null && !keys.add(row.getString("key"))) {
                sameKey++;
            }
            if (row.getString("messageId") == null) {
                continue; // not a mail (another channel)
            }
            int times = byId.getOrDefault(row.getString("messageId"), 0);
            if ("DONE".equals(row.getString("status")) && times == 0) {
                missing++;
            }
            if (times > 1) {
                twice++;
            }
        }
        figures.put("mail", String.format(Locale.ROOT, "outbox %s, %d event keys, %d Message-IDs received", states,
                keys.size(), byId.size()));
        if (states.keySet().stream().anyMatch(s -> !"DONE".equals(s))) {
            problems.add("outbox rows not DONE: " + states);
        }
        if (sameKey > 0) {
            problems.add(sameKey + " outbox rows repeat an event key");
        }
        if (missing > 0) {
            problems.add(missing + " DONE rows whose Message-ID the SMTP server never received");
        }
        if (twice > 0) {
            problems.add(twice + " Message-IDs received more than once by one recipient");
        }
        if (rows == 0) {
            problems.add("no mail at all: the mix should have sent confirmations");
        }
        return problems;
    }
}
