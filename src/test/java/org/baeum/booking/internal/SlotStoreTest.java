package org.baeum.booking.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.baeum.booking.BookingRefusal;
import org.baeum.booking.BookingRefusedException;
import org.baeum.capacity.ResourceKey;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * Bookings of one slot stored together (decision 0062), with the ledger and the collection mocked: the first booking
 * is held in its claim until three more wait behind it, so those three form the next batch.
 */
class SlotStoreTest {

    private static final ResourceKey KEY = SlotTimes.key("seats", LocalDate.of(2026, 12, 9), LocalTime.of(10, 0));

    private final SlotClaims claims = mock(SlotClaims.class);
    private final BookingRepository bookings = mock(BookingRepository.class);
    private final SlotStore store = new SlotStore(claims, bookings);
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final Map<String, Object> outcomes = new ConcurrentHashMap<>();

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    /** Runs "first" alone, then b1..b3 as one batch; their outcomes (a stored document or an exception) by id. */
    private void firstAloneThenThreeTogether() throws Exception {
        CountDownLatch inFirstClaim = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        doAnswer(i -> {
            inFirstClaim.countDown();
            assertThat(release.await(10, TimeUnit.SECONDS)).isTrue();
            return true;
        }).when(claims).claimAll(List.of(KEY), "first", 1);
        List<Future<?>> done = new ArrayList<>();
        done.add(pool.submit(() -> run("first")));
        assertThat(inFirstClaim.await(10, TimeUnit.SECONDS)).isTrue();
        for (String id : List.of("b1", "b2", "b3")) {
            done.add(pool.submit(() -> run(id)));
        }
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> store.waiting(KEY) == 3);
        release.countDown();
        for (Future<?> f : done) {
            f.get(10, TimeUnit.SECONDS);
        }
    }

    private void run(String id) {
        try {
            outcomes.put(id, store.claimAndStore(List.of(KEY), 1, new Document("_id", id)));
        } catch (RuntimeException e) {
            outcomes.put(id, e);
        }
    }

    @SuppressWarnings("unchecked")
    private List<Document> insertedTogether() {
        ArgumentCaptor<List<Document>> captor = ArgumentCaptor.forClass(List.class);
        verify(bookings).insertAll(captor.capture());
        return captor.getValue();
    }

    @Test
    void bookings_that_wait_together_are_claimed_in_one_update_and_stored_in_one_insert() throws Exception {
        when(claims.claimTogether(eq(KEY), anyList())).thenReturn(true);

        firstAloneThenThreeTogether();

        verify(bookings).insert(any()); // "first", alone
        assertThat(insertedTogether()).extracting(d -> d.getString("_id")).containsExactlyInAnyOrder("b1", "b2", "b3");
        verify(claims, never()).claimAll(anyList(), eq("b1"), anyInt());
        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<String>> holders = ArgumentCaptor.forClass(List.class);
        verify(claims).claimTogether(eq(KEY), holders.capture());
        assertThat(holders.getValue()).containsExactlyInAnyOrder("b1", "b2", "b3");
        assertThat(outcomes.values()).allSatisfy(o -> assertThat(o).isInstanceOf(Document.class));
        assertThat(outcomes.values().stream().map(o -> ((Document) o).getString("code")).distinct()).hasSize(4);
    }

    @Test
    void when_fewer_units_are_free_than_the_batch_asks_for_each_is_claimed_alone_and_only_the_refused_one_is_taken()
            throws Exception {
        when(claims.claimTogether(any(), anyList())).thenReturn(false);
        when(claims.claimAll(List.of(KEY), "b1", 1)).thenReturn(true);
        when(claims.claimAll(List.of(KEY), "b2", 1)).thenReturn(false);
        when(claims.claimAll(List.of(KEY), "b3", 1)).thenReturn(true);

        firstAloneThenThreeTogether();

        assertThat(outcomes.get("b2")).isInstanceOfSatisfying(BookingRefusedException.class,
                e -> assertThat(e.reason()).isEqualTo(BookingRefusal.TAKEN));
        assertThat(insertedTogether()).extracting(d -> d.getString("_id")).containsExactlyInAnyOrder("b1", "b3");
        assertThat(outcomes.get("b1")).isInstanceOf(Document.class);
        assertThat(outcomes.get("b3")).isInstanceOf(Document.class);
        verify(claims, never()).releaseAll(anyList(), anyString());
    }

    @Test
    void when_two_units_are_left_for_three_the_first_two_in_line_get_them_in_one_update_and_the_third_is_taken_at_once()
            throws Exception {
        when(claims.claimTogether(eq(KEY), anyList())).thenAnswer(i -> ((List<?>) i.getArgument(1)).size() <= 2);
        when(claims.left(KEY)).thenReturn(java.util.OptionalInt.of(2));

        firstAloneThenThreeTogether();

        long taken = outcomes.values().stream().filter(o -> o instanceof BookingRefusedException e
                && e.reason() == BookingRefusal.TAKEN).count();
        assertThat(taken).isEqualTo(1);
        assertThat(insertedTogether()).hasSize(2);
        verify(claims, never()).claimAll(anyList(), org.mockito.ArgumentMatchers.startsWith("b"), anyInt());
        verify(claims).left(KEY); // one read, not one per refusal
    }

    @Test
    void when_no_unit_is_left_the_whole_batch_is_taken_after_one_read() throws Exception {
        when(claims.claimTogether(eq(KEY), anyList())).thenReturn(false);
        when(claims.left(KEY)).thenReturn(java.util.OptionalInt.of(0));

        firstAloneThenThreeTogether();

        for (String id : List.of("b1", "b2", "b3")) {
            assertThat(outcomes.get(id)).as(id).isInstanceOfSatisfying(BookingRefusedException.class,
                    e -> assertThat(e.reason()).isEqualTo(BookingRefusal.TAKEN));
        }
        verify(claims, never()).claimAll(anyList(), org.mockito.ArgumentMatchers.startsWith("b"), anyInt());
        verify(bookings, never()).insertAll(anyList());
    }

    @Test
    void a_failed_batch_insert_finds_what_it_stored_and_stores_the_rest_alone() throws Exception {
        when(claims.claimTogether(eq(KEY), anyList())).thenReturn(true);
        doThrow(new IllegalStateException("one code taken")).when(bookings).insertAll(anyList());
        when(bookings.findById("b1")).thenReturn(Optional.of(new Document("_id", "b1").append("code", "stored")));
        when(bookings.findById("b2")).thenReturn(Optional.empty());
        when(bookings.findById("b3")).thenReturn(Optional.empty());

        firstAloneThenThreeTogether();

        assertThat(outcomes.get("b1")).isInstanceOfSatisfying(Document.class,
                d -> assertThat(d.getString("code")).isEqualTo("stored"));
        assertThat(outcomes.get("b2")).isInstanceOf(Document.class);
        assertThat(outcomes.get("b3")).isInstanceOf(Document.class);
        verify(bookings, times(3)).insert(any()); // first, b2, b3
        verify(claims, never()).releaseAll(anyList(), anyString());
    }

    @Test
    void a_failed_batch_insert_that_cannot_be_checked_is_unsure_and_keeps_its_claims() throws Exception {
        when(claims.claimTogether(eq(KEY), anyList())).thenReturn(true);
        doThrow(new IllegalStateException("socket timeout")).when(bookings).insertAll(anyList());
        when(bookings.findById(anyString())).thenThrow(new IllegalStateException("still down"));

        firstAloneThenThreeTogether();

        for (String id : List.of("b1", "b2", "b3")) {
            assertThat(outcomes.get(id)).as(id).isInstanceOf(SlotStore.Unsure.class);
        }
        verify(claims, never()).releaseAll(anyList(), anyString());
    }

    @Test
    void a_booking_certainly_not_stored_gives_its_claims_back() {
        when(claims.claimAll(List.of(KEY), "alone", 1)).thenReturn(true);
        doThrow(new IllegalStateException("refused")).when(bookings).insert(any());
        when(bookings.findById("alone")).thenReturn(Optional.empty());

        assertThatThrownBy(() -> store.claimAndStore(List.of(KEY), 1, new Document("_id", "alone")))
                .hasMessage("refused");

        verify(claims).releaseAll(List.of(KEY), "alone");
    }
}
