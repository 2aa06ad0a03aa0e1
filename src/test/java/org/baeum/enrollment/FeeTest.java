package org.baeum.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Fees with reductions (rounded down to 10 KRW); refunds are StatutoryRefundTest's. */
class FeeTest {

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
}
