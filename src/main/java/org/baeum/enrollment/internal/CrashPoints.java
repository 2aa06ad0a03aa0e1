package org.baeum.enrollment.internal;

import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * Named points between the steps of an enrolment command, where tests make the portal "crash" (throw) to prove that
 * the recovery sweep restores the invariants. In production nothing is set and a point does nothing.
 */
@Component
public class CrashPoints {

    public enum Step {
        SEAT_TAKEN, RECORD_WRITTEN, MAIL_QUEUED, SEAT_RELEASED,
        /** A closure's settlement of an unpaid entry is recorded, its fee not reduced yet. */
        CLOSURE_RECORDED,
        /** An unpaid fee is reduced by a closure, not waived yet when it reached 0. */
        FEE_REDUCED,
        /** A day's class reminders are queued in the outbox, their day's item not marked done yet (decision 0049). */
        REMINDERS_QUEUED
    }

    /** The exception a crash point throws. */
    public static class Crash extends RuntimeException {
        public Crash(Step step) {
            super("Injected crash after " + step);
        }
    }

    private volatile Predicate<Step> crashAfter = step -> false;

    void reached(Step step) {
        if (crashAfter.test(step)) {
            throw new Crash(step);
        }
    }

    /** For tests: crash at the steps this accepts (once each, if the predicate says so). */
    public void crashAfter(Predicate<Step> when) {
        this.crashAfter = when == null ? step -> false : when;
    }
}
