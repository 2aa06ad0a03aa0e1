package org.baeum.enrollment.internal;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gt;
import static org.baeum.enrollment.internal.EnrollmentRepository.CREATED_AT;
import static org.baeum.enrollment.internal.EnrollmentRepository.FACTS;
import static org.baeum.enrollment.internal.EnrollmentRepository.FACTS_YEAR;
import static org.baeum.enrollment.internal.EnrollmentRepository.HOUSEHOLD_ID;
import static org.baeum.enrollment.internal.EnrollmentRepository.OFFERING_ID;
import static org.baeum.enrollment.internal.EnrollmentRepository.PARTICIPANT_ID;
import static org.baeum.enrollment.internal.EnrollmentRepository.REDUCTION_CODE;
import static org.baeum.enrollment.internal.EnrollmentRepository.TERM_ID;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.baeum.account.AccountId;
import org.baeum.account.AgeBand;
import org.baeum.account.District;
import org.baeum.account.HouseholdService;
import org.baeum.account.Participant;
import org.baeum.account.ParticipantId;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.SystemIdentity;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.Offering;
import org.baeum.catalog.OfferingId;
import org.baeum.enrollment.ParticipationFacts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Once, at start-up, before the portal answers requests: every entry stored before entries kept their reporting facts
 * (no {@code facts.year}) gets them from today's data, read as the system: the participant's birth date now, the
 * household's district now (so {@code resident} by today's {@code BAEUM_HOME_DISTRICT}), the offering's first session
 * day, audience and term type from the catalog, and the entry's own reduction code. An entry of a deleted account
 * (participant {@code deleted}) gets age band {@code UNKNOWN}, no district, and a random person key of its own: such
 * entries can no longer be told apart by person, so each counts as a distinct person (실인원 of old years may count a
 * deleted person more than once). An entry whose offering is gone is reported in the year it was made, without
 * audience. Reads go in batches of {@value #BATCH} by id (never the whole collection in memory); each entry is one
 * guarded update (only while it has no facts), so running it again, or on two instances at once, changes nothing more.
 */
@Component
class ParticipationFactsMigration implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ParticipationFactsMigration.class);
    static final String DELETED = "deleted";
    private static final int BATCH = 500;

    private final MongoCollection<EnrollmentDocument> enrollments;
    private final CatalogService catalog;
    private final HouseholdService households;
    private final EntryFacts facts;

    ParticipationFactsMigration(MongoDatabase database, EnrollmentRepository owner, CatalogService catalog,
                                HouseholdService households, EntryFacts facts) {
        // the owner is injected first so that it has created the collection's indexes
        this.enrollments = database.getCollection(EnrollmentRepository.COLLECTION, EnrollmentDocument.class);
        this.catalog = catalog;
        this.households = households;
        this.facts = facts;
    }

    @Override
    public void afterSingletonsInstantiated() {
        int migrated = migrate();
        if (migrated > 0) {
            log.info("Participation facts: {} enrolment(s) stored before facts now have them", migrated);
        }
    }

    /** Fills the facts of every entry that has none; returns how many this call changed. */
    int migrate() {
        return SystemIdentity.call(() -> {
            Bson without = exists(FACTS_YEAR, false);
            MongoCollection<Document> raw = enrollments.withDocumentClass(Document.class);
            int migrated = 0;
            String last = null;
            while (true) {
                List<Document> batch = raw.find(last == null ? without : and(without, gt("_id", last)))
                        .projection(Projections.include(OFFERING_ID, TERM_ID, PARTICIPANT_ID, HOUSEHOLD_ID,
                                REDUCTION_CODE, CREATED_AT))
                        .sort(Sorts.ascending("_id")).limit(BATCH).into(new ArrayList<>());
                Batch reads = new Batch();
                for (Document old : batch) {
                    last = old.getString("_id");
                    // only while the entry still belongs to the participant read: an account deleted meanwhile (on
                    // another instance) has anonymised it, and its facts must not carry the old id as person key
                    Object participant = old.get(PARTICIPANT_ID);
                    migrated += (int) enrollments.updateOne(and(eq("_id", last), without, eq(PARTICIPANT_ID, participant)),
                            Updates.set(FACTS, reads.factsOf(old))).getModifiedCount();
                }
                if (batch.size() < BATCH) {
                    return migrated;
                }
            }
        });
    }

    /** What one batch read: each offering, participant and household once. */
    private final class Batch {
        private final Map<String, Optional<Offering>> offerings = new HashMap<>();
        private final Map<String, Optional<Participant>> participants = new HashMap<>();
        private final Map<String, Optional<District>> districts = new HashMap<>();

        ParticipationFacts factsOf(Document e) {
            Offering o = offerings.computeIfAbsent(e.getString(OFFERING_ID), id -> id == null ? Optional.empty()
                    : catalog.offering(new OfferingId(id))).orElse(null);
            Date created = e.getDate(CREATED_AT);
            LocalDate day = o != null ? o.ageDay()
                    : created == null ? null : LocalDate.ofInstant(created.toInstant(), Formats.SEOUL);
            int year = day == null ? 0 : day.getYear();
            String reduction = e.getString(REDUCTION_CODE);
            var audience = o == null ? null : o.program().audience();
            var termType = e.getString(TERM_ID) == null ? null : facts.termType(e.getString(TERM_ID));
            String participantId = e.getString(PARTICIPANT_ID);
            if (participantId == null || DELETED.equals(participantId)) {
                return new ParticipationFacts(year, EntryFacts.randomPerson(), AgeBand.UNKNOWN, null, false, reduction,
                        audience, termType);
            }
            Participant p = participants.computeIfAbsent(participantId, this::participant).orElse(null);
            District district = districts.computeIfAbsent(e.getString(HOUSEHOLD_ID), h -> h == null ? Optional.empty()
                    : Optional.ofNullable(facts.districtOf(new AccountId(h)))).orElse(null);
            AgeBand band = p == null || day == null ? AgeBand.UNKNOWN : AgeBand.of(p.birthDate(), day);
            return new ParticipationFacts(year, participantId, band, district, facts.resident(district), reduction,
                    audience, termType);
        }

        private Optional<Participant> participant(String id) {
            try {
                return Optional.of(households.participant(new ParticipantId(id)));
            } catch (RuntimeException gone) { // removed for good, or its account is gone
                return Optional.empty();
            }
        }
    }
}
