package org.baeum.enrollment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.baeum.catalog.Audience;
import org.baeum.catalog.Offering;
import org.baeum.catalog.Program;

/** Pure rules of enrolment (no database): who fits an offering, and which enrolments clash. */
public final class EnrollmentRules {

    /** 유아: under 7; 어린이·청소년: 7 to 18; 성인: 19 and older (만 나이 on the first session day). */
    public static final int CHILD_FROM = Program.CHILD_FROM;
    public static final int ADULT_FROM = Program.ADULT_FROM;

    private EnrollmentRules() {
    }

    /**
     * Whether a participant of this age (on the first session day) may take the program: its own age limits when it
     * has them, else those of its audience. Sports classes are for every age unless limited.
     */
    public static boolean ageFits(Program program, int age) {
        return program.admitsAge(age);
    }

    /** The first session day, when the age counts; the first schedule day if no session is planned. */
    public static LocalDate ageDay(Offering o) {
        return o.ageDay();
    }

    /** Titles of the other offerings that meet on a same day at an overlapping time. */
    public static List<String> clashes(Offering offering, List<Offering> others, java.util.Locale locale) {
        Set<LocalDate> days = new HashSet<>(offering.sessionDates());
        List<String> result = new ArrayList<>();
        for (Offering other : others) {
            if (other.id().equals(offering.id())) {
                continue;
            }
            boolean timeOverlaps = other.schedule().startTime().isBefore(offering.schedule().endTime())
                    && offering.schedule().startTime().isBefore(other.schedule().endTime());
            if (timeOverlaps && other.sessionDates().stream().anyMatch(days::contains)) {
                result.add(other.title(locale));
            }
        }
        return result;
    }

    static boolean isAudience(Program p, Audience a) {
        return p.audience() == a;
    }
}
