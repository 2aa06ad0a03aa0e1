package org.baeum.enrollment;

import java.util.Optional;
import org.baeum.base.security.SignedLinks;
import org.baeum.base.security.SystemIdentity;
import org.baeum.enrollment.internal.EnrollmentDocument;
import org.baeum.enrollment.internal.EnrollmentMail;
import org.baeum.enrollment.internal.EnrollmentRepository;
import org.baeum.enrollment.internal.EnrollmentTransitions;
import org.baeum.enrollment.internal.Endings;
import org.baeum.enrollment.internal.Waitlist;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The accept and decline links in offer mail: the signed link is the proof (it names the entry and can be used
 * once), so no sign-in is needed, as for the other mail links. The page first shows the offer and one button
 * ({@link #check}); pressing it answers ({@link #respond}). Names are masked: whoever holds the link sees no more.
 */
@Service
public class OfferLinks {

    private static final Logger log = LoggerFactory.getLogger(OfferLinks.class);

    /** What an offer link leads to, before the person presses the button. */
    public record OfferLink(LinkState state, Enrollment enrollment) {
    }

    /**
     * Where an offer link stands: READY (show the button), DONE, ALREADY_ANSWERED, TOO_LATE (the offer's deadline
     * passed), EXPIRED (the link's own time ran out), USED, INVALID.
     */
    public enum LinkState { READY, DONE, ALREADY_ANSWERED, TOO_LATE, EXPIRED, USED, INVALID }

    private final SignedLinks links;
    private final EnrollmentRepository enrollments;
    private final Waitlist waitlist;
    private final Endings endings;
    private final EnrollmentAccess access;
    private final EnrollmentMapper mapper;

    OfferLinks(SignedLinks links, EnrollmentRepository enrollments, Waitlist waitlist, Endings endings,
               EnrollmentAccess access, EnrollmentMapper mapper) {
        this.links = links;
        this.enrollments = enrollments;
        this.waitlist = waitlist;
        this.endings = endings;
        this.access = access;
        this.mapper = mapper;
    }

    /** Checks an accept or decline link without using it; the page shows the offer and one button. */
    @PreAuthorize("permitAll()")
    public OfferLink check(String token, boolean accept) {
        SignedLinks.Check check = links.check(purpose(accept), token);
        if (!check.valid()) {
            return new OfferLink(outcome(check.status()), null);
        }
        Optional<EnrollmentDocument> e = enrollments.findById(check.claims().subject());
        if (e.isEmpty()) {
            return new OfferLink(LinkState.INVALID, null);
        }
        return new OfferLink(stateOf(e.get(), LinkState.READY), mapper.toEnrollment(e.get(), true));
    }

    /** Accepts or declines through the link, using it up. */
    @PreAuthorize("permitAll()")
    public OfferLink respond(String token, boolean accept) {
        SignedLinks.Check check = links.check(purpose(accept), token);
        if (!check.valid()) {
            return new OfferLink(outcome(check.status()), null);
        }
        String id = check.claims().subject();
        EnrollmentDocument e = enrollments.findById(id).orElse(null);
        if (e == null) {
            return new OfferLink(LinkState.INVALID, null);
        }
        LinkState state = stateOf(e, LinkState.READY);
        if (state != LinkState.READY) {
            return new OfferLink(state, mapper.toEnrollment(e, true));
        }
        SignedLinks.Check used = links.use(purpose(accept), token);
        if (!used.valid()) {
            return new OfferLink(outcome(used.status()), null);
        }
        EnrollmentDocument answered;
        try {
            answered = SystemIdentity.call(() -> accept ? waitlist.accept(id, e.householdId())
                    : endings.endHolding(e, EnrollmentStatus.DECLINED, "enrollment.reason.declined", e.householdId(),
                    null, EnrollmentTransitions.EndGuard.NONE));
        } catch (EnrollmentRefusedException refused) { // the offer ran out or was answered meanwhile
            return new OfferLink(LinkState.TOO_LATE, mapper.toEnrollment(enrollments.findById(id).orElse(e), true));
        }
        log.info("Enrolment {}: offer {} through the mail link", id, accept ? "accepted" : "declined");
        return new OfferLink(LinkState.DONE, mapper.toEnrollment(answered, true));
    }

    /** ALREADY_ANSWERED when no offer waits, TOO_LATE when it ran out (the expiry job ends it soon), else {@code open}. */
    private LinkState stateOf(EnrollmentDocument e, LinkState open) {
        if (e.status() != EnrollmentStatus.OFFERED) {
            return LinkState.ALREADY_ANSWERED;
        }
        return access.offerRanOut(e) ? LinkState.TOO_LATE : open;
    }

    private static String purpose(boolean accept) {
        return accept ? EnrollmentMail.ACCEPT : EnrollmentMail.DECLINE;
    }

    private static LinkState outcome(SignedLinks.Status status) {
        return switch (status) {
            case EXPIRED -> LinkState.EXPIRED;
            case USED -> LinkState.USED;
            default -> LinkState.INVALID;
        };
    }
}
