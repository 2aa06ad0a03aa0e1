package org.baeum.survey.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Groups under five answers: hidden from instructors (shown at five), free texts hidden from staff too. */
class SmallGroupsTest {

    private static GroupResult group(int answers) {
        Aggregation a = new Aggregation(List.of(ResultQuestion.scale("overall", "만족도", 5),
                ResultQuestion.text("comment", "의견"))).invited(10);
        for (int i = 0; i < answers; i++) {
            a.answer(Map.of("overall", 4, "comment", "의견 " + i));
        }
        return a.result("o-1", "요가");
    }

    @Test
    void four_answers_are_hidden_from_the_instructor() {
        GroupResult seen = group(4).forInstructor();
        assertThat(seen.hidden()).isTrue();
        assertThat(seen.textsHidden()).isTrue();
        assertThat(seen.items()).isEmpty();
        assertThat(seen.answered()).isEqualTo(4);
    }

    @Test
    void five_answers_are_shown_to_the_instructor() {
        GroupResult seen = group(5).forInstructor();
        assertThat(seen.hidden()).isFalse();
        assertThat(seen.textsHidden()).isFalse();
        assertThat(seen.item("overall").orElseThrow().distribution()).containsExactly(0L, 0L, 0L, 5L, 0L);
        assertThat(seen.item("comment").orElseThrow().texts()).hasSize(5);
    }

    @Test
    void staff_see_the_figures_of_four_answers_but_not_their_texts() {
        GroupResult seen = group(4).forStaff();
        assertThat(seen.hidden()).isFalse();
        assertThat(seen.textsHidden()).isTrue();
        assertThat(seen.item("overall").orElseThrow().count()).isEqualTo(4);
        assertThat(seen.item("comment").orElseThrow().texts()).isEmpty();
        assertThat(seen.item("comment").orElseThrow().count()).isEqualTo(4);
    }

    @Test
    void staff_see_the_texts_of_five_answers() {
        assertThat(group(5).forStaff().item("comment").orElseThrow().texts()).hasSize(5);
    }
}
