package org.baeum.account;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.baeum.account.internal.EligibilityClaimDocument;
import org.baeum.account.internal.EligibilityClaimRepository;
import org.baeum.base.mongo.DuplicateKeyException;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The elderly fee reduction (만 65세 이상) for a dependant rests on a birth date the household typed in, so it waits
 * for staff: a dependant added at 65 or older gets a pending {@code ELDERLY} claim in the review queue (감면 심사) at
 * once, and one who turns 65 later can be declared for it. Until staff approve, the reduction does not apply to them
 * ({@link EligibilityService#reductionsFor}). The account holder's own elderly reduction still follows their birth
 * date.
 */
@Component
class ElderlyReview {

    private static final Logger log = LoggerFactory.getLogger(ElderlyReview.class);

    private final EligibilityClaimRepository claims;
    private final CurrentUser currentUser;
    private final Clock clock;

    ElderlyReview(EligibilityClaimRepository claims, CurrentUser currentUser, Clock clock) {
        this.claims = claims;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** Whether this participant's elderly reduction needs an approved claim (every dependant). */
    static boolean needsReview(Participant p) {
        return !p.self();
    }

    /** Whether the household may declare the elderly reduction for this participant today. */
    static boolean declarable(Participant p, LocalDate today) {
        return needsReview(p) && p.active() && p.ageOn(today) >= Ages.ELDERLY;
    }

    @EventListener
    void dependantAdded(AccountEvents.DependantAdded added) {
        Participant p = added.dependant().asParticipant();
        if (!declarable(p, LocalDate.now(clock))) {
            return;
        }
        BaeumUser user = currentUser.require();
        var step = new EligibilityClaimDocument.StepDocument(clock.instant(), user.accountId(), user.displayName(),
                EligibilityStatus.PENDING, null);
        EligibilityClaimDocument claim = new EligibilityClaimDocument(UUID.randomUUID().toString(),
                p.household().value(), p.id().value(), p.name(), FeeReductionCategory.ELDERLY, null,
                EligibilityStatus.PENDING, clock.instant(), null, null,
                p.id().value() + ":" + FeeReductionCategory.ELDERLY, List.of(step));
        try {
            claims.insert(claim);
            log.info("Dependant {} of household {} is 65 or older by the declared birth date: elderly claim {} "
                    + "waits for staff review", p.id().value(), p.household().value(), claim.id());
        } catch (DuplicateKeyException alreadyOpen) {
            // one open claim per person and category: nothing more to file
        }
    }
}
