package org.baeum.catalog.internal;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.util.List;
import org.baeum.BaeumIntegrationTest;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.security.SystemIdentity;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.Classification;
import org.baeum.catalog.LearningArea;
import org.baeum.catalog.LearningSubcategory;
import org.baeum.catalog.Offering;
import org.baeum.catalog.OfferingId;
import org.baeum.catalog.Program;
import org.baeum.catalog.ProgramDraft;
import org.baeum.catalog.ProgramId;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The demo catalog is classified (the attendance demo's programs too), and a database made before classification
 * gets the demo programs' classification, and their offerings a copy of it, once.
 */
@BaeumIntegrationTest
class DemoClassificationMigrationTest {

    @Autowired
    CatalogService catalog;
    @Autowired
    DemoClassificationMigration migration;
    @Autowired
    MongoDatabase database;

    @BeforeAll
    static void demo(@Autowired List<DemoDataContributor> contributors) {
        org.baeum.DemoCatalogFixture.loadAll(contributors);
    }

    /** The program's offerings as the catalog reads them (ids found in the collection). */
    private List<Offering> offeringsOf(String programId) {
        List<String> ids = database.getCollection(OfferingRepository.COLLECTION).find(eq("programId", programId))
                .map(d -> d.getString("_id")).into(new java.util.ArrayList<>());
        return SystemIdentity.call(() -> ids.stream().map(id -> catalog.offering(new OfferingId(id)).orElseThrow()).toList());
    }

    @Test
    void every_demo_program_and_its_offerings_are_classified_as_the_demo_says() {
        List<Program> programs = SystemIdentity.call(() -> catalog.programs());
        assertThat(programs).extracting(p -> p.id().value())
                .containsExactlyInAnyOrderElementsOf(DemoClassifications.BY_PROGRAM.keySet());
        assertThat(programs).allSatisfy(p -> assertThat(p.classification())
                .as(p.id().value()).isEqualTo(DemoClassifications.BY_PROGRAM.get(p.id().value())));
        assertThat(offeringsOf("demo-swim-beginner")).isNotEmpty().allSatisfy(o -> assertThat(o.program().classification())
                .isEqualTo(Classification.of(LearningSubcategory.LEISURE_SPORTS)));
        assertThat(DemoClassifications.BY_PROGRAM.get("demo-literacy-elem-1").area()).isEqualTo(LearningArea.ADULT_LITERACY);
    }

    @Test
    void an_unclassified_demo_program_is_classified_once_with_its_offerings_and_a_chosen_one_stays() {
        String ukulele = "demo-ukulele";
        Document unset = new Document("$unset", new Document("area", "").append("subcategory", ""));
        database.getCollection(ProgramRepository.COLLECTION).updateOne(eq("_id", ukulele), unset);
        long offerings = database.getCollection(OfferingRepository.COLLECTION).updateMany(eq("programId", ukulele), unset)
                .getModifiedCount();
        assertThat(offerings).isPositive();
        Classification chosen = Classification.of(LearningSubcategory.ARTS_ADVANCEMENT);
        SystemIdentity.run(() -> {
            assertThat(catalog.program(new ProgramId(ukulele)).orElseThrow().classification()).isNull();
            Program photo = catalog.program(new ProgramId("demo-photo")).orElseThrow();
            ProgramDraft d = ProgramDraft.of(photo);
            catalog.saveProgram(new ProgramDraft(d.id(), d.titleKo(), d.titleEn(), d.descriptionKo(), d.descriptionEn(),
                    d.domain(), d.audience(), d.kind(), d.minAge(), d.maxAge(), d.branchId(), d.instructors(), d.fee(),
                    d.feeReductionsApply(), d.format(), d.accessibility(), d.accessibilityNoteKo(),
                    d.accessibilityNoteEn(), chosen));
        });

        assertThat(migration.migrate()).isEqualTo(new DemoClassificationMigration.Counts(1, (int) offerings));

        Classification everydayArts = Classification.of(LearningSubcategory.EVERYDAY_ARTS);
        SystemIdentity.run(() -> {
            assertThat(catalog.program(new ProgramId(ukulele)).orElseThrow().classification()).isEqualTo(everydayArts);
            assertThat(catalog.program(new ProgramId("demo-photo")).orElseThrow().classification()).isEqualTo(chosen);
        });
        assertThat(offeringsOf(ukulele)).hasSize((int) offerings)
                .allSatisfy(o -> assertThat(o.program().classification()).isEqualTo(everydayArts));
        assertThat(migration.migrate()).isEqualTo(new DemoClassificationMigration.Counts(0, 0));
    }
}
