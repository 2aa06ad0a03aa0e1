package org.baeum.account;

import java.time.LocalDate;
import java.time.Period;

/** Age in full years (만 나이), the way Korean law counts since 2023. */
public final class Ages {

    /** The age from which the elderly fee reduction applies without a declaration. */
    public static final int ELDERLY = 65;
    /** Below this age a person cannot sign up themself (PIPA asks a guardian's consent); a guardian adds them. */
    public static final int OWN_ACCOUNT = 14;

    private Ages() {
    }

    public static int on(LocalDate birthDate, LocalDate day) {
        if (birthDate == null || day.isBefore(birthDate)) {
            return 0;
        }
        return Period.between(birthDate, day).getYears();
    }
}
