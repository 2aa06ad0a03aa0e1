package org.baeum.attendance.internal;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;

import com.mongodb.MongoException;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.baeum.attendance.AttendanceStatus;
import org.baeum.attendance.ChangeRecord;
import org.baeum.base.mongo.MongoErrors;
import org.baeum.enrollment.EnrollmentId;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

/**
 * The marks of each session ({@code attendance_sessions}): one document per offering and session day, with a field
 * per enrolment under {@code marks} and the changes made after the instructors' limit under {@code history}. A
 * save is one {@code updateOne} with {@code $set} (and {@code $push} for the history) on that one document, so it
 * is atomic without a transaction, and saving the same marks again changes nothing.
 */
@Repository
public class AttendanceRepository {

    public static final String COLLECTION = "attendance_sessions";
    /** When the session's marks last changed (the time the save was made), for the totals' recount. */
    public static final String UPDATED_AT = "updatedAt";

    private final MongoCollection<Document> sessions;

    AttendanceRepository(MongoDatabase database) {
        this.sessions = database.getCollection(COLLECTION);
        sessions.createIndex(Indexes.ascending("offeringId", "date"), new IndexOptions().name("offering"));
    }

    /** A session's marks as stored. */
    public record SessionMarks(LocalDate date, Map<EnrollmentId, AttendanceStatus> marks, List<ChangeRecord> history) {
    }

    /** A change to save: the new status and, for a change after the limit, the history line that records it. */
    public record Change(EnrollmentId enrollmentId, AttendanceStatus status, ChangeRecord history,
                         AttendanceStatus was) {

        /** A change saved whatever the mark is now ({@link #save}). */
        public Change(EnrollmentId enrollmentId, AttendanceStatus status, ChangeRecord history) {
            this(enrollmentId, status, history, null);
        }
    }

    static String id(String offeringId, LocalDate date) {
        return offeringId + "/" + date;
    }

    public Optional<SessionMarks> find(String offeringId, LocalDate date) {
        return Optional.ofNullable(sessions.find(eq("_id", id(offeringId, date))).first()).map(AttendanceRepository::read);
    }

    /** Every session document of the offering, by day. */
    public List<SessionMarks> ofOffering(String offeringId) {
        List<SessionMarks> found = new ArrayList<>();
        sessions.find(eq("offeringId", offeringId)).sort(Indexes.ascending("date"))
                .forEach(d -> found.add(read(d)));
        return found;
    }

    /**
     * Saves the changes to one session in one atomic update (the document is made on the first mark), whatever the
     * marks are now: for the demo data, which writes its own sessions; marks that count go through {@link #saveIf}.
     */
    public void save(String offeringId, LocalDate date, List<Change> changes, String byAccountId, Instant at) {
        if (changes.isEmpty()) {
            return;
        }
        sessions.updateOne(eq("_id", id(offeringId, date)), update(offeringId, date, changes, byAccountId, at),
                new UpdateOptions().upsert(true));
    }

    /**
     * Saves the changes to one session in one atomic update, only if each mark they change still has the status it had
     * when read ({@link Change#was()}, {@code null} = no mark): the update's filter says so, so a save that someone
     * else's came before changes nothing (decision 0038).
     *
     * @param existed whether the session document existed when read (if not, it is made here, unless another save
     *                made it meanwhile with a mark this one changes)
     * @return false when the marks were not as read (nothing was written): read again and decide again
     */
    public boolean saveIf(String offeringId, LocalDate date, List<Change> changes, boolean existed, String byAccountId,
                          Instant at) {
        if (changes.isEmpty()) {
            return true;
        }
        List<Bson> filter = new ArrayList<>();
        filter.add(eq("_id", id(offeringId, date)));
        for (Change c : changes) {
            String field = "marks." + c.enrollmentId().value();
            filter.add(c.was() == null ? exists(field, false) : eq(field + ".status", c.was().name()));
        }
        Bson update = update(offeringId, date, changes, byAccountId, at);
        try {
            var result = sessions.updateOne(and(filter), update, new UpdateOptions().upsert(!existed));
            return result.getMatchedCount() == 1 || result.getUpsertedId() != null;
        } catch (MongoException e) {
            if (MongoErrors.isDuplicateKey(e)) {
                return false; // made meanwhile by another save, with a mark this one changes
            }
            throw e;
        }
    }

