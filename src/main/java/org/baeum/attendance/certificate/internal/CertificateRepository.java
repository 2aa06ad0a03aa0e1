package org.baeum.attendance.certificate.internal;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.baeum.base.mongo.MongoErrors;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * The {@code certificates} collection (one document per certificate, keyed by its number, the verification code under
 * a unique index) and {@code certificate_numbers}, one counter document per year whose atomic {@code $inc} hands out
 * the numbers ({@code BAEUM-2026-000123}), so two issues at once never share one.
 */
@Repository
public class CertificateRepository {

    public static final String COLLECTION = "certificates";
    public static final String NUMBERS = "certificate_numbers";

    static final String CODE = "code";
    static final String HOUSEHOLD_ID = "householdId";
    static final String REVOKED_AT = "revokedAt";
    static final String REVOKED_BY = "revokedBy";
    static final String REVOKED_REASON = "revokedReason";
    static final String LAST = "last";

    private final MongoCollection<CertificateDocument> certificates;
    private final MongoCollection<Document> numbers;

    CertificateRepository(MongoDatabase database) {
        this.certificates = database.getCollection(COLLECTION, CertificateDocument.class);
        this.numbers = database.getCollection(NUMBERS);
        certificates.createIndex(Indexes.ascending(CODE), new IndexOptions().name("code").unique(true));
        certificates.createIndex(Indexes.ascending(HOUSEHOLD_ID), new IndexOptions().name("household"));
    }

    /** The next number of the year (1, 2, …): one atomic upserting {@code $inc} on the year's counter document. */
    public long nextNumber(int year) {
        Document after = numbers.findOneAndUpdate(eq("_id", String.valueOf(year)), Updates.inc(LAST, 1L),
                new FindOneAndUpdateOptions().upsert(true).projection(Projections.include(LAST))
                        .returnDocument(ReturnDocument.AFTER));
        return ((Number) after.get(LAST)).longValue();
    }

    /** @throws org.baeum.base.mongo.DuplicateKeyException when the code or the number is taken */
    public void insert(CertificateDocument doc) {
        MongoErrors.translate(() -> certificates.insertOne(doc));
    }

    public Optional<CertificateDocument> findByCode(String code) {
        return Optional.ofNullable(certificates.find(eq(CODE, code)).first());
    }

    /** A certificate not revoked of this participant for this program and period, if one was issued. */
    public Optional<CertificateDocument> findValid(String participantId, String programKo, java.time.LocalDate from,
                                                   java.time.LocalDate to) {
        return Optional.ofNullable(certificates.find(and(eq("participantId", participantId), eq("programKo", programKo),
                eq("periodFrom", from), eq("periodTo", to), eq(REVOKED_AT, null))).first());
    }

    /** The codes among these whose certificate is revoked. */
    public Set<String> revokedAmong(Collection<String> codes) {
        Set<String> out = new HashSet<>();
        if (!codes.isEmpty()) {
            certificates.find(and(com.mongodb.client.model.Filters.in(CODE, codes),
                    com.mongodb.client.model.Filters.ne(REVOKED_AT, null))).forEach(d -> out.add(d.code()));
        }
        return out;
    }

    /**
     * Marks a certificate revoked, once.
     *
     * @return false when no certificate has this code or it was revoked already
     */
    public boolean markRevoked(String code, Instant at, String by, String reason) {
        return certificates.updateOne(and(eq(CODE, code), eq(REVOKED_AT, null)),
                combine(set(REVOKED_AT, at), set(REVOKED_BY, by), set(REVOKED_REASON, reason))).getModifiedCount() == 1;
    }
}
