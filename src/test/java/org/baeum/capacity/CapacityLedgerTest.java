package org.baeum.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.baeum.BaeumIntegrationTest;
import org.baeum.MutableClock;
import org.baeum.base.security.SystemIdentity;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The ledger on resources that are not offerings: a room's slot, a pool lane's session (decision 0023). */
@BaeumIntegrationTest
class CapacityLedgerTest {

    static final ResourceKind ROOM_SLOT = ResourceKind.own("test-room-slot", false);
    static final ResourceKind POOL_LANE = ResourceKind.own("test-pool-lane", true);
    static int resources;

    @Autowired
    CapacityLedger ledger;
    @Autowired
    MongoDatabase database;
    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static ResourceKey fresh(ResourceKind kind) {
        return kind.key("room-12|2026-12-07T10:00#" + (++resources));
    }

    static <T> T system(Supplier<T> work) {
        return SystemIdentity.call(work);
    }

    @RepeatedTest(3)
    void two_hundred_claims_for_a_slot_of_one_give_it_to_exactly_one_holder() throws Exception {
        ResourceKey slot = fresh(ROOM_SLOT);
        assertThat(system(() -> ledger.define(slot, 1))).isEqualTo(new Counters(1, 0, 1, 0, 0, false));
        List<Integer> winners = race(200, i -> system(() -> ledger.claim(slot, "booking-" + i)));

        assertThat(winners).hasSize(1);
        Holdings after = system(() -> ledger.holders(slot)).orElseThrow();
        assertThat(after.counters()).isEqualTo(new Counters(1, 1, 0, 0, 0, false));
        assertThat(after.holders()).extracting(Holder::id).containsExactly("booking-" + winners.getFirst());
        assertThat(after.available()).isTrue();
    }

    @Test
    void pairs_claimed_all_at_once_never_take_more_than_the_capacity() throws Exception {
        ResourceKey slot = fresh(ROOM_SLOT);
        system(() -> ledger.define(slot, 5));
        List<Integer> winners = race(200, i -> system(() -> ledger.claimAll(slot, List.of("a-" + i, "b-" + i))));

        assertThat(winners).hasSize(2);
        Holdings after = system(() -> ledger.holders(slot)).orElseThrow();
        assertThat(after.counters()).isEqualTo(new Counters(5, 4, 1, 0, 0, false));
        assertThat(after.holders()).extracting(Holder::id).containsExactlyInAnyOrderElementsOf(winners.stream()
                .flatMap(i -> Stream.of("a-" + i, "b-" + i)).toList());
    }

    @Test
    void a_unit_is_given_back_exactly_once_however_often_it_is_released() throws Exception {
        ResourceKey slot = fresh(ROOM_SLOT);
        system(() -> ledger.define(slot, 1));
        assertThat(system(() -> ledger.claim(slot, "booking-1"))).isPresent();
        assertThat(system(() -> ledger.claim(slot, "booking-1"))).as("a holder takes no second unit").isEmpty();

        List<Integer> released = race(50, i -> system(() -> ledger.release(slot, "booking-1")));

        assertThat(released).hasSize(1);
        assertThat(system(() -> ledger.counters(slot))).contains(new Counters(1, 0, 1, 0, 0, false));
        assertThat(system(() -> ledger.release(slot, "never-held"))).isEmpty();
        assertThat(system(() -> ledger.claim(slot, "booking-2"))).contains(new Counters(1, 1, 0, 0, 0, false));
    }

