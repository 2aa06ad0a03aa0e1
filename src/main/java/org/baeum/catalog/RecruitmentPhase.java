package org.baeum.catalog;

import java.time.Instant;
import java.util.Objects;

/** One phase of an offering's recruitment (e.g. 1차 추첨 신청, 2차 선착순): open from {@code opensAt}, until {@code closesAt}. */
public record RecruitmentPhase(Instant opensAt, Instant closesAt, RecruitmentMethod method) {

    public RecruitmentPhase {
        Objects.requireNonNull(opensAt, "opensAt");
        Objects.requireNonNull(closesAt, "closesAt");
        Objects.requireNonNull(method, "method");
        if (!closesAt.isAfter(opensAt)) {
            throw new IllegalArgumentException("A recruitment phase must close after it opens");
        }
    }

    /** Open at {@code now}: from the opening instant (included) to the closing instant (excluded). */
    public boolean isOpen(Instant now) {
        return !now.isBefore(opensAt) && now.isBefore(closesAt);
    }
}
