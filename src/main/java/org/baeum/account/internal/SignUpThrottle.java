package org.baeum.account.internal;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.baeum.base.security.WindowedCounter;
import org.springframework.stereotype.Component;

/**
 * Counts sign-ups per email address and per client address in {@code signup_attempts} (hashed keys, one atomic
 * counter per key and window). A taken address is counted exactly like a new one, so the limit reveals nothing.
 */
@Component
public class SignUpThrottle {

    public static final String COLLECTION = "signup_attempts";

    private final WindowedCounter counter;
    private final SignUpSettings settings;
    private final Clock clock;

    SignUpThrottle(MongoDatabase database, SignUpSettings settings, Clock clock) {
        this.counter = new WindowedCounter(database, COLLECTION, settings.window(), clock);
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Counts one sign-up; empty when it may go on, otherwise until when sign-ups from this client address or with
     * this email address are refused. The address is counted first; a refused address does not count the email.
     *
     * @param clientAddress {@code null} when unknown (then only the email address is counted)
     */
    public Optional<Instant> countAndCheck(String email, String clientAddress) {
        if (clientAddress != null && !clientAddress.isBlank()) {
            WindowedCounter.Attempt perAddress = counter.tryCount(WindowedCounter.key("address", clientAddress),
                    settings.maxPerAddress());
            if (!perAddress.counted()) {
                return Optional.of(perAddress.windowEndsAt());
            }
        }
        WindowedCounter.Attempt perEmail = counter.tryCount(
                WindowedCounter.key("email", email.strip().toLowerCase(Locale.ROOT)), settings.maxPerEmail());
        return perEmail.counted() ? Optional.empty() : Optional.of(perEmail.windowEndsAt());
    }

    /** Whole seconds from now until {@code until}, at least 1 (for {@code Retry-After}). */
    public long secondsUntil(Instant until) {
        return WindowedCounter.secondsUntil(clock.instant(), until);
    }
}