    @Test
    void hold_confirm_and_the_sweeps_list_on_a_pool_lane_with_a_waitlist() {
        ResourceKey lane = fresh(POOL_LANE);
        ResourceKey otherLane = fresh(POOL_LANE);
        system(() -> ledger.define(lane, 1));
        system(() -> ledger.define(otherLane, 1));
        assertThat(system(() -> ledger.claim(lane, "swimmer-1"))).isPresent();
        assertThat(attention()).as("an unconfirmed holder").containsExactly(lane);
        assertThat(system(() -> ledger.confirm(lane, "swimmer-1"))).isTrue();
        assertThat(system(() -> ledger.confirm(lane, "nobody"))).isFalse();
        assertThat(attention()).isEmpty();

        assertThat(system(() -> ledger.join(otherLane, 1))).as("a unit is free: first come, no ticket").isEmpty();
        assertThat(system(() -> ledger.claim(lane, "swimmer-2"))).isEmpty();
        assertThat(system(() -> ledger.join(lane, 2))).contains(new Counters(1, 1, 0, 2, 2, true));
        assertThat(system(() -> ledger.release(lane, "swimmer-1"))).contains(new Counters(1, 0, 1, 2, 2, true));
        assertThat(attention()).as("a free unit while the waitlist decides").containsExactly(lane);
        assertThat(system(() -> ledger.claim(lane, "swimmer-4"))).as("the waitlist decides, not first come").isEmpty();

        assertThat(system(() -> ledger.hold(lane, "swimmer-2"))).contains(new Counters(1, 1, 0, 2, 2, true));
        assertThat(system(() -> ledger.hold(lane, "swimmer-3"))).as("full").isEmpty();
        Holdings held = system(() -> ledger.holders(lane)).orElseThrow();
        assertThat(held.holders()).singleElement().satisfies(h -> {
            assertThat(h.id()).isEqualTo("swimmer-2");
            assertThat(h.confirmed()).isFalse();
        });
        assertThat(attention()).containsExactly(lane);
        system(() -> ledger.confirm(lane, "swimmer-2"));
        system(() -> {
            ledger.waitlistShrank(lane, 1);
            ledger.waitlistShrank(lane, 5); // never below zero
            return null;
        });
        assertThat(system(() -> ledger.counters(lane))).contains(new Counters(1, 1, 0, 1, 2, true));
        assertThat(attention()).isEmpty();
        assertThat(system(() -> ledger.counters(otherLane))).as("the other lane untouched")
                .contains(new Counters(1, 0, 1, 0, 0, false));
    }

    @Test
    void kinds_are_kept_apart_under_the_same_id() {
        ResourceKey slot = ROOM_SLOT.key("shared-id");
        ResourceKey lane = POOL_LANE.key("shared-id");
        system(() -> ledger.define(slot, 1));
        system(() -> ledger.define(lane, 3));
        system(() -> ledger.claim(slot, "h"));
        assertThat(system(() -> ledger.counters(slot))).contains(new Counters(1, 1, 0, 0, 0, false));
        assertThat(system(() -> ledger.counters(lane))).contains(new Counters(3, 0, 3, 0, 0, false));
        assertThat(system(() -> ledger.needingAttention(POOL_LANE, 10))).doesNotContain(lane);
        assertThat(system(() -> ledger.needingAttention(ROOM_SLOT, 1_000))).contains(slot);
    }

    @Test
    void define_opens_once_and_capacity_changes_are_guarded() {
        ResourceKey slot = fresh(ROOM_SLOT);
        assertThat(system(() -> ledger.counters(slot))).isEmpty();
        assertThat(system(() -> ledger.claim(slot, "h"))).as("not defined yet").isEmpty();
        assertThat(system(() -> ledger.define(slot, 2))).isEqualTo(new Counters(2, 0, 2, 0, 0, false));
        assertThat(system(() -> ledger.define(slot, 9))).as("first use decides").isEqualTo(new Counters(2, 0, 2, 0, 0, false));
        system(() -> ledger.claimAll(slot, List.of("h1", "h2")));

        assertThat(system(() -> ledger.changeCapacity(slot, 2, -1))).as("below the units taken").isFalse();
        assertThat(system(() -> ledger.changeCapacity(slot, 3, 1))).as("capacity read is stale").isFalse();
        assertThat(system(() -> ledger.changeCapacity(slot, 2, 1))).isTrue();
        assertThat(system(() -> ledger.counters(slot))).contains(new Counters(3, 2, 1, 0, 0, false));
    }

