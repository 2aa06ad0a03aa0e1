package org.baeum.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.baeum.base.domain.FieldProblem;
import org.baeum.catalog.OfferingDraft.PhaseDraft;
import org.junit.jupiter.api.Test;

/** What staff enter as recruitment phases: every problem at its field, and the phases as the model keeps them. */
class RecruitmentPlanTest {

    static final LocalDateTime DAY = LocalDateTime.of(2026, 12, 1, 10, 0);
    static final PhaseDraft DRAW = new PhaseDraft(DAY, DAY.plusDays(4).withHour(18), RecruitmentMethod.LOTTERY);
    static final PhaseDraft LEFTOVERS = new PhaseDraft(DAY.plusDays(7), DAY.plusDays(11).withHour(18),
            RecruitmentMethod.FIRST_COME);

    private static List<FieldProblem> problems(List<PhaseDraft> phases) {
        List<FieldProblem> problems = new ArrayList<>();
        RecruitmentPlan.check(phases, problems);
        return problems;
    }

    @Test
    void ordered_phases_that_do_not_overlap_pass() {
        assertThat(problems(List.of(DRAW, LEFTOVERS))).isEmpty();
        PhaseDraft touching = new PhaseDraft(DRAW.closes(), DRAW.closes().plusDays(1), RecruitmentMethod.FIRST_COME);
        assertThat(problems(List.of(DRAW, touching))).as("opening the minute the one before closes").isEmpty();
    }

    @Test
    void an_overlapping_or_earlier_phase_is_a_problem_at_its_opening() {
        PhaseDraft overlapping = new PhaseDraft(DRAW.closes().minusMinutes(1), DRAW.closes().plusDays(2),
                RecruitmentMethod.FIRST_COME);
        assertThat(problems(List.of(DRAW, overlapping))).extracting(FieldProblem::field, FieldProblem::messageKey,
                FieldProblem::arguments).containsExactly(tuple("phase.1.opens", "validation.phaseOverlap", List.of(1)));
        assertThat(problems(List.of(LEFTOVERS, DRAW))).as("out of order").extracting(FieldProblem::field,
                FieldProblem::messageKey).containsExactly(tuple("phase.1.opens", "validation.phaseOverlap"));
    }

    @Test
    void missing_parts_backward_phases_and_methods_not_yet_available_are_problems_at_their_fields() {
        assertThat(problems(List.of(DRAW, new PhaseDraft(null, null, null))))
                .extracting(FieldProblem::field, FieldProblem::messageKey).containsExactly(
                        tuple("phase.1.method", "validation.required"),
                        tuple("phase.1.opens", "validation.required"),
                        tuple("phase.1.closes", "validation.required"));
        assertThat(problems(List.of(new PhaseDraft(DAY, DAY, RecruitmentMethod.FIRST_COME))))
                .extracting(FieldProblem::field, FieldProblem::messageKey)
                .containsExactly(tuple("phase.0.closes", "validation.closesBeforeOpens"));
        for (RecruitmentMethod later : List.of(RecruitmentMethod.RE_REGISTRATION, RecruitmentMethod.RESERVED)) {
            assertThat(problems(List.of(new PhaseDraft(DAY, DAY.plusDays(1), later))))
                    .extracting(FieldProblem::field, FieldProblem::messageKey)
                    .containsExactly(tuple("phase.0.method", "validation.methodNotYet"));
        }
    }

    @Test
    void there_is_at_least_one_phase_and_at_most_six() {
        assertThat(problems(List.of())).extracting(FieldProblem::field, FieldProblem::messageKey)
                .containsExactly(tuple("phases", "validation.required"));
        List<PhaseDraft> six = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            six.add(new PhaseDraft(DAY.plusDays(2L * i), DAY.plusDays(2L * i + 1), RecruitmentMethod.FIRST_COME));
        }
        assertThat(problems(six.subList(0, 6))).isEmpty();
        assertThat(problems(six)).extracting(FieldProblem::field, FieldProblem::messageKey, FieldProblem::arguments)
                .containsExactly(tuple("phases", "validation.tooManyPhases", List.of(6)));
    }

    @Test
    void a_null_phase_in_the_list_is_a_phase_with_nothing_entered() {
        OfferingDraft draft = new OfferingDraft(null, null, null, null, null, null, null, null, null, null,
                Collections.singletonList(null));
        assertThat(problems(draft.phases())).extracting(FieldProblem::field)
                .containsExactly("phase.0.method", "phase.0.opens", "phase.0.closes");
    }

    @Test
    void the_last_phase_closes_before_the_first_session() {
        List<FieldProblem> problems = new ArrayList<>();
        RecruitmentPlan.checkClosesBefore(List.of(DRAW, LEFTOVERS), LEFTOVERS.closes(), problems);
        assertThat(problems).extracting(FieldProblem::field, FieldProblem::messageKey)
                .containsExactly(tuple("phase.1.closes", "validation.closesAfterStart"));
        problems.clear();
        RecruitmentPlan.checkClosesBefore(List.of(DRAW, LEFTOVERS), LEFTOVERS.closes().plusMinutes(1), problems);
        assertThat(problems).isEmpty();
    }

    @Test
    void phases_become_seoul_instants_and_copies_move_by_whole_weeks() {
        Recruitment recruitment = RecruitmentPlan.recruitment(List.of(DRAW, LEFTOVERS));
        assertThat(recruitment.phases()).extracting(RecruitmentPhase::opensAt, RecruitmentPhase::method).containsExactly(
                tuple(Instant.parse("2026-12-01T01:00:00Z"), RecruitmentMethod.LOTTERY),
                tuple(Instant.parse("2026-12-08T01:00:00Z"), RecruitmentMethod.FIRST_COME));
        assertThat(RecruitmentPlan.drafts(recruitment, 0)).containsExactly(DRAW, LEFTOVERS);
        assertThat(RecruitmentPlan.drafts(recruitment, 2)).containsExactly(
                new PhaseDraft(DRAW.opens().plusWeeks(2), DRAW.closes().plusWeeks(2), RecruitmentMethod.LOTTERY),
                new PhaseDraft(LEFTOVERS.opens().plusWeeks(2), LEFTOVERS.closes().plusWeeks(2), RecruitmentMethod.FIRST_COME));
    }
}
