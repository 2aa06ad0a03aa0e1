package org.baeum.catalog.internal;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.baeum.BaeumIntegrationTest;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.security.SystemIdentity;
import org.baeum.catalog.CatalogQuery;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.TermCopies;
import org.baeum.catalog.Offering;
import org.baeum.catalog.OfferingId;
import org.baeum.catalog.Publication;
import org.baeum.catalog.RecruitmentMethod;
import org.baeum.catalog.RecruitmentPhase;
import org.baeum.catalog.TermDraft;
import org.baeum.catalog.TermId;
import org.baeum.catalog.TermType;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Recruitment phases in the offerings collection on the embedded server: the array and the whole window written
 * side by side, an offering stored before phases read as one phase and migrated once, and the phase guard the seat
 * ledger is to use (an open FIRST_COME phase, by $elemMatch).
 */
@BaeumIntegrationTest
class RecruitmentPhasesStorageTest {

    @Autowired
    CatalogService catalog;
    @Autowired
    TermCopies copies;
    @Autowired
    RecruitmentPhasesMigration migration;
    @Autowired
    MongoDatabase database;

    @BeforeAll
    static void demoCatalog(@Autowired List<DemoDataContributor> contributors) {
        org.baeum.DemoCatalogFixture.load(contributors);
    }

    private MongoCollection<Document> raw() {
        return database.getCollection(OfferingRepository.COLLECTION);
    }

    private Document stored(OfferingId id) {
        return raw().find(eq("_id", id.value())).first();
    }

