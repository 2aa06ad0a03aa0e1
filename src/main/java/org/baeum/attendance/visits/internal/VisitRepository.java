package org.baeum.attendance.visits.internal;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.baeum.base.mongo.DuplicateKeyException;
import org.baeum.base.mongo.MongoErrors;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * The desk's check-ins of memberships ({@code membership_visits}, decision 0044): one document per enrolment and day,
 * {@code {enrollmentId, offeringId, day: "yyyy-MM-dd", year, at, by, counts}}. {@code year} is the year of the
 * offering's first session day (as the 연인원 counters of decision 0038 keep it); {@code counts} is true for a visit
 * that is itself 연인원 (a gym membership), false for a pool class, whose check-in marks the session instead. The unique
 * index on (enrollmentId, day) makes a second check-in of the day insert nothing.
 */
@Repository
public class VisitRepository {

    public static final String COLLECTION = "membership_visits";

    /**
     * A stored check-in; {@code marked} is true when the check-in itself marked a pool class PRESENT (so taking it back
     * takes that mark back too).
     */
    public record Visit(String enrollmentId, String offeringId, LocalDate day, int year, Instant at, String by,
                        boolean counts, boolean marked) {

        public Visit(String enrollmentId, String offeringId, LocalDate day, int year, Instant at, String by,
                     boolean counts) {
            this(enrollmentId, offeringId, day, year, at, by, counts, false);
        }
    }

    private final MongoCollection<Document> visits;

    VisitRepository(MongoDatabase database) {
        this.visits = database.getCollection(COLLECTION);
        visits.createIndex(Indexes.ascending("enrollmentId", "day"),
                new IndexOptions().unique(true).name("enrollment_day"));
        visits.createIndex(Indexes.ascending("year", "counts"), new IndexOptions().name("year"));
    }

    /** Inserts the visit; {@code false} (and nothing stored) when the enrolment was checked in that day already. */
    public boolean insert(Visit v) {
        try {
            MongoErrors.translate(() -> visits.insertOne(document(v)));
            return true;
        } catch (DuplicateKeyException already) {
            return false;
        }
    }

    /** The check-in of an enrolment on a day, if any. */
    public Optional<Visit> find(String enrollmentId, LocalDate day) {
        return Optional.ofNullable(visits.find(and(eq("enrollmentId", enrollmentId), eq("day", day.toString()))).first())
                .map(VisitRepository::visit);
    }

    /** Deletes the check-in of an enrolment on a day; false when there was none (taken back meanwhile). */
    public boolean delete(String enrollmentId, LocalDate day) {
        return visits.deleteOne(and(eq("enrollmentId", enrollmentId), eq("day", day.toString()))).getDeletedCount() == 1;
    }

    /** The days these enrolments have a check-in on, as {@code enrollmentId|yyyy-MM-dd} (demo data: one read). */
    public java.util.Set<String> daysOf(Collection<String> enrollmentIds) {
        java.util.Set<String> days = new java.util.HashSet<>();
        visits.find(in("enrollmentId", enrollmentIds)).projection(new Document("enrollmentId", 1).append("day", 1))
                .forEach(d -> days.add(d.getString("enrollmentId") + "|" + d.getString("day")));
        return days;
    }

    /** Inserts many visits of demo data at once; ones of a day stored already are the caller's to leave out. */
    public void insertAll(List<Visit> all) {
        if (!all.isEmpty()) {
            visits.insertMany(all.stream().map(VisitRepository::document).toList());
        }
    }

    /** The check-ins of these enrolments on a day, by enrolment id. */
    public Map<String, Visit> onDay(Collection<String> enrollmentIds, LocalDate day) {
        Map<String, Visit> found = new HashMap<>();
        visits.find(and(in("enrollmentId", enrollmentIds), eq("day", day.toString())))
                .forEach(d -> found.put(d.getString("enrollmentId"), visit(d)));
        return found;
    }

    /** Visits that count as 연인원, per enrolment, of the entries whose first session day falls in {@code year}. */
    public Map<String, Integer> countingOfYear(int year) {
        Map<String, Integer> counts = new HashMap<>();
        visits.aggregate(List.of(
                        Aggregates.match(and(eq("year", year), eq("counts", true))),
                        Aggregates.group("$enrollmentId", Accumulators.sum("n", 1))))
                .forEach(d -> counts.put(d.getString("_id"), ((Number) d.get("n")).intValue()));
        return counts;
    }

    private static Document document(Visit v) {
        return new Document("enrollmentId", v.enrollmentId()).append("offeringId", v.offeringId())
                .append("day", v.day().toString()).append("year", v.year()).append("at", Date.from(v.at()))
                .append("by", v.by()).append("counts", v.counts()).append("marked", v.marked());
    }

    private static Visit visit(Document d) {
        return new Visit(d.getString("enrollmentId"), d.getString("offeringId"), LocalDate.parse(d.getString("day")),
                d.getInteger("year"), d.getDate("at").toInstant(), d.getString("by"), d.getBoolean("counts", false), d.getBoolean("marked", false));
    }
}
