package org.baeum.attendance.degree;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.baeum.account.ParticipantId;
import org.junit.jupiter.api.Test;

/** The plain rule of progress under Seoul's current rule (version 1): boundaries, outputs, order, attendance share. */
class DegreeProgressTest {

    static final ParticipantId P = new ParticipantId("p1");
    static final DegreeRuleSet SEOUL = new DegreeRuleSet(1, LocalDate.of(2000, 1, 1), DegreeRuleSet.SEOUL, 0, null,
            Instant.EPOCH);

    @Test
    void a_bachelor_needs_100_hours_99_are_one_short() {
        DegreeProgress short1 = DegreeProgress.of(P, "김학습", 99, SEOUL, List.of(), List.of());
        assertThat(short1.nextLevel()).isEqualTo(DegreeLevel.BACHELOR);
        assertThat(short1.hoursNeeded()).isEqualTo(1);
        assertThat(short1.eligible()).isFalse();

        DegreeProgress enough = DegreeProgress.of(P, "김학습", 100, SEOUL, List.of(), List.of());
        assertThat(enough.hoursNeeded()).isZero();
        assertThat(enough.outputMissing()).isFalse();
        assertThat(enough.eligible()).isTrue();
    }

    @Test
    void a_master_needs_300_hours_in_all_and_an_approved_output() {
        List<DegreeAward> bachelor = List.of(new DegreeAward(P, DegreeLevel.BACHELOR, LocalDate.of(2026, 1, 5), 1));
        DegreeProgress noOutput = DegreeProgress.of(P, "김학습", 300, SEOUL, bachelor, List.of());
        assertThat(noOutput.nextLevel()).isEqualTo(DegreeLevel.MASTER);
        assertThat(noOutput.hoursNeeded()).isZero();
        assertThat(noOutput.outputMissing()).isTrue();
        assertThat(noOutput.eligible()).isFalse();

        List<ApprovedOutput> output = List.of(new ApprovedOutput(P, DegreeLevel.MASTER, "마을 기록집",
                LocalDate.of(2026, 6, 1)));
        DegreeProgress withOutput = DegreeProgress.of(P, "김학습", 300, SEOUL, bachelor, output);
        assertThat(withOutput.eligible()).isTrue();
        assertThat(DegreeProgress.of(P, "김학습", 299.5, SEOUL, bachelor, output).hoursNeeded()).isEqualTo(0.5);
    }

    @Test
    void the_next_level_is_the_first_not_awarded_and_none_after_the_doctor() {
        // hours for every level but no award yet: the bachelor still comes first
        assertThat(DegreeProgress.of(P, "김학습", 700, SEOUL, List.of(), List.of()).nextLevel())
                .isEqualTo(DegreeLevel.BACHELOR);
        List<DegreeAward> all = List.of(new DegreeAward(P, DegreeLevel.BACHELOR, LocalDate.of(2024, 1, 5), 1),
                new DegreeAward(P, DegreeLevel.MASTER, LocalDate.of(2025, 1, 5), 1),
                new DegreeAward(P, DegreeLevel.DOCTOR, LocalDate.of(2026, 1, 5), 1));
        DegreeProgress done = DegreeProgress.of(P, "김학습", 700, SEOUL, all, List.of());
        assertThat(done.nextLevel()).isNull();
        assertThat(done.hoursNeeded()).isZero();
        assertThat(done.eligible()).isFalse();
        assertThat(SEOUL.cumulativeHours(DegreeLevel.DOCTOR)).isEqualTo(600);
    }

    @Test
    void an_earlier_rule_counts_hours_only_from_its_least_attendance_share() {
        DegreeRuleSet earlier = new DegreeRuleSet(2, LocalDate.of(2026, 1, 1), DegreeRuleSet.SEOUL, 80, "admin",
                Instant.EPOCH);
        assertThat(earlier.counts(0.8)).isTrue();
        assertThat(earlier.counts(0.79)).isFalse();
        assertThat(SEOUL.counts(0.1)).isTrue();
    }
}
