package org.baeum.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.baeum.BaeumIntegrationTest;
import org.baeum.MutableClock;
import org.baeum.TestAccounts;
import org.baeum.attendance.AttendanceClasses.Taught;
import org.baeum.base.domain.FieldProblem;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.BaeumUser;
import org.baeum.calendar.Closure;
import org.baeum.calendar.ClosureDraft;
import org.baeum.calendar.ClosureScope;
import org.baeum.calendar.DaysOff;
import org.baeum.catalog.CatalogService;
import org.baeum.enrollment.EnrollmentId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** The attendance matrix and marking: who may, what counts as a session, idempotence and the 7-day rule. */
@BaeumIntegrationTest
class AttendanceTest {

    @Autowired
    Attendance attendance;
    @Autowired
    AttendanceRules rules;
    @Autowired
    DaysOff daysOff;
    @Autowired
    CatalogService catalog;
    @Autowired
    MutableClock clock;

    static AttendanceClasses classes;
    static BaeumUser teacher;
    static BaeumUser otherTeacher;
    static BaeumUser staff;
    static List<BaeumUser> citizens;

    @BeforeAll
    static void people(@Autowired AttendanceClasses fixture) {
        classes = fixture;
        AttendanceClasses.Cast cast = fixture.cast("att", "출석생", 3, LocalDate.of(1960, 4, 1));
        teacher = cast.teacher();
        otherTeacher = cast.otherTeacher();
        staff = cast.staff();
        citizens = cast.citizens();
    }

    @AfterEach
    void reset() {
        TestAccounts.signOut();
        clock.reset();
    }

    @Test
    void the_instructor_reads_the_matrix_of_sessions_by_enrolled_participants_with_their_marks() {
        Taught c = classes.taught(teacher, citizens);
        LocalDate first = c.sessions().getFirst();
        TestAccounts.signIn(teacher);
        attendance.mark(c.id(), first, List.of(new Mark(c.entries().get(0), AttendanceStatus.PRESENT),
                new Mark(c.entries().get(1), AttendanceStatus.LATE)), null);

        AttendanceSheet sheet = attendance.sheet(c.id());

        assertThat(sheet.sessions()).isEqualTo(c.sessions()).isNotEmpty();
        assertThat(sheet.rows()).extracting(AttendanceSheet.Row::enrollmentId)
                .containsExactlyInAnyOrderElementsOf(c.entries());
        assertThat(sheet.rows()).extracting(AttendanceSheet.Row::name)
                .containsExactlyInAnyOrderElementsOf(citizens.stream().map(BaeumUser::displayName).toList());
        assertThat(row(sheet, c.entries().get(0)).marks()).isEqualTo(Map.of(first, AttendanceStatus.PRESENT));
        assertThat(row(sheet, c.entries().get(1)).marks()).isEqualTo(Map.of(first, AttendanceStatus.LATE));
        assertThat(row(sheet, c.entries().get(2)).marks()).isEmpty();
        assertThat(sheet.editableUntil().get(first)).isEqualTo(first.plusDays(7));

        TestAccounts.signIn(staff);
        assertThat(attendance.sheet(c.id()).rows()).hasSize(3);
    }

