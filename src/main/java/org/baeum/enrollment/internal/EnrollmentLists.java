package org.baeum.enrollment.internal;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static org.baeum.enrollment.internal.EnrollmentRepository.COLLECTION;
import static org.baeum.enrollment.internal.EnrollmentRepository.CREATED_AT;
import static org.baeum.enrollment.internal.EnrollmentRepository.ENDED_AT;
import static org.baeum.enrollment.internal.EnrollmentRepository.HOUSEHOLD_ID;
import static org.baeum.enrollment.internal.EnrollmentRepository.MAX_LIST;
import static org.baeum.enrollment.internal.EnrollmentRepository.OFFERING_ID;
import static org.baeum.enrollment.internal.EnrollmentRepository.PARTICIPANT_ID;
import static org.baeum.enrollment.internal.EnrollmentRepository.PAYMENT;
import static org.baeum.enrollment.internal.EnrollmentRepository.RANK;
import static org.baeum.enrollment.internal.EnrollmentRepository.REFUND_AMOUNT;
import static org.baeum.enrollment.internal.EnrollmentRepository.REFUND_DUE_BY;
import static org.baeum.enrollment.internal.EnrollmentRepository.REFUND_PAID_OUT_AT;
import static org.baeum.enrollment.internal.EnrollmentRepository.SEAT_RELEASE_PENDING;
import static org.baeum.enrollment.internal.EnrollmentRepository.STATUS;
import static org.baeum.enrollment.internal.EnrollmentRepository.TERM_ID;
import static org.baeum.enrollment.internal.EnrollmentRepository.TICKET;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.baeum.enrollment.EnrollmentStatus;
import org.baeum.enrollment.PaymentState;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

/**
 * The lists read from the {@code enrollments} collection: a line, a class, a household, a participant's term,
 * refunds owed, entries a crash left pending. Reads only, on the field names and indexes that
 * {@link EnrollmentRepository} owns; every write and every single-entry lookup stays there.
 */
@Repository
public class EnrollmentLists {

    private final MongoCollection<EnrollmentDocument> enrollments;

    EnrollmentLists(MongoDatabase database, EnrollmentRepository owner) {
        // the owner is injected first so that it has created the collection's indexes
        this.enrollments = database.getCollection(COLLECTION, EnrollmentDocument.class);
    }

    /** The entries with these ids that exist (any order). */
    public List<EnrollmentDocument> findByIds(Collection<String> ids) {
        return ids.isEmpty() ? List.of() : enrollments.find(in("_id", ids))
                .into(new ArrayList<>());
    }

    /** The participant's waiting entries that a round's draw made ({@code drw-} ids, decision 0029). */
    public List<EnrollmentDocument> drawnWaitingOf(String participantId) {
        return enrollments.find(and(eq(PARTICIPANT_ID, participantId), eq(STATUS, EnrollmentStatus.WAITLISTED.name()),
                com.mongodb.client.model.Filters.regex("_id", "^drw-"))).into(new ArrayList<>());
    }

    /** Refunds owed and not yet paid out, the earliest due first, for the desk. */
    public List<EnrollmentDocument> refundsOwed(int limit) {
        return enrollments.find(and(eq(PAYMENT, PaymentState.REFUNDED.name()), gt(REFUND_AMOUNT, 0),
                eq(REFUND_PAID_OUT_AT, null))).sort(Sorts.ascending(REFUND_DUE_BY, ENDED_AT)).limit(limit)
                .into(new ArrayList<>());
    }

    /** Waiting entries of an offering in line order (rank, then ticket). */
    public List<EnrollmentDocument> waiting(String offeringId, int limit) {
        return enrollments.find(and(eq(OFFERING_ID, offeringId), eq(STATUS, EnrollmentStatus.WAITLISTED.name())))
                .sort(Sorts.ascending(RANK, TICKET)).limit(limit).into(new ArrayList<>());
    }

    /** How many wait ahead of an entry with this rank and ticket. */
    public long waitingAhead(String offeringId, double rank, long ticket) {
        return enrollments.countDocuments(and(eq(OFFERING_ID, offeringId), eq(STATUS, EnrollmentStatus.WAITLISTED.name()),
                com.mongodb.client.model.Filters.or(lt(RANK, rank), and(eq(RANK, rank), lt(TICKET, ticket)))));
    }

    public List<EnrollmentDocument> ofOffering(String offeringId, List<EnrollmentStatus> statuses, int limit) {
        return enrollments.find(and(eq(OFFERING_ID, offeringId), in(STATUS, statuses.stream().map(Enum::name).toList())))
                .sort(Sorts.ascending(RANK, TICKET, CREATED_AT)).limit(limit).into(new ArrayList<>());
    }

    public List<EnrollmentDocument> ofHousehold(String householdId, int limit) {
        return enrollments.find(eq(HOUSEHOLD_ID, householdId)).sort(Sorts.descending(CREATED_AT)).limit(limit)
                .into(new ArrayList<>());
    }

    /** A participant's active entries in a term, for caps and clash warnings. */
    public List<EnrollmentDocument> activeOfParticipant(String participantId, String termId) {
        return enrollments.find(and(eq(PARTICIPANT_ID, participantId), eq(TERM_ID, termId),
                in(STATUS, List.of(EnrollmentStatus.ENROLLED.name(), EnrollmentStatus.WAITLISTED.name(),
                        EnrollmentStatus.OFFERED.name())))).limit(MAX_LIST).into(new ArrayList<>());
    }

    /** Entries whose seat still has to be given back (crash between the status change and the release). */
    public List<EnrollmentDocument> seatReleasePending(int limit) {
        return enrollments.find(eq(SEAT_RELEASE_PENDING, true)).limit(limit).into(new ArrayList<>());
    }

    /** The ENROLLED entries of these offerings (a day's class reminders, decision 0049). */
    public List<EnrollmentDocument> enrolledIn(Collection<String> offeringIds) {
        return offeringIds.isEmpty() ? List.of() : enrollments.find(and(in(OFFERING_ID, offeringIds),
                eq(STATUS, EnrollmentStatus.ENROLLED.name()))).into(new ArrayList<>());
    }

    /** How many entries match (for checks and benchmarks). */
    public long count(Bson filter) {
        return enrollments.countDocuments(filter);
    }
}
