package org.baeum.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Recruitment phases in the model: order, no overlap, and which phase is current at every boundary. */
class RecruitmentTest {

    static final Instant T0 = Instant.parse("2026-12-01T01:00:00Z"); // 12.1 10:00 in Seoul
    static final RecruitmentPhase DRAW = new RecruitmentPhase(T0, T0.plus(Duration.ofDays(4)), RecruitmentMethod.LOTTERY);
    static final RecruitmentPhase LEFTOVERS = new RecruitmentPhase(T0.plus(Duration.ofDays(7)),
            T0.plus(Duration.ofDays(11)), RecruitmentMethod.FIRST_COME);
    static final Recruitment TWO = new Recruitment(List.of(DRAW, LEFTOVERS));
    static final Duration TICK = Duration.ofMillis(1);

    @Test
    void one_phase_keeps_the_old_shape() {
        Recruitment one = new Recruitment(T0, T0.plus(Duration.ofDays(3)), RecruitmentMethod.FIRST_COME);
        assertThat(one.phases()).hasSize(1);
        assertThat(one.opensAt()).isEqualTo(T0);
        assertThat(one.closesAt()).isEqualTo(T0.plus(Duration.ofDays(3)));
        assertThat(one.method(T0)).isEqualTo(RecruitmentMethod.FIRST_COME);
        assertThat(one.isPhased()).isFalse();
    }

    @Test
    void the_whole_window_runs_from_the_first_opening_to_the_last_closing() {
        assertThat(TWO.opensAt()).isEqualTo(DRAW.opensAt());
        assertThat(TWO.closesAt()).isEqualTo(LEFTOVERS.closesAt());
        assertThat(TWO.isPhased()).isTrue();
    }

    @Test
    void current_is_the_open_phase_else_the_next_else_the_last_at_every_boundary() {
        record Expect(Instant at, RecruitmentPhase phase, boolean open, int number) {
        }
        for (Expect e : List.of(
                new Expect(T0.minus(Duration.ofDays(30)), DRAW, false, 1),
                new Expect(T0.minus(TICK), DRAW, false, 1),
                new Expect(T0, DRAW, true, 1),
                new Expect(DRAW.closesAt().minus(TICK), DRAW, true, 1),
                new Expect(DRAW.closesAt(), LEFTOVERS, false, 2), // the gap: the next phase, not open
                new Expect(LEFTOVERS.opensAt().minus(TICK), LEFTOVERS, false, 2),
                new Expect(LEFTOVERS.opensAt(), LEFTOVERS, true, 2),
                new Expect(LEFTOVERS.closesAt().minus(TICK), LEFTOVERS, true, 2),
                new Expect(LEFTOVERS.closesAt(), LEFTOVERS, false, 2),
                new Expect(LEFTOVERS.closesAt().plus(Duration.ofDays(100)), LEFTOVERS, false, 2))) {
            assertThat(TWO.current(e.at())).as(e.at().toString()).isEqualTo(e.phase());
            assertThat(TWO.isOpen(e.at())).as(e.at().toString()).isEqualTo(e.open());
            assertThat(TWO.method(e.at())).as(e.at().toString()).isEqualTo(e.phase().method());
            assertThat(TWO.currentNumber(e.at())).as(e.at().toString()).isEqualTo(e.number());
        }
    }

    @Test
    void a_phase_may_open_the_instant_the_one_before_closes() {
        RecruitmentPhase next = new RecruitmentPhase(DRAW.closesAt(), DRAW.closesAt().plus(Duration.ofDays(2)),
                RecruitmentMethod.FIRST_COME);
        Recruitment touching = new Recruitment(List.of(DRAW, next));
        assertThat(touching.current(DRAW.closesAt().minus(TICK))).isEqualTo(DRAW);
        assertThat(touching.current(DRAW.closesAt())).isEqualTo(next);
        assertThat(touching.isOpen(DRAW.closesAt())).isTrue();
    }

    @Test
    void overlapping_unordered_empty_and_backward_phases_are_refused() {
        RecruitmentPhase overlapping = new RecruitmentPhase(DRAW.closesAt().minus(TICK),
                DRAW.closesAt().plus(Duration.ofDays(1)), RecruitmentMethod.FIRST_COME);
        assertThatThrownBy(() -> new Recruitment(List.of(DRAW, overlapping)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("phase 2");
        assertThatThrownBy(() -> new Recruitment(List.of(LEFTOVERS, DRAW)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Recruitment(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RecruitmentPhase(T0, T0, RecruitmentMethod.LOTTERY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RecruitmentPhase(T0, T0.minus(TICK), RecruitmentMethod.LOTTERY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_status_follows_the_whole_window_so_a_gap_between_phases_is_still_recruiting() {
        WeeklySchedule schedule = new WeeklySchedule(Set.of(DayOfWeek.MONDAY), LocalTime.of(10, 0), LocalTime.of(11, 0),
                LocalDate.of(2027, 1, 4), LocalDate.of(2027, 1, 25));
        List<LocalDate> sessions = List.of(LocalDate.of(2027, 1, 4), LocalDate.of(2027, 1, 25));
        assertThat(Offering.status(Publication.PUBLISHED, TWO, sessions, schedule, T0.minus(TICK)))
                .isEqualTo(OfferingStatus.PUBLISHED);
        assertThat(Offering.status(Publication.PUBLISHED, TWO, sessions, schedule, DRAW.closesAt()))
                .isEqualTo(OfferingStatus.RECRUITING);
        assertThat(Offering.status(Publication.PUBLISHED, TWO, sessions, schedule, LEFTOVERS.closesAt()))
                .isEqualTo(OfferingStatus.CLOSED);
    }
}
