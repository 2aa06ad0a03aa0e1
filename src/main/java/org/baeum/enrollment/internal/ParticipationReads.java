package org.baeum.enrollment.internal;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static org.baeum.enrollment.internal.EnrollmentRepository.AMOUNT;
import static org.baeum.enrollment.internal.EnrollmentRepository.BASE_FEE;
import static org.baeum.enrollment.internal.EnrollmentRepository.COLLECTION;
import static org.baeum.enrollment.internal.EnrollmentRepository.CREATED_AT;
import static org.baeum.enrollment.internal.EnrollmentRepository.ENDED_AT;
import static org.baeum.enrollment.internal.EnrollmentRepository.ENROLLED_AT;
import static org.baeum.enrollment.internal.EnrollmentRepository.FACTS;
import static org.baeum.enrollment.internal.EnrollmentRepository.FACTS_YEAR;
import static org.baeum.enrollment.internal.EnrollmentRepository.OFFERING_ID;
import static org.baeum.enrollment.internal.EnrollmentRepository.PARTICIPANT_NAME;
import static org.baeum.enrollment.internal.EnrollmentRepository.PAYMENT;
import static org.baeum.enrollment.internal.EnrollmentRepository.REDUCTION_CODE;
import static org.baeum.enrollment.internal.EnrollmentRepository.REFUND_AMOUNT;
import static org.baeum.enrollment.internal.EnrollmentRepository.STATUS;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.baeum.catalog.OfferingId;
import org.baeum.enrollment.EnrollmentId;
import org.baeum.enrollment.EnrollmentStatus;
import org.baeum.enrollment.ParticipationDetail;
import org.baeum.enrollment.ParticipationFacts;
import org.baeum.enrollment.ParticipationRow;
import org.baeum.enrollment.PaymentState;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

/**
 * The reads reports make from {@code enrollments}: streamed from a cursor, one entry at a time, with only the fields a
 * row needs (a year of entries is never a list in memory). On the field names {@link EnrollmentRepository} owns, and
 * its index on {@code facts.year}.
 */
@Repository
public class ParticipationReads {

    /** How many entries one round trip of a cursor brings. */
    private static final int BATCH = 1_000;

    /** The fields of a {@link ParticipationRow}, as stored. */
    public record YearRow(@BsonId String id, String offeringId, ParticipationFacts facts, EnrollmentStatus status,
                   Instant enrolledAt, PaymentState payment, long baseFee, long amount, long refundAmount,
                   Instant createdAt) {
    }

    /** The fields of a {@link ParticipationDetail}, as stored. */
    public record DetailRow(@BsonId String id, String offeringId, String offeringTitleKo, String participantName,
                     EnrollmentStatus status, PaymentState payment, long baseFee, String reductionCode, long amount,
                     long refundAmount, Instant createdAt, Instant endedAt) {
    }

    private final MongoCollection<YearRow> years;
    private final MongoCollection<DetailRow> details;

    ParticipationReads(MongoDatabase database, EnrollmentRepository owner) {
        // the owner is injected first so that it has created the collection's indexes
        this.years = database.getCollection(COLLECTION, YearRow.class);
        this.details = database.getCollection(COLLECTION, DetailRow.class);
    }

    /** Every entry reported in {@code year} ({@code facts.year}), in no particular order. */
    public void forEachOfYear(int year, Consumer<ParticipationRow> sink) {
        Bson fields = Projections.include(OFFERING_ID, FACTS, STATUS, ENROLLED_AT, PAYMENT, BASE_FEE, AMOUNT,
                REFUND_AMOUNT, CREATED_AT);
        try (MongoCursor<YearRow> rows = years.find(eq(FACTS_YEAR, year)).projection(fields).batchSize(BATCH).cursor()) {
            while (rows.hasNext()) {
                YearRow r = rows.next();
                sink.accept(new ParticipationRow(new EnrollmentId(r.id()), new OfferingId(r.offeringId()), r.facts(),
                        r.status(), r.enrolledAt() != null, r.payment(), r.baseFee(), r.amount(), r.refundAmount(),
                        r.status() == EnrollmentStatus.CANCELLED, r.createdAt()));
            }
        }
    }

    /** Offerings per query of {@link #forEachDetail}. */
    static final int DETAIL_CHUNK = 100;

    /**
     * Every entry of these offerings with the participant's name, by offering, then as they were made. Read in
     * queries of {@value #DETAIL_CHUNK} offerings: the embedded server keeps a query's whole sorted answer in the
     * portal's own heap until the cursor is read (docs/performance.md, "Reports"), so a year in one query would hold
     * every entry at once.
     */
    public void forEachDetail(Collection<String> offeringIds, Consumer<ParticipationDetail> sink) {
        List<String> sorted = offeringIds.stream().distinct().sorted().toList();
        for (int from = 0; from < sorted.size(); from += DETAIL_CHUNK) {
            detailsOf(sorted.subList(from, Math.min(sorted.size(), from + DETAIL_CHUNK)), sink);
        }
    }

    private void detailsOf(List<String> offeringIds, Consumer<ParticipationDetail> sink) {
        Bson fields = Projections.include(OFFERING_ID, "offeringTitleKo", PARTICIPANT_NAME, STATUS, PAYMENT, BASE_FEE,
                REDUCTION_CODE, AMOUNT, REFUND_AMOUNT, CREATED_AT, ENDED_AT);
        try (MongoCursor<DetailRow> rows = details.find(in(OFFERING_ID, offeringIds)).projection(fields)
                .sort(Sorts.ascending(OFFERING_ID, CREATED_AT, "_id")).batchSize(BATCH).cursor()) {
            while (rows.hasNext()) {
                DetailRow r = rows.next();
                sink.accept(new ParticipationDetail(new EnrollmentId(r.id()), new OfferingId(r.offeringId()),
                        r.offeringTitleKo(), r.participantName(), r.status(), r.payment(), r.baseFee(),
                        r.reductionCode(), r.amount(), r.refundAmount(), r.createdAt(), r.endedAt()));
            }
        }
    }
}
