package org.baeum.attendance.internal;

import static java.time.DayOfWeek.MONDAY;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.baeum.base.i18n.Formats;
import org.baeum.catalog.CatalogQuery;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.Offering;
import org.baeum.catalog.ProgramId;
import org.baeum.catalog.Term;
import org.baeum.catalog.TermDraft;
import org.baeum.catalog.TermId;
import org.baeum.catalog.TermType;
import org.springframework.stereotype.Component;

/**
 * Which classes the demo's past year had: last year's terms of each type (two 3-month terms, one 6-month term, the
 * literacy school year, two sports quarters), and in each the demo catalog's programs of that type, on the weekdays,
 * hours and room of their current class. Ten 3-month programs in each 3-month term (a fixed random choice), all the
 * others. Terms are made once (fixed ids); the calendar skips holidays as for any class.
 */
@Component
class HistoryPlan {

    static final long SEED = 2025_0901L;
    /** Seats filled in a large room (lecture hall, gym) are capped, to keep the demo small. */
    static final int MAX_LEARNERS = 22;
    static final int THREE_MONTH_CLASSES_PER_TERM = 10;

    /** One class to place: its program, term, dates and where it may go. */
    record PlannedClass(TermId term, ProgramId program, Set<DayOfWeek> weekdays, LocalDate first, LocalDate last,
                        int capacity, DemoClasses.Placement placement) {
    }

    private record HistoryTerm(TermId id, TermType type, LocalDate start, LocalDate end) {
    }

    private final CatalogService catalog;
    private final java.time.Clock clock;

    HistoryPlan(CatalogService catalog, java.time.Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    List<PlannedClass> classes() {
        int year = LocalDate.now(clock.withZone(Formats.SEOUL)).getYear() - 1;
        Map<TermType, List<HistoryTerm>> terms = terms(year);
        Map<TermId, TermType> typeOf = new LinkedHashMap<>();
        catalog.terms().forEach(t -> typeOf.put(t.id(), t.type()));
        Map<TermType, List<Offering>> samples = new EnumMap<>(TermType.class);
        for (Offering o : currentClasses()) {
            TermType type = typeOf.get(o.termId());
            if (type != null && o.ageDay().getYear() > year && o.capacity() > 1) {
                samples.computeIfAbsent(type, k -> new ArrayList<>()).add(o);
            }
        }
        Random random = new Random(SEED);
        List<PlannedClass> planned = new ArrayList<>();
        for (TermType type : TermType.values()) {
            List<Offering> programs = samples.getOrDefault(type, List.of());
            List<HistoryTerm> inType = terms.get(type);
            if (type == TermType.THREE_MONTH) {
                List<Offering> shuffled = new ArrayList<>(programs);
                Collections.shuffle(shuffled, random);
                for (int t = 0; t < inType.size(); t++) {
                    int from = Math.min(shuffled.size(), t * THREE_MONTH_CLASSES_PER_TERM);
                    int to = Math.min(shuffled.size(), from + THREE_MONTH_CLASSES_PER_TERM);
                    for (Offering o : shuffled.subList(from, to)) {
                        planned.add(plan(o, inType.get(t)));
                    }
                }
            } else {
                for (HistoryTerm term : inType) {
                    programs.forEach(o -> planned.add(plan(o, term)));
                }
            }
        }
        return planned;
    }

    private static PlannedClass plan(Offering sample, HistoryTerm term) {
        LocalTime start = sample.schedule().startTime();
        int minutes = (int) java.time.Duration.between(start, sample.schedule().endTime()).toMinutes();
        return new PlannedClass(term.id(), sample.program().id(), sample.schedule().weekdays(), term.start(), term.end(),
                Math.min(sample.capacity(), Math.max(MAX_LEARNERS, sample.capacity() / 4)),
                new DemoClasses.Placement(List.of(sample.roomId()), List.of(start, start.plusHours(2)), minutes));
    }

    /** One class per program (the first of its current ones), in a fixed order. */
    private List<Offering> currentClasses() {
        Map<ProgramId, Offering> first = new LinkedHashMap<>();
        for (int page = 0; page < 20; page++) {
            var result = catalog.searchForStaff(new CatalogQuery(null, null, null, null, null, null, null, null, null,
                    null, false, null, page, CatalogQuery.MAX_SIZE));
            result.items().forEach(o -> first.merge(o.program().id(), o,
                    (a, b) -> a.id().value().compareTo(b.id().value()) <= 0 ? a : b));
            if (result.items().size() < CatalogQuery.MAX_SIZE) {
                break;
            }
        }
        return first.values().stream().sorted(Comparator.comparing(o -> o.program().id().value())).toList();
    }

    private Map<TermType, List<HistoryTerm>> terms(int year) {
        LocalDate march = LocalDate.of(year, 3, 1).with(TemporalAdjusters.firstInMonth(MONDAY));
        LocalDate september = LocalDate.of(year, 9, 1).with(TemporalAdjusters.firstInMonth(MONDAY));
        LocalDate april = LocalDate.of(year, 4, 1).with(TemporalAdjusters.firstInMonth(MONDAY));
        LocalDate october = LocalDate.of(year, 10, 1).with(TemporalAdjusters.firstInMonth(MONDAY));
        Map<TermType, List<HistoryTerm>> terms = new EnumMap<>(TermType.class);
        terms.put(TermType.THREE_MONTH, List.of(
                term(year, "3m-spring", TermType.THREE_MONTH, march, march.plusWeeks(12).minusDays(1), "봄 3개월 강좌", "spring 3-month courses"),
                term(year, "3m-fall", TermType.THREE_MONTH, september, september.plusWeeks(12).minusDays(1), "가을 3개월 강좌", "autumn 3-month courses")));
        terms.put(TermType.SIX_MONTH, List.of(
                term(year, "6m", TermType.SIX_MONTH, march, march.plusWeeks(25).minusDays(1), "상반기 6개월 강좌", "6-month courses, first half")));
        terms.put(TermType.YEAR_LONG, List.of(
                term(year, "year", TermType.YEAR_LONG, march, LocalDate.of(year, 12, 19), "늘푸른학교(연간)", "Neulpureun school year")));
        terms.put(TermType.QUARTERLY, List.of(
                term(year, "q2", TermType.QUARTERLY, april, april.plusWeeks(12).minusDays(1), "2분기 과정", "second quarter"),
                term(year, "q4", TermType.QUARTERLY, october, october.plusWeeks(12).minusDays(1), "4분기 과정", "fourth quarter")));
        return terms;
    }

    private HistoryTerm term(int year, String key, TermType type, LocalDate start, LocalDate end, String ko, String en) {
        TermId id = new TermId("demo-h" + year + "-" + key);
        if (catalog.terms().stream().map(Term::id).noneMatch(id::equals)) {
            catalog.saveTerm(new TermDraft(id, year + "년 " + ko, en.substring(0, 1).toUpperCase() + en.substring(1)
                    + " " + year, type, start, end));
        }
        return new HistoryTerm(id, type, start, end);
    }
}
