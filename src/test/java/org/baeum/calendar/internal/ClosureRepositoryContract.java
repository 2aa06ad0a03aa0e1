package org.baeum.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.time.LocalDate;
import org.baeum.calendar.Closure;
import org.baeum.calendar.ClosureScope;
import org.baeum.calendar.internal.ClosureRepository.ClosureDocument;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The closure repository's behaviour, including documents stored before closures had a scope, run against the
 * embedded server ({@link ClosureRepositoryEmbeddedTest}) and a real MongoDB where Docker runs
 * ({@link ClosureRepositoryMongoContainerTest}).
 */
abstract class ClosureRepositoryContract {

    private static final LocalDate MAY_1 = LocalDate.of(2027, 5, 1);

    protected abstract MongoDatabase database();

    @BeforeEach
    void emptyCollection() {
        database().getCollection(ClosureRepository.COLLECTION).deleteMany(new Document());
    }

    /** A closure as the portal stored it before issue 14: a branch id (null for every branch) and no scope. */
    private void legacy(String id, String branchId, LocalDate first, LocalDate last) {
        Document d = new Document("_id", id).append("branchId", branchId).append("firstDay", first)
                .append("lastDay", last).append("reasonKo", "휴관 " + id).append("reasonEn", "Closed " + id);
        database().getCollection(ClosureRepository.COLLECTION).insertOne(d);
    }

    @Test
    void closures_stored_without_a_scope_read_as_every_branch_or_one_branch_and_start_up_writes_the_scope() {
        legacy("old-all", null, MAY_1, MAY_1.plusDays(2));
        legacy("old-main", "main", MAY_1.plusDays(1), MAY_1.plusDays(3));
        var collection = database().getCollection(ClosureRepository.COLLECTION);

        ClosureRepository before = new ClosureRepository(database());
        assertThat(collection.find(new Document("_id", "old-all")).first()).containsEntry("scope", "ALL");
        assertThat(collection.find(new Document("_id", "old-main")).first()).containsEntry("scope", "BRANCH")
                .containsEntry("branchId", "main");
        assertThat(before.endingOnOrAfter(MAY_1)).extracting(Closure::id, Closure::scope, Closure::branchId)
                .containsExactly(tuple("old-all", ClosureScope.ALL, null), tuple("old-main", ClosureScope.BRANCH, "main"));
        assertThat(before.upgradeLegacyDocuments()).as("a second run changes nothing").isZero();
    }

    @Test
    void a_document_without_a_scope_written_after_start_up_still_reads_by_its_branch() {
        ClosureRepository repository = new ClosureRepository(database());
        legacy("late-all", null, MAY_1, MAY_1);
        legacy("late-main", "main", MAY_1, MAY_1);
        assertThat(repository.overlapping(MAY_1, MAY_1)).extracting(Closure::id, Closure::scope)
                .containsExactlyInAnyOrder(tuple("late-all", ClosureScope.ALL), tuple("late-main", ClosureScope.BRANCH));
    }

    @Test
    void a_room_closure_round_trips_and_keeps_its_branch_for_readers_that_know_no_scope() {
        ClosureRepository repository = new ClosureRepository(database());
        repository.insert(new ClosureDocument("c-room", ClosureScope.ROOM, "main", "main-ll-1", null, MAY_1,
                MAY_1.plusDays(6), "바닥 공사", "Floor works", "staff", Instant.parse("2027-04-01T00:00:00Z"), null, null));
        repository.insert(new ClosureDocument("c-pool", ClosureScope.FACILITY, "main", null, "main-pool",
                MAY_1.plusDays(2), MAY_1.plusDays(3), "수영장 점검", "Pool maintenance", "staff", Instant.now(), "13:00", "15:30"));

        assertThat(repository.findById("c-room")).get().satisfies(c -> {
            assertThat(c.scope()).isEqualTo(ClosureScope.ROOM);
            assertThat(c.roomId()).isEqualTo("main-ll-1");
            assertThat(c.targetId()).isEqualTo("main-ll-1");
            assertThat(c.firstDay()).isEqualTo(MAY_1);
            assertThat(c.lastDay()).isEqualTo(MAY_1.plusDays(6));
        });
        assertThat(database().getCollection(ClosureRepository.COLLECTION).find(new Document("_id", "c-room")).first())
                .containsEntry("branchId", "main");
        assertThat(repository.findById("c-pool")).get().extracting(Closure::facilityId).isEqualTo("main-pool");
        assertThat(repository.findById("c-pool")).get().extracting(Closure::fromTime, Closure::toTime)
                .containsExactly(java.time.LocalTime.of(13, 0), java.time.LocalTime.of(15, 30));
        assertThat(repository.findById("c-room")).get().extracting(Closure::wholeDays).isEqualTo(true);
        assertThat(repository.upgradeLegacyDocuments()).as("scoped documents are left alone").isZero();
    }

    @Test
    void periods_are_found_by_overlap_and_in_order_of_their_first_day() {
        ClosureRepository repository = new ClosureRepository(database());
        legacy("april", "main", MAY_1.minusDays(20), MAY_1.minusDays(10));
        legacy("may", "main", MAY_1.plusDays(5), MAY_1.plusDays(8));
        legacy("spanning", null, MAY_1.minusDays(3), MAY_1.plusDays(1));
        legacy("june", "main", MAY_1.plusDays(40), MAY_1.plusDays(41));

        assertThat(repository.overlapping(MAY_1, MAY_1.plusDays(5))).extracting(Closure::id)
                .containsExactly("spanning", "may");
        assertThat(repository.endingOnOrAfter(MAY_1.plusDays(2))).extracting(Closure::id).containsExactly("may", "june");
        assertThat(repository.delete("may")).isTrue();
        assertThat(repository.delete("may")).isFalse();
        assertThat(repository.endingOnOrAfter(MAY_1.plusDays(2))).extracting(Closure::id).containsExactly("june");
    }
}
