package org.baeum.base.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.baeum.MutableClock;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The throttle's counting on a real collection, run against the embedded server ({@link LoginThrottleEmbeddedTest})
 * and against a real MongoDB where Docker runs ({@link LoginThrottleMongoContainerTest}). Small limits, so that the
 * account-wide bound is reached with a few attempts: 5 per account and address, 30 per address, 10 account-wide.
 */
abstract class LoginThrottleContract {

    static final Duration WINDOW = Duration.ofMinutes(15);
    static final SecuritySettings.Login LIMITS = new SecuritySettings.Login(5, 30, WINDOW, 10, Duration.ofHours(2),
            Duration.ofDays(30));

    protected abstract MongoDatabase database();

    final MutableClock clock = new MutableClock(ZoneId.of("Asia/Seoul"));
    LoginThrottle throttle;

    @BeforeEach
    void freshCollection() {
        database().getCollection(LoginThrottle.COLLECTION).deleteMany(new Document());
        throttle = new LoginThrottle(database(), new SecuritySettings(null, LIMITS, null), clock);
    }

    static LoginThrottle.Subject account(String id) {
        return LoginThrottle.Subject.account(id);
    }

    @Test
    void forty_simultaneous_attempts_for_one_account_from_one_address_let_exactly_the_limit_through() throws Exception {
        List<Object> outcomes = simultaneously(40, i -> throttle.begin(account("kim"), "10.0.0.1"));
        assertThat(outcomes).filteredOn(LoginThrottle.Attempt.class::isInstance).hasSize(5);
        assertThat(outcomes).filteredOn(o -> o == LoginThrottle.Limit.ACCOUNT_FROM_ADDRESS).hasSize(35);
    }

    @Test
    void forty_simultaneous_attempts_from_forty_addresses_stop_at_the_account_wide_bound_and_leave_no_other_count()
            throws Exception {
        List<Object> outcomes = simultaneously(40, i -> throttle.begin(account("lee"), "10.1.0." + i));
        assertThat(outcomes).filteredOn(LoginThrottle.Attempt.class::isInstance).hasSize(10);
        assertThat(outcomes).filteredOn(o -> o == LoginThrottle.Limit.ACCOUNT_WIDE).hasSize(30);
        assertThat(sumOfFailures("ip:")).as("refused attempts gave their address counts back").isEqualTo(10);
        assertThat(sumOfFailures("pair:")).isEqualTo(10);
    }

    @Test
    void a_familiar_address_is_not_held_back_by_the_account_wide_bound_and_a_new_one_is() {
        throttle.succeeded(throttle.begin(account("park"), "198.51.100.1"));
        for (int i = 0; i < 10; i++) {
            throttle.begin(account("park"), "203.0.113." + i);
        }
        assertThat(limitOf(() -> throttle.begin(account("park"), "203.0.113.200"))).isEqualTo(LoginThrottle.Limit.ACCOUNT_WIDE);
        assertThat(throttle.begin(account("park"), "198.51.100.1")).as("the owner's usual address").isNotNull();
    }

    @Test
    void an_address_stops_being_familiar_after_the_familiar_period() {
        throttle.succeeded(throttle.begin(account("choi"), "198.51.100.2"));
        clock.advance(LIMITS.familiarFor().plusMinutes(1));
        for (int i = 0; i < 10; i++) {
            throttle.begin(account("choi"), "203.0.113." + i);
        }
        assertThat(limitOf(() -> throttle.begin(account("choi"), "198.51.100.2"))).isEqualTo(LoginThrottle.Limit.ACCOUNT_WIDE);
    }

    @Test
    void failures_from_one_address_do_not_hold_the_account_back_at_another() {
        for (int i = 0; i < 5; i++) {
            throttle.begin(account("jung"), "192.0.2.1");
        }
        assertThat(limitOf(() -> throttle.begin(account("jung"), "192.0.2.1"))).isEqualTo(LoginThrottle.Limit.ACCOUNT_FROM_ADDRESS);
        assertThat(throttle.begin(account("jung"), "192.0.2.2")).isNotNull();
    }

    @Test
    void each_used_up_account_wide_window_doubles_the_next_up_to_the_maximum_and_a_quiet_one_resets_it() {
        Instant start = clock.instant();
        assertThat(useUpAccountWide("yoon")).isBetween(start.plus(WINDOW).minusSeconds(1), start.plus(WINDOW).plusSeconds(1));

        clock.advance(WINDOW.plusSeconds(1));
        Instant second = clock.instant();
        assertThat(useUpAccountWide("yoon")).as("twice as long").isBetween(second.plus(WINDOW.multipliedBy(2)).minusSeconds(1),
                second.plus(WINDOW.multipliedBy(2)).plusSeconds(1));

        for (int round = 0; round < 4; round++) {
            clock.advance(LIMITS.maxBackoff().plusSeconds(1));
            Instant now = clock.instant();
            Instant until = useUpAccountWide("yoon");
            assertThat(Duration.between(now, until)).as("never longer than the maximum").isLessThanOrEqualTo(LIMITS.maxBackoff().plusSeconds(1));
        }

        clock.advance(LIMITS.maxBackoff().plusSeconds(1));
        throttle.begin(account("yoon"), "203.0.113.250");  // a window with one failure: not used up
        clock.advance(LIMITS.maxBackoff().plusSeconds(1));
        Instant quiet = clock.instant();
        assertThat(useUpAccountWide("yoon")).as("back to one window").isBefore(quiet.plus(WINDOW).plusSeconds(2));
    }

