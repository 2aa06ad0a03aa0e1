package org.baeum.attendance.internal;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.WEDNESDAY;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.baeum.account.ParticipantId;
import org.baeum.attendance.AttendanceStatus;
import org.baeum.attendance.completion.CompletionDue;
import org.baeum.attendance.completion.CompletionRule;
import org.baeum.attendance.completion.CompletionRules;
import org.baeum.attendance.completion.Completions;
import org.baeum.attendance.completion.internal.CompletionRepository;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.SystemIdentity;
import org.baeum.catalog.AccessibilityFeature;
import org.baeum.catalog.Audience;
import org.baeum.catalog.BranchId;
import org.baeum.catalog.DeliveryFormat;
import org.baeum.catalog.Instructor;
import org.baeum.catalog.Offering;
import org.baeum.catalog.PolicyDomain;
import org.baeum.catalog.Classification;
import org.baeum.catalog.LearningSubcategory;
import org.baeum.catalog.ProgramDraft;
import org.baeum.catalog.ProgramId;
import org.baeum.catalog.ProgramKind;
import org.baeum.catalog.TermId;
import org.baeum.enrollment.EnrollmentId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The demo instructor 이강사's classes (issue 16, "Demo data"), with dates relative to the first start:
 * <ul>
 *   <li>a running literacy class, 늘푸른학교 한글 첫걸음반 (저녁), Monday, Wednesday and Friday evenings for eight weeks
 *   from five weeks ago, under the 2/3 completion rule; 한말순 has missed so many sessions that she can no longer
 *   reach it, 오정자 is close to the line;</li>
 *   <li>a running 3-month class, the demo catalog's first 디지털 문해교육 class of this term, which 이강사 already teaches;</li>
 *   <li>a finished class, 스마트폰 사진 정리 특강, twice a week for a month until two days ago, under a 4/5 rule, its
 *   completions confirmed and certificates issued: the demo citizen 김시민 holds one;</li>
 *   <li>a second finished class, 키오스크 주문 연습 특강, twice a week for four weeks until {@value #UNCONFIRMED_DAYS_AGO}
 *   days ago, under the 2/3 rule and NOT confirmed: it waits on the instructor home under 수료 확인 필요 (the
 *   completion sweep is run for it at once rather than on the job's first run); 최민지 does not complete.</li>
 * </ul>
 * Past sessions carry marks as the instructor would have taken them; the latest ones of the running classes are
 * left for the instructor when they fall within the last {@value #LEFT_OPEN_DAYS} days. Everything goes through
 * the other features' services as the system (STAFF); the marks are this feature's own. Idempotent: what exists is
 * found again (fixed program ids, one class per program and term, enrolment keys) and left as it is.
 */
@Component
class AttendanceDemoData implements DemoDataContributor {

    private static final Logger log = LoggerFactory.getLogger(AttendanceDemoData.class);
    static final String INSTRUCTOR = "demo-instructor";
    static final ProgramId LITERACY = new ProgramId("demo-literacy-evening");
    static final ProgramId DIGITAL = new ProgramId("demo-digital-literacy");
    static final ProgramId FINISHED = new ProgramId("demo-phone-photos");
    static final ProgramId UNCONFIRMED = new ProgramId("demo-kiosk-practice");
    /** The unconfirmed class's last session was this many days before the first start. */
    static final int UNCONFIRMED_DAYS_AGO = 4;
    static final TermId YEAR = new TermId("demo-year-current");
    static final TermId THREE_MONTHS = new TermId("demo-3m-current");
    /** Sessions this recent are left unmarked in the running classes, for the instructor to take. */
    static final int LEFT_OPEN_DAYS = 2;
    static final CompletionRule TWO_THIRDS = new CompletionRule(2, 3, false);
    static final CompletionRule FOUR_FIFTHS = new CompletionRule(4, 5, false);

    /** How a learner attends, session by session. */
    enum Habit {
        STEADY, WAVERING, DROPPED_AWAY;

        AttendanceStatus at(int i) {
            return switch (this) {
                case STEADY -> i % 7 == 3 ? AttendanceStatus.LATE : i % 11 == 5 ? AttendanceStatus.EXCUSED
                        : AttendanceStatus.PRESENT;
                case WAVERING -> i % 4 == 1 ? AttendanceStatus.ABSENT : i % 5 == 2 ? AttendanceStatus.LATE
                        : AttendanceStatus.PRESENT;
                case DROPPED_AWAY -> i < 2 || i % 4 == 0 ? AttendanceStatus.PRESENT : AttendanceStatus.ABSENT;
            };
        }
    }

    record Learner(String participant, Habit habit) {
    }

    static final List<Learner> LITERACY_LEARNERS = List.of(new Learner("demo-citizen-5", Habit.STEADY),
            new Learner("demo-citizen-6", Habit.DROPPED_AWAY), new Learner("demo-citizen-7", Habit.WAVERING),
            new Learner("demo-citizen-8", Habit.STEADY), new Learner("demo-mother", Habit.STEADY),
            new Learner("demo-citizen-2", Habit.STEADY));
    static final List<Learner> DIGITAL_LEARNERS = List.of(new Learner("demo-citizen-2", Habit.STEADY),
            new Learner("demo-mother", Habit.WAVERING), new Learner("demo-citizen-5", Habit.STEADY),
            new Learner("demo-citizen-7", Habit.STEADY), new Learner("demo-citizen-8", Habit.STEADY));
    static final List<Learner> FINISHED_LEARNERS = List.of(new Learner("demo-citizen", Habit.STEADY),
            new Learner("demo-citizen-2", Habit.STEADY), new Learner("demo-citizen-3", Habit.STEADY),
            new Learner("demo-citizen-4", Habit.DROPPED_AWAY));
    static final List<Learner> UNCONFIRMED_LEARNERS = List.of(new Learner("demo-citizen-3", Habit.STEADY),
            new Learner("demo-citizen-4", Habit.DROPPED_AWAY), new Learner("demo-citizen-7", Habit.WAVERING),
            new Learner("demo-citizen-8", Habit.STEADY));

    private final DemoClasses classes;
    private final AttendanceRepository marks;
    private final CompletionRules rules;
    private final Completions completions;
    private final CompletionRepository confirmed;
    private final CompletionDue due;
    private final Clock clock;

    AttendanceDemoData(DemoClasses classes, AttendanceRepository marks, CompletionRules rules, Completions completions,
                       CompletionRepository confirmed, CompletionDue due, Clock clock) {
        this.classes = classes;
        this.marks = marks;
        this.rules = rules;
        this.completions = completions;
        this.confirmed = confirmed;
        this.due = due;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 60; // after accounts (10), the catalog (20), facilities (30) and recruitment (40)
    }

    @Override
    public void contribute(DemoContext context) {
        SystemIdentity.run(() -> {
            // a demo class that cannot be made (a catalog changed by hand) must not keep the portal from starting
            for (Runnable part : List.<Runnable>of(this::literacyClass, this::digitalClass, this::finishedClass,
                    this::unconfirmedClass)) {
                try {
                    part.run();
                } catch (RuntimeException e) {
                    log.warn("A demo class of the demo instructor was not completed", e);
                }
            }
        });
    }

    private void literacyClass() {
        classes.program(program(LITERACY, "늘푸른학교 한글 첫걸음반 (저녁)", "Neulpureun school: first steps in Hangul (evening)",
                "일을 마치고 오시는 분들을 위한 저녁 한글 교실. 출석 2/3 이상이면 이수합니다. 큰 글씨 교재를 드립니다.",
                "An evening Hangul class for learners who come after work; completion needs two-thirds attendance. "
                        + "Large-print handouts.", PolicyDomain.ACCESS, ProgramKind.LITERACY, "ahyeon",
                Set.of(AccessibilityFeature.LARGE_PRINT), Classification.of(LearningSubcategory.LITERACY_BASICS)));
        setRule(LITERACY, TWO_THIRDS);
        LocalDate first = today().with(TemporalAdjusters.previousOrSame(MONDAY)).minusWeeks(5);
        classes.findOrPlace(YEAR, LITERACY, EnumSet.of(MONDAY, WEDNESDAY, FRIDAY), first, first.plusWeeks(8).minusDays(1),
                        15, new DemoClasses.Placement(List.of("ahyeon-literacy", "ahyeon-ll-1"),
                                List.of(LocalTime.of(18, 30), LocalTime.of(16, 30), LocalTime.of(19, 30)), 120))
                .ifPresent(o -> markPast(o, LITERACY_LEARNERS, today().minusDays(LEFT_OPEN_DAYS)));
    }

    private void digitalClass() {
        classes.find(THREE_MONTHS, DIGITAL).ifPresentOrElse(
                o -> markPast(o, DIGITAL_LEARNERS, today().minusDays(LEFT_OPEN_DAYS)),
                () -> log.warn("Demo class of program {} not found in term {}", DIGITAL.value(), THREE_MONTHS.value()));
    }

    private void finishedClass() {
        classes.program(program(FINISHED, "스마트폰 사진 정리 특강", "Sorting your phone photos (short course)",
                "한 달 동안 스마트폰 사진을 앨범으로 정리하고 가족과 나누는 법을 배웁니다. 출석 80% 이상이면 수료증을 드립니다.",
                "In a month, sort your phone photos into albums and share them with family; a certificate at 80 % "
                        + "attendance.", PolicyDomain.DIGITAL_CIVIC, ProgramKind.CLASS, "main", Set.of(),
                Classification.of(LearningSubcategory.FUNCTIONAL_LITERACY)));
        setRule(FINISHED, FOUR_FIFTHS);
        LocalDate last = today().minusDays(2);
        classes.findOrPlace(THREE_MONTHS, FINISHED, EnumSet.of(last.getDayOfWeek(), last.minusDays(3).getDayOfWeek()),
                        today().minusDays(30), last, 12,
                        new DemoClasses.Placement(List.of("main-ll-3", "main-ll-1", "main-ll-2", "main-club"),
                                List.of(LocalTime.of(15, 30), LocalTime.of(19, 0), LocalTime.of(13, 30)), 120))
                .ifPresent(o -> {
                    markPast(o, FINISHED_LEARNERS, today());
                    if (confirmed.ofOffering(o.id().value()).stream().noneMatch(c -> c.confirmedAt() != null)) {
                        var done = completions.confirm(o.id());
                        log.info("Demo class {} confirmed: {} of {} completed", o.id().value(),
                                done.stream().filter(c -> c.completed()).count(), done.size());
                    }
                });
    }

    /**
     * A finished class left for the instructor to confirm. The completion sweep is asked about it at once, so that it
     * shows as due on the instructor home right after the first start; the sweep marks a class due once (and mails
     * the instructor once), and never one that is confirmed, so a second start adds nothing.
     */
    private void unconfirmedClass() {
        classes.program(program(UNCONFIRMED, "키오스크 주문 연습 특강", "Practising kiosk orders (short course)",
                "식당, 카페, 병원의 무인 주문기(키오스크)를 실물 모형으로 천천히 연습합니다. 출석 2/3 이상이면 수료증을 드립니다.",
                "Practise ordering at restaurant, café and clinic kiosks on a life-size model, at your own pace; a "
                        + "certificate at two-thirds attendance.", PolicyDomain.DIGITAL_CIVIC, ProgramKind.CLASS, "main",
                Set.of(), Classification.of(LearningSubcategory.FUNCTIONAL_LITERACY)));
        setRule(UNCONFIRMED, TWO_THIRDS);
        LocalDate last = today().minusDays(UNCONFIRMED_DAYS_AGO);
        classes.findOrPlace(THREE_MONTHS, UNCONFIRMED, EnumSet.of(last.getDayOfWeek(), last.minusDays(3).getDayOfWeek()),
                        last.minusDays(27), last, 12,
                        new DemoClasses.Placement(List.of("main-ll-2", "main-ll-1", "main-ll-3", "main-club"),
                                List.of(LocalTime.of(15, 30), LocalTime.of(16, 0), LocalTime.of(11, 30), LocalTime.of(17, 0)),
                                120))
                .ifPresent(o -> {
                    markPast(o, UNCONFIRMED_LEARNERS, today());
                    if (due.sweep(o)) {
                        log.info("Demo class {} is due for its instructor's confirmation", o.id().value());
                    }
                });
    }

    /**
     * Enrols the learners and marks each of the class's sessions before {@code before} that has no marks yet, as the
     * instructor, at the session's end.
     */
    private void markPast(Offering o, List<Learner> learners, LocalDate before) {
        Map<ParticipantId, EnrollmentId> enrolled = classes.enrol(o,
                learners.stream().map(l -> new ParticipantId(l.participant())).toList());
        List<LocalDate> past = o.sessionDates().stream().filter(d -> d.isBefore(before)).toList();
        int written = 0;
        for (int i = 0; i < past.size(); i++) {
            LocalDate day = past.get(i);
            if (marks.find(o.id().value(), day).isPresent()) {
                continue;
            }
            List<AttendanceRepository.Change> changes = new ArrayList<>();
            for (Learner l : learners) {
                EnrollmentId id = enrolled.get(new ParticipantId(l.participant()));
                if (id != null) {
                    changes.add(new AttendanceRepository.Change(id, l.habit().at(i), null));
                }
            }
            marks.save(o.id().value(), day, changes, INSTRUCTOR,
                    day.atTime(o.schedule().endTime()).atZone(Formats.SEOUL).toInstant());
            written++;
        }
        log.info("Demo class {} '{}': {} enrolled, {} past sessions marked now", o.id().value(),
                o.program().titleKo(), enrolled.size(), written);
    }

    private void setRule(ProgramId program, CompletionRule rule) {
        if (!rules.ruleOf(program).equals(rule)) {
            rules.setRule(program, rule);
        }
    }

    private static ProgramDraft program(ProgramId id, String ko, String en, String descriptionKo, String descriptionEn,
                                        PolicyDomain domain, ProgramKind kind, String branch,
                                        Set<AccessibilityFeature> access, Classification classification) {
        return new ProgramDraft(id, ko, en, descriptionKo, descriptionEn, domain, Audience.ADULT, kind, 19, null,
                new BranchId(branch), List.of(new Instructor(INSTRUCTOR, "이강사")), 0L, false, DeliveryFormat.ON_SITE,
                access, null, null, classification);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Formats.SEOUL));
    }
}
