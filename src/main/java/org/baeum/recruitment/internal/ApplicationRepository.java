package org.baeum.recruitment.internal;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.unset;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.baeum.base.mongo.MongoErrors;
import org.baeum.recruitment.ApplicationStatus;
import org.springframework.stereotype.Repository;

/**
 * The {@code round_applications} collection. The unique index on {@code activeKeys} (one entry per participant an
 * application covers) refuses a second application of any of them in the same round; each change is a named, guarded
 * transition ({@link #markWithdrawn}, {@link #flagDuplicates}).
 */
@Repository
public class ApplicationRepository {

    public static final String COLLECTION = "round_applications";

    static final String ROUND_ID = "roundId";
    static final String SEQUENCE = "sequence";
    static final String HOUSEHOLD_ID = "householdId";
    static final String ACTIVE_KEYS = "activeKeys";
    static final String PERSON_KEYS = "personKeys";
    static final String STATUS = "status";
    static final String DUPLICATE_PERSON = "duplicatePerson";
    static final String CREATED_AT = "createdAt";
    static final String WITHDRAWN_AT = "withdrawnAt";
    /** The most applications one list reads (a round of 20,000 applications fits). */
    public static final int MAX_LIST = 50_000;

    private final MongoCollection<ApplicationDocument> applications;

    ApplicationRepository(MongoDatabase database) {
        this.applications = database.getCollection(COLLECTION, ApplicationDocument.class);
        applications.createIndex(Indexes.ascending(ACTIVE_KEYS), new IndexOptions().name("active").unique(true).sparse(true));
        applications.createIndex(Indexes.ascending(ROUND_ID, SEQUENCE), new IndexOptions().name("round"));
        applications.createIndex(Indexes.ascending(ROUND_ID, PERSON_KEYS), new IndexOptions().name("person"));
        applications.createIndex(Indexes.ascending(HOUSEHOLD_ID, CREATED_AT), new IndexOptions().name("household"));
    }

    /** {@code roundId|participantId}: the unique key of a participant's active application in a round. */
    public static String activeKey(String roundId, String participantId) {
        return roundId + "|" + participantId;
    }

    /** @throws org.baeum.base.mongo.DuplicateKeyException when a participant it covers has an active application */
    public void insert(ApplicationDocument doc) {
        MongoErrors.translate(() -> applications.insertOne(doc));
    }

    public Optional<ApplicationDocument> findByNumber(String number) {
        return Optional.ofNullable(applications.find(eq("_id", number)).first());
    }

    /** Whether any of these keys ({@link #activeKey}) belongs to an active application. */
    public boolean anyActive(Collection<String> activeKeys) {
        return applications.find(in(ACTIVE_KEYS, activeKeys)).limit(1).first() != null;
    }

    /**
     * The applications in the round that are not withdrawn and cover these participants (at most one each: the
     * unique {@code activeKeys} index), found through that index.
     */
    public List<ApplicationDocument> activeCovering(String roundId, Collection<String> participantIds) {
        List<String> keys = participantIds.stream().map(p -> activeKey(roundId, p)).toList();
        return applications.find(in(ACTIVE_KEYS, keys)).into(new ArrayList<>());
    }

    /** A household's applications in every round, newest first. */
    public List<ApplicationDocument> findByHousehold(String householdId) {
        return applications.find(eq(HOUSEHOLD_ID, householdId)).sort(Sorts.descending(CREATED_AT)).limit(MAX_LIST)
                .into(new ArrayList<>());
    }

    /** A round's submitted applications in number order. */
    public List<ApplicationDocument> findSubmitted(String roundId) {
        return applications.find(and(eq(ROUND_ID, roundId), eq(STATUS, ApplicationStatus.SUBMITTED.name())))
                .sort(Sorts.ascending(SEQUENCE)).limit(MAX_LIST).into(new ArrayList<>());
    }

    /** Every application of a round, submitted or withdrawn, in number order (for the STAFF export). */
    public List<ApplicationDocument> findInRound(String roundId) {
        return applications.find(eq(ROUND_ID, roundId)).sort(Sorts.ascending(SEQUENCE)).limit(MAX_LIST)
                .into(new ArrayList<>());
    }

    /** Numbers of the round's submitted applications of other households that share one of these person keys. */
    public List<String> sharingPerson(String roundId, String householdId, Collection<String> personKeys) {
        return applications.find(and(eq(ROUND_ID, roundId), in(PERSON_KEYS, personKeys), ne(HOUSEHOLD_ID, householdId),
                        eq(STATUS, ApplicationStatus.SUBMITTED.name())))
                .map(ApplicationDocument::number).into(new ArrayList<>());
    }

    /** Marks these applications as the same person applying from two households. */
    public void flagDuplicates(Collection<String> numbers) {
        applications.updateMany(in("_id", numbers), set(DUPLICATE_PERSON, true));
    }

    /**
     * SUBMITTED → WITHDRAWN, its participants free to apply again.
     *
     * @return false when it was not submitted (any more)
     */
    public boolean markWithdrawn(String number, Instant at) {
        return applications.updateOne(and(eq("_id", number), eq(STATUS, ApplicationStatus.SUBMITTED.name())),
                combine(set(STATUS, ApplicationStatus.WITHDRAWN.name()), set(WITHDRAWN_AT, at), unset(ACTIVE_KEYS)))
                .getModifiedCount() == 1;
    }
}
