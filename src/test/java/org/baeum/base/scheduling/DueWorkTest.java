package org.baeum.base.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.baeum.BaeumIntegrationTest;
import org.baeum.MutableClock;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@BaeumIntegrationTest
class DueWorkTest {

    @Autowired
    MongoDatabase database;
    @Autowired
    MutableClock clock;

    MongoCollection<Document> items;

    @BeforeEach
    void collection() {
        items = database.getCollection("due_work_test");
        items.deleteMany(new Document());
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    void add(int count, Instant due) {
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            docs.add(DueWork.pending(due).append("_id", "item-" + i));
        }
        items.insertMany(docs);
    }

    @Test
    void two_instances_with_four_workers_each_do_a_thousand_items_exactly_once() throws Exception {
        add(1_000, clock.instant().minusSeconds(1));
        // two "portal instances": separate DueWork objects over the same collection, four threads each
        List<DueWork<Document>> instances = List.of(new DueWork<>(items, clock, Duration.ofMinutes(2)),
                new DueWork<>(items, clock, Duration.ofMinutes(2)));
        Map<String, AtomicInteger> doneCount = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> workers = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            DueWork<Document> work = instances.get(w % 2);
            String owner = "instance-" + (w % 2) + "/worker-" + w;
            workers.add(pool.submit(() -> {
                start.await();
                int done = 0;
                for (var item = work.claim(owner); item.isPresent(); item = work.claim(owner)) {
                    doneCount.computeIfAbsent(item.get().getString("_id"), k -> new AtomicInteger()).incrementAndGet();
                    assertThat(work.complete(item.get().get("_id"), owner)).isTrue();
                    done++;
                }
                return done;
            }));
        }
        start.countDown();
        int total = 0;
        for (Future<Integer> f : workers) {
            total += f.get();
        }
        pool.shutdown();
        assertThat(total).isEqualTo(1_000);
        assertThat(doneCount).hasSize(1_000);
        assertThat(doneCount.values()).allSatisfy(c -> assertThat(c.get()).isEqualTo(1));
        assertThat(instances.getFirst().count(DueWork.Status.DONE)).isEqualTo(1_000);
    }

    @Test
    void two_instances_listing_the_same_due_items_and_claiming_them_by_id_do_each_exactly_once() throws Exception {
        add(1_000, clock.instant().minusSeconds(1));
        List<DueWork<Document>> instances = List.of(new DueWork<>(items, clock, Duration.ofMinutes(2)),
                new DueWork<>(items, clock, Duration.ofMinutes(2)));
        Map<String, AtomicInteger> doneCount = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> workers = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            DueWork<Document> work = instances.get(w % 2);
            String owner = "instance-" + (w % 2) + "/worker-" + w;
            workers.add(pool.submit(() -> {
                start.await();
                int done = 0;
                // every worker lists the same most overdue items, in the same order, and races for each
                for (List<Object> ids = work.dueIds(150); !ids.isEmpty(); ids = work.dueIds(150)) {
                    for (Object id : ids) {
                        var item = work.claim(id, owner);
                        if (item.isPresent()) {
                            doneCount.computeIfAbsent(item.get().getString("_id"), k -> new AtomicInteger()).incrementAndGet();
                            assertThat(work.complete(id, owner)).isTrue();
                            done++;
                        }
                    }
                }
                return done;
            }));
        }
        start.countDown();
        int total = 0;
        for (Future<Integer> f : workers) {
            total += f.get();
        }
        pool.shutdown();
        assertThat(total).isEqualTo(1_000);
        assertThat(doneCount).hasSize(1_000);
        assertThat(doneCount.values()).allSatisfy(c -> assertThat(c.get()).isEqualTo(1));
        assertThat(instances.getFirst().count(DueWork.Status.DONE)).isEqualTo(1_000);
    }

    @Test
    void claiming_by_id_takes_only_an_item_that_is_due_and_not_held_by_a_live_claim() {
        add(3, clock.instant().minusSeconds(10));
        items.updateOne(new Document("_id", "item-2"), new Document("$set", new Document(DueWork.DUE_AT,
                java.util.Date.from(clock.instant().plus(Duration.ofHours(1))))));
        DueWork<Document> work = new DueWork<>(items, clock, Duration.ofMinutes(2));
        assertThat(work.dueIds(10)).containsExactly("item-0", "item-1");
        assertThat(work.dueIds(1)).hasSize(1);
        assertThat(work.claim("item-2", "w")).as("not due yet").isEmpty();
        assertThat(work.claim("no-such-item", "w")).isEmpty();
        Document item = work.claim("item-0", "crashed").orElseThrow();
        assertThat(item.getString(DueWork.STATUS)).isEqualTo("CLAIMED");
        assertThat(item.getInteger(DueWork.ATTEMPTS)).isEqualTo(1);
        assertThat(work.claim("item-0", "other")).as("held by a live claim").isEmpty();
        assertThat(work.dueIds(10)).containsExactly("item-1");
        clock.advance(Duration.ofMinutes(2).plusSeconds(1));
        assertThat(work.dueIds(10)).as("the lease ran out").contains("item-0");
        assertThat(work.claim("item-0", "other")).get()
                .satisfies(d -> assertThat(d.getInteger(DueWork.ATTEMPTS)).isEqualTo(2));
        assertThat(work.complete("item-0", "crashed")).isFalse();
        assertThat(work.complete("item-0", "other")).isTrue();
        assertThat(work.claim("item-0", "anyone")).as("done").isEmpty();
    }

    @Test
    void an_item_whose_worker_died_is_done_once_by_another_after_the_lease() {
        add(1, clock.instant().minusSeconds(1));
        DueWork<Document> work = new DueWork<>(items, clock, Duration.ofMinutes(2));
        assertThat(work.claim("crashed")).isPresent();
        assertThat(work.claim("survivor")).as("still leased").isEmpty();
        clock.advance(Duration.ofMinutes(2).plusSeconds(1));
        Document again = work.claim("survivor").orElseThrow();
        assertThat(again.getInteger(DueWork.ATTEMPTS)).isEqualTo(2);
        assertThat(work.complete(again.get("_id"), "crashed")).as("the dead worker's claim is gone").isFalse();
        assertThat(work.complete(again.get("_id"), "survivor")).isTrue();
        assertThat(work.claim("anyone")).isEmpty();
        assertThat(work.count(DueWork.Status.DONE)).isEqualTo(1);
    }

    @Test
    void items_wait_for_their_time_retry_later_and_fail_into_a_state_people_can_requeue() {
        add(1, clock.instant().plus(Duration.ofHours(1)));
        DueWork<Document> work = new DueWork<>(items, clock, Duration.ofMinutes(2));
        assertThat(work.claim("w")).isEmpty();
        assertThat(work.nextDue()).isPresent();
        clock.advance(Duration.ofHours(1));
        Document item = work.claim("w").orElseThrow();
        assertThat(work.retry(item.get("_id"), "w", clock.instant().plusSeconds(60), "mail server down")).isTrue();
        assertThat(work.claim("w")).as("not before the retry time").isEmpty();
        clock.advance(Duration.ofSeconds(60));
        item = work.claim("w").orElseThrow();
        assertThat(item.getString(DueWork.LAST_ERROR)).isEqualTo("mail server down");
        assertThat(work.fail(item.get("_id"), "w", "gave up")).isTrue();
        assertThat(work.claim("w")).isEmpty();
        assertThat(work.requeue(item.get("_id"))).isTrue();
        assertThat(work.claim("w")).get().satisfies(d -> assertThat(d.getInteger(DueWork.ATTEMPTS)).isEqualTo(1));
    }
}
