package org.baeum.base.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ShortLivedMapTest {

    private final AtomicLong nanos = new AtomicLong(1_000);
    private final AtomicInteger reads = new AtomicInteger();

    private String read(String key) {
        return key + "#" + reads.incrementAndGet();
    }

    @Test
    void reads_each_key_once_within_its_time_and_again_after_it() {
        ShortLivedMap<String, String> map = new ShortLivedMap<>(Duration.ofSeconds(5), 10, nanos::get);
        assertThat(map.get("a", this::read)).isEqualTo("a#1");
        assertThat(map.get("b", this::read)).isEqualTo("b#2");
        nanos.addAndGet(Duration.ofMillis(4_999).toNanos());
        assertThat(map.get("a", this::read)).isEqualTo("a#1");
        assertThat(reads.get()).isEqualTo(2);
        nanos.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(map.get("a", this::read)).as("5 s old: read again").isEqualTo("a#3");
        assertThat(map.fresh("a")).contains("a#3");
        assertThat(map.fresh("b")).isEmpty();
    }

    @Test
    void a_forget_on_this_node_reads_again_at_once_for_one_key_or_all() {
        ShortLivedMap<String, String> map = new ShortLivedMap<>(Duration.ofHours(1), 10, nanos::get);
        map.get("a", this::read);
        map.get("b", this::read);
        map.forget("a");
        assertThat(map.get("a", this::read)).isEqualTo("a#3");
        assertThat(map.get("b", this::read)).isEqualTo("b#2");
        ShortLived.forgetAll(); // as the tests do after emptying the database
        assertThat(map.get("b", this::read)).isEqualTo("b#4");
    }

    @Test
    void remembers_a_value_learnt_on_the_way_and_keeps_nothing_with_no_time() {
        ShortLivedMap<String, Boolean> map = new ShortLivedMap<>(Duration.ofSeconds(1), 10, nanos::get);
        map.remember("slot", true);
        assertThat(map.fresh("slot")).contains(true);
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(map.fresh("slot")).isEmpty();

        ShortLivedMap<String, String> none = new ShortLivedMap<>(Duration.ZERO, 10, nanos::get);
        assertThat(none.get("a", this::read)).isEqualTo("a#1");
        assertThat(none.get("a", this::read)).isEqualTo("a#2");
        assertThat(none.size()).isZero();
    }

    @Test
    void starts_empty_again_past_its_size_and_refuses_null_values() {
        ShortLivedMap<Integer, String> map = new ShortLivedMap<>(Duration.ofHours(1), 3, nanos::get);
        for (int i = 0; i < 3; i++) {
            map.get(i, k -> "v" + k);
        }
        assertThat(map.size()).isEqualTo(3);
        map.get(3, k -> "v" + k);
        assertThat(map.size()).isEqualTo(1);
        assertThat(map.fresh(0)).isEmpty();
        assertThatThrownBy(() -> map.get(9, k -> null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void a_read_that_overlaps_a_forget_is_answered_but_not_kept() throws Exception {
        ShortLivedMap<String, String> map = new ShortLivedMap<>(Duration.ofHours(1), 10, nanos::get);
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch forgotten = new CountDownLatch(1);
        String[] answered = new String[1];
        Thread slow = Thread.ofPlatform().start(() -> answered[0] = map.get("a", key -> {
            reading.countDown();
            try {
                forgotten.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return read(key);
        }));
        reading.await();
        map.forget("a"); // a write on this node while the read was under way
        forgotten.countDown();
        slow.join();
        assertThat(answered[0]).isEqualTo("a#1");
        assertThat(map.get("a", this::read)).as("the stale read was not kept").isEqualTo("a#2");
    }
}
