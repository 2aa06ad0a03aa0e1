package org.baeum.calendar.internal;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.ne;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.baeum.base.domain.ShortLivedMap;
import org.baeum.calendar.Closure;
import org.baeum.calendar.ClosureScope;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Repository;

/**
 * The {@code closures} collection (휴관): periods in which every branch, a branch, a room or a facility is closed.
 *
 * <p>Documents written before closures had a scope carry only {@code branchId} (null for every branch). They read as
 * {@link ClosureScope#ALL} or {@link ClosureScope#BRANCH}, and start-up writes that scope into them (decision 0025).
 * A room or facility closure also stores the branch it is in, so that a reader that knows no scope (an older
 * portal during a rolling update) takes it for a closure of that branch, not of every branch.
 */
@Repository
public class ClosureRepository {

    public static final String COLLECTION = "closures";
    private static final Logger log = LoggerFactory.getLogger(ClosureRepository.class);
    /** A centre closes a place a few dozen times a year: far above what one period holds. */
    static final int MAX = 1_000;

    public record ClosureDocument(@BsonId String id, ClosureScope scope, String branchId, String roomId,
                                  String facilityId, LocalDate firstDay, LocalDate lastDay, String reasonKo,
                                  String reasonEn, String createdBy, Instant createdAt, String fromTime,
                                  String toTime) {
    }

    private final MongoCollection<ClosureDocument> closures;
    /**
     * The closures of one day, read by every booking and every grid: at most every 5 s on this node (decision 0048);
     * every write through this repository forgets them all.
     */
    private final ShortLivedMap<LocalDate, List<Closure>> ofDay = new ShortLivedMap<>(Duration.ofSeconds(5), 1_000);

    ClosureRepository(MongoDatabase database) {
        this.closures = database.getCollection(COLLECTION, ClosureDocument.class);
        closures.createIndex(Indexes.ascending("lastDay"), new IndexOptions().name("last_day"));
        upgradeLegacyDocuments();
    }

    /**
     * Writes the scope into documents stored without one: ALL where no branch is named, BRANCH where one is. Each
     * update is atomic per document and does nothing the second time, so portals starting together may both run it.
     *
     * @return how many documents got a scope
     */
    long upgradeLegacyDocuments() {
        long all = closures.updateMany(and(exists("scope", false), eq("branchId", null)),
                Updates.set("scope", ClosureScope.ALL.name())).getModifiedCount();
        long branch = closures.updateMany(and(exists("scope", false), ne("branchId", null)),
                Updates.set("scope", ClosureScope.BRANCH.name())).getModifiedCount();
        if (all + branch > 0) {
            log.info("Closures stored without a scope now have one: {} of every branch, {} of one branch", all, branch);
        }
        return all + branch;
    }

    public void insert(ClosureDocument closure) {
        try {
            closures.insertOne(closure);
        } finally {
            ofDay.forget();
        }
    }

    /** Removes a closure; false if there was none with this id. */
    public boolean delete(String id) {
        try {
            return closures.deleteOne(eq("_id", id)).getDeletedCount() == 1;
        } finally {
            ofDay.forget();
        }
    }

    public Optional<Closure> findById(String id) {
        return Optional.ofNullable(closures.find(eq("_id", id)).first()).flatMap(ClosureRepository::closure);
    }

    /** Closures that end on or after the day, by first day. */
    public List<Closure> endingOnOrAfter(LocalDate day) {
        return find(gte("lastDay", day));
    }

    /** Closures with a day in {@code from..to}, by first day. */
    public List<Closure> overlapping(LocalDate from, LocalDate to) {
        if (from.equals(to)) {
            return ofDay.get(from, day -> find(and(gte("lastDay", day), lte("firstDay", day))));
        }
        return find(and(gte("lastDay", from), lte("firstDay", to)));
    }

    private List<Closure> find(Bson filter) {
        List<ClosureDocument> found = closures.find(filter).sort(Sorts.ascending("firstDay", "_id")).limit(MAX)
                .into(new ArrayList<>());
        if (found.size() == MAX) {
            log.warn("{} or more closures match {}: only the first {} are read", MAX, filter, MAX);
        }
        return found.stream().map(ClosureRepository::closure).flatMap(Optional::stream).toList();
    }

    private static java.time.LocalTime time(String hhmm) {
        return hhmm == null ? null : java.time.LocalTime.parse(hhmm);
    }

    /** Moves the last day of a closure (lifting it early); false if there is none with this id. */
    public boolean setLastDay(String id, LocalDate lastDay) {
        try {
            return closures.updateOne(eq("_id", id), Updates.set("lastDay", lastDay)).getMatchedCount() == 1;
        } finally {
            ofDay.forget();
        }
    }

    /** The closure a document describes; a document without a scope reads as ALL or BRANCH by its branch. */
    static Optional<Closure> closure(ClosureDocument d) {
        ClosureScope scope = d.scope() != null ? d.scope() : d.branchId() == null ? ClosureScope.ALL : ClosureScope.BRANCH;
        try {
            return Optional.of(new Closure(d.id(), scope, scope == ClosureScope.ALL ? null : d.branchId(),
                    scope == ClosureScope.ROOM ? d.roomId() : null, scope == ClosureScope.FACILITY ? d.facilityId() : null,
                    d.firstDay(), d.lastDay(), d.reasonKo(), d.reasonEn(), time(d.fromTime()), time(d.toTime())));
        } catch (RuntimeException e) {
            log.warn("Closure {} cannot be read and is left out: {}", d.id(), e.getMessage());
            return Optional.empty();
        }
    }
}
