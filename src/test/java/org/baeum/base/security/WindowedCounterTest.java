package org.baeum.base.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.baeum.BaeumIntegrationTest;
import org.baeum.MutableClock;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@BaeumIntegrationTest
class WindowedCounterTest {

    static final String COLLECTION = "test_windowed_counter";

    @Autowired
    MongoDatabase database;
    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void counts_per_key_within_an_aligned_window_and_starts_again_in_the_next() {
        WindowedCounter counter = new WindowedCounter(database, COLLECTION, Duration.ofHours(1), clock);
        String a = WindowedCounter.key("email", "a@example.com");
        String b = WindowedCounter.key("email", "b@example.com");
        WindowedCounter.Attempt first = counter.tryCount(a, 3);
        assertThat(first.counted()).isTrue();
        assertThat(first.windowEndsAt().toEpochMilli() % Duration.ofHours(1).toMillis()).as("aligned").isZero();
        assertThat(first.windowEndsAt()).isAfter(clock.instant()).isBeforeOrEqualTo(clock.instant().plus(Duration.ofHours(1)));
        assertThat(counter.tryCount(a, 3).counted()).isTrue();
        assertThat(counter.tryCount(b, 3).counted()).as("another key").isTrue();
        assertThat(counter.tryCount(a, 3).counted()).isTrue();
        WindowedCounter.Attempt fourth = counter.tryCount(a, 3);
        assertThat(fourth.counted()).as("over the maximum").isFalse();
        assertThat(fourth.windowEndsAt()).isEqualTo(first.windowEndsAt());
        assertThat(fourth.secondsLeft(clock.instant())).isBetween(1L, 3600L);
        assertThat(counter.count(a)).as("a refused event is not counted").isEqualTo(3);
        assertThat(counter.count(b)).isEqualTo(1);

        clock.advance(Duration.ofHours(1));
        assertThat(counter.count(a)).isZero();
        assertThat(counter.tryCount(a, 3).counted()).as("a new window").isTrue();
        assertThat(database.getCollection(COLLECTION).countDocuments(new Document("key", a)))
                .as("the ended window of the key is removed when its next one starts").isEqualTo(1);
    }

    @Test
    void stores_no_address_in_clear() {
        WindowedCounter counter = new WindowedCounter(database, COLLECTION, Duration.ofMinutes(15), clock);
        counter.tryCount(WindowedCounter.key("address", "203.0.113.9"), 5);
        for (Document d : database.getCollection(COLLECTION).find()) {
            assertThat(d.toJson()).doesNotContain("203.0.113.9");
        }
    }

    @Test
    void of_many_simultaneous_events_exactly_the_maximum_are_counted() throws Exception {
        WindowedCounter counter = new WindowedCounter(database, COLLECTION, Duration.ofHours(1), clock);
        String key = WindowedCounter.key("email", "race@example.com");
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            Callable<Boolean> one = () -> {
                start.await();
                return counter.tryCount(key, 10).counted();
            };
            results.add(pool.submit(one));
        }
        start.countDown();
        List<Boolean> counted = new ArrayList<>();
        for (Future<Boolean> f : results) {
            counted.add(f.get());
        }
        pool.shutdown();
        assertThat(counted).filteredOn(c -> c).hasSize(10);
        assertThat(counter.count(key)).isEqualTo(10);
    }

    @Test
    void seconds_until_round_up_and_are_at_least_one() {
        Instant now = Instant.parse("2026-12-06T10:00:00Z");
        assertThat(WindowedCounter.secondsUntil(now, now.plusMillis(1500))).isEqualTo(2);
        assertThat(WindowedCounter.secondsUntil(now, now)).isEqualTo(1);
        assertThat(WindowedCounter.secondsUntil(now, now.plusSeconds(60))).isEqualTo(60);
    }
}
