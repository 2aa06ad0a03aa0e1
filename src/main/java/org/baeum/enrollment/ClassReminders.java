package org.baeum.enrollment;

import java.time.Clock;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.security.CurrentUser;
import org.baeum.enrollment.internal.ClassReminderRun;
import org.baeum.enrollment.internal.EnrollmentDocument;
import org.baeum.enrollment.internal.ReminderChoices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Class reminders (decision 0049): STAFF set the hour of the evening before a session at which they go out (18:00
 * until changed); a citizen switches "remind me before every session" on or off for an entry of their own household
 * (the first session is always reminded, unless the account turned reminders off); operators and tests run the
 * reminders' clock now.
 */
@Service
public class ClassReminders {

    private static final Logger log = LoggerFactory.getLogger(ClassReminders.class);

    private final EnrollmentAccess access;
    private final ReminderChoices choices;
    private final ClassReminderRun run;
    private final CurrentUser currentUser;
    private final Clock clock;

    ClassReminders(EnrollmentAccess access, ReminderChoices choices, ClassReminderRun run, CurrentUser currentUser,
                   Clock clock) {
        this.access = access;
        this.choices = choices;
        this.run = run;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The hour (0–23, Asia/Seoul) of the evening before a session at which reminders go out. */
    @PreAuthorize(EnrollmentDesk.STAFF)
    public int reminderHour() {
        return choices.hour();
    }

    /**
     * Changes the hour; the coming days' reminders not sent yet move to it.
     *
     * @throws InvalidInputException ({@code hour}) outside 0–23; nothing is stored
     */
    @PreAuthorize(EnrollmentDesk.STAFF)
    public void changeReminderHour(int hour) {
        if (hour < 0 || hour > 23) {
            throw InvalidInputException.of("hour", "enrollment.reminders.validation.hour");
        }
        String by = currentUser.require().accountId();
        choices.saveHour(hour, by, clock.instant());
        run.scheduleComing();
        log.info("Class reminders now go out at {}:00 the evening before, set by {}", hour, by);
    }

    /**
     * Whether the entry's household wants a reminder before every session.
     *
     * @throws org.springframework.security.access.AccessDeniedException for another household's entry or an unknown one
     */
    @PreAuthorize("hasRole('CITIZEN')")
    public boolean everySession(EnrollmentId id) {
        return choices.everySession(owned(id).id());
    }

    /**
     * Switches the reminder before every session of the entry's class on or off.
     *
     * @throws org.springframework.security.access.AccessDeniedException for another household's entry or an unknown one
     */
    @PreAuthorize("hasRole('CITIZEN')")
    public void setEverySession(EnrollmentId id, boolean on) {
        EnrollmentDocument e = owned(id);
        choices.setEverySession(e, on, clock.instant());
        log.info("Account {} switched reminders before every session of enrolment {} {}",
                currentUser.require().accountId(), e.id(), on ? "on" : "off");
    }

    /** Runs the reminders' clock now (the job does every 30 s); how many mails were queued. */
    @PreAuthorize(EnrollmentDesk.STAFF)
    public int runDue(String owner) {
        return run.runDue(owner);
    }

    /** The caller's own household's entry ({@link EnrollmentAccess#owned}; only citizens come here). */
    private EnrollmentDocument owned(EnrollmentId id) {
        return access.owned(id);
    }
}
