package org.baeum.enrollment;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.baeum.enrollment.EnrollmentRefusedException.Reason;
import org.baeum.enrollment.internal.ClosureRefundRepository;
import org.baeum.enrollment.internal.ClosureRefundRepository.ClosureRefundDocument;
import org.baeum.enrollment.internal.EnrollmentDocument;
import org.baeum.enrollment.internal.EnrollmentLists;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The refunds closures owe to paid entries that stay enrolled (decision 0043), for STAFF at the enrolment desk beside
 * the refunds endings owe ({@link EnrollmentDesk#refundsOwed}): listed until STAFF record each as paid out, once.
 * Fee reductions of unpaid entries are not listed: the lower fee is what the desk charges.
 */
@Service
public class ClosureRefunds {

    private static final Logger log = LoggerFactory.getLogger(ClosureRefunds.class);
    private static final int MAX = 500;

    private final ClosureRefundRepository refunds;
    private final EnrollmentLists lists;
    private final EnrollmentMapper mapper;
    private final EnrollmentAccess access;
    private final Clock clock;

    ClosureRefunds(ClosureRefundRepository refunds, EnrollmentLists lists, EnrollmentMapper mapper,
                   EnrollmentAccess access, Clock clock) {
        this.refunds = refunds;
        this.lists = lists;
        this.mapper = mapper;
        this.access = access;
        this.clock = clock;
    }

    /** Closure refunds not paid out yet, the earliest due first (names masked). */
    @PreAuthorize(EnrollmentDesk.STAFF)
    public List<ClosureRefundOwed> owed() {
        List<ClosureRefundDocument> owed = refunds.owed(MAX);
        Map<String, EnrollmentDocument> entries = lists.findByIds(owed.stream()
                .map(ClosureRefundDocument::enrollmentId).distinct().toList()).stream()
                .collect(Collectors.toMap(EnrollmentDocument::id, Function.identity()));
        return owed.stream().filter(r -> entries.containsKey(r.enrollmentId()))
                .map(r -> toOwed(r, entries.get(r.enrollmentId()))).toList();
    }

    /**
     * Records that a closure refund was paid out (once; a second time, or an unknown id, is refused with
     * {@code WRONG_STATE}), by the staff member with their note.
     */
    @PreAuthorize(EnrollmentDesk.STAFF)
    public ClosureRefundOwed recordPaidOut(String refundId, String note) {
        String by = access.user().accountId();
        ClosureRefundDocument done = refunds.markPaidOut(refundId == null ? "" : refundId, clock.instant(), by,
                        note == null || note.isBlank() ? null : note.strip())
                .orElseThrow(() -> new EnrollmentRefusedException(Reason.WRONG_STATE));
        log.info("Closure refund {} of enrolment {}: {} won paid out, recorded by {}", done.id(), done.enrollmentId(),
                done.refund().amount(), by);
        EnrollmentDocument entry = lists.findByIds(List.of(done.enrollmentId())).stream().findFirst()
                .orElseThrow(() -> new EnrollmentRefusedException(Reason.WRONG_STATE));
        return toOwed(done, entry);
    }

    private ClosureRefundOwed toOwed(ClosureRefundDocument r, EnrollmentDocument entry) {
        return new ClosureRefundOwed(r.id(), mapper.toEnrollment(entry, true, false), r.refund().refund(),
                r.reasonKo(), r.reasonEn(), r.refund().paidOutAt());
    }
}
