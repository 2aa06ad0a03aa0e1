package org.baeum.enrollment.internal;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.baeum.BaeumIntegrationTest;
import org.baeum.DemoCatalogFixture;
import org.baeum.MutableClock;
import org.baeum.TestAccounts;
import org.baeum.account.AgeBand;
import org.baeum.account.District;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.SystemIdentity;
import org.baeum.catalog.Audience;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.Offering;
import org.baeum.catalog.OfferingId;
import org.baeum.catalog.TermType;
import org.baeum.enrollment.CitizenEnrollments;
import org.baeum.enrollment.EnrollmentFixture;
import org.baeum.enrollment.ParticipationFacts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Entries stored before facts were kept get them once from today's data; those of deleted accounts get an unknown age
 * band, no district and a person key each; running again changes nothing.
 */
@BaeumIntegrationTest
class ParticipationFactsMigrationTest {

    @Autowired
    ParticipationFactsMigration migration;
    @Autowired
    CitizenEnrollments enrollments;
    @Autowired
    EnrollmentRepository repository;
    @Autowired
    CatalogService catalog;
    @Autowired
    TestAccounts accounts;
    @Autowired
    MongoDatabase database;
    @Autowired
    MutableClock clock;
    @Autowired
    List<DemoDataContributor> contributors;

    @AfterEach
    void reset() {
        TestAccounts.signOut();
    }

    @Test
    void old_entries_get_their_facts_once_and_deleted_ones_count_as_distinct_unknown_people() {
        DemoCatalogFixture.load(contributors);
        EnrollmentFixture fixture = new EnrollmentFixture(catalog, clock);
        OfferingId id = fixture.offering(5, 0);
        Offering o = SystemIdentity.call(() -> catalog.offering(id)).orElseThrow();
        BaeumUser live = accounts.citizen("migrate-" + UUID.randomUUID() + "@test.baeum", "옮길시민",
                LocalDate.of(1960, 4, 4));
        BaeumUser gone1 = accounts.citizen("migrate-" + UUID.randomUUID() + "@test.baeum", "지운1", LocalDate.of(1990, 1, 1));
        BaeumUser gone2 = accounts.citizen("migrate-" + UUID.randomUUID() + "@test.baeum", "지운2", LocalDate.of(1991, 1, 1));
        String kept = enrol(live, id);
        String deleted1 = enrol(gone1, id);
        String deleted2 = enrol(gone2, id);
        var raw = database.getCollection(EnrollmentRepository.COLLECTION);
        // as entries stored before facts, two of them of accounts deleted then
        raw.updateMany(in("_id", List.of(kept, deleted1, deleted2)), Updates.unset("facts"));
        raw.updateMany(in("_id", List.of(deleted1, deleted2)), Updates.combine(Updates.set("participantId", "deleted"),
                Updates.set("householdId", "deleted"), Updates.set("participantName", null)));
        assertThat(repository.findById(kept).orElseThrow().facts()).isNull();

        assertThat(migration.migrate()).isGreaterThanOrEqualTo(3);

        EnrollmentDocument migrated = repository.findById(kept).orElseThrow();
        assertThat(migrated.facts()).isEqualTo(new ParticipationFacts(o.ageDay().getYear(), live.accountId(),
                AgeBand.AGE_60S, District.MAPO, true, migrated.reductionCode(), Audience.SPORTS, TermType.SIX_MONTH));
        ParticipationFacts d1 = repository.findById(deleted1).orElseThrow().facts();
        ParticipationFacts d2 = repository.findById(deleted2).orElseThrow().facts();
        for (ParticipationFacts d : List.of(d1, d2)) {
            assertThat(d.ageBand()).isEqualTo(AgeBand.UNKNOWN);
            assertThat(d.district()).isNull();
            assertThat(d.resident()).isFalse();
            assertThat(d.year()).isEqualTo(o.ageDay().getYear());
            assertThat(d.termType()).isEqualTo(TermType.SIX_MONTH);
            assertThat(d.person()).isNotIn(gone1.accountId(), gone2.accountId(), "deleted");
        }
        assertThat(d1.person()).as("each deleted entry is a person of its own").isNotEqualTo(d2.person());

        assertThat(migration.migrate()).as("idempotent").isZero();
        assertThat(repository.findById(deleted1).orElseThrow().facts()).isEqualTo(d1);
        assertThat(raw.countDocuments(eq("facts.year", null))).isZero();
    }

    private String enrol(BaeumUser who, OfferingId o) {
        TestAccounts.signIn(who);
        try {
            return enrollments.enroll(o, null, UUID.randomUUID().toString()).id().value();
        } finally {
            TestAccounts.signOut();
        }
    }
}
