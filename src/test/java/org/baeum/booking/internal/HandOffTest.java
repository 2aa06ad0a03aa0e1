package org.baeum.booking.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class HandOffTest {

    @Test
    void a_background_hand_off_runs_on_its_own_thread_and_drops_what_does_not_fit() throws Exception {
        AtomicReference<String> ranOn = new AtomicReference<>();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        AtomicInteger done = new AtomicInteger();
        try (HandOff handOff = HandOff.background("hand-off-test", 1)) {
            assertThat(handOff.offer(() -> {
                ranOn.set(Thread.currentThread().getName());
                started.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                done.incrementAndGet();
            })).isTrue();
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(handOff.offer(done::incrementAndGet)).as("one may wait").isTrue();
            assertThat(handOff.offer(done::incrementAndGet)).as("the queue is full: dropped, left owed").isFalse();
            assertThat(handOff.offer(() -> {
                throw new IllegalStateException("a failing task is logged, the thread goes on");
            })).isFalse();
            release.countDown();
        } // close waits for what was queued
        assertThat(ranOn.get()).isEqualTo("hand-off-test");
        assertThat(done.get()).isEqualTo(2);
    }

    @Test
    void a_failing_task_does_not_stop_the_background_thread_and_inline_runs_in_the_caller() throws Exception {
        CountDownLatch after = new CountDownLatch(1);
        try (HandOff handOff = HandOff.background("hand-off-test-2", 10)) {
            handOff.offer(() -> {
                throw new IllegalStateException("logged");
            });
            handOff.offer(after::countDown);
            assertThat(after.await(5, TimeUnit.SECONDS)).isTrue();
        }
        AtomicReference<String> ranOn = new AtomicReference<>();
        try (HandOff inline = HandOff.inline()) {
            assertThat(inline.offer(() -> ranOn.set(Thread.currentThread().getName()))).isTrue();
        }
        assertThat(ranOn.get()).isEqualTo(Thread.currentThread().getName());
    }
}
