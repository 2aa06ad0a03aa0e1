package org.baeum.enrollment;

import java.time.Instant;
import org.baeum.account.ParticipantId;
import org.baeum.catalog.OfferingId;
import org.baeum.recruitment.RoundId;

/**
 * A place a household member may keep by re-registering (재등록): they learn in {@code previous} this term, and the
 * round continues it as {@code offering}, claimable until {@code closesAt}. {@code enrollment} is their entry in the
 * continuation once they have one (claimed, or otherwise enrolled).
 */
public record ReRegistration(RoundId round, String roundTitleKo, String roundTitleEn, OfferingId previous,
                             OfferingId offering, String offeringTitleKo, String offeringTitleEn,
                             ParticipantId participant, String participantName, Instant closesAt, EnrollmentId enrollment) {

    public boolean claimed() {
        return enrollment != null;
    }

    public String roundTitle(java.util.Locale locale) {
        return "en".equals(locale.getLanguage()) ? roundTitleEn : roundTitleKo;
    }

    public String offeringTitle(java.util.Locale locale) {
        return "en".equals(locale.getLanguage()) && offeringTitleEn != null && !offeringTitleEn.isBlank()
                ? offeringTitleEn : offeringTitleKo;
    }
}
