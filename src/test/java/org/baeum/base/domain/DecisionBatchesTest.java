package org.baeum.base.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** The group commit of seat decisions, without a database: who decides, in which order, and what a failure does. */
class DecisionBatchesTest {

    static final class Ask extends DecisionBatches.Waiting {
        final String key;
        final int n;
        volatile int answeredBy = -1;

        Ask(String key, int n) {
            this.key = key;
            this.n = n;
        }
    }

    @Test
    void alone_a_request_is_decided_at_once_on_its_own_thread() {
        DecisionBatches<Ask> batches = new DecisionBatches<>(8);
        Ask ask = new Ask("o1", 1);
        List<List<Ask>> seen = new ArrayList<>();
        Thread me = Thread.currentThread();
        batches.decide("o1", ask, batch -> {
            assertThat(Thread.currentThread()).isSameAs(me);
            seen.add(List.copyOf(batch));
            batch.forEach(a -> a.answeredBy = 1);
        });
        assertThat(seen).containsExactly(List.of(ask));
        assertThat(ask.answeredBy).isEqualTo(1);
        assertThat(ask.failure()).isNull();
        assertThat(batches.activeKeys()).as("an idle offering keeps no lane").isZero();
    }

    @RepeatedTest(5)
    void under_contention_every_request_is_decided_exactly_once_in_arrival_order_and_batches_of_one_key_never_overlap()
            throws Exception {
        DecisionBatches<Ask> batches = new DecisionBatches<>(16);
        int threads = 64;
        int perThread = 50;
        ConcurrentHashMap<String, AtomicInteger> running = new ConcurrentHashMap<>();
        ConcurrentHashMap<String, List<Long>> order = new ConcurrentHashMap<>();
        AtomicInteger overlaps = new AtomicInteger();
        AtomicInteger biggest = new AtomicInteger();
        AtomicInteger decisions = new AtomicInteger();
        List<Ask> all = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                String key = "o" + (t % 3);
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        Ask ask = new Ask(key, 0);
                        all.add(ask);
                        batches.decide(key, ask, batch -> {
                            if (running.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet() != 1) {
                                overlaps.incrementAndGet();
                            }
                            biggest.accumulateAndGet(batch.size(), Math::max);
                            for (Ask a : batch) {
                                assertThat(a.key).isEqualTo(key);
                                a.answeredBy = decisions.incrementAndGet();
                                // batches of one key never overlap (checked), so this list is in decision order
                                order.computeIfAbsent(key, k -> Collections.synchronizedList(new ArrayList<>()))
                                        .add(a.arrival());
                            }
                            Thread.yield();
                            running.get(key).decrementAndGet();
                        });
                        assertThat(ask.answeredBy).as("answered when decide returns").isPositive();
                        assertThat(ask.failure()).isNull();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get();
            }
        }
        assertThat(decisions.get()).isEqualTo(threads * perThread);
        assertThat(all).extracting(a -> a.answeredBy).doesNotHaveDuplicates();
        assertThat(overlaps.get()).as("two batches of one offering at the same time").isZero();
        assertThat(biggest.get()).isLessThanOrEqualTo(16);
        assertThat(batches.activeKeys()).isZero();
        assertThat(order).as("every offering decided").hasSize(3);
        order.forEach((key, arrivals) -> {
            assertThat(arrivals).as("requests for %s", key).hasSize((int) all.stream().filter(a -> a.key.equals(key)).count());
            assertThat(arrivals).as("%s decided in the order its requests joined the line", key).isSorted()
                    .doesNotHaveDuplicates();
        });
    }

    @Test
    void requests_queued_behind_a_running_batch_are_decided_together_in_the_order_they_came() throws Exception {
        DecisionBatches<Ask> batches = new DecisionBatches<>(64);
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<List<Integer>> seen = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService pool = Executors.newFixedThreadPool(6)) {
            Future<?> first = pool.submit(() -> batches.decide("o", new Ask("o", 0), batch -> {
                seen.add(batch.stream().map(a -> a.n).toList());
                firstRunning.countDown();
                awaitQuietly(release);
            }));
            firstRunning.await();
            List<Future<?>> later = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                int n = i;
                later.add(pool.submit(() -> batches.decide("o", new Ask("o", n),
                        batch -> seen.add(batch.stream().map(a -> a.n).toList()))));
                waitUntilQueued(batches, n);
            }
            release.countDown();
            first.get();
            for (Future<?> f : later) {
                f.get();
            }
        }
        assertThat(seen).containsExactly(List.of(0), List.of(1, 2, 3, 4, 5));
    }

    @Test
    void a_failure_answers_every_request_of_its_batch_and_no_other() throws Exception {
        DecisionBatches<Ask> batches = new DecisionBatches<>(64);
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Ask first = new Ask("o", 0);
        List<Ask> queued = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            Future<?> f0 = pool.submit(() -> batches.decide("o", first, batch -> {
                firstRunning.countDown();
                awaitQuietly(release);
            }));
            firstRunning.await();
            List<Future<?>> later = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                Ask ask = new Ask("o", i);
                queued.add(ask);
                later.add(pool.submit(() -> batches.decide("o", ask, batch -> {
                    throw new IllegalStateException("store down");
                })));
                waitUntilQueued(batches, i);
            }
            release.countDown();
            f0.get();
            for (Future<?> f : later) {
                f.get();
            }
        }
        assertThat(first.failure()).isNull();
        assertThat(queued).allSatisfy(a -> assertThat(a.failure()).hasMessage("store down"));
        assertThat(batches.activeKeys()).isZero();
    }

    /** Waits until {@code n} requests wait behind the running batch. */
    private static void waitUntilQueued(DecisionBatches<Ask> batches, int n) {
        org.awaitility.Awaitility.await("request " + n + " queued").atMost(java.time.Duration.ofSeconds(10))
                .pollInterval(java.time.Duration.ofMillis(1)).until(() -> batches.waiting("o") >= n);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