    @Test
    void a_kind_without_a_waitlist_refuses_tickets_and_a_full_resource_refuses_claims() {
        ResourceKey slot = fresh(ROOM_SLOT);
        system(() -> ledger.define(slot, 1));
        system(() -> ledger.claim(slot, "h1"));
        assertThatThrownBy(() -> system(() -> ledger.join(slot, 1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(system(() -> ledger.claim(slot, "h2"))).isEmpty();
        assertThat(system(() -> ledger.hold(slot, "h2"))).isEmpty();
        assertThat(system(() -> ledger.counters(slot))).contains(new Counters(1, 1, 0, 0, 0, false));
    }

    @Test
    void one_name_has_one_description_and_hosted_resources_are_created_by_their_owner() {
        system(() -> ledger.counters(ROOM_SLOT.key("x")));
        ResourceKind impostor = ResourceKind.own(ROOM_SLOT.name(), true);
        assertThatThrownBy(() -> system(() -> ledger.counters(impostor.key("x")))).isInstanceOf(IllegalArgumentException.class);

        ResourceKind hosted = ResourceKind.hosted("test-hosted-define",
                Storage.hosted("test_sessions", Storage.Fields.STANDARD, Storage.Guard.NONE), false);
        assertThatThrownBy(() -> system(() -> ledger.define(hosted.key("s1"), 3))).isInstanceOf(IllegalArgumentException.class);
        assertThat(database.getCollection("test_sessions").countDocuments(new Document("_id", "s1"))).isZero();
        assertThatThrownBy(() -> Storage.hosted(Storage.LEDGER_COLLECTION, Storage.Fields.STANDARD, Storage.Guard.NONE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_hosted_kind_keeps_its_counters_on_its_owners_documents_behind_its_guard_and_window() {
        Storage.Fields fields = new Storage.Fields("cap", "used", "free", "who", "seq", "waiting", "phase");
        ResourceKind session = ResourceKind.hosted("test-lane-session", Storage.hosted("test_sessions", fields,
                Storage.Guard.when("state", "BOOKABLE").within("opensAt", "closesAt")), true);
        Instant now = clock.instant();
        database.getCollection("test_sessions").insertOne(new Document("_id", "lane-3|2026-12-08T07:00")
                .append("state", "BOOKABLE").append("title", "kept").append("opensAt", Date.from(now.plus(Duration.ofHours(1))))
                .append("closesAt", Date.from(now.plus(Duration.ofHours(2)))).append("cap", 1).append("used", 0)
                .append("free", 1).append("who", List.of()).append("seq", 0L).append("waiting", 0).append("phase", "OPEN"));
        ResourceKey key = session.key("lane-3|2026-12-08T07:00");

        assertThat(system(() -> ledger.claim(key, "early"))).as("before the window").isEmpty();
        clock.advance(Duration.ofMinutes(90));
        assertThat(system(() -> ledger.claim(key, "in-time"))).contains(new Counters(1, 1, 0, 0, 0, false));
        assertThat(system(() -> ledger.join(key, 1))).contains(new Counters(1, 1, 0, 1, 1, true));
        Document stored = database.getCollection("test_sessions").find(new Document("_id", key.id())).first();
        assertThat(stored).containsEntry("used", 1).containsEntry("free", 0).containsEntry("phase", "WAITLIST")
                .containsEntry("title", "kept");
        assertThat(system(() -> ledger.needingAttention(session, 10))).containsExactly(key);

        clock.advance(Duration.ofHours(1));
        assertThat(system(() -> ledger.join(key, 1))).as("after the window").isEmpty();
        assertThat(system(() -> ledger.queue(key, 2))).as("a draw's losers queue after the window")
                .contains(new Counters(1, 1, 0, 3, 3, true));
        assertThat(system(() -> ledger.release(key, "in-time"))).isPresent();
        assertThat(system(() -> ledger.hold(key, "next"))).as("an offer needs no window").isPresent();
        system(() -> ledger.release(key, "next"));
        database.getCollection("test_sessions").updateOne(new Document("_id", key.id()),
                new Document("$set", new Document("state", "CLOSED")));
        assertThat(system(() -> ledger.hold(key, "next"))).as("not while closed").isEmpty();
        assertThat(system(() -> ledger.queue(key, 1))).as("no tickets while closed").isEmpty();
        assertThat(system(() -> ledger.holders(key))).get().extracting(Holdings::available).isEqualTo(false);
        assertThat(system(() -> ledger.needingAttention(session, 10))).as("free, but closed").isEmpty();
    }

    private List<ResourceKey> attention() {
        return system(() -> ledger.needingAttention(POOL_LANE, 100));
    }

    /** Runs attempts {@code 0 .. n-1} at once, each on its own thread; answers those that changed something. */
    private static List<Integer> race(int n, IntFunction<Optional<Counters>> attempt) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentLinkedQueue<Integer> won = new ConcurrentLinkedQueue<>();
        List<Future<?>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(n)) {
            IntStream.range(0, n).forEach(i -> futures.add(pool.submit(() -> {
                start.await();
                attempt.apply(i).ifPresent(c -> won.add(i));
                return null;
            })));
            start.countDown();
            for (Future<?> f : futures) {
                f.get();
            }
        }
        return List.copyOf(won);
    }
}
