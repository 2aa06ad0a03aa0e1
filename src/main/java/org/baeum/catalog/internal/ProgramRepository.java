package org.baeum.catalog.internal;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Repository;

/** The {@code programs} collection. */
@Repository
public class ProgramRepository {

    public static final String COLLECTION = "programs";
    private static final int MAX = 5_000;

    private final MongoCollection<ProgramDocument> programs;

    ProgramRepository(MongoDatabase database) {
        this.programs = database.getCollection(COLLECTION, ProgramDocument.class);
    }

    public void save(ProgramDocument program) {
        programs.replaceOne(eq("_id", program.id()), program, new ReplaceOptions().upsert(true));
    }

    public Optional<ProgramDocument> findById(String id) {
        return Optional.ofNullable(programs.find(eq("_id", id)).first());
    }

    public List<ProgramDocument> findAll() {
        return programs.find().sort(Sorts.ascending("titleKo")).limit(MAX).into(new ArrayList<>());
    }
}