    @Test
    void another_instructor_and_a_citizen_are_refused_the_matrix_the_roster_and_marking() {
        Taught c = classes.taught(teacher, citizens);
        List<Mark> marks = List.of(new Mark(c.entries().getFirst(), AttendanceStatus.ABSENT));
        for (BaeumUser user : List.of(otherTeacher, citizens.getFirst())) {
            TestAccounts.signIn(user);
            assertThatThrownBy(() -> attendance.sheet(c.id())).as(user.getUsername())
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> attendance.roster(c.id())).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> attendance.mark(c.id(), c.sessions().getFirst(), marks, null))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> rules.pointsFor(c.id())).isInstanceOf(AccessDeniedException.class);
        }
        TestAccounts.signIn(teacher);
        assertThat(attendance.sheet(c.id()).rows()).allSatisfy(r -> assertThat(r.marks()).isEmpty());
    }

    @Test
    void marking_the_same_again_changes_nothing_and_a_new_status_replaces_the_old() {
        Taught c = classes.taught(teacher, citizens);
        LocalDate day = c.sessions().get(1);
        List<Mark> marks = List.of(new Mark(c.entries().get(0), AttendanceStatus.EXCUSED),
                new Mark(c.entries().get(2), AttendanceStatus.ABSENT));
        TestAccounts.signIn(teacher);

        Map<EnrollmentId, AttendanceStatus> once = attendance.mark(c.id(), day, marks, null);
        Map<EnrollmentId, AttendanceStatus> twice = attendance.mark(c.id(), day, marks, null);

        assertThat(twice).isEqualTo(once).hasSize(2);
        attendance.mark(c.id(), day, List.of(new Mark(c.entries().get(2), AttendanceStatus.PRESENT)), null);
        AttendanceSheet sheet = attendance.sheet(c.id());
        assertThat(row(sheet, c.entries().get(0)).marks()).isEqualTo(Map.of(day, AttendanceStatus.EXCUSED));
        assertThat(row(sheet, c.entries().get(2)).marks()).isEqualTo(Map.of(day, AttendanceStatus.PRESENT));
        assertThat(attendance.lateChanges(c.id())).isEmpty();
    }

    @Test
    void a_day_that_is_not_a_session_or_someone_not_enrolled_is_refused_at_the_field_and_stores_nothing() {
        Taught c = classes.taught(teacher, citizens);
        Taught elsewhere = classes.taught(teacher, citizens.subList(0, 1));
        LocalDate before = c.sessions().getFirst().minusDays(1);
        TestAccounts.signIn(teacher);
        List<Mark> good = List.of(new Mark(c.entries().getFirst(), AttendanceStatus.PRESENT));

        assertThat(fields(() -> attendance.mark(c.id(), before, good, null))).containsExactly("date");
        List<Mark> mixed = List.of(new Mark(c.entries().getFirst(), AttendanceStatus.PRESENT),
                new Mark(elsewhere.entries().getFirst(), AttendanceStatus.PRESENT),
                new Mark(c.entries().get(1), null));
        assertThat(fields(() -> attendance.mark(c.id(), c.sessions().getFirst(), mixed, null)))
                .containsExactly("marks[1].enrollmentId", "marks[2].status");

        assertThat(attendance.sheet(c.id()).rows()).allSatisfy(r -> assertThat(r.marks()).isEmpty());
    }

    @Test
    void instructors_may_change_marks_for_seven_days_and_staff_later_only_with_a_reason_which_is_recorded() {
        Taught c = classes.taught(teacher, citizens);
        LocalDate day = c.sessions().getFirst();
        EnrollmentId who = c.entries().getFirst();
        moveTo(day.plusDays(7)); // the last day an instructor may still change it
        TestAccounts.signIn(teacher);
        attendance.mark(c.id(), day, List.of(new Mark(who, AttendanceStatus.ABSENT)), null);
        assertThat(attendance.lateChanges(c.id())).isEmpty();

        moveTo(day.plusDays(8));
        assertThatThrownBy(() -> attendance.mark(c.id(), day, List.of(new Mark(who, AttendanceStatus.PRESENT)), "oops"))
                .isInstanceOf(AccessDeniedException.class);

        TestAccounts.signIn(staff);
        assertThat(fields(() -> attendance.mark(c.id(), day, List.of(new Mark(who, AttendanceStatus.EXCUSED)), " ")))
                .containsExactly("reason");
        assertThat(row(attendance.sheet(c.id()), who).marks()).isEqualTo(Map.of(day, AttendanceStatus.ABSENT));

        attendance.mark(c.id(), day, List.of(new Mark(who, AttendanceStatus.EXCUSED)), "진단서 제출");

        assertThat(row(attendance.sheet(c.id()), who).marks()).isEqualTo(Map.of(day, AttendanceStatus.EXCUSED));
        assertThat(attendance.lateChanges(c.id())).singleElement().satisfies(h -> {
            assertThat(h.session()).isEqualTo(day);
            assertThat(h.enrollmentId()).isEqualTo(who);
            assertThat(h.from()).isEqualTo(AttendanceStatus.ABSENT);
            assertThat(h.to()).isEqualTo(AttendanceStatus.EXCUSED);
            assertThat(h.byAccountId()).isEqualTo(staff.accountId());
            assertThat(h.reason()).isEqualTo("진단서 제출");
            assertThat(h.at()).isAfter(clock.instant().minusSeconds(60));
        });
        // the same again is no change, so no second history line
        attendance.mark(c.id(), day, List.of(new Mark(who, AttendanceStatus.EXCUSED)), "진단서 제출");
        assertThat(attendance.lateChanges(c.id())).hasSize(1);
    }

    @Test
    void a_closure_added_after_planning_removes_the_session_from_the_matrix_and_from_marking() {
        Taught c = classes.taught(teacher, citizens);
        LocalDate closed = c.sessions().get(2);
        String room = catalog.offering(c.id()).orElseThrow().roomId();
        TestAccounts.signIn(staff);
        Closure closure = daysOff.addClosure(new ClosureDraft(ClosureScope.ROOM, room, closed, closed,
                "누수 공사", "Leak repair"));
        try {
            TestAccounts.signIn(teacher);
            AttendanceSheet sheet = attendance.sheet(c.id());
            assertThat(sheet.sessions()).doesNotContain(closed).hasSize(c.sessions().size() - 1);
            assertThat(fields(() -> attendance.mark(c.id(), closed,
                    List.of(new Mark(c.entries().getFirst(), AttendanceStatus.PRESENT)), null))).containsExactly("date");
            assertThat(attendance.myOfferings()).filteredOn(t -> t.offering().id().equals(c.id())).singleElement()
                    .satisfies(t -> assertThat(t.sessions()).doesNotContain(closed));
        } finally {
            TestAccounts.signIn(staff);
            daysOff.removeClosure(closure.id());
        }
    }

    @Test
    void points_default_to_one_one_one_zero_and_only_staff_change_them() {
        Taught c = classes.taught(teacher, citizens);
        TestAccounts.signIn(teacher);
        assertThat(rules.pointsFor(c.id())).isEqualTo(new AttendancePoints(1, 1, 1, 0));
        var program = catalog.offering(c.id()).orElseThrow().program().id();
        assertThatThrownBy(() -> rules.setPoints(program, new AttendancePoints(2, 1, 0, 0)))
                .isInstanceOf(AccessDeniedException.class);

        TestAccounts.signIn(staff);
        assertThat(fields(() -> rules.setPoints(program, new AttendancePoints(2, -1, 0, 11))))
                .containsExactly("late", "absent");
        assertThat(rules.pointsOf(program)).isEqualTo(AttendancePoints.DEFAULTS);
        rules.setPoints(program, new AttendancePoints(2, 1, 0, 0));

        TestAccounts.signIn(teacher);
        assertThat(rules.pointsFor(c.id())).isEqualTo(new AttendancePoints(2, 1, 0, 0));
        assertThat(rules.pointsFor(c.id()).of(AttendanceStatus.EXCUSED)).isZero();
    }

    @Test
    void present_is_full_marks_at_least_one_and_no_status_is_worth_more() {
        Taught c = classes.taught(teacher, citizens);
        var program = catalog.offering(c.id()).orElseThrow().program().id();
        TestAccounts.signIn(staff);

        // present 0 would make anyone complete; late above present would give shares over 100%
        assertThat(problems(() -> rules.setPoints(program, new AttendancePoints(0, 0, 0, 0))))
                .containsExactly("present=attendance.validation.presentMin");
        assertThat(problems(() -> rules.setPoints(program, new AttendancePoints(1, 2, 3, 2))))
                .containsExactly("late=attendance.validation.abovePresent", "excused=attendance.validation.abovePresent",
                        "absent=attendance.validation.abovePresent");
        assertThat(rules.pointsOf(program)).isEqualTo(AttendancePoints.DEFAULTS);

        rules.setPoints(program, new AttendancePoints(2, 2, 2, 0));
        assertThat(rules.pointsOf(program)).isEqualTo(new AttendancePoints(2, 2, 2, 0));
    }

    private static List<String> problems(Runnable call) {
        try {
            call.run();
        } catch (InvalidInputException e) {
            return e.problems().stream().map(p -> p.field() + "=" + p.messageKey()).toList();
        }
        throw new AssertionError("No InvalidInputException");
    }

    private void moveTo(LocalDate day) {
        LocalDate today = LocalDate.now(clock.withZone(Formats.SEOUL));
        clock.advance(Duration.ofDays(ChronoUnit.DAYS.between(today, day)));
    }

    private static AttendanceSheet.Row row(AttendanceSheet sheet, EnrollmentId id) {
        return sheet.rows().stream().filter(r -> r.enrollmentId().equals(id)).findFirst().orElseThrow();
    }

    private static List<String> fields(Runnable call) {
        try {
            call.run();
        } catch (InvalidInputException e) {
            return e.problems().stream().map(FieldProblem::field).toList();
        }
        throw new AssertionError("No InvalidInputException");
    }
}
