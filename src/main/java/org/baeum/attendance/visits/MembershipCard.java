package org.baeum.attendance.visits;

import java.time.LocalDate;
import java.util.Locale;
import org.baeum.enrollment.EnrollmentId;

/**
 * A member's card (회원증) as the citizen shows it at the desk: whose, of what, for which period, and the code the
 * desk finds them by (also drawn as a QR code).
 *
 * @param code     the desk code, {@code XXXX-XXXX} (decision 0044)
 * @param pool     a pool class (the check-in marks that day's session) rather than a gym membership
 */
public record MembershipCard(EnrollmentId id, String participantName, String titleKo, String titleEn,
                             LocalDate firstDay, LocalDate lastDay, String code, boolean pool) {

    public String title(Locale locale) {
        return "en".equals(locale.getLanguage()) && titleEn != null && !titleEn.isBlank() ? titleEn : titleKo;
    }
}
