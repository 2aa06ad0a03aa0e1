package org.baeum.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.baeum.base.domain.FieldProblem;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.CurrentUser;
import org.baeum.calendar.internal.ClosureRepository;
import org.baeum.calendar.internal.ClosureRepository.ClosureDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The calendar feature's API: one calendar of days off, public holidays and closures of every branch, a branch, a
 * room or a facility. Anyone may read it (a citizen sees why a class skips a day); STAFF and ADMIN add and remove
 * closures. Session dates, offer deadlines and (next) bookings read it.
 */
@Service
public class DaysOff {

    private static final Logger log = LoggerFactory.getLogger(DaysOff.class);
    private static final String STAFF = "hasAnyRole('STAFF','ADMIN')";
    /** The longest closure one entry may describe; a longer one is entered year by year. */
    public static final int MAX_SPAN_DAYS = 366;
    /** The longest reason, in characters. */
    public static final int MAX_REASON = 200;

    private final ClosureRepository closures;
    private final HolidayCalendar holidays;
    private final List<ClosablePlaces> placeSources;
    private final CurrentUser currentUser;
    private final Clock clock;

    DaysOff(ClosureRepository closures, HolidayCalendar holidays, List<ClosablePlaces> placeSources,
            CurrentUser currentUser, Clock clock) {
        this.closures = closures;
        this.holidays = holidays;
        this.placeSources = placeSources;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    // ---- reading: public ----------------------------------------------------------------------------------

    /** The days off of {@code from..to} (both inclusive): holidays and the closures with a day in that period. */
    @PreAuthorize("permitAll()")
    public DaysOffCalendar between(LocalDate from, LocalDate to) {
        return DaysOffCalendar.of(holidays, closures.overlapping(from, to));
    }

    /**
     * Whether the place is off on the day, and why (the holiday, or the closure with its scope and reason).
     *
     * @throws IllegalArgumentException if there is no holiday data for the day's year
     */
    @PreAuthorize("permitAll()")
    public Optional<DayOff> dayOff(LocalDate day, Place place) {
        return between(day, day).dayOff(day, place);
    }

    /**
     * The first day after {@code today} on which a closure of the branch, or of the room when one is given, begins
     * (a closure of every branch too). A closure already under way today does not count, nor do holidays: an offer
     * made today ends before that day.
     *
     * @param roomId the room, or {@code null} for the branch as a whole
     */
    @PreAuthorize("permitAll()")
    public Optional<LocalDate> firstClosedDayAfter(LocalDate today, String branchId, String roomId) {
        return DaysOffCalendar.of(holidays, closures.endingOnOrAfter(today.plusDays(1)))
                .firstClosureStartAfter(today, Place.room(branchId, roomId));
    }

    /**
     * The closures that touch the place on the day, whole days and hours (an hours closure is no day off, see
     * {@link #dayOff}), by first day.
     */
    @PreAuthorize("permitAll()")
    public List<Closure> closuresOn(LocalDate day, Place place) {
        return DaysOffCalendar.of(holidays, closures.overlapping(day, day)).closuresOn(day, place);
    }

    /** One closure by id. */
    @PreAuthorize("permitAll()")
    public Optional<Closure> closure(String id) {
        return id == null ? Optional.empty() : closures.findById(id);
    }

    /** Closures of every scope that end on or after the day, by first day. */
    @PreAuthorize("permitAll()")
    public List<Closure> closuresFrom(LocalDate day) {
        return closures.endingOnOrAfter(day);
    }

    /** The branches, rooms and facilities that can be closed, by scope and name. */
    @PreAuthorize("permitAll()")
    public List<ClosablePlace> places() {
        return placeSources.stream().flatMap(s -> s.closablePlaces().stream())
                .sorted(Comparator.comparing(ClosablePlace::scope).thenComparing(ClosablePlace::nameKo))
                .toList();
    }

    // ---- changing: STAFF and ADMIN ------------------------------------------------------------------------

    /**
     * Adds a closure after checking every field. Offerings planned from then on skip its days; what was planned
     * before keeps its session dates (decision 0025).
     *
     * @throws InvalidInputException with every problem per field ({@code scope}, {@code target}, {@code firstDay},
     *                               {@code lastDay}, {@code fromTime}, {@code toTime}, {@code reasonKo},
     *                               {@code reasonEn}); nothing is stored then
     */
    @PreAuthorize(STAFF)
    public Closure addClosure(ClosureDraft draft) {
        return add(draft, "closure-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
    }

    /**
     * As {@link #addClosure(ClosureDraft)} under an id the caller chose (e.g. one per declared closure plan): a second
     * call with the same id changes nothing and answers the closure stored the first time.
     */
    @PreAuthorize(STAFF)
    public Closure addClosure(ClosureDraft draft, String id) {
        Objects.requireNonNull(id, "id");
        Optional<Closure> stored = closures.findById(id);
        if (stored.isPresent()) {
            return stored.get();
        }
        try {
            return add(draft, id);
        } catch (com.mongodb.MongoWriteException duplicate) {
            return closures.findById(id).orElseThrow(() -> duplicate);
        }
    }

    /**
     * Lifts a closure early: it ends on {@code lastDay} (the day before it, for one lifted on its first day or before,
     * removes it). Answers the closure as it is now, empty when it is removed or was never there.
     */
    @PreAuthorize(STAFF)
    public Optional<Closure> endClosure(String id, LocalDate lastDay) {
        Closure closure = closures.findById(id).orElse(null);
        if (closure == null) {
            return Optional.empty();
        }
        if (lastDay.isBefore(closure.firstDay())) {
            closures.delete(id);
            log.info("Closure {} lifted by {} before its first day {}: removed", id, who(), closure.firstDay());
            return Optional.empty();
        }
        if (lastDay.isBefore(closure.lastDay())) {
            closures.setLastDay(id, lastDay);
            log.info("Closure {} lifted by {}: now ends {} instead of {}", id, who(), lastDay, closure.lastDay());
        }
        return closures.findById(id);
    }

    private Closure add(ClosureDraft draft, String id) {
        Objects.requireNonNull(draft, "draft");
        List<FieldProblem> problems = new ArrayList<>();
        ClosablePlace place = null;
        if (draft.scope() == null) {
            problems.add(FieldProblem.of("scope", "validation.required"));
        } else if (draft.scope() != ClosureScope.ALL) {
            if (draft.targetId() == null || draft.targetId().isBlank()) {
                problems.add(FieldProblem.of("target", "validation.required"));
            } else {
                place = places().stream().filter(p -> p.scope() == draft.scope() && p.id().equals(draft.targetId()))
                        .findFirst().orElse(null);
                if (place == null) {
                    problems.add(FieldProblem.of("target", "validation.unknown"));
                }
            }
        }
        checkDates(problems, draft.firstDay(), draft.lastDay());
        if (draft.fromTime() == null && draft.toTime() != null) {
            problems.add(FieldProblem.of("fromTime", "validation.required"));
        } else if (draft.fromTime() != null && draft.toTime() == null) {
            problems.add(FieldProblem.of("toTime", "validation.required"));
        } else if (draft.fromTime() != null && !draft.fromTime().isBefore(draft.toTime())) {
            problems.add(FieldProblem.of("toTime", "validation.endBeforeStart"));
        }
        checkReason(problems, "reasonKo", draft.reasonKo());
        checkReason(problems, "reasonEn", draft.reasonEn());
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String branchId = place == null ? null : place.branchId();
        ClosureScope scope = draft.scope();
        ClosureDocument document = new ClosureDocument(id, scope, branchId,
                scope == ClosureScope.ROOM ? place.id() : null, scope == ClosureScope.FACILITY ? place.id() : null,
                draft.firstDay(), draft.lastDay(), draft.reasonKo().strip(), draft.reasonEn().strip(), who(),
                Instant.now(clock), hhmm(draft.fromTime()), hhmm(draft.toTime()));
        closures.insert(document);
        log.info("Closure {} added by {}: {} {} from {} to {}{}", id, who(), scope, place == null ? "-" : place.id(),
                draft.firstDay(), draft.lastDay(), draft.fromTime() == null ? "" : ", " + draft.fromTime() + "–"
                        + draft.toTime());
        return closures.findById(id).orElseThrow();
    }

    /**
     * Removes a closure. Offerings planned from then on meet on its days again.
     *
     * @throws InvalidInputException on field {@code id} when there is no such closure
     */
    @PreAuthorize(STAFF)
    public void removeClosure(String id) {
        Closure closure = id == null ? null : closures.findById(id).orElse(null);
        if (closure == null || !closures.delete(id)) {
            throw InvalidInputException.of("id", "validation.unknown");
        }
        log.info("Closure {} removed by {}: {} {} from {} to {}", id, who(), closure.scope(),
                closure.targetId() == null ? "-" : closure.targetId(), closure.firstDay(), closure.lastDay());
    }

    private void checkDates(List<FieldProblem> problems, LocalDate first, LocalDate last) {
        if (first == null) {
            problems.add(FieldProblem.of("firstDay", "validation.required"));
        }
        if (last == null) {
            problems.add(FieldProblem.of("lastDay", "validation.required"));
        }
        if (first == null || last == null) {
            return;
        }
        if (last.isBefore(first)) {
            problems.add(FieldProblem.of("lastDay", "validation.endBeforeStart"));
        } else if (ChronoUnit.DAYS.between(first, last) >= MAX_SPAN_DAYS) {
            problems.add(FieldProblem.of("lastDay", "validation.spanTooLong", MAX_SPAN_DAYS));
        } else if (last.isBefore(LocalDate.now(clock.withZone(Formats.SEOUL)))) {
            problems.add(FieldProblem.of("lastDay", "closure.validation.past"));
        }
    }

    private static void checkReason(List<FieldProblem> problems, String field, String reason) {
        if (reason == null || reason.isBlank()) {
            problems.add(FieldProblem.of(field, "validation.required"));
        } else if (reason.strip().length() > MAX_REASON) {
            problems.add(FieldProblem.of(field, "validation.tooLong", MAX_REASON));
        }
    }

    private static String hhmm(java.time.LocalTime time) {
        return time == null ? null : time.toString().substring(0, 5);
    }

    private String who() {
        return currentUser.get().map(u -> u.getUsername()).orElse("system");
    }
}
