package org.baeum.base.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.baeum.BaeumIntegrationTest;
import org.baeum.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@BaeumIntegrationTest
class SignedLinksTest {

    @Autowired
    SignedLinks links;
    @Autowired
    MutableClock clock;
    @Autowired
    com.mongodb.client.MongoDatabase database;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void a_signed_link_says_what_it_is_for_until_it_expires() {
        String token = links.sign("purpose-a", "account-1:x", Duration.ofMinutes(10));
        SignedLinks.Check check = links.check("purpose-a", token);
        assertThat(check.valid()).isTrue();
        assertThat(check.claims().subject()).isEqualTo("account-1:x");
        clock.advance(Duration.ofMinutes(10));
        assertThat(links.check("purpose-a", token).status()).isEqualTo(SignedLinks.Status.EXPIRED);
        assertThat(links.use("purpose-a", token).status()).isEqualTo(SignedLinks.Status.EXPIRED);
    }

    @Test
    void any_changed_character_or_another_purpose_makes_it_invalid() {
        String token = links.sign("purpose-a", "account-1", Duration.ofMinutes(10));
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            String changed = token.substring(0, i) + (c == 'x' ? 'y' : 'x') + token.substring(i + 1);
            assertThat(links.check("purpose-a", changed).status()).as("changed at %d", i).isEqualTo(SignedLinks.Status.INVALID);
        }
        assertThat(links.check("purpose-b", token).status()).isEqualTo(SignedLinks.Status.INVALID);
        assertThat(links.check("purpose-a", null).status()).isEqualTo(SignedLinks.Status.INVALID);
        assertThat(links.check("purpose-a", "a.b.c").status()).isEqualTo(SignedLinks.Status.INVALID);
    }

    @Test
    void of_sixteen_simultaneous_uses_exactly_one_wins() throws Exception {
        String token = links.sign("purpose-a", "account-2", Duration.ofMinutes(10));
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<SignedLinks.Status>> results = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            Callable<SignedLinks.Status> use = () -> {
                start.await();
                return links.use("purpose-a", token).status();
            };
            results.add(pool.submit(use));
        }
        start.countDown();
        List<SignedLinks.Status> statuses = new ArrayList<>();
        for (Future<SignedLinks.Status> f : results) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses).filteredOn(s -> s == SignedLinks.Status.VALID).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == SignedLinks.Status.USED).hasSize(15);
        assertThat(links.check("purpose-a", token).status()).isEqualTo(SignedLinks.Status.USED);
    }

    @Test
    void the_link_carries_the_token_as_a_query_parameter_of_the_public_address() {
        String token = links.sign("purpose-a", "s", Duration.ofMinutes(1));
        assertThat(links.url("verify-email", token)).matches("https?://[^/]+/verify-email\\?token=[A-Za-z0-9_%.-]+");
    }

    @Test
    void a_link_secret_shorter_than_32_bytes_stops_start_up_with_one_line_naming_the_setting() {
        String shortSecret = "only-31-bytes-long-secret-value";
        assertThat(shortSecret.getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSize(31);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new SignedLinks(database, clock, "http://localhost", shortSecret))
                .isInstanceOfSatisfying(org.baeum.base.mongo.StartupProblem.class, e -> {
                    assertThat(e.getMessage()).startsWith("BAEUM_LINK_SECRET is too short: 31 bytes")
                            .doesNotContain("\n").doesNotContain(shortSecret);
                    assertThat(e.action()).contains("BAEUM_LINK_SECRET").doesNotContain(shortSecret);
                });
        // bytes are counted in UTF-8: 11 Korean syllables are 33 bytes, enough
        String longEnough = "가나다라마바사아자차카";
        assertThat(longEnough.getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSize(33);
        SignedLinks links = new SignedLinks(database, clock, "http://localhost", longEnough);
        assertThat(links.check("p", links.sign("p", "s", Duration.ofMinutes(1))).valid()).isTrue();
    }
}
