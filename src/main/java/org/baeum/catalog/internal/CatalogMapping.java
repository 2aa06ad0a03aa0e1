package org.baeum.catalog.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.baeum.catalog.BranchId;
import org.baeum.catalog.Instructor;
import org.baeum.catalog.Offering;
import org.baeum.catalog.OfferingId;
import org.baeum.catalog.Program;
import org.baeum.catalog.ProgramId;
import org.baeum.catalog.Recruitment;
import org.baeum.catalog.RecruitmentPhase;
import org.baeum.catalog.Term;
import org.baeum.catalog.TermId;
import org.baeum.catalog.WeeklySchedule;

/** Between stored documents and the feature's records. Ages 0 and 200 in documents mean "no limit". */
public final class CatalogMapping {

    static final int NO_MIN_AGE = 0;
    static final int NO_MAX_AGE = 200;

    private CatalogMapping() {
    }

    public static Program program(ProgramDocument d) {
        return new Program(new ProgramId(d.id()), d.titleKo(), d.titleEn(), d.descriptionKo(), d.descriptionEn(),
                d.domain(), d.audience(), d.kind(), d.minAge() == NO_MIN_AGE ? null : d.minAge(),
                d.maxAge() == NO_MAX_AGE ? null : d.maxAge(), new BranchId(d.branchId()),
                instructors(d.instructorIds(), d.instructorNames()), d.fee(), d.feeReductionsApply(), d.format(),
                d.accessibility() == null || d.accessibility().isEmpty()
                        ? EnumSet.noneOf(org.baeum.catalog.AccessibilityFeature.class) : EnumSet.copyOf(d.accessibility()),
                d.accessibilityNoteKo(), d.accessibilityNoteEn(),
                d.area() == null ? null : new org.baeum.catalog.Classification(d.area(), d.subcategory()),
                d.whatToBringKo(), d.whatToBringEn());
    }

    public static ProgramDocument document(Program p, Instant now) {
        return new ProgramDocument(p.id().value(), p.titleKo(), p.titleEn(), p.descriptionKo(), p.descriptionEn(),
                p.domain(), p.audience(), p.kind(), p.minAge() == null ? NO_MIN_AGE : p.minAge(),
                p.maxAge() == null ? NO_MAX_AGE : p.maxAge(), p.branchId().value(),
                p.instructors().stream().map(Instructor::accountId).toList(),
                p.instructors().stream().map(Instructor::name).toList(), p.fee(), p.feeReductionsApply(), p.format(),
                new ArrayList<>(p.accessibility()), p.accessibilityNoteKo(), p.accessibilityNoteEn(), now,
                p.classification() == null ? null : p.classification().area(),
                p.classification() == null ? null : p.classification().subcategory(), p.whatToBringKo(), p.whatToBringEn());
    }

    public static Term term(TermDocument d) {
        return new Term(new TermId(d.id()), d.nameKo(), d.nameEn(), d.type(), d.startDate(), d.endDate());
    }

    public static TermDocument document(Term t) {
        return new TermDocument(t.id().value(), t.nameKo(), t.nameEn(), t.type(), t.startDate(), t.endDate());
    }

    public static Offering offering(OfferingDocument d) {
        Program program = program(new ProgramDocument(d.programId(), d.titleKo(), d.titleEn(), d.descriptionKo(),
                d.descriptionEn(), d.domain(), d.audience(), d.kind(), d.minAge(), d.maxAge(), d.branchId(),
                d.instructorIds(), d.instructorNames(), d.fee(), d.feeReductionsApply(), d.format(), d.accessibility(),
                d.accessibilityNoteKo(), d.accessibilityNoteEn(), d.updatedAt(), d.area(), d.subcategory(),
                d.whatToBringKo(), d.whatToBringEn()));
        WeeklySchedule schedule = new WeeklySchedule(
                d.weekdays().stream().map(DayOfWeek::of).collect(Collectors.toCollection(() -> EnumSet.noneOf(DayOfWeek.class))),
                LocalTime.parse(d.startTime()), LocalTime.parse(d.endTime()), d.firstDate(), d.lastDate());
        return new Offering(new OfferingId(d.id()), program, new TermId(d.termId()), d.roomId(), schedule,
                d.sessionDates(), d.capacity(), d.seatsTaken(), d.waitlistLength(), d.publication(), recruitment(d));
    }

    /** The phases; a document written before phases has one, from its single window and method. */
    static Recruitment recruitment(OfferingDocument d) {
        if (d.recruitmentPhases() == null || d.recruitmentPhases().isEmpty()) {
            return new Recruitment(d.recruitmentOpensAt(), d.recruitmentClosesAt(), d.recruitmentMethod());
        }
        return new Recruitment(d.recruitmentPhases().stream()
                .map(p -> new RecruitmentPhase(p.opensAt(), p.closesAt(), p.method())).toList());
    }

    static List<OfferingDocument.PhaseDocument> phases(Recruitment r) {
        return r.phases().stream()
                .map(p -> new OfferingDocument.PhaseDocument(p.opensAt(), p.closesAt(), p.method())).toList();
    }

    public static OfferingDocument document(Offering o, Instant now) {
        Program p = o.program();
        WeeklySchedule s = o.schedule();
        return new OfferingDocument(o.id().value(), p.id().value(), o.termId().value(), p.branchId().value(),
                o.roomId(), p.titleKo(), p.titleEn(), p.descriptionKo(), p.descriptionEn(), searchText(p),
                p.domain(), p.audience(), p.kind(), p.format(), p.minAge() == null ? NO_MIN_AGE : p.minAge(),
                p.maxAge() == null ? NO_MAX_AGE : p.maxAge(), p.fee(), p.feeReductionsApply(),
                new ArrayList<>(p.accessibility()), p.accessibilityNoteKo(), p.accessibilityNoteEn(),
                p.instructors().stream().map(Instructor::accountId).toList(),
                p.instructors().stream().map(Instructor::name).toList(),
                s.weekdays().stream().map(DayOfWeek::getValue).sorted().toList(),
                s.startTime().toString(), s.endTime().toString(), minute(s.startTime()), minute(s.endTime()),
                s.firstDate(), s.lastDate(), o.sessionDates(), o.capacity(), o.seatsTaken(), o.seatsLeft(),
                o.waitlistLength(), o.publication(), o.recruitment().opensAt(), o.recruitment().closesAt(),
                o.recruitment().phases().getFirst().method(), phases(o.recruitment()), now,
                p.classification() == null ? null : p.classification().area(),
                p.classification() == null ? null : p.classification().subcategory(), p.whatToBringKo(), p.whatToBringEn());
    }

    /** Lower-case titles and instructor names: what the search box looks in (part of a word is enough). */
    static String searchText(Program p) {
        return String.join(" ", p.titleKo(), p.titleEn() == null ? "" : p.titleEn(),
                p.instructors().stream().map(Instructor::name).collect(Collectors.joining(" ")))
                .toLowerCase(Locale.ROOT);
    }

    static int minute(LocalTime time) {
        return time.getHour() * 60 + time.getMinute();
    }

    private static List<Instructor> instructors(List<String> ids, List<String> names) {
        if (ids == null) {
            return List.of();
        }
        return IntStream.range(0, ids.size())
                .mapToObj(i -> new Instructor(ids.get(i), names != null && i < names.size() ? names.get(i) : ""))
                .toList();
    }
}
