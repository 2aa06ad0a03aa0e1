package org.baeum.base.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import org.baeum.BaeumIntegrationTest;
import org.baeum.MutableClock;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@BaeumIntegrationTest
class LoginThrottleTest {

    @Autowired
    LoginThrottle throttle;
    @Autowired
    SecuritySettings settings;
    @Autowired
    MutableClock clock;
    @Autowired
    MongoDatabase database;

    @BeforeEach
    @AfterEach
    void clean() {
        database.getCollection(LoginThrottle.COLLECTION).deleteMany(new Document());
        clock.reset();
    }

    @Test
    void a_user_name_is_blocked_after_the_allowed_failures_and_released_after_the_window() {
        for (int i = 0; i < settings.login().maxFailuresPerAccount(); i++) {
            assertThat(throttle.blockedUntil("Kim", "10.0.0.1")).isEmpty();
            throttle.recordFailure("kim", "10.0.0." + i);
        }
        assertThat(throttle.blockedUntil("KIM ", "10.9.9.9")).isPresent();
        assertThat(throttle.blockedUntil("lee", "10.9.9.9")).isEmpty();
        clock.advance(settings.login().window().plus(Duration.ofSeconds(1)));
        assertThat(throttle.blockedUntil("kim", "10.9.9.9")).isEmpty();
    }

    @Test
    void an_address_is_blocked_after_many_failures_across_user_names() {
        for (int i = 0; i < settings.login().maxFailuresPerAddress(); i++) {
            throttle.recordFailure("user" + i, "192.0.2.7");
        }
        assertThat(throttle.blockedUntil("someone-new", "192.0.2.7")).isPresent();
        assertThat(throttle.blockedUntil("someone-new", "192.0.2.8")).isEmpty();
    }

    @Test
    void success_clears_the_user_name_count_but_not_the_address_count() {
        for (int i = 0; i < settings.login().maxFailuresPerAccount() - 1; i++) {
            throttle.recordFailure("park", "198.51.100.1");
        }
        throttle.recordSuccess("park");
        throttle.recordFailure("park", "198.51.100.1");
        assertThat(throttle.blockedUntil("park", null)).isEmpty();
    }

    @Test
    void the_collection_holds_no_user_names_or_addresses() {
        throttle.recordFailure("secret-name@example.com", "203.0.113.5");
        for (Document d : database.getCollection(LoginThrottle.COLLECTION).find()) {
            assertThat(d.toJson()).doesNotContain("secret-name").doesNotContain("203.0.113.5");
        }
    }

    @Test
    void concurrent_failures_are_all_counted() throws Exception {
        int threads = 8;
        int each = 5;
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        throttle.recordFailure("race", null);
                    }
                });
            }
        }
        Document doc = database.getCollection(LoginThrottle.COLLECTION)
                .find(new Document("_id", LoginThrottle.accountKey("race"))).first();
        assertThat(doc.getInteger("failures")).isEqualTo(threads * each);
    }
}
