package org.baeum.booking.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.baeum.base.domain.FieldProblem;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.SystemIdentity;
import org.baeum.booking.Bookable;
import org.baeum.booking.BookingRules;
import org.baeum.capacity.CapacityLedger;
import org.baeum.capacity.ResourceKey;
import org.baeum.catalog.Branch;
import org.baeum.catalog.CatalogService;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The per-field checks of a resource STAFF save (nothing is stored on a problem), and what a change of units does to
 * the slots already in the ledger.
 */
@Component
class BookableChecks {

    private static final Logger log = LoggerFactory.getLogger(BookableChecks.class);
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,59}");
    static final int MAX_NAME = 100;
    static final int MAX_UNITS = 2_000;

    private final CatalogService catalog;
    private final BookingRepository bookings;
    private final CapacityLedger ledger;
    private final Clock clock;

    BookableChecks(CatalogService catalog, BookingRepository bookings, CapacityLedger ledger, Clock clock) {
        this.catalog = catalog;
        this.bookings = bookings;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** The resource as it will be stored (names stripped, a new id when it has none). */
    Bookable check(Bookable b, Bookable before) {
        if (b == null) {
            throw InvalidInputException.of("nameKo", "validation.required");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (b.id() != null && !ID.matcher(b.id()).matches()) {
            problems.add(FieldProblem.of("id", "booking.validation.id"));
        }
        Branch branch = b.branchId() == null ? null
                : catalog.branches().stream().filter(x -> x.id().value().equals(b.branchId())).findFirst().orElse(null);
        if (b.branchId() == null) {
            problems.add(FieldProblem.of("branchId", "validation.required"));
        } else if (branch == null) {
            problems.add(FieldProblem.of("branchId", "validation.unknown"));
        } else if (before != null && !before.branchId().equals(b.branchId())) {
            problems.add(FieldProblem.of("branchId", "booking.validation.branchFixed"));
        }
        if (b.roomId() != null && branch != null && branch.rooms().stream().noneMatch(r -> r.id().equals(b.roomId()))) {
            problems.add(FieldProblem.of("roomId", "validation.unknown"));
        }
        if (b.kind() == null) {
            problems.add(FieldProblem.of("kind", "validation.required"));
        }
        name(problems, "nameKo", b.nameKo());
        name(problems, "nameEn", b.nameEn());
        NoShows.range(problems, "units", b.units(), 1, MAX_UNITS);
        BookingRules r = b.rules();
        if (r == null) {
            problems.add(FieldProblem.of("rules", "validation.required"));
        } else {
            rules(problems, r, b);
        }
        if (problems.isEmpty() && before != null) {
            inTheWay(problems, before, b);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String id = b.id() != null ? b.id() : "bk-" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        return new Bookable(id, b.branchId(), b.roomId(), b.kind(), b.nameKo().strip(), b.nameEn().strip(), b.units(),
                r, b.active());
    }

    private static void rules(List<FieldProblem> problems, BookingRules r, Bookable b) {
        if (r.openDays().isEmpty()) {
            problems.add(FieldProblem.of("openDays", "validation.required"));
        }
        if (r.opens() == null || r.closes() == null) {
            problems.add(FieldProblem.of(r.opens() == null ? "opens" : "closes", "validation.required"));
        } else if (!r.opens().isBefore(r.closes())) {
            problems.add(FieldProblem.of("closes", "validation.endBeforeStart"));
        } else if (!r.wholeDay()) {
            long minutes = Duration.between(r.opens(), r.closes()).toMinutes();
            if (r.slotMinutes() < 15 || r.slotMinutes() > 720 || minutes % r.slotMinutes() != 0) {
                problems.add(FieldProblem.of("slotMinutes", "booking.validation.slotMinutes"));
            }
        }
        NoShows.range(problems, "horizonDays", r.horizonDays(), 0, 180);
        NoShows.range(problems, "cancelMinutesBefore", r.cancelMinutesBefore(), 0, 10_080);
        NoShows.range(problems, "maxMinutesPerDay", r.maxMinutesPerDay(), 0, 1_440);
        NoShows.range(problems, "maxBookingsPerMonth", r.maxBookingsPerMonth(), 0, 100);
        if (b.kind() != null && !b.kind().forGroups() && (r.minGroup() != 1 || r.maxGroup() != 1)) {
            problems.add(FieldProblem.of("maxGroup", "booking.validation.seatGroup"));
        } else {
            NoShows.range(problems, "minGroup", r.minGroup(), 1, 1_000);
            if (r.maxGroup() < r.minGroup() || r.maxGroup() > 1_000) {
                problems.add(FieldProblem.of("maxGroup", "booking.validation.range", Math.max(1, r.minGroup()), 1_000));
            }
        }
    }

    private static void name(List<FieldProblem> problems, String field, String value) {
        if (value == null || value.isBlank()) {
            problems.add(FieldProblem.of(field, "validation.required"));
        } else if (value.strip().length() > MAX_NAME) {
            problems.add(FieldProblem.of(field, "validation.tooLong", MAX_NAME));
        }
    }

    /** Fewer units, or other hours, must not take away a slot someone holds: counted per field. */
    private void inTheWay(List<FieldProblem> problems, Bookable before, Bookable after) {
        LocalDate today = LocalDate.now(clock.withZone(Formats.SEOUL));
        List<Document> held = bookings.activeFrom(before.id(), today);
        if (held.isEmpty()) {
            return;
        }
        boolean sameGrid = SlotTimes.of(before.rules()).equals(SlotTimes.of(after.rules()));
        int offGrid = 0;
        Map<String, Integer> perSlot = new HashMap<>();
        for (Document d : held) {
            LocalTime start = LocalTime.parse(d.getString("start"));
            LocalTime end = LocalTime.parse(d.getString("end"));
            LocalDate date = LocalDate.parse(d.getString("date"));
            // the new grid must give the booking exactly the ledger slots it holds, or another booking could take
            // a part of its time (60-minute slots made 30: a 10:00 booking would not hold 10:30)
            List<String> newKeys = SlotTimes.covering(after.rules(), start, end).stream()
                    .map(s -> SlotTimes.id(before.id(), date, s.start())).toList();
            if (!sameGrid && !newKeys.equals(BookingRepository.slots(d))) {
                offGrid++;
            }
            for (String slot : BookingRepository.slots(d)) {
                perSlot.merge(slot, 1, Integer::sum);
            }
        }
        if (offGrid > 0) {
            String field = before.rules().wholeDay() != after.rules().wholeDay() ? "wholeDay"
                    : before.rules().slotMinutes() != after.rules().slotMinutes() ? "slotMinutes" : "opens";
            problems.add(FieldProblem.of(field, "booking.validation.hoursHeld", offGrid));
        }
        if (after.units() < before.units()) {
            long over = perSlot.values().stream().filter(n -> n > after.units()).count();
            if (over > 0) {
                problems.add(FieldProblem.of("units", "booking.validation.unitsHeld", over));
            }
        }
    }

    /**
     * The ledger's slots of the coming days take the new number of units (a guarded change each), before the resource
     * is saved: when one change is refused (a unit taken meanwhile, below the new number) the changes made are undone
     * and the save is refused at {@code units} with how many slots are in the way, so nothing changes.
     */
    void resizeHeldSlots(Bookable before, Bookable after) {
        if (before.units() == after.units()) {
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(Formats.SEOUL));
        int days = Math.max(before.rules().horizonDays(), after.rules().horizonDays());
        SystemIdentity.run(() -> {
            Map<ResourceKey, Integer> changed = new HashMap<>();
            int refused = 0;
            for (int i = 0; i <= days; i++) {
                for (SlotTimes.Span s : SlotTimes.of(before.rules())) {
                    ResourceKey key = SlotTimes.key(before.id(), today.plusDays(i), s.start());
                    var counters = ledger.counters(key);
                    if (counters.isEmpty()) {
                        continue;
                    }
                    int capacity = counters.get().capacity();
                    if (capacity == after.units()) {
                        continue; // a no-op update matches but modifies nothing on a real MongoDB
                    }
                    if (ledger.changeCapacity(key, capacity, after.units() - capacity)) {
                        changed.put(key, capacity);
                    } else {
                        refused++;
                    }
                }
            }
            if (refused > 0) {
                for (var c : changed.entrySet()) {
                    ResourceKey key = c.getKey();
                    if (!ledger.changeCapacity(key, after.units(), c.getValue() - after.units())) {
                        log.warn("Slot {} of bookable {} could not be set back to {} units", key, before.id(),
                                before.units());
                    }
                }
                log.info("Bookable {}: {} units refused, {} slots taken meanwhile", before.id(), after.units(), refused);
                throw InvalidInputException.of("units", "booking.validation.unitsHeld", (long) refused);
            }
        });
    }
}
