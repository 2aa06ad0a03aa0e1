package org.baeum.enrollment;

import org.baeum.enrollment.internal.EnrollmentTasks;
import org.baeum.enrollment.internal.Recovery;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The enrolment clock's work on demand (the job runs it every 30 s as the system; operators and tests may run it
 * now): due tasks and the recovery sweep.
 */
@Service
public class EnrollmentSweep {

    private final EnrollmentTasks tasks;
    private final Recovery recovery;

    EnrollmentSweep(EnrollmentTasks tasks, Recovery recovery) {
        this.tasks = tasks;
        this.recovery = recovery;
    }

    /** Due offers, reminders and payment deadlines. */
    @PreAuthorize(EnrollmentDesk.STAFF)
    public int runDueWork(String owner) {
        return tasks.runDue(owner);
    }

    /** The recovery sweep. */
    @PreAuthorize(EnrollmentDesk.STAFF)
    public int recover() {
        return recovery.recover();
    }

    @PreAuthorize(EnrollmentDesk.STAFF)
    public long pendingTasks() {
        return tasks.pending();
    }
}
