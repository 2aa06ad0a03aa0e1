package org.baeum.closure.internal;

import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * Named points between the steps of applying a closure plan, where tests make the portal "crash" (throw) to prove that
 * the next run finishes it without doing anything twice. In production nothing is set and a point does nothing.
 */
@Component
public class ClosureCrashPoints {

    public enum Step { CALENDAR, MAKE_UPS, SESSIONS, REFUNDS, OFFERS, BOOKINGS, MAIL }

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

    /** For tests: crash at the steps this accepts (each time it says so). */
    public void crashAfter(Predicate<Step> when) {
        this.crashAfter = when == null ? step -> false : when;
    }
}
