package org.baeum.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Fees with reductions (rounded down to 10 KRW) and the refund policy. */
class FeeAndRefundTest {

    @ParameterizedTest(name = "{0} won with {1}% off is {2}")
    @CsvSource({
            "45000, 0, 45000",      // no reduction
            "45000, 100, 0",        // basic livelihood (기초생활수급자)
            "45000, 50, 22500",     // national merit, disabled, 65+
            "33333, 50, 16660",     // 16,666.5 → down to 10 won
            "12345, 30, 8640",      // 8,641.5 → 8,640
            "9, 50, 0",
            "0, 50, 0"
    })
    void reductions_round_down_to_ten_won(long base, int percent, long expected) {
        long amount = Fee.reduced(base, "X", "x", "x", percent).amount();
        assertThat(amount).isEqualTo(expected);
        assertThat(amount % 10).isZero();
    }

    @Test
    void a_fee_cannot_be_negative_or_above_its_base() {
        assertThatThrownBy(() -> new Fee(100, null, null, null, 0, 200)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Fee(-1, null, null, null, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Fee.reduced(1000, "X", "x", "x", 0)).isEqualTo(Fee.full(1000));
    }

    private static final Instant FIRST = Instant.parse("2027-03-02T01:00:00Z");
    private static final List<Instant> TEN_SESSIONS = IntStream.range(0, 10)
            .mapToObj(i -> FIRST.plus(Duration.ofDays(7L * i))).toList();
    private static final RefundPolicy DEFAULT = new RefundPolicy(10);

    @Test
    void before_the_first_session_everything_comes_back() {
        assertThat(DEFAULT.refund(45_000, TEN_SESSIONS, FIRST.minusSeconds(1))).isEqualTo(45_000);
    }

    @Test
    void after_it_the_share_not_yet_held_less_ten_percent() {
        // 3 held, 7 to come: 45,000 × 7/10 × 0.9 = 28,350
        assertThat(DEFAULT.refund(45_000, TEN_SESSIONS, TEN_SESSIONS.get(2).plusSeconds(60))).isEqualTo(28_350);
        // exactly at a session's start it counts as held
        assertThat(DEFAULT.refund(45_000, TEN_SESSIONS, FIRST)).isEqualTo(36_450);
        // 33,330 × 9/10 × 0.9 = 26,997.3 → 26,990
        assertThat(DEFAULT.refund(33_330, TEN_SESSIONS, FIRST)).isEqualTo(26_990);
    }

    @Test
    void nothing_after_the_last_session_started_and_nothing_when_nothing_was_paid() {
        assertThat(DEFAULT.refund(45_000, TEN_SESSIONS, TEN_SESSIONS.getLast())).isZero();
        assertThat(DEFAULT.refund(0, TEN_SESSIONS, FIRST.minusSeconds(1))).isZero();
    }

    @Test
    void the_deduction_is_configurable() {
        assertThat(new RefundPolicy(0).refund(10_000, TEN_SESSIONS, FIRST)).isEqualTo(9_000);
        assertThat(new RefundPolicy(100).refund(10_000, TEN_SESSIONS, FIRST)).isZero();
        assertThatThrownBy(() -> new RefundPolicy(101)).isInstanceOf(IllegalArgumentException.class);
    }
}
