package org.baeum.booking.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class HandOffTest {

    @Test
    void a_background_hand_off_runs_on_its_own_thread_and_drops_what_does_not_fit() throws Exception {
        AtomicReference<String> ranOn = new AtomicReference<>();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        List<List<Integer>> batches = new CopyOnWriteArrayList<>();
        try (HandOff<Integer> handOff = HandOff.background("hand-off-test", 2, 10, null, items -> {
            if (items.contains(1)) {
                ranOn.set(Thread.currentThread().getName());
                started.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            batches.add(items);
        })) {
            assertThat(handOff.offer(1)).isTrue();
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(handOff.offer(2)).as("two may wait").isTrue();
            assertThat(handOff.offer(3)).isTrue();
            assertThat(handOff.offer(4)).as("the queue is full: dropped, left owed").isFalse();
            release.countDown();
        } // close waits for what was queued
        assertThat(ranOn.get()).isEqualTo("hand-off-test");
        assertThat(batches).as("what queued up while a batch ran comes as one batch").containsExactly(List.of(1), List.of(2, 3));
    }

    @Test
    void a_batch_is_at_most_its_size() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        List<List<Integer>> batches = new CopyOnWriteArrayList<>();
        try (HandOff<Integer> handOff = HandOff.background("hand-off-size", 100, 3, null, items -> {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            batches.add(items);
        })) {
            handOff.offer(0);
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
            for (int i = 1; i <= 7; i++) {
                assertThat(handOff.offer(i)).isTrue();
            }
            release.countDown();
        }
        assertThat(batches).containsExactly(List.of(0), List.of(1, 2, 3), List.of(4, 5, 6), List.of(7));
    }

    @Test
    void a_failing_batch_does_not_stop_the_background_thread_and_inline_runs_in_the_caller() throws Exception {
        CountDownLatch after = new CountDownLatch(1);
        try (HandOff<String> handOff = HandOff.background("hand-off-test-2", 10, 1, null, items -> {
            if (items.contains("fail")) {
                throw new IllegalStateException("logged");
            }
            after.countDown();
        })) {
            assertThat(handOff.offer("fail")).isTrue();
            assertThat(handOff.offer("next")).isTrue();
            assertThat(after.await(5, TimeUnit.SECONDS)).isTrue();
        }
        AtomicReference<String> ranOn = new AtomicReference<>();
        AtomicReference<List<String>> got = new AtomicReference<>();
        try (HandOff<String> inline = HandOff.inline(items -> {
            ranOn.set(Thread.currentThread().getName());
            got.set(items);
        })) {
            assertThat(inline.offer("one")).isTrue();
        }
        assertThat(ranOn.get()).isEqualTo(Thread.currentThread().getName());
        assertThat(got.get()).containsExactly("one");
    }

    @Test
    void nothing_is_taken_once_it_is_closed() {
        HandOff<String> handOff = HandOff.background("hand-off-closed", 10, 5, null, items -> { });
        handOff.close();
        assertThat(handOff.offer("late")).as("left owed for the sweep").isFalse();
    }

    @Test
    void while_the_instance_is_busy_a_batch_waits_for_the_requests_then_takes_what_queued_meanwhile() throws Exception {
        CountDownLatch answer = new CountDownLatch(1);
        var foreground = org.baeum.base.scheduling.HeldRequests.busy(java.time.Duration.ofSeconds(30), answer);
        List<List<Integer>> batches = new CopyOnWriteArrayList<>();
        try (HandOff<Integer> handOff = HandOff.background("hand-off-yield", 10, 10, foreground, batches::add)) {
            handOff.offer(1);
            handOff.offer(2);
            org.awaitility.Awaitility.await().during(java.time.Duration.ofMillis(300))
                    .atMost(java.time.Duration.ofSeconds(2)).until(batches::isEmpty);

            answer.countDown();

            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(() -> batches.size() == 1);
            assertThat(batches).containsExactly(List.of(1, 2));
        }
    }

    @Test
    void a_batch_waits_no_longer_than_the_bound_after_its_first_item_however_busy() throws Exception {
        CountDownLatch answer = new CountDownLatch(1);
        var foreground = org.baeum.base.scheduling.HeldRequests.busy(java.time.Duration.ofMillis(300), answer);
        List<Long> doneAfterMillis = new CopyOnWriteArrayList<>();
        long offered = System.nanoTime();
        try (HandOff<Integer> handOff = HandOff.background("hand-off-bound", 10, 10, foreground,
                items -> doneAfterMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - offered)))) {
            handOff.offer(1);
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(() -> !doneAfterMillis.isEmpty());
        } finally {
            answer.countDown();
        }
        assertThat(doneAfterMillis.getFirst()).isGreaterThanOrEqualTo(250);
    }
}
