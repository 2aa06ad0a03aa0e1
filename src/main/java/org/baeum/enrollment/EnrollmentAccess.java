package org.baeum.enrollment;

import java.time.Clock;
import org.baeum.base.audit.AccessAction;
import org.baeum.base.audit.AccessLog;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.account.ParticipantId;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.CurrentUser;
import org.baeum.base.security.Role;
import org.baeum.enrollment.EnrollmentRefusedException.Reason;
import org.baeum.enrollment.internal.EnrollmentDocument;
import org.baeum.enrollment.internal.EnrollmentRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may act on which entry, for every public enrolment service: a citizen on their own household's entries, STAFF
 * and ADMIN on any (as assisted actions, written to the access log), INSTRUCTOR and others on none. The services'
 * {@code @PreAuthorize} checks the role first; this checks the entry.
 */
@Component
class EnrollmentAccess {

    private static final Logger log = LoggerFactory.getLogger(EnrollmentAccess.class);
    private static final int MAX_KEY_LENGTH = 100;

    private final EnrollmentRepository enrollments;
    private final CurrentUser currentUser;
    private final AccessLog accessLog;
    private final Clock clock;

    EnrollmentAccess(EnrollmentRepository enrollments, CurrentUser currentUser, AccessLog accessLog, Clock clock) {
        this.enrollments = enrollments;
        this.currentUser = currentUser;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    BaeumUser user() {
        return currentUser.require();
    }

    /**
     * The entry if the caller may see it: their own household's, or any for STAFF and ADMIN.
     *
     * @throws AccessDeniedException for an unknown entry or another household's
     */
    EnrollmentDocument owned(EnrollmentId id) {
        BaeumUser user = currentUser.require();
        EnrollmentDocument e = enrollments.findById(id.value()).orElseThrow(() -> new AccessDeniedException("No such enrolment"));
        if (!ownHousehold(user, e) && !isStaff(user)) {
            log.warn("Account {} was refused enrolment {} of another household", user.accountId(), id.value());
            throw new AccessDeniedException("Not your enrolment");
        }
        return e;
    }

    /** The participant named, or the caller themselves when none is. */
    ParticipantId participantOrSelf(ParticipantId participantId) {
        return participantId != null ? participantId : new ParticipantId(currentUser.require().accountId());
    }

    /** Staff acting on another household's entry: written to the access log. */
    void logIfAssisted(EnrollmentDocument e, String what) {
        if (!ownHousehold(currentUser.require(), e)) {
            accessLog.record(AccessAction.ASSISTED_ACTION, e.householdId(), what);
        }
    }

    /** An offer whose deadline has passed is over, whether or not the expiry job has ended it yet. */
    boolean offerRanOut(EnrollmentDocument e) {
        return e.status() == EnrollmentStatus.OFFERED && e.offerExpiresAt() != null
                && !clock.instant().isBefore(e.offerExpiresAt());
    }

    void refuseIfOfferRanOut(EnrollmentDocument e) {
        if (offerRanOut(e)) {
            throw new EnrollmentRefusedException(Reason.WRONG_STATE);
        }
    }

    static boolean ownHousehold(BaeumUser user, EnrollmentDocument e) {
        return user.accountId().equals(e.householdId());
    }

    static boolean isStaff(BaeumUser user) {
        return user.hasRole(Role.STAFF) || user.hasRole(Role.ADMIN);
    }

    /** An idempotency key as sent (null when none), or a field error for one that is too long or has odd characters. */
    static String cleanKey(String key) {
        if (key == null || key.isBlank()) {
            return null;
        }
        String k = key.strip();
        if (k.length() > MAX_KEY_LENGTH || !k.matches("[A-Za-z0-9._:-]+")) {
            throw InvalidInputException.of("idempotencyKey", "enrollment.validation.idempotencyKey");
        }
        return k;
    }
}
