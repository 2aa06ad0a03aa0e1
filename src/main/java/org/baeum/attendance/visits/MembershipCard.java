package org.baeum.attendance.visits;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import org.baeum.enrollment.EnrollmentId;

/**
 * A member's card (회원증) as the citizen shows it at the desk: whose, of what, for which period, and the code the
 * desk finds them by (also drawn as a QR code).
 *
 * @param code     the desk code, {@code XXXX-XXXX} (decision 0044)
 * @param pool     a pool class (the check-in marks that day's session) rather than a gym membership
 * @param checkedInAt  when the member was checked in today (at the desk or by themselves), else null
 * @param selfCheckIn  whether the member may check themselves in now ({@link MembershipVisits#checkInMine})
 */
public record MembershipCard(EnrollmentId id, String participantName, String titleKo, String titleEn,
                             LocalDate firstDay, LocalDate lastDay, String code, boolean pool, Instant checkedInAt,
                             boolean selfCheckIn) {

    public String title(Locale locale) {
        return "en".equals(locale.getLanguage()) && titleEn != null && !titleEn.isBlank() ? titleEn : titleKo;
    }
}
