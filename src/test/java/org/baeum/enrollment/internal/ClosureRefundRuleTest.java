package org.baeum.enrollment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.baeum.enrollment.Refund;
import org.baeum.enrollment.RefundStep;
import org.junit.jupiter.api.Test;

/**
 * A closure's refund (decision 0043): paid × cancelled class days / all class days (별표 3 제1호), rounded down to 10
 * won, even when class days still held follow the cancelled ones; due 5 days after the first cancelled day.
 */
class ClosureRefundRuleTest {

    private static final LocalDate MON = LocalDate.of(2027, 3, 1);

    /** Ten class days, Monday to Friday for two weeks. */
    private static final List<LocalDate> DAYS = IntStream.range(0, 14).mapToObj(MON::plusDays)
            .filter(d -> d.getDayOfWeek().getValue() <= 5).toList();

    @Test
    void days_in_the_middle_come_back_pro_rata_with_the_statutes_rounding() {
        Refund refund = ClosureEffects.refundFor(55_000, DAYS, List.of(DAYS.get(3), DAYS.get(4), DAYS.get(5)));
        assertThat(refund.amount()).isEqualTo(55_000L * 3 / 10 / 10 * 10); // 16,500
        assertThat(refund.step()).isEqualTo(RefundStep.CENTRE_PRO_RATA_DAYS);
        assertThat(refund.count()).isEqualTo(3);
        assertThat(refund.outOf()).isEqualTo(10);
        assertThat(refund.reasonDay()).isEqualTo(DAYS.get(3));
        assertThat(refund.dueBy()).isEqualTo(DAYS.get(3).plusDays(5));
    }

    @Test
    void a_share_is_rounded_down_to_10_won_and_days_that_are_no_class_days_do_not_count() {
        Refund refund = ClosureEffects.refundFor(30_000, DAYS.subList(0, 7), List.of(DAYS.get(1), DAYS.get(2),
                MON.plusDays(5)));
        assertThat(refund.amount()).isEqualTo(8_570); // 30,000 × 2 / 7 = 8,571.4
        assertThat(refund.count()).isEqualTo(2);
        assertThat(refund.outOf()).isEqualTo(7);
    }

    @Test
    void every_day_cancelled_gives_back_all_that_was_paid() {
        assertThat(ClosureEffects.refundFor(41_230, DAYS, DAYS).amount()).isEqualTo(41_230);
    }
}
