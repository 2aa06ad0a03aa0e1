package org.baeum.catalog.internal;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import java.util.Map;
import org.baeum.catalog.Classification;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Once, at start-up: a database whose demo data was made before programs were classified (a developer's
 * {@code ./data}) gets the demo programs' classification ({@link DemoClassifications}, by id), and their offerings a
 * copy of it, the {@code area}/{@code subcategory} fields {@link CatalogMapping} writes. Only a program with no
 * {@code area} is changed, so a classification staff chose stays, and an offering gets the classification its program
 * has now; each write is one guarded update (only while {@code area} is missing), so running it again, or on two
 * instances at once, changes nothing more. On an empty database it finds nothing: the demo catalog classifies its
 * programs when it makes them.
 */
@Component
class DemoClassificationMigration implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DemoClassificationMigration.class);
    static final String AREA = "area";
    static final String SUBCATEGORY = "subcategory";

    private final MongoCollection<Document> programs;
    private final MongoCollection<Document> offerings;

    DemoClassificationMigration(MongoDatabase database) {
        this.programs = database.getCollection(ProgramRepository.COLLECTION);
        this.offerings = database.getCollection(OfferingRepository.COLLECTION);
    }

    @Override
    public void afterSingletonsInstantiated() {
        Counts counts = migrate();
        if (counts.programs() > 0 || counts.offerings() > 0) {
            log.info("Demo classification: {} demo programs and {} of their offerings classified", counts.programs(),
                    counts.offerings());
        }
    }

    record Counts(int programs, int offerings) {
    }

    /** Classifies the unclassified demo programs and the unclassified offerings of the demo programs. */
    Counts migrate() {
        int programsChanged = 0;
        int offeringsChanged = 0;
        for (Map.Entry<String, Classification> entry : DemoClassifications.BY_PROGRAM.entrySet()) {
            String id = entry.getKey();
            programsChanged += (int) programs.updateOne(and(eq("_id", id), eq(AREA, null)),
                    new Document("$set", fields(entry.getValue().area().name(),
                            entry.getValue().subcategory() == null ? null : entry.getValue().subcategory().name())))
                    .getModifiedCount();
            Document program = programs.find(eq("_id", id)).projection(Projections.include(AREA, SUBCATEGORY)).first();
            if (program == null || program.getString(AREA) == null) {
                continue; // not in this database, or (never by this code) still without an area
            }
            offeringsChanged += (int) offerings.updateMany(and(eq("programId", id), eq(AREA, null)),
                    new Document("$set", fields(program.getString(AREA), program.getString(SUBCATEGORY))))
                    .getModifiedCount();
        }
        return new Counts(programsChanged, offeringsChanged);
    }

    private static Document fields(String area, String subcategory) {
        return new Document(AREA, area).append(SUBCATEGORY, subcategory);
    }
}
