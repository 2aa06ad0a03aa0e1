package org.baeum.enrollment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.baeum.base.i18n.Formats;

/**
 * Why a fee is refunded (평생교육법 제28조제4항): the learner quits (제3호, 별표 3 제2호) or the centre cannot hold
 * the class (제1호·제2호: closure, cancellation, 별표 3 제1호). Its {@link #day()} (in Seoul) is the day the reason
 * arose, from which the refund is due within 5 days (시행령 제23조).
 */
public sealed interface RefundReason {

    /** The day the reason arose, in Asia/Seoul. */
    LocalDate day();

    /** The learner quits at {@code at} (the moment the cancellation is made). */
    record LearnerQuits(Instant at) implements RefundReason {
        public LearnerQuits {
            Objects.requireNonNull(at, "at");
        }

        @Override
        public LocalDate day() {
            return LocalDate.ofInstant(at, Formats.SEOUL);
        }
    }

    /** The centre cannot hold the class from {@code from} on (the first day it cannot be held: 반환사유 발생일). */
    record CentreCannotHold(LocalDate from) implements RefundReason {
        public CentreCannotHold {
            Objects.requireNonNull(from, "from");
        }

        @Override
        public LocalDate day() {
            return from;
        }
    }

    static RefundReason learner(Instant at) {
        return new LearnerQuits(at);
    }

    static RefundReason centre(LocalDate from) {
        return new CentreCannotHold(from);
    }
}
