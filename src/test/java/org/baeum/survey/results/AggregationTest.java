package org.baeum.survey.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AggregationTest {

    private static final List<ResultQuestion> QUESTIONS = List.of(ResultQuestion.scale("overall", "전반적 만족도", 5),
            ResultQuestion.scale("room", "강의실", 4), ResultQuestion.text("comment", "하고 싶은 말"));

    @Test
    void distribution_mean_and_satisfied_share_per_item() {
        Aggregation a = new Aggregation(QUESTIONS).invited(8);
        a.answer(Map.of("overall", 5, "room", 4, "comment", "  좋았어요 "));
        a.answer(Map.of("overall", 4, "room", 2));
        a.answer(Map.of("overall", 3, "room", 3, "comment", "   "));
        a.answer(Map.of("overall", 5));
        GroupResult r = a.result("o-1", "요가");

        assertThat(r.invited()).isEqualTo(8);
        assertThat(r.answered()).isEqualTo(4);
        assertThat(r.responseRate()).isEqualTo(50.0);
        ItemResult overall = r.item("overall").orElseThrow();
        assertThat(overall.count()).isEqualTo(4);
        assertThat(overall.scale()).isEqualTo(5);
        assertThat(overall.distribution()).containsExactly(0L, 0L, 1L, 1L, 2L);
        assertThat(overall.mean()).isEqualTo(4.25);
        assertThat(overall.satisfiedShare()).isEqualTo(75.0); // 4 and 5 of five: 3 of 4
        ItemResult room = r.item("room").orElseThrow();
        assertThat(room.count()).isEqualTo(3); // one answer skipped the item
        assertThat(room.distribution()).containsExactly(0L, 1L, 1L, 1L);
        assertThat(room.mean()).isEqualTo(3.0);
        assertThat(room.satisfiedShare()).isEqualTo(66.7); // 3 and 4 of four: 2 of 3
        ItemResult comment = r.item("comment").orElseThrow();
        assertThat(comment.count()).isEqualTo(1);
        assertThat(comment.texts()).containsExactly("좋았어요");
        assertThat(comment.mean()).isNull();
    }

    @Test
    void free_texts_are_sorted_so_the_order_of_answering_is_not_kept() {
        Aggregation a = new Aggregation(QUESTIONS);
        a.answer(Map.of("comment", "다음에도"));
        a.answer(Map.of("comment", "가나다"));
        a.answer(Map.of("comment", "나무"));
        assertThat(a.result("k", "l").item("comment").orElseThrow().texts()).containsExactly("가나다", "나무", "다음에도");
    }

    @Test
    void no_answers_gives_no_mean_share_or_rate() {
        GroupResult r = new Aggregation(QUESTIONS).result("k", "l");
        assertThat(r.responseRate()).isNull();
        ItemResult overall = r.item("overall").orElseThrow();
        assertThat(overall.count()).isZero();
        assertThat(overall.mean()).isNull();
        assertThat(overall.satisfiedShare()).isNull();
        assertThat(overall.distribution()).containsExactly(0L, 0L, 0L, 0L, 0L);
    }

    @Test
    void a_point_outside_the_scale_is_refused_and_counts_nothing() {
        Aggregation a = new Aggregation(QUESTIONS);
        assertThatThrownBy(() -> a.answer(Map.of("overall", 5, "room", 5))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> a.answer(Map.of("overall", 0))).isInstanceOf(IllegalArgumentException.class);
        assertThat(a.answeredCount()).isZero();
        assertThat(a.result("k", "l").item("overall").orElseThrow().count()).isZero();
    }

    @Test
    void pooling_adds_the_same_items_and_keeps_other_scales_apart() {
        Aggregation a = new Aggregation(QUESTIONS).invited(3);
        a.answer(Map.of("overall", 5));
        Aggregation b = new Aggregation(List.of(ResultQuestion.scale("overall", "만족도", 5),
                ResultQuestion.scale("overall", "만족도 (4점)", 4))).invited(2);
        b.answer(Map.of("overall", 1));
        GroupResult pooled = new Aggregation(List.of()).addAll(a).addAll(b).result("term", "2026년 2분기");
        assertThat(pooled.invited()).isEqualTo(5);
        assertThat(pooled.answered()).isEqualTo(2);
        assertThat(pooled.responseRate()).isEqualTo(40.0);
        assertThat(pooled.items()).extracting(ItemResult::id, ItemResult::scale, ItemResult::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("overall", 5, 2L),
                        org.assertj.core.groups.Tuple.tuple("room", 4, 0L),
                        org.assertj.core.groups.Tuple.tuple("comment", null, 0L),
                        org.assertj.core.groups.Tuple.tuple("overall", 4, 1L));
        assertThat(pooled.items().getFirst().distribution()).containsExactly(1L, 0L, 0L, 0L, 1L);
        assertThat(pooled.items().getFirst().mean()).isEqualTo(3.0);
    }

    @Test
    void four_point_scale_counts_its_top_two_points_as_satisfied() {
        ScaleTally t = new ScaleTally(4);
        t.add(3);
        t.add(4);
        t.add(2);
        t.add(1);
        assertThat(t.satisfied()).isEqualTo(2);
        assertThat(t.satisfiedShare()).isEqualTo(50.0);
        assertThat(t.mean()).isEqualTo(2.5);
    }

    @Test
    void a_choice_scale_has_a_distribution_but_no_mean_or_share() {
        Aggregation a = new Aggregation(List.of(new ResultQuestion("heard", "알게 된 경로", ResultQuestion.Kind.SCALE, 4,
                false, List.of("누리집", "소식지", "지인", "기타"))));
        a.answer(Map.of("heard", 3));
        a.answer(Map.of("heard", 4));
        ItemResult heard = a.result("k", "l").item("heard").orElseThrow();
        assertThat(heard.distribution()).containsExactly(0L, 0L, 1L, 1L);
        assertThat(heard.labels()).containsExactly("누리집", "소식지", "지인", "기타");
        assertThat(heard.rated()).isFalse();
        assertThat(heard.mean()).isNull();
        assertThat(heard.satisfiedShare()).isNull();
        assertThat(a.satisfaction().ratedAnswers()).isZero();
        assertThat(a.satisfaction().satisfiedShare()).isNull();
    }

    @Test
    void satisfaction_pools_every_rated_answer_as_a_share_and_a_score_out_of_100() {
        Aggregation a = new Aggregation(QUESTIONS); // overall of five, room of four
        a.answer(Map.of("overall", 5, "room", 4)); // 100, 100
        a.answer(Map.of("overall", 3, "room", 1)); // 50, 0
        Satisfaction s = a.satisfaction();
        assertThat(s.ratedAnswers()).isEqualTo(4);
        assertThat(s.satisfied()).isEqualTo(2);
        assertThat(s.satisfiedShare()).isEqualTo(50.0);
        assertThat(s.score()).isEqualTo(62.5);
    }

    @Test
    void the_response_rate_never_passes_100_when_invitations_of_deleted_households_are_gone() {
        Aggregation a = new Aggregation(QUESTIONS).invited(1);
        a.answer(Map.of("overall", 5));
        a.answer(Map.of("overall", 4));
        assertThat(a.result("k", "l").responseRate()).isEqualTo(100.0);
    }
}