    /** Whether any session has marks (for the totals' first recount). */
    public boolean any() {
        return sessions.find().limit(1).first() != null;
    }

    /** The ids of the offerings that have sessions, one by one. */
    public void forEachOffering(java.util.function.Consumer<String> action) {
        sessions.distinct("offeringId", String.class).forEach(action);
    }

    /**
     * What an offering's stored marks make, for the totals' recount: per enrolment that has a mark, how many of its
     * marks are PRESENT or LATE, and when the latest of the offering's sessions was saved. The session documents are
     * read one at a time (only their marks and save time).
     */
    public Attended attended(String offeringId) {
        Map<String, Integer> attended = new java.util.HashMap<>();
        Instant last = null;
        for (Document d : sessions.find(eq("offeringId", offeringId))
                .projection(com.mongodb.client.model.Projections.include("marks", UPDATED_AT))) {
            Document stored = d.get("marks", Document.class);
            if (stored != null) {
                stored.forEach((id, value) -> attended.merge(id,
                        AttendanceTotalsRepository.counts(AttendanceStatus.valueOf(((Document) value).getString("status"))),
                        Integer::sum));
            }
            Date at = d.getDate(UPDATED_AT);
            if (at != null && (last == null || at.toInstant().isAfter(last))) {
                last = at.toInstant();
            }
        }
        return new Attended(attended, last);
    }

    /**
     * @param byEnrollment attended sessions per enrolment id (0 for one with marks but none attended)
     * @param lastSaved    the latest save time among the offering's sessions; {@code null} when none recorded one
     */
    public record Attended(Map<String, Integer> byEnrollment, Instant lastSaved) {
    }

    private static Bson update(String offeringId, LocalDate date, List<Change> changes, String byAccountId,
                               Instant at) {
        List<Bson> updates = new ArrayList<>();
        updates.add(Updates.setOnInsert("offeringId", offeringId));
        updates.add(Updates.setOnInsert("date", date.toString()));
        List<Document> history = new ArrayList<>();
        for (Change c : changes) {
            updates.add(Updates.set("marks." + c.enrollmentId().value(), new Document("status", c.status().name())
                    .append("by", byAccountId).append("at", Date.from(at))));
            if (c.history() != null) {
                ChangeRecord h = c.history();
                history.add(new Document("enrollmentId", h.enrollmentId().value())
                        .append("from", h.from() == null ? null : h.from().name()).append("to", h.to().name())
                        .append("by", h.byAccountId()).append("at", Date.from(h.at())).append("reason", h.reason()));
            }
        }
        if (!history.isEmpty()) {
            updates.add(Updates.pushEach("history", history));
        }
        updates.add(Updates.set(UPDATED_AT, Date.from(at)));
        return Updates.combine(updates);
    }

    private static SessionMarks read(Document d) {
        LocalDate date = LocalDate.parse(d.getString("date"));
        Map<EnrollmentId, AttendanceStatus> marks = new LinkedHashMap<>();
        Document stored = d.get("marks", Document.class);
        if (stored != null) {
            stored.forEach((id, value) -> marks.put(new EnrollmentId(id),
                    AttendanceStatus.valueOf(((Document) value).getString("status"))));
        }
        List<ChangeRecord> history = new ArrayList<>();
        for (Document h : d.getList("history", Document.class, List.of())) {
            history.add(new ChangeRecord(date, new EnrollmentId(h.getString("enrollmentId")),
                    h.getString("from") == null ? null : AttendanceStatus.valueOf(h.getString("from")),
                    AttendanceStatus.valueOf(h.getString("to")), h.getString("by"), h.getDate("at").toInstant(),
                    h.getString("reason")));
        }
        return new SessionMarks(date, marks, history);
    }
}
