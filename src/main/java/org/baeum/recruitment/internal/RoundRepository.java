package org.baeum.recruitment.internal;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.util.List;
import java.util.Optional;
import org.baeum.base.mongo.MongoErrors;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

/**
 * The {@code rounds} collection. Reads for anyone leave the seed out ({@link #find}, {@link #findAll}); only
 * {@link #seedOf} reads it, for the draw. Application numbers come from {@link #nextNumber}, one {@code $inc} on the
 * round's own document.
 */
@Repository
public class RoundRepository {

    public static final String COLLECTION = "rounds";

    static final String SEED = "seed";
    static final String LAST_NUMBER = "lastNumber";
    static final String CREATED_AT = "createdAt";
    static final String DRAWN_AT = "drawnAt";
    private static final Bson WITHOUT_SEED = Projections.exclude(SEED);
    /** The most rounds one list reads. */
    static final int MAX_LIST = 500;

    private final MongoCollection<RoundDocument> rounds;
    private final MongoCollection<Document> counters;

    RoundRepository(MongoDatabase database) {
        this.rounds = database.getCollection(COLLECTION, RoundDocument.class);
        this.counters = database.getCollection(COLLECTION);
    }

    /** @throws org.baeum.base.mongo.DuplicateKeyException when a round has this id */
    public void insert(RoundDocument round) {
        MongoErrors.translate(() -> rounds.insertOne(round));
    }

    /** The round without its seed. */
    public Optional<RoundDocument> find(String id) {
        return Optional.ofNullable(rounds.find(eq("_id", id)).projection(WITHOUT_SEED).first());
    }

    /** Every round without its seed, newest first. */
    public List<RoundDocument> findAll() {
        return rounds.find().projection(WITHOUT_SEED).sort(Sorts.descending(CREATED_AT)).limit(MAX_LIST)
                .into(new java.util.ArrayList<>());
    }

    /** The rounds not drawn yet ({@code drawnAt} unset), without their seed. */
    public List<RoundDocument> undrawn() {
        return rounds.find(eq(DRAWN_AT, null)).projection(WITHOUT_SEED).limit(MAX_LIST).into(new java.util.ArrayList<>());
    }

    /** The ids of the rounds that were drawn ({@code drawnAt} set). */
    public List<String> drawnIds() {
        return rounds.find(Filters.ne(DRAWN_AT, null)).projection(Projections.include("_id")).limit(MAX_LIST)
                .map(RoundDocument::id).into(new java.util.ArrayList<>());
    }

    /**
     * Records that the round was drawn at {@code at}: one update, only while {@code drawnAt} is unset.
     *
     * @return false when it was set already (by an earlier run) or there is no such round
     */
    public boolean markDrawn(String id, java.time.Instant at) {
        return rounds.updateOne(Filters.and(eq("_id", id), eq(DRAWN_AT, null)), Updates.set(DRAWN_AT, at))
                .getModifiedCount() == 1;
    }

    /** The round's secret seed (hex), for the draw only. */
    public Optional<String> seedOf(String id) {
        return Optional.ofNullable(counters.find(eq("_id", id)).projection(Projections.include(SEED)).first())
                .map(d -> d.getString(SEED));
    }

    /**
     * The next application number of the round (1, 2, …): one atomic {@code $inc} on the round's document, so two
     * applications never get the same number.
     *
     * @return empty when there is no such round
     */
    public Optional<Long> nextNumber(String id) {
        Document after = counters.findOneAndUpdate(eq("_id", id), Updates.inc(LAST_NUMBER, 1L),
                new FindOneAndUpdateOptions().projection(Projections.include(LAST_NUMBER))
                        .returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(after).map(d -> ((Number) d.get(LAST_NUMBER)).longValue());
    }
}
