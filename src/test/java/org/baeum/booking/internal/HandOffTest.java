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
        try (HandOff<Integer> handOff = HandOff.background("hand-off-test", 2, 10, items -> {
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
        try (HandOff<Integer> handOff = HandOff.background("hand-off-size", 100, 3, items -> {
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
        try (HandOff<String> handOff = HandOff.background("hand-off-test-2", 10, 1, items -> {
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
        HandOff<String> handOff = HandOff.background("hand-off-closed", 10, 5, items -> { });
        handOff.close();
        assertThat(handOff.offer("late")).as("left owed for the sweep").isFalse();
    }
}
