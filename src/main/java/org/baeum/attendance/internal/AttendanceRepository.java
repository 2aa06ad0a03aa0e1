package org.baeum.attendance.internal;

import static com.mongodb.client.model.Filters.eq;

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

    private final MongoCollection<Document> sessions;

    AttendanceRepository(MongoDatabase database) {
        this.sessions = database.getCollection(COLLECTION);
        sessions.createIndex(Indexes.ascending("offeringId", "date"), new IndexOptions().name("offering"));
    }

    /** A session's marks as stored. */
    public record SessionMarks(LocalDate date, Map<EnrollmentId, AttendanceStatus> marks, List<ChangeRecord> history) {
    }

    /** A change to save: the new status and, for a change after the limit, the history line that records it. */
    public record Change(EnrollmentId enrollmentId, AttendanceStatus status, ChangeRecord history) {
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

    /** Saves the changes to one session in one atomic update (the document is made on the first mark). */
    public void save(String offeringId, LocalDate date, List<Change> changes, String byAccountId, Instant at) {
        if (changes.isEmpty()) {
            return;
        }
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
        sessions.updateOne(eq("_id", id(offeringId, date)), Updates.combine(updates), new UpdateOptions().upsert(true));
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
