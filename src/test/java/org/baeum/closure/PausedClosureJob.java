package org.baeum.closure;

import org.baeum.closure.internal.ClosureJob;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.quartz.Scheduler;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * For closure test classes that apply plans themselves and move the clock: the portal's 30-second closure job
 * ({@code closure-apply}) is paused for the whole class (a run under way is waited for) and resumed after it, so it
 * cannot apply, retry or fail a plan in between. Use with {@code @ExtendWith(PausedClosureJob.class)} after
 * {@code @BaeumIntegrationTest}.
 */
public final class PausedClosureJob implements BeforeAllCallback, AfterAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Scheduler scheduler = scheduler(context);
        scheduler.pauseJob(ClosureJob.KEY);
        // a run that started before the pause is waited for (at most 30 s)
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .pollInterval(java.time.Duration.ofMillis(50))
                .until(() -> scheduler.getCurrentlyExecutingJobs().stream()
                        .noneMatch(j -> j.getJobDetail().getKey().equals(ClosureJob.KEY)));
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        scheduler(context).resumeJob(ClosureJob.KEY);
    }

    private static Scheduler scheduler(ExtensionContext context) {
        return SpringExtension.getApplicationContext(context).getBean(Scheduler.class);
    }
}