    private List<Offering> found(Map<String, String> parameters) {
        return catalog.search(CatalogQuery.parse(parameters.entrySet().stream().collect(
                java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue()))))).items();
    }

    /** A demo lottery of the next term (인문학; the pool classes recruit through the demo round): 1차 추첨 신청, then 2차 선착순. */
    private Offering twoPhases() {
        return found(Map.of("q", "인문학", "term", "demo-3m-next", "size", "100")).stream()
                .filter(o -> o.recruitment().phases().size() == 2).findFirst().orElseThrow();
    }

    @Test
    void the_phases_and_the_whole_window_are_stored_side_by_side() {
        Offering o = twoPhases();
        assertThat(o.recruitment().phases()).extracting(RecruitmentPhase::method)
                .containsExactly(RecruitmentMethod.LOTTERY, RecruitmentMethod.FIRST_COME);
        Document d = stored(o.id());
        List<Document> phases = d.getList(OfferingRepository.RECRUITMENT_PHASES, Document.class);
        assertThat(phases).extracting(p -> p.getString("method")).containsExactly("LOTTERY", "FIRST_COME");
        assertThat(phases.getFirst().getDate("opensAt")).isEqualTo(Date.from(o.recruitment().phases().getFirst().opensAt()));
        assertThat(phases.getLast().getDate("closesAt")).isEqualTo(Date.from(o.recruitment().phases().getLast().closesAt()));
        assertThat(d.getDate("recruitmentOpensAt")).isEqualTo(phases.getFirst().getDate("opensAt"));
        assertThat(d.getDate("recruitmentClosesAt")).isEqualTo(phases.getLast().getDate("closesAt"));
        assertThat(d.getString(RecruitmentPhasesMigration.LEGACY_METHOD)).as("what the previous version reads")
                .isEqualTo("LOTTERY");
    }

    @Test
    void an_offering_stored_before_phases_reads_as_one_phase_and_is_migrated_once() {
        Offering o = found(Map.of("q", "캘리그라피")).getFirst();
        Document before = stored(o.id());
        // the shape every offering had before phases: one window and one method, no array
        raw().updateOne(eq("_id", o.id().value()), new Document("$unset",
                new Document(OfferingRepository.RECRUITMENT_PHASES, ""))
                .append("$set", new Document(RecruitmentPhasesMigration.LEGACY_METHOD, "LOTTERY")));
        RecruitmentPhase one = new RecruitmentPhase(o.recruitment().opensAt(), o.recruitment().closesAt(),
                RecruitmentMethod.LOTTERY);
        assertThat(catalog.offering(o.id()).orElseThrow().recruitment().phases()).as("read before the migration")
                .containsExactly(one);

        assertThat(migration.migrate()).isEqualTo(1);
        Document after = stored(o.id());
        assertThat(after.getString(RecruitmentPhasesMigration.LEGACY_METHOD)).as("kept for the previous version")
                .isEqualTo("LOTTERY");
        List<Document> phases = after.getList(OfferingRepository.RECRUITMENT_PHASES, Document.class);
        assertThat(phases).hasSize(1);
        assertThat(phases.getFirst().getDate("opensAt")).isEqualTo(Date.from(one.opensAt()));
        assertThat(phases.getFirst().getDate("closesAt")).isEqualTo(Date.from(one.closesAt()));
        assertThat(phases.getFirst().getString("method")).isEqualTo("LOTTERY");
        assertThat(after.get("recruitmentOpensAt")).isEqualTo(before.get("recruitmentOpensAt"));
        assertThat(after.get("recruitmentClosesAt")).isEqualTo(before.get("recruitmentClosesAt"));
        assertThat(catalog.offering(o.id()).orElseThrow().recruitment().phases()).containsExactly(one);

        assertThat(migration.migrate()).as("a second run finds nothing to do").isZero();
        assertThat(stored(o.id())).isEqualTo(after);
        // the migrated phase answers the ledger's guard like one written by the portal
        Instant inside = one.opensAt().plus(Duration.ofMinutes(1));
        assertThat(raw().find(and(eq("_id", o.id().value()), OfferingRepository.phaseOpen(RecruitmentMethod.LOTTERY,
                inside))).first()).isNotNull();
    }

    @Test
    void the_first_come_guard_matches_only_while_a_first_come_phase_is_open() {
        Offering o = twoPhases();
        RecruitmentPhase draw = o.recruitment().phases().getFirst();
        RecruitmentPhase leftovers = o.recruitment().phases().getLast();
        long tick = 1;
        Map<Instant, Boolean> expected = new java.util.LinkedHashMap<>();
        expected.put(draw.opensAt().minusMillis(tick), false);
        expected.put(draw.opensAt(), false); // the draw: applications, no seats
        expected.put(draw.closesAt().minusMillis(tick), false);
        expected.put(draw.closesAt(), false); // the gap
        expected.put(leftovers.opensAt().minusMillis(tick), false);
        expected.put(leftovers.opensAt(), true);
        expected.put(leftovers.closesAt().minusMillis(tick), true);
        expected.put(leftovers.closesAt(), false);
        for (var e : expected.entrySet()) {
            Bson guard = and(eq("_id", o.id().value()), eq("publication", Publication.PUBLISHED.name()),
                    OfferingRepository.phaseOpen(RecruitmentMethod.FIRST_COME, e.getKey()));
            // as the ledger uses it: one guarded findOneAndUpdate
            Document updated = raw().findOneAndUpdate(guard, new Document("$inc", new Document("guardProbe", 1)),
                    new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
            assertThat(updated != null).as("FIRST_COME open at " + e.getKey()).isEqualTo(e.getValue());
        }
        assertThat(stored(o.id()).getInteger("guardProbe")).isEqualTo(2);
        assertThat(raw().find(and(eq("_id", o.id().value()), OfferingRepository.phaseOpen(RecruitmentMethod.LOTTERY,
                draw.opensAt()))).first()).as("the draw's own phase").isNotNull();
        raw().updateOne(eq("_id", o.id().value()), new Document("$unset", new Document("guardProbe", "")));
    }

    @Test
    void a_copy_moves_every_phase_by_whole_weeks() {
        Offering o = twoPhases();
        Offering copy = SystemIdentity.call(() -> {
            var quarter = catalog.terms().stream().filter(t -> t.id().equals(o.termId())).findFirst().orElseThrow();
            TermId later = catalog.saveTerm(new TermDraft(null, "단계 복사 시험", "Phase copy test", TermType.QUARTERLY,
                    quarter.startDate().plusWeeks(30), quarter.endDate().plusWeeks(30)));
            return catalog.offering(copies.copyOffering(o.id(), later)).orElseThrow();
        });
        assertThat(copy.recruitment().phases()).hasSize(2);
        for (int i = 0; i < 2; i++) {
            RecruitmentPhase source = o.recruitment().phases().get(i);
            RecruitmentPhase moved = copy.recruitment().phases().get(i);
            assertThat(moved.method()).isEqualTo(source.method());
            assertThat(ChronoUnit.DAYS.between(source.opensAt(), moved.opensAt())).isEqualTo(30 * 7);
            assertThat(ChronoUnit.DAYS.between(source.closesAt(), moved.closesAt())).isEqualTo(30 * 7);
        }
    }
}
