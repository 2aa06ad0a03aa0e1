package org.baeum.attendance.internal;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ObjIntConsumer;
import org.baeum.attendance.AttendanceStatus;
import org.baeum.base.mongo.MongoErrors;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * The 연인원 counters ({@code attendance_totals}, decision 0038): one document per enrolment,
 * {@code {_id: enrollmentId, offeringId, year, attended}}, {@code attended} = the enrolment's sessions marked PRESENT or
 * LATE, {@code year} = the year of the offering's first session day. Kept by {@code $inc} after each session save that
 * changed a mark; {@code AttendanceTotals.recount} proves and repairs them.
 */
@Repository
public class AttendanceTotalsRepository {

    public static final String COLLECTION = "attendance_totals";

    private final MongoCollection<Document> totals;

    AttendanceTotalsRepository(MongoDatabase database) {
        this.totals = database.getCollection(COLLECTION);
        totals.createIndex(Indexes.ascending("year"), new IndexOptions().name("year"));
        totals.createIndex(Indexes.ascending("offeringId"), new IndexOptions().name("offering"));
    }

    /** 1 when the status counts as attended for 연인원 (PRESENT, LATE), else 0 (ABSENT, EXCUSED, no mark). */
    public static int counts(AttendanceStatus status) {
        return status == AttendanceStatus.PRESENT || status == AttendanceStatus.LATE ? 1 : 0;
    }

    /**
     * Adds each delta to its enrolment's counter, in one unordered bulk write of one atomic {@code $inc} per enrolment
     * (the document is made on the first).
     */
    public void add(String offeringId, int year, Map<String, Integer> deltas) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        deltas.forEach((enrollmentId, delta) -> {
            if (delta != 0) {
                writes.add(new UpdateOneModel<>(eq("_id", enrollmentId), Updates.combine(Updates.inc("attended", delta),
                        Updates.set("offeringId", offeringId), Updates.set("year", year)),
                        new UpdateOptions().upsert(true)));
            }
        });
        if (!writes.isEmpty()) {
            totals.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
    }

    /** Each enrolment of the year with at least one attended session, and its count (only those two fields are read). */
    public void forEachAttendedInYear(int year, ObjIntConsumer<String> action) {
        totals.find(and(eq("year", year), gt("attended", 0))).projection(Projections.include("attended"))
                .forEach(d -> action.accept(d.getString("_id"), ((Number) d.get("attended")).intValue()));
    }

    /** The stored counters of one offering's enrolments. */
    public Map<String, Integer> ofOffering(String offeringId) {
        Map<String, Integer> found = new HashMap<>();
        totals.find(eq("offeringId", offeringId)).projection(Projections.include("attended"))
                .forEach(d -> found.put(d.getString("_id"), ((Number) d.get("attended")).intValue()));
        return found;
    }

    /** The ids of the offerings that have counters, one by one. */
    public void forEachOffering(java.util.function.Consumer<String> action) {
        totals.distinct("offeringId", String.class).forEach(action);
    }

    public boolean isEmpty() {
        return totals.find().limit(1).first() == null;
    }

    /**
     * Sets a counter to what a recount found, only if it still holds what the recount read ({@code null}: no counter):
     * a save's {@code $inc} that came in between wins, and the next recount looks again.
     *
     * @return false when the counter had changed meanwhile (nothing written)
     */
    public boolean correct(String enrollmentId, String offeringId, int year, Integer read, int attended) {
        try {
            if (read == null) {
                totals.insertOne(new Document("_id", enrollmentId).append("offeringId", offeringId).append("year", year)
                        .append("attended", attended));
                return true;
            }
            return totals.updateOne(and(eq("_id", enrollmentId), eq("attended", read)), Updates.combine(
                    Updates.set("attended", attended), Updates.set("offeringId", offeringId),
                    Updates.set("year", year))).getMatchedCount() == 1;
        } catch (MongoException e) {
            if (MongoErrors.isDuplicateKey(e)) {
                return false; // a save's $inc made it meanwhile
            }
            throw e;
        }
    }
}
