package org.baeum.recruitment.draw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.baeum.recruitment.draw.DrawInput.InvalidDrawInput;
import org.baeum.recruitment.draw.DrawRecord.Application;
import org.baeum.recruitment.draw.DrawRecord.Offering;
import org.baeum.recruitment.draw.DrawRecord.Result;
import org.baeum.recruitment.draw.DrawRecord.Share;
import org.junit.jupiter.api.Test;

/** Seats in draw order: households need a seat for every member, reserved pass first, at most one win each. */
class DrawSeatsTest {

    private static final String ROUND = "R";

    @Test
    void aHouseholdWinsOnlyWhenThereIsASeatForEveryMember() {
        List<Offering> pool = List.of(new Offering("POOL", 3, 0));
        List<Application> applications = List.of(app("H", List.of("POOL"), 2, false),
                app("S1", List.of("POOL"), 1, false), app("S2", List.of("POOL"), 1, false),
                app("BIG", List.of("POOL"), 4, false));
        for (int i = 0; i < 40; i++) {
            DrawInput input = new DrawInput(ROUND, seed(i), pool, applications);
            DrawOutcome outcome = Draw.run(input);
            Map<String, Result> results = byNumber(outcome);
            List<String> order = outcome.order().stream().filter(n -> !n.equals("BIG")).toList();
            assertThat(results.get("BIG").won()).as("4 members, 3 seats").isFalse();
            int household = order.indexOf("H");
            // first or second: 3 or 2 seats left, the household wins; last: 1 seat left, it loses
            assertThat(results.get("H").won()).isEqualTo(household < 2);
            // 4 members for 3 seats: the first two in order win, the third loses, whoever they are
            assertThat(results.get(order.get(0)).won()).isTrue();
            assertThat(results.get(order.get(1)).won()).isTrue();
            assertThat(results.get(order.get(2)).won()).isFalse();
            assertThat(outcome.results().stream().filter(Result::won)
                    .mapToInt(r -> "H".equals(r.number()) ? 2 : 1).sum()).isLessThanOrEqualTo(3);
        }
    }

    @Test
    void reservedSeatsAreDrawnFirstAmongTheEligible() {
        List<Offering> gym = List.of(new Offering("GYM", 2, 1));
        List<Application> applications = List.of(app("R", List.of("GYM"), 1, true),
                app("G1", List.of("GYM"), 1, false), app("G2", List.of("GYM"), 1, false));
        for (int i = 0; i < 20; i++) {
            DrawOutcome outcome = Draw.run(new DrawInput(ROUND, seed(i), gym, applications));
            Map<String, Result> results = byNumber(outcome);
            assertThat(results.get("R")).isEqualTo(new Result("R", "GYM", Share.RESERVED));
            String firstGeneral = outcome.order().stream().filter(n -> !n.equals("R")).findFirst().orElseThrow();
            assertThat(results.get(firstGeneral)).isEqualTo(new Result(firstGeneral, "GYM", Share.GENERAL));
            assertThat(outcome.results().stream().filter(Result::won)).hasSize(2);
        }
    }

    @Test
    void unusedReservedSeatsGoToTheGeneralPass() {
        List<Offering> gym = List.of(new Offering("GYM", 3, 2));
        // the eligible household of 3 does not fit the reserved share of 2; it competes in the general pass
        List<Application> applications = List.of(app("R", List.of("GYM"), 1, true),
                app("RH", List.of("GYM"), 3, true), app("G1", List.of("GYM"), 1, false),
                app("G2", List.of("GYM"), 1, false));
        for (int i = 0; i < 20; i++) {
            DrawOutcome outcome = Draw.run(new DrawInput(ROUND, seed(i), gym, applications));
            Map<String, Result> results = byNumber(outcome);
            assertThat(results.get("R").share()).isEqualTo(Share.RESERVED);
            assertThat(results.get("RH").won()).as("1 reserved + 1 general seat left, needs 3").isFalse();
            // the unused reserved seat joined the single general seat: both general applicants win
            assertThat(results.get("G1")).isEqualTo(new Result("G1", "GYM", Share.GENERAL));
            assertThat(results.get("G2")).isEqualTo(new Result("G2", "GYM", Share.GENERAL));
        }
    }

    @Test
    void rankedChoicesGiveAtMostOneWin() {
        List<Offering> offerings = List.of(new Offering("A", 1, 0), new Offering("B", 5, 0), new Offering("C", 5, 0));
        List<Application> applications = List.of(app("X", List.of("A", "B", "C"), 1, false),
                app("Y", List.of("A", "B", "C"), 1, false), app("Z", List.of("C", "A"), 1, false));
        for (int i = 0; i < 20; i++) {
            DrawOutcome outcome = Draw.run(new DrawInput(ROUND, seed(i), offerings, applications));
            assertThat(outcome.results()).extracting(Result::number).containsExactly("X", "Y", "Z");
            Map<String, Result> results = byNumber(outcome);
            String firstOfXy = outcome.order().stream().filter(n -> !n.equals("Z")).findFirst().orElseThrow();
            String secondOfXy = firstOfXy.equals("X") ? "Y" : "X";
            assertThat(results.get(firstOfXy).offering()).isEqualTo("A");
            assertThat(results.get(secondOfXy).offering()).as("A is full: the next choice").isEqualTo("B");
            assertThat(results.get("Z").offering()).as("its first choice, even with A free").isEqualTo("C");
        }
    }

    @Test
    void inputOutsideTheRuleIsRefusedAtTheField() {
        List<Offering> one = List.of(new Offering("A", 2, 0));
        assertRefused(new byte[31], one, List.of(app("X", List.of("A"), 1, false)), "seed");
        assertRefused(seed(0), List.of(new Offering("A", 2, 3)), List.of(), "offerings[0].reserved");
        assertRefused(seed(0), one, List.of(new Application("X", 3, List.of("A"), 1, false)),
                "applications[0].weight");
        assertRefused(seed(0), one, List.of(app("X", List.of("A"), 9, false)), "applications[0].seats");
        assertRefused(seed(0), one, List.of(app("X", List.of("A"), 0, false)), "applications[0].seats");
        assertRefused(seed(0), one, List.of(app("X", List.of(), 1, false)), "applications[0].choices");
        assertRefused(seed(0), one, List.of(app("X", List.of("A", "A"), 1, false)), "applications[0].choices");
        assertRefused(seed(0), one, List.of(app("X", List.of("Q"), 1, false)), "applications[0].choices");
        assertRefused(seed(0), List.of(new Offering("A", 2, 0), new Offering("B", 2, 0), new Offering("C", 2, 0),
                new Offering("D", 2, 0)), List.of(app("X", List.of("A", "B", "C", "D"), 1, false)),
                "applications[0].choices");
        assertRefused(seed(0), one, List.of(app("X", List.of("A"), 1, false), app("X", List.of("A"), 1, false)),
                "applications[1].number");
    }

    private static void assertRefused(byte[] seed, List<Offering> offerings, List<Application> applications,
            String field) {
        assertThatThrownBy(() -> new DrawInput(ROUND, seed, offerings, applications))
                .isInstanceOfSatisfying(InvalidDrawInput.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    private static Application app(String number, List<String> choices, int seats, boolean reserved) {
        return new Application(number, 1, choices, seats, reserved);
    }

    private static Map<String, Result> byNumber(DrawOutcome outcome) {
        return outcome.results().stream().collect(Collectors.toMap(Result::number, Function.identity()));
    }

    private static byte[] seed(int i) {
        return ByteBuffer.allocate(DrawInput.SEED_BYTES).putInt(28, i).array();
    }
}
