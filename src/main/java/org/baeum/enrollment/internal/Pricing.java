package org.baeum.enrollment.internal;

import java.util.Optional;
import java.util.function.Supplier;
import org.baeum.account.FeeReduction;
import org.baeum.catalog.Program;
import org.baeum.enrollment.Fee;

/** What a participant pays (no Spring, no database): the program's fee less the best reduction that applies. */
public final class Pricing {

    private Pricing() {
    }

    /**
     * The fee: nothing for a free program, the full fee when the program allows no reductions, else less the best
     * verified reduction. {@code bestReduction} is asked only when a reduction could apply (it reads the participant's
     * claims).
     */
    public static Fee fee(Program program, Supplier<Optional<FeeReduction>> bestReduction) {
        long base = program.fee();
        if (base == 0) {
            return Fee.FREE;
        }
        if (!program.feeReductionsApply()) {
            return Fee.full(base);
        }
        return bestReduction.get().map(r -> Fee.reduced(base, r.category(), r.nameKo(), r.nameEn(), r.ratePercent()))
                .orElse(Fee.full(base));
    }

    /**
     * What accepting an offer charges: the fee kept on the entry (what the citizen was shown when they joined the
     * line), unless the fee worked out today is lower (a reduction verified meanwhile). A reduction that lapsed
     * meanwhile never raises it.
     */
    public static Fee offerFee(Fee kept, Fee today) {
        return today != null && today.amount() < kept.amount() ? today : kept;
    }
}