    @Test
    void forgetting_the_account_ends_its_back_off() {
        useUpAccountWide("kang");
        throttle.forgetAccount("kang");
        assertThat(throttle.begin(account("kang"), "203.0.113.99")).isNotNull();
    }

    @Test
    void an_address_is_refused_after_many_failures_across_accounts_and_other_addresses_are_not() {
        for (int i = 0; i < 30; i++) {
            throttle.begin(account("sprayed" + i), "192.0.2.7");
        }
        assertThat(limitOf(() -> throttle.begin(account("someone-new"), "192.0.2.7"))).isEqualTo(LoginThrottle.Limit.ADDRESS);
        assertThat(throttle.begin(account("someone-new"), "192.0.2.8")).isNotNull();
    }

    @Test
    void a_success_starts_the_count_at_its_address_again_but_keeps_the_address_failures() {
        for (int i = 0; i < 4; i++) {
            throttle.begin(account("han"), "198.51.100.3");
        }
        throttle.succeeded(throttle.begin(account("han"), "198.51.100.3"));
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.begin(account("han"), "198.51.100.3")).as("failure %d after the success", i).isNotNull();
        }
        assertThat(limitOf(() -> throttle.begin(account("han"), "198.51.100.3"))).isEqualTo(LoginThrottle.Limit.ACCOUNT_FROM_ADDRESS);
        assertThat(sumOfFailures("ip:")).as("9 failures, the success gave its count back").isEqualTo(9);
    }

    @Test
    void the_window_ends() {
        for (int i = 0; i < 5; i++) {
            throttle.begin(account("seo"), "10.0.0.9");
        }
        assertThat(limitOf(() -> throttle.begin(account("seo"), "10.0.0.9"))).isNotNull();
        clock.advance(WINDOW.plusSeconds(1));
        assertThat(throttle.begin(account("seo"), "10.0.0.9")).isNotNull();
    }

    @Test
    void a_login_that_matches_no_account_is_one_subject_whatever_its_case_and_spaces_and_is_counted_like_an_account() {
        assertThat(LoginThrottle.Subject.unknownLogin(" Ghost@Example.com ")).isEqualTo(LoginThrottle.Subject.unknownLogin("ghost@example.com"));
        for (int i = 0; i < 10; i++) {
            throttle.begin(LoginThrottle.Subject.unknownLogin("ghost"), "203.0.113." + i);
        }
        assertThat(limitOf(() -> throttle.begin(LoginThrottle.Subject.unknownLogin("GHOST"), "203.0.113.77")))
                .isEqualTo(LoginThrottle.Limit.ACCOUNT_WIDE);
    }

    @Test
    void current_password_checks_are_counted_apart_from_sign_in() {
        for (int i = 0; i < 5; i++) {
            throttle.beginPasswordCheck("oh");
        }
        assertThatThrownBy(() -> throttle.beginPasswordCheck("oh")).isInstanceOf(LoginThrottledException.class);
        assertThat(throttle.begin(account("oh"), "198.51.100.9")).as("sign-in is not held back").isNotNull();
    }

    @Test
    void the_collection_holds_no_user_names_account_ids_or_addresses() {
        throttle.succeeded(throttle.begin(account("account-id-42"), "203.0.113.5"));
        throttle.begin(LoginThrottle.Subject.unknownLogin("secret-name@example.com"), "203.0.113.6");
        for (Document d : database().getCollection(LoginThrottle.COLLECTION).find()) {
            assertThat(d.toJson()).doesNotContain("secret-name").doesNotContain("account-id-42").doesNotContain("203.0.113");
        }
    }

    /** Uses up the account-wide bound from fresh addresses; when the next attempt may come. */
    private Instant useUpAccountWide(String accountId) {
        String prefix = "100.64." + Math.floorMod(clock.instant().getEpochSecond(), 250) + ".";
        for (int i = 0; i < 10; i++) {
            throttle.begin(account(accountId), prefix + i);
        }
        try {
            throttle.begin(account(accountId), prefix + "200");
        } catch (LoginThrottledException e) {
            assertThat(e.limit()).isEqualTo(LoginThrottle.Limit.ACCOUNT_WIDE);
            return e.until();
        }
        throw new AssertionError("the account-wide bound did not hold");
    }

    private static LoginThrottle.Limit limitOf(Runnable attempt) {
        try {
            attempt.run();
            return null;
        } catch (LoginThrottledException e) {
            return e.limit();
        }
    }

    private int sumOfFailures(String keyPrefix) {
        int sum = 0;
        for (Document d : database().getCollection(LoginThrottle.COLLECTION).find()) {
            if (d.getString("_id").startsWith(keyPrefix)) {
                sum += d.getInteger("failures");
            }
        }
        return sum;
    }

    interface Attempt {
        LoginThrottle.Attempt run(int i);
    }

    /** Runs {@code n} attempts at once; each outcome is the attempt or the limit that refused it. */
    private static List<Object> simultaneously(int n, Attempt attempt) throws Exception {
        return AtOnce.run(n, i -> {
            try {
                return attempt.run(i);
            } catch (LoginThrottledException e) {
                return e.limit();
            }
        });
    }
}
