package org.baeum.attendance.completion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baeum.attendance.AttendanceStatus.ABSENT;
import static org.baeum.attendance.AttendanceStatus.EXCUSED;
import static org.baeum.attendance.AttendanceStatus.LATE;
import static org.baeum.attendance.AttendanceStatus.PRESENT;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.baeum.attendance.AttendancePoints;
import org.baeum.attendance.AttendanceStatus;
import org.baeum.attendance.completion.CompletionCheck.Standing;
import org.junit.jupiter.api.Test;

/** The completion rule at its boundaries: 2/3 of nine sessions is six. */
class CompletionCheckTest {

    static final CompletionRule TWO_THIRDS = new CompletionRule(2, 3, false);
    static final List<LocalDate> NINE = IntStream.range(0, 9).mapToObj(i -> LocalDate.of(2026, 9, 1).plusWeeks(i)).toList();
    static final LocalDate AFTER = NINE.getLast().plusDays(1);

    static Map<LocalDate, AttendanceStatus> marks(AttendanceStatus... statuses) {
        Map<LocalDate, AttendanceStatus> m = new HashMap<>();
        for (int i = 0; i < statuses.length; i++) {
            m.put(NINE.get(i), statuses[i]);
        }
        return m;
    }

    static Standing at(LocalDate today, Map<LocalDate, AttendanceStatus> marks, AttendancePoints points) {
        return CompletionCheck.evaluate(NINE, Set.of(), today, marks, points, TWO_THIRDS, false);
    }

    @Test
    void exactly_two_thirds_meets_the_rule_and_one_session_fewer_does_not() {
        Standing six = at(AFTER, marks(PRESENT, PRESENT, LATE, PRESENT, PRESENT, PRESENT, ABSENT, ABSENT, ABSENT),
                AttendancePoints.DEFAULTS);
        assertThat(six.completed()).isTrue();
        assertThat(six.shareSoFar()).isEqualTo(6.0 / 9);
        assertThat(six.attended()).isEqualTo(6);
        Standing five = at(AFTER, marks(PRESENT, PRESENT, LATE, PRESENT, PRESENT, ABSENT, ABSENT, ABSENT, ABSENT),
                AttendancePoints.DEFAULTS);
        assertThat(five.completed()).isFalse();
        assertThat(five.shareMet()).isFalse();
        assertThat(five.attended()).isEqualTo(5);
    }

    @Test
    void excused_counts_as_the_program_points_say() {
        Map<LocalDate, AttendanceStatus> m = marks(PRESENT, PRESENT, PRESENT, PRESENT, PRESENT, EXCUSED,
                ABSENT, ABSENT, ABSENT);
        assertThat(at(AFTER, m, AttendancePoints.DEFAULTS).completed()).isTrue();
        assertThat(at(AFTER, m, new AttendancePoints(1, 1, 0, 0)).completed()).isFalse();
        // points count, not sessions: with present = 2 and excused = 1 an excused session is worth half of one
        AttendancePoints halves = new AttendancePoints(2, 2, 1, 0);
        assertThat(at(AFTER, m, halves).completed()).isFalse(); // 11 of 18 points, 12 needed
        assertThat(at(AFTER, marks(PRESENT, PRESENT, PRESENT, PRESENT, PRESENT, EXCUSED, EXCUSED, ABSENT, ABSENT),
                halves).completed()).isTrue(); // 12 of 18
    }

    @Test
    void a_session_a_closure_cancelled_is_left_out() {
        Map<LocalDate, AttendanceStatus> m = marks(PRESENT, PRESENT, PRESENT, PRESENT, PRESENT, PRESENT, ABSENT, ABSENT,
                PRESENT);
        Standing cancelled = CompletionCheck.evaluate(NINE, Set.of(NINE.getLast()), AFTER, m,
                AttendancePoints.DEFAULTS, TWO_THIRDS, false);
        assertThat(cancelled.total()).isEqualTo(8);
        assertThat(cancelled.attended()).isEqualTo(6);
        assertThat(cancelled.completed()).isTrue(); // 6 of 8 ≥ 2/3
        Map<LocalDate, AttendanceStatus> five = marks(PRESENT, PRESENT, PRESENT, PRESENT, PRESENT, ABSENT, ABSENT,
                ABSENT, PRESENT);
        Standing below = CompletionCheck.evaluate(NINE, Set.of(NINE.getLast()), AFTER, five,
                AttendancePoints.DEFAULTS, TWO_THIRDS, false);
        assertThat(below.attended()).isEqualTo(5); // the mark on the cancelled day never counts
        assertThat(below.completed()).isFalse(); // 5 of 8 < 2/3, although 6 of 9 would be
    }

