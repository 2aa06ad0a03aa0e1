package org.baeum.enrollment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.baeum.account.FeeReduction;
import org.baeum.catalog.Audience;
import org.baeum.catalog.PolicyDomain;
import org.baeum.enrollment.Fee;
import org.junit.jupiter.api.Test;

/** What a participant pays: the program's fee less the best reduction, rounded down to 10 won. */
class PricingTest {

    static final FeeReduction ELDERLY = new FeeReduction("ELDERLY", "경로", "Seniors", 50);

    @Test
    void a_free_class_costs_nothing_and_reads_no_reductions() {
        AtomicInteger asked = new AtomicInteger();
        Fee fee = Pricing.fee(RuleFixtures.program(Audience.ADULT, PolicyDomain.ACCESS, 0, true), () -> {
            asked.incrementAndGet();
            return Optional.of(ELDERLY);
        });
        assertThat(fee).isEqualTo(Fee.FREE);
        assertThat(asked).hasValue(0);
    }

    @Test
    void a_class_without_reductions_costs_its_full_fee_whoever_asks() {
        AtomicInteger asked = new AtomicInteger();
        Fee fee = Pricing.fee(RuleFixtures.program(Audience.ADULT, PolicyDomain.ACCESS, 45_000, false), () -> {
            asked.incrementAndGet();
            return Optional.of(ELDERLY);
        });
        assertThat(fee.amount()).isEqualTo(45_000);
        assertThat(fee.reductionCode()).isNull();
        assertThat(asked).hasValue(0);
    }

    @Test
    void the_best_reduction_applies_rounded_down_to_10_won() {
        Fee fee = Pricing.fee(RuleFixtures.program(Audience.ADULT, PolicyDomain.ACCESS, 45_005, true),
                () -> Optional.of(new FeeReduction("DISABILITY", "장애인", "Disability", 30)));
        // 45,005 × 70 / 100 = 31,503.5 → 31,503 → 31,500
        assertThat(fee.amount()).isEqualTo(31_500);
        assertThat(fee.reductionCode()).isEqualTo("DISABILITY");
        assertThat(fee.reductionPercent()).isEqualTo(30);
        assertThat(Pricing.fee(RuleFixtures.program(Audience.ADULT, PolicyDomain.ACCESS, 45_000, true), Optional::empty)
                .amount()).isEqualTo(45_000);
    }

    @Test
    void an_offer_charges_what_was_shown_unless_today_is_lower() {
        Fee kept = Fee.full(40_000);
        Fee reducedToday = Fee.reduced(40_000, "ELDERLY", "경로", "Seniors", 50);
        assertThat(Pricing.offerFee(kept, reducedToday)).isEqualTo(reducedToday);
        assertThat(Pricing.offerFee(reducedToday, kept)).as("a lapsed reduction never raises it").isEqualTo(reducedToday);
        assertThat(Pricing.offerFee(kept, null)).isEqualTo(kept);
    }
}
