package org.baeum.recruitment;

import org.baeum.recruitment.internal.DrawJob;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.quartz.Scheduler;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * For test classes that decide themselves when a round is drawn (they move the clock past a lottery's close): the
 * portal's draw job is paused for the whole class and resumed after it, so it cannot draw in between.
 * Use with {@code @ExtendWith(PausedDrawJob.class)} after {@code @BaeumIntegrationTest}.
 */
public final class PausedDrawJob implements BeforeAllCallback, AfterAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        scheduler(context).pauseJob(DrawJob.KEY);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        scheduler(context).resumeJob(DrawJob.KEY);
    }

    private static Scheduler scheduler(ExtensionContext context) {
        return SpringExtension.getApplicationContext(context).getBean(Scheduler.class);
    }
}