    @Test
    void the_rule_becomes_unreachable_at_the_session_of_the_fourth_absence() {
        Map<LocalDate, AttendanceStatus> m = marks(ABSENT, PRESENT, ABSENT, ABSENT, ABSENT);
        Standing afterThree = at(NINE.get(3), m, AttendancePoints.DEFAULTS);
        assertThat(afterThree.reachable()).isTrue(); // 3 absences: 6 of 9 still possible
        assertThat(afterThree.lostOn()).isNull();
        assertThat(afterThree.shareSoFar()).isEqualTo(1.0 / 4);
        Standing afterFour = at(NINE.get(4), m, AttendancePoints.DEFAULTS);
        assertThat(afterFour.reachable()).isFalse();
        assertThat(afterFour.lostOn()).isEqualTo(NINE.get(4));
        assertThat(at(AFTER, m, AttendancePoints.DEFAULTS).lostOn()).isEqualTo(NINE.get(4));
    }

    @Test
    void a_held_session_without_a_mark_earns_nothing_and_the_portfolio_is_asked_when_required() {
        Map<LocalDate, AttendanceStatus> all = marks(PRESENT, PRESENT, PRESENT, PRESENT, PRESENT, PRESENT, PRESENT,
                PRESENT, PRESENT);
        CompletionRule withPortfolio = new CompletionRule(2, 3, true);
        assertThat(CompletionCheck.evaluate(NINE, Set.of(), AFTER, all, AttendancePoints.DEFAULTS, withPortfolio,
                false).completed()).isFalse();
        assertThat(CompletionCheck.evaluate(NINE, Set.of(), AFTER, all, AttendancePoints.DEFAULTS, withPortfolio,
                true).completed()).isTrue();
        Standing early = at(NINE.get(2), marks(PRESENT), AttendancePoints.DEFAULTS);
        assertThat(early.held()).isEqualTo(3);
        assertThat(early.shareSoFar()).isEqualTo(1.0 / 3);
        assertThat(early.completed()).isFalse(); // not every session held yet
    }

    @Test
    void while_a_class_runs_only_marked_sessions_count_and_the_others_are_pending() {
        // scenario A: present at session 1; on session 2's day, before it is marked, nobody is below
        Standing a = CompletionCheck.soFar(NINE, Set.of(), NINE.get(1), marks(PRESENT), AttendancePoints.DEFAULTS,
                TWO_THIRDS, false);
        assertThat(a.held()).isEqualTo(1);
        assertThat(CompletionWarning.of(TWO_THIRDS, a)).isEmpty();
        assertThat(CompletionWarning.of(TWO_THIRDS, at(NINE.get(1), marks(PRESENT), AttendancePoints.DEFAULTS)))
                .as("the decision's count takes today's session as held").contains(CompletionWarning.BELOW);
        // scenario B: 3 sessions, absent at the first; attending the second and third still gives exactly 2/3
        List<LocalDate> three = NINE.subList(0, 3);
        Standing b = CompletionCheck.soFar(three, Set.of(), three.get(1), marks(ABSENT), AttendancePoints.DEFAULTS,
                TWO_THIRDS, false);
        assertThat(b.reachable()).isTrue();
        assertThat(CompletionWarning.of(TWO_THIRDS, b)).contains(CompletionWarning.BELOW);
        // a past session the instructor has not marked yet is pending too, not an absence
        Map<LocalDate, AttendanceStatus> gap = marks(ABSENT, PRESENT, PRESENT, PRESENT);
        gap.remove(NINE.get(1));
        Standing unmarked = CompletionCheck.soFar(NINE, Set.of(), NINE.get(5), gap, AttendancePoints.DEFAULTS,
                TWO_THIRDS, false);
        assertThat(unmarked.held()).isEqualTo(3);
        assertThat(unmarked.earned()).isEqualTo(2);
        assertThat(unmarked.reachable()).isTrue();
        assertThat(CompletionWarning.of(TWO_THIRDS, unmarked)).isEmpty(); // 2 of 3 marked meets 2/3
        // a mark stored for today counts; and with every session marked it decides like the confirmation
        Map<LocalDate, AttendanceStatus> four = marks(ABSENT, PRESENT, ABSENT, ABSENT, ABSENT);
        assertThat(CompletionCheck.soFar(NINE, Set.of(), NINE.get(4), four, AttendancePoints.DEFAULTS, TWO_THIRDS,
                false).lostOn()).isEqualTo(NINE.get(4));
        Map<LocalDate, AttendanceStatus> all = marks(PRESENT, PRESENT, LATE, PRESENT, PRESENT, PRESENT, ABSENT, ABSENT,
                ABSENT);
        assertThat(CompletionCheck.soFar(NINE, Set.of(), AFTER, all, AttendancePoints.DEFAULTS, TWO_THIRDS, false))
                .isEqualTo(at(AFTER, all, AttendancePoints.DEFAULTS));
    }
}
