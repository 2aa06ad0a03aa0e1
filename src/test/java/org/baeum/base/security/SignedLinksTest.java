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
}
