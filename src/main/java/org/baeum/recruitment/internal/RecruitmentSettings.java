package org.baeum.recruitment.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Recruitment settings ({@code baeum.recruitment.*}, environment variables in README).
 *
 * @param drawSettle {@code BAEUM_DRAW_SETTLE}: how long after a lottery phase's close its draw waits, so that a request
 *                   that passed the close check just before the close has been stored ({@link RoundDraws#SETTLE}, 1 min)
 * @param drawEvery  {@code BAEUM_DRAW_EVERY}: how often the draw job looks for rounds that are due ({@link
 *                   DrawJob#EVERY}, 30 s)
 */
@ConfigurationProperties("baeum.recruitment")
public record RecruitmentSettings(Duration drawSettle, Duration drawEvery) {

    public RecruitmentSettings {
        drawSettle = drawSettle == null || drawSettle.isNegative() ? RoundDraws.SETTLE : drawSettle;
        drawEvery = drawEvery == null || drawEvery.isNegative() || drawEvery.isZero() ? DrawJob.EVERY : drawEvery;
    }
}
