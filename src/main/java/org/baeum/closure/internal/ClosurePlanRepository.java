package org.baeum.closure.internal;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.baeum.closure.ClosureImpact;
import org.baeum.closure.ClosureParticipants.Participant;
import org.baeum.closure.ClosurePlan;
import org.baeum.closure.ClosureRequest;
import org.baeum.closure.SessionChoice;
import org.bson.codecs.pojo.annotations.BsonId;
import org.springframework.stereotype.Repository;

/**
 * The {@code closure_plans} collection: one document per declared closure with the impact STAFF saw, what the apply
 * step does per offering and per person, and the steps done ({@code steps}), so a rerun skips them (decision 0043).
 */
@Repository
public class ClosurePlanRepository {

    public static final String COLLECTION = "closure_plans";
    static final int MAX = 500;

    /** A class session moved from a day to its make-up day (same hours); {@code to} null: none was free. */
    public record Move(LocalDate from, LocalDate to) {
    }

    /** What the closure does to one offering: its class days as read, the days hit, the moves, who takes part. */
    public record OfferingEffect(String offeringId, String titleKo, String titleEn, SessionChoice choice,
                                 LocalTime start, LocalTime end, List<LocalDate> classDays, List<LocalDate> cancelled,
                                 List<Move> moves, List<Participant> participants) {
    }

    /** One person (household account) affected: entries in hit classes, bookings, offers; one mail. */
    public record PersonEffect(String accountId, List<String> enrollmentIds, List<String> bookingIds,
                               List<String> offerIds) {
    }

    public record PlanDocument(@BsonId String id, ClosureRequest request, ClosureImpact impact,
                               ClosurePlan.Status status, String calendarClosureId, String declaredBy,
                               Instant declaredAt, Instant appliedAt, Instant liftedAt,
                               List<OfferingEffect> offerings, List<PersonEffect> people, List<String> steps,
                               List<String> notes, Integer version) {

        ClosurePlan plan() {
            return new ClosurePlan(id, request, impact, status, calendarClosureId, declaredBy, declaredAt, appliedAt,
                    liftedAt, notes);
        }

        boolean done(String step) {
            return steps != null && steps.contains(step);
        }
    }

    private final MongoCollection<PlanDocument> plans;

    ClosurePlanRepository(MongoDatabase database) {
        this.plans = database.getCollection(COLLECTION, PlanDocument.class);
        plans.createIndex(Indexes.descending("declaredAt"), new IndexOptions().name("declared"));
    }

    void insert(PlanDocument plan) {
        plans.insertOne(plan);
    }

    Optional<PlanDocument> find(String id) {
        return Optional.ofNullable(plans.find(eq("_id", id)).first());
    }

    List<PlanDocument> newestFirst() {
        return plans.find().sort(Sorts.descending("declaredAt", "_id")).limit(MAX).into(new ArrayList<>());
    }

    /** Records a step as done (a second time changes nothing). */
    void stepDone(String id, String step) {
        plans.updateOne(eq("_id", id), Updates.addToSet("steps", step));
    }

    void calendarClosure(String id, String calendarClosureId) {
        plans.updateOne(eq("_id", id), Updates.set("calendarClosureId", calendarClosureId));
    }

    /** Adds a note for STAFF (a second time changes nothing). */
    void note(String id, String note) {
        plans.updateOne(eq("_id", id), Updates.addToSet("notes", note));
    }

    /** APPLYING → FAILED (the job gave up); false if it was no longer applying. */
    boolean failed(String id) {
        return plans.updateOne(and(eq("_id", id), eq("status", ClosurePlan.Status.APPLYING.name())),
                Updates.set("status", ClosurePlan.Status.FAILED.name())).getModifiedCount() == 1;
    }

    /** The plans in which an account takes part (as a person or as a participant's household). */
    List<PlanDocument> withAccount(String accountId) {
        return plans.find(com.mongodb.client.model.Filters.or(eq("people.accountId", accountId),
                eq("offerings.participants.accountId", accountId))).into(new ArrayList<>());
    }

    /**
     * Replaces who a plan names (its offerings' participants, its people, its bookings' persons), only if nobody
     * changed them since {@code version} was read (each such change counts it up); the apply job writes other fields.
     */
    boolean replacePeople(String id, Integer version, List<OfferingEffect> offerings, List<PersonEffect> people,
                          List<ClosureImpact.BookingHit> bookings) {
        return plans.updateOne(and(eq("_id", id), eq("version", version)), Updates.combine(
                Updates.set("offerings", offerings), Updates.set("people", people),
                Updates.set("impact.bookings", bookings), Updates.inc("version", 1))).getModifiedCount() == 1;
    }

    /**
     * Replaces a plan's offerings' effects (passed make-up days turned into cancellations), adding the note for STAFF
     * and the step in the same update, guarded on {@code version} as above: a crash never leaves the revision without
     * its note.
     */
    boolean replaceOfferings(String id, Integer version, List<OfferingEffect> offerings, String note, String step) {
        return plans.updateOne(and(eq("_id", id), eq("version", version)), Updates.combine(
                Updates.set("offerings", offerings), Updates.inc("version", 1), Updates.addToSet("notes", note),
                Updates.addToSet("steps", step))).getModifiedCount() == 1;
    }


    /** APPLYING → APPLIED; false if it was no longer applying. */
    boolean applied(String id, Instant at) {
        return plans.updateOne(and(eq("_id", id), eq("status", ClosurePlan.Status.APPLYING.name())),
                Updates.combine(Updates.set("status", ClosurePlan.Status.APPLIED.name()), Updates.set("appliedAt", at)))
                .getModifiedCount() == 1;
    }

    /** APPLIED → LIFTED; false if it was not applied (still applying, or lifted already). */
    boolean lifted(String id, Instant at) {
        return plans.updateOne(and(eq("_id", id), eq("status", ClosurePlan.Status.APPLIED.name())),
                Updates.combine(Updates.set("status", ClosurePlan.Status.LIFTED.name()), Updates.set("liftedAt", at)))
                .getModifiedCount() == 1;
    }
}
