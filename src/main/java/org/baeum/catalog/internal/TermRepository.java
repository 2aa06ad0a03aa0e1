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

/** The {@code terms} collection. */
@Repository
public class TermRepository {

    public static final String COLLECTION = "terms";
    private static final int MAX = 1_000;

    private final MongoCollection<TermDocument> terms;

    TermRepository(MongoDatabase database) {
        this.terms = database.getCollection(COLLECTION, TermDocument.class);
    }

    public void save(TermDocument term) {
        terms.replaceOne(eq("_id", term.id()), term, new ReplaceOptions().upsert(true));
    }

    public Optional<TermDocument> findById(String id) {
        return Optional.ofNullable(terms.find(eq("_id", id)).first());
    }

    /** Newest first. */
    public List<TermDocument> findAll() {
        return terms.find().sort(Sorts.descending("startDate")).limit(MAX).into(new ArrayList<>());
    }
}
