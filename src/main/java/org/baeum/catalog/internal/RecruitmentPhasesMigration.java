package org.baeum.catalog.internal;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gt;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Once, at start-up, before the portal answers requests: every offering written before recruitment phases
 * ({@code recruitmentOpensAt}, {@code recruitmentClosesAt}, {@code recruitmentMethod}, no {@code recruitmentPhases})
 * gets one phase of that window and method (decision 0024); the old fields stay, so an instance of the previous
 * version still reads it during a rolling replacement. Each document is one guarded update (only while it has no
 * phases), so running it again, or on two instances at once, changes nothing more. Reading such a document before it
 * is migrated gives the same one phase ({@link CatalogMapping}).
 */
@Component
class RecruitmentPhasesMigration implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(RecruitmentPhasesMigration.class);
    static final String LEGACY_METHOD = "recruitmentMethod";
    private static final int BATCH = 500;

    private final MongoCollection<Document> offerings;

    RecruitmentPhasesMigration(MongoDatabase database) {
        this.offerings = database.getCollection(OfferingRepository.COLLECTION);
    }

    @Override
    public void afterSingletonsInstantiated() {
        int migrated = migrate();
        if (migrated > 0) {
            log.info("Recruitment phases: {} offerings written before phases now have one phase", migrated);
        }
    }

    /** Migrates every offering that has no phases yet; returns how many this call changed. */
    int migrate() {
        Bson unmigrated = exists(OfferingRepository.RECRUITMENT_PHASES, false);
        int migrated = 0;
        String last = null;
        while (true) {
            List<Document> batch = offerings.find(last == null ? unmigrated : and(unmigrated, gt("_id", last)))
                    .projection(Projections.include("recruitmentOpensAt", "recruitmentClosesAt", LEGACY_METHOD))
                    .sort(Sorts.ascending("_id")).limit(BATCH).into(new ArrayList<>());
            for (Document old : batch) {
                last = old.getString("_id");
                Object opens = old.get("recruitmentOpensAt");
                Object closes = old.get("recruitmentClosesAt");
                Object method = old.get(LEGACY_METHOD);
                if (opens == null || closes == null || method == null) {
                    log.warn("Recruitment phases: offering {} has no complete recruitment window; left as it is", last);
                    continue;
                }
                Document phase = new Document("opensAt", opens).append("closesAt", closes).append("method", method);
                migrated += (int) offerings.updateOne(and(eq("_id", last), unmigrated),
                        new Document("$set", new Document(OfferingRepository.RECRUITMENT_PHASES, List.of(phase))))
                        .getModifiedCount();
            }
            if (batch.size() < BATCH) {
                return migrated;
            }
        }
    }
}
