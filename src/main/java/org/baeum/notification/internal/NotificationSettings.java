package org.baeum.notification.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param workers     {@code BAEUM_MAIL_WORKERS}: how many sends run at once per portal instance
 * @param maxAttempts {@code BAEUM_MAIL_MAX_ATTEMPTS}: after this many failed sends a notification is FAILED
 * @param firstRetry  {@code BAEUM_MAIL_FIRST_RETRY}: the wait after the first failure; it doubles each time
 * @param maxRetry    {@code BAEUM_MAIL_MAX_RETRY}: the longest wait between two attempts
 * @param sweep       {@code BAEUM_MAIL_SWEEP}: how often the delivery job looks for due mail besides being woken
 */
@ConfigurationProperties("baeum.notification")
public record NotificationSettings(int workers, int maxAttempts, Duration firstRetry, Duration maxRetry, Duration sweep) {

    public NotificationSettings {
        workers = workers <= 0 ? 4 : workers;
        maxAttempts = maxAttempts <= 0 ? 10 : maxAttempts;
        firstRetry = firstRetry == null ? Duration.ofSeconds(30) : firstRetry;
        maxRetry = maxRetry == null ? Duration.ofHours(1) : maxRetry;
        sweep = sweep == null ? Duration.ofMinutes(1) : sweep;
    }

    /** The wait before attempt {@code attempts + 1}: 30 s, 1 min, 2 min, … up to the maximum. */
    public Duration backoff(int attempts) {
        Duration d = firstRetry.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
        return d.compareTo(maxRetry) > 0 ? maxRetry : d;
    }
}
