package org.baeum.attendance.completion.internal;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * Completion per enrolment ({@code completions}, keyed by the enrolment id): the instructor's portfolio mark, and once
 * confirmed whether it completed, the sessions and hours attended and the certificate's code. Every write is one
 * atomic single-document update; the certificate is claimed before it is issued so that it is issued only once.
 */
@Repository
public class CompletionRepository {

    /** How long a claim to issue a certificate holds; an issue takes well under a second. */
    public static final java.time.Duration CLAIM_EXPIRY = java.time.Duration.ofMinutes(10);

    private final MongoCollection<Document> completions;

    CompletionRepository(MongoDatabase database) {
        this.completions = database.getCollection("completions");
        completions.createIndex(Indexes.ascending("offeringId"), new IndexOptions().name("offering"));
    }

    /** A stored completion (a document that has only a portfolio mark so far has {@code confirmedAt == null}). */
    public record Stored(String enrollmentId, String offeringId, boolean portfolio, Boolean completed, int sessions,
                         double hours, String certificateCode, Instant confirmedAt) {
    }

    public List<Stored> ofOffering(String offeringId) {
        return read(eq("offeringId", offeringId));
    }

    /** The stored completions of these enrolments (those that have one). */
    public List<Stored> ofEnrollments(java.util.Collection<String> enrollmentIds) {
        return enrollmentIds.isEmpty() ? List.of() : read(com.mongodb.client.model.Filters.in("_id", enrollmentIds));
    }

    /**
     * The confirmed completions (completed, confirmed) of these offerings' enrolments, one by one: only the enrolment
     * and certificate fields are read.
     */
    public void forEachCompletedIn(java.util.Collection<String> offeringIds,
                                   java.util.function.BiConsumer<String, String> enrollmentAndCertificate) {
        if (offeringIds.isEmpty()) {
            return;
        }
        completions.find(and(com.mongodb.client.model.Filters.in("offeringId", offeringIds), eq("completed", true),
                        exists("confirmedAt", true)))
                .projection(com.mongodb.client.model.Projections.include("certificateCode"))
                .forEach(d -> enrollmentAndCertificate.accept(d.getString("_id"), d.getString("certificateCode")));
    }

    private List<Stored> read(org.bson.conversions.Bson filter) {
        List<Stored> out = new ArrayList<>();
        completions.find(filter).forEach(d -> out.add(new Stored(d.getString("_id"),
                d.getString("offeringId"), d.getBoolean("portfolio", false), d.getBoolean("completed"),
                d.getInteger("sessions", 0), d.get("hours") == null ? 0 : ((Number) d.get("hours")).doubleValue(),
                d.getString("certificateCode"),
                d.getDate("confirmedAt") == null ? null : d.getDate("confirmedAt").toInstant())));
        return out;
    }

    public void setPortfolio(String enrollmentId, String offeringId, boolean done, String by, Instant at) {
        completions.updateOne(eq("_id", enrollmentId), Updates.combine(Updates.set("offeringId", offeringId),
                Updates.set("portfolio", done), Updates.set("portfolioBy", by),
                Updates.set("portfolioAt", Date.from(at))), new UpdateOptions().upsert(true));
    }

    /** Stores the outcome of a confirmation (again: a later confirmation overwrites the figures, not the code). */
    public void confirm(String enrollmentId, String offeringId, boolean completed, int sessions, double hours,
                        String by, Instant at) {
        completions.updateOne(eq("_id", enrollmentId), Updates.combine(Updates.set("offeringId", offeringId),
                Updates.set("completed", completed), Updates.set("sessions", sessions), Updates.set("hours", hours),
                Updates.set("confirmedBy", by), Updates.set("confirmedAt", Date.from(at))),
                new UpdateOptions().upsert(true));
    }

    /**
     * Claims the right to issue the enrolment's certificate: true for the one caller that may issue it. A claim older
     * than {@link #CLAIM_EXPIRY} (its process died between claim and {@link #certificateIssued}) may be taken again.
     */
    public boolean claimCertificate(String enrollmentId, Instant at) {
        return completions.updateOne(and(eq("_id", enrollmentId), exists("certificateCode", false),
                com.mongodb.client.model.Filters.or(exists("certificateClaimedAt", false),
                        com.mongodb.client.model.Filters.lt("certificateClaimedAt", Date.from(at.minus(CLAIM_EXPIRY))))),
                Updates.set("certificateClaimedAt", Date.from(at))).getModifiedCount() == 1;
    }

    /** Releases a claim whose issue failed, so that a later confirmation tries again. */
    public void releaseClaim(String enrollmentId) {
        completions.updateOne(and(eq("_id", enrollmentId), exists("certificateCode", false)),
                Updates.unset("certificateClaimedAt"));
    }

    /**
     * Takes a certificate that was withdrawn at re-confirmation off the enrolment: the code moves to
     * {@code withdrawnCertificateCodes} and the claim is released, so a later confirmation that completes issues anew.
     */
    public void withdrawCertificate(String enrollmentId, String code) {
        completions.updateOne(and(eq("_id", enrollmentId), eq("certificateCode", code)), Updates.combine(
                Updates.unset("certificateCode"), Updates.unset("certificateClaimedAt"),
                Updates.addToSet("withdrawnCertificateCodes", code)));
    }

    public void certificateIssued(String enrollmentId, String code) {
        completions.updateOne(eq("_id", enrollmentId), Updates.set("certificateCode", code));
    }
}
