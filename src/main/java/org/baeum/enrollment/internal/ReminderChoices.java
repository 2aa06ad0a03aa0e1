package org.baeum.enrollment.internal;

import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * The stored reminder choices for {@link org.baeum.enrollment.ClassReminders}: STAFF's hour and the per-entry "before
 * every session" switch (decision 0049). The caller has checked who asks.
 */
@Component
public class ReminderChoices {

    private final ReminderSettingsRepository settings;
    private final ReminderPreferenceRepository prefs;

    ReminderChoices(ReminderSettingsRepository settings, ReminderPreferenceRepository prefs) {
        this.settings = settings;
        this.prefs = prefs;
    }

    public int hour() {
        return settings.hour();
    }

    public void saveHour(int hour, String by, Instant at) {
        settings.saveHour(hour, by, at);
    }

    public boolean everySession(String enrollmentId) {
        return prefs.everySession(enrollmentId);
    }

    public void setEverySession(EnrollmentDocument e, boolean on, Instant at) {
        prefs.set(e.id(), e.offeringId(), e.householdId(), on, at);
    }

    /** Forgets a deleted household's per-entry choices. */
    public void forgetHousehold(String householdId) {
        prefs.deleteOfHousehold(householdId);
    }
}
