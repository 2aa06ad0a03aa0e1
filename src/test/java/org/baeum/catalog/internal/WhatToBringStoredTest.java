package org.baeum.catalog.internal;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.util.List;
import java.util.Locale;
import org.baeum.BaeumIntegrationTest;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.security.SystemIdentity;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.OfferingId;
import org.baeum.catalog.Program;
import org.baeum.catalog.ProgramId;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 준비물 (what to bring) as stored: the demo programs and their offerings carry it, and a program or offering document
 * written before the field existed (no {@code whatToBringKo/En}) reads as "nothing to bring".
 */
@BaeumIntegrationTest
class WhatToBringStoredTest {

    @Autowired
    CatalogService catalog;
    @Autowired
    MongoDatabase database;

    @BeforeAll
    static void demo(@Autowired List<DemoDataContributor> contributors) {
        org.baeum.DemoCatalogFixture.load(contributors);
    }

    @Test
    void demo_programs_have_items_in_both_languages_and_their_offerings_copy_them() {
        Program swim = SystemIdentity.call(() -> catalog.program(new ProgramId("demo-swim-beginner")).orElseThrow());
        assertThat(swim.whatToBring(Locale.KOREAN)).hasValue("수영복, 수모, 물안경, 세면도구");
        assertThat(swim.whatToBring(Locale.ENGLISH)).hasValue("Swimsuit, swim cap, goggles, toiletries");
        Document offering = database.getCollection(OfferingRepository.COLLECTION)
                .find(eq("programId", "demo-swim-beginner")).first();
        assertThat(offering).isNotNull();
        assertThat(offering.getString("whatToBringKo")).isEqualTo("수영복, 수모, 물안경, 세면도구");
        assertThat(DemoWhatToBring.BY_PROGRAM.values()).allSatisfy(v -> assertThat(v).hasSize(2).doesNotContainNull());
    }

    @Test
    void documents_written_before_the_field_read_as_nothing_to_bring() {
        Document old = new Document("$unset", new Document("whatToBringKo", "").append("whatToBringEn", ""));
        database.getCollection(ProgramRepository.COLLECTION).updateOne(eq("_id", "demo-aqua"), old);
        database.getCollection(OfferingRepository.COLLECTION).updateMany(eq("programId", "demo-aqua"), old);
        String offeringId = database.getCollection(OfferingRepository.COLLECTION).find(eq("programId", "demo-aqua"))
                .first().getString("_id");
        assertThat(database.getCollection(ProgramRepository.COLLECTION).find(eq("_id", "demo-aqua")).first())
                .doesNotContainKey("whatToBringKo");

        Program program = SystemIdentity.call(() -> catalog.program(new ProgramId("demo-aqua")).orElseThrow());
        assertThat(program.whatToBringKo()).isNull();
        assertThat(program.whatToBring(Locale.KOREAN)).isEmpty();
        Program ofOffering = SystemIdentity.call(() -> catalog.offering(new OfferingId(offeringId)).orElseThrow()).program();
        assertThat(ofOffering.whatToBringEn()).isNull();
        assertThat(ofOffering.whatToBring(Locale.ENGLISH)).isEmpty();

        Document back = new Document("$set", new Document("whatToBringKo", DemoWhatToBring.of("demo-aqua")[0])
                .append("whatToBringEn", DemoWhatToBring.of("demo-aqua")[1]));
        database.getCollection(ProgramRepository.COLLECTION).updateOne(eq("_id", "demo-aqua"), back);
        database.getCollection(OfferingRepository.COLLECTION).updateMany(eq("programId", "demo-aqua"), back);
    }
}
