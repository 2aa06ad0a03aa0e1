package org.baeum.recruitment.ui;

import java.util.Locale;
import org.baeum.catalog.Offering;

/** Texts the staff round pages share. */
final class StaffRoundTexts {

    private StaffRoundTexts() {
    }

    /** An offering as STAFF pick it: its title and weekly schedule (pool slots of one program share the title). */
    static String offering(Offering o, Locale locale) {
        return o.title(locale) + " · " + o.schedule().describe(locale);
    }
}
