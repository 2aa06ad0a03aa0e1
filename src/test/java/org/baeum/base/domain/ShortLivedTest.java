package org.baeum.base.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ShortLivedTest {

    @Test
    void reads_once_within_its_time_and_again_after_a_forget() {
        AtomicInteger reads = new AtomicInteger();
        ShortLived<Integer> value = new ShortLived<>(Duration.ofHours(1), reads::incrementAndGet);
        assertThat(value.get()).isEqualTo(1);
        assertThat(value.get()).isEqualTo(1);
        assertThat(reads.get()).isEqualTo(1);
        value.forget();
        assertThat(value.get()).isEqualTo(2);
        ShortLived.forgetAll();
        assertThat(value.get()).isEqualTo(3);
    }

    @Test
    void reads_again_once_its_time_is_up() {
        AtomicInteger reads = new AtomicInteger();
        ShortLived<Integer> value = new ShortLived<>(Duration.ZERO, reads::incrementAndGet);
        assertThat(value.get()).isEqualTo(1);
        assertThat(value.get()).isEqualTo(2);
    }

    @Test
    void a_read_that_overlaps_a_forget_is_not_kept() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch forgotten = new CountDownLatch(1);
        ShortLived<Integer> value = new ShortLived<>(Duration.ofHours(1), () -> {
            int n = reads.incrementAndGet();
            if (n == 1) { // the first read saw the data before a write on this node
                reading.countDown();
                try {
                    forgotten.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return n;
        });
        Thread slow = Thread.ofPlatform().start(value::get);
        reading.await();
        value.forget(); // the write happened while the read was under way
        forgotten.countDown();
        slow.join();
        assertThat(value.get()).as("the stale read was not kept").isEqualTo(2);
        assertThat(value.get()).isEqualTo(2);
    }
}
