package org.baeum.survey.internal;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.baeum.base.mongo.DuplicateKeyException;
import org.baeum.base.mongo.MongoErrors;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * The {@code survey_invitations} collection: one document per survey, offering and participant (unique index
 * {@code survey_offering_participant}), decision 0051.
 * <pre>
 * {_id: 22 random base64url characters, surveyId, offeringId, participantId, householdId, answered: boolean}
 * </pre>
 * It keeps only <em>that</em> the participant answered: no time, no answer id, nothing derived from the answer. The
 * link's token is derived from {@code _id} with the link secret ({@link SurveySecrets}) and is not stored here.
 */
@Repository
public class InvitationRepository {

    public static final String COLLECTION = "survey_invitations";

    /** An invitation as stored. */
    public record StoredInvitation(String id, String surveyId, String offeringId, String participantId,
                                   String householdId, boolean answered) {
    }

    /** Invited and answered participants of one offering in a survey (for the response rate). */
    public record OfferingCount(String offeringId, long invited, long answered) {
    }

    private final MongoCollection<Document> invitations;

    InvitationRepository(MongoDatabase database) {
        this.invitations = database.getCollection(COLLECTION);
        invitations.createIndex(Indexes.ascending("surveyId", "offeringId", "participantId"),
                new IndexOptions().name("survey_offering_participant").unique(true));
        invitations.createIndex(Indexes.ascending("householdId"), new IndexOptions().name("household"));
    }

    /**
     * Stores the invitation unless the participant has one for this survey and offering.
     *
     * @return the stored invitation: the new one, or the one that existed
     */
    public StoredInvitation insertOnce(StoredInvitation i) {
        Document d = new Document("_id", i.id()).append("surveyId", i.surveyId()).append("offeringId", i.offeringId())
                .append("participantId", i.participantId()).append("householdId", i.householdId())
                .append("answered", false);
        try {
            MongoErrors.translate(() -> invitations.insertOne(d));
            return read(d);
        } catch (DuplicateKeyException already) {
            return Optional.ofNullable(invitations.find(and(eq("surveyId", i.surveyId()),
                            eq("offeringId", i.offeringId()), eq("participantId", i.participantId()))).first())
                    .map(InvitationRepository::read).orElseThrow(() -> already);
        }
    }

    public Optional<StoredInvitation> find(String id) {
        return Optional.ofNullable(invitations.find(eq("_id", id)).first()).map(InvitationRepository::read);
    }

    /** Every invitation of a household (at most 500). */
    public List<StoredInvitation> ofHousehold(String householdId) {
        List<StoredInvitation> found = new ArrayList<>();
        invitations.find(eq("householdId", householdId)).limit(500).forEach(d -> found.add(read(d)));
        return found;
    }

    /** Every invitation of a survey, one at a time. */
    public void forEachOfSurvey(String surveyId, Consumer<StoredInvitation> sink) {
        invitations.find(eq("surveyId", surveyId)).forEach(d -> sink.accept(read(d)));
    }

    /** Invited and answered per offering of a survey, in the order first met. */
    public List<OfferingCount> countsByOffering(String surveyId) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        forEachOfSurvey(surveyId, i -> {
            long[] c = counts.computeIfAbsent(i.offeringId(), k -> new long[2]);
            c[0]++;
            c[1] += i.answered() ? 1 : 0;
        });
        return counts.entrySet().stream().map(e -> new OfferingCount(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .toList();
    }

    /** Records that the invitation's participant answered; the same call again changes nothing. */
    public void markAnswered(String id) {
        invitations.updateOne(eq("_id", id), Updates.set("answered", true));
    }

    /**
     * A deleted household's invitations keep counting (the response rate) but name nobody any more: each gets a new
     * random participant id and the household {@code "-"}.
     *
     * @return how many invitations were changed
     */
    public long anonymiseHousehold(String householdId) {
        long changed = 0;
        for (StoredInvitation i : ofHousehold(householdId)) {
            changed += invitations.updateOne(and(eq("_id", i.id()), eq("householdId", householdId)), Updates.combine(
                    Updates.set("participantId", "anon-" + java.util.UUID.randomUUID()),
                    Updates.set("householdId", "-"))).getModifiedCount();
        }
        return changed;
    }

    static StoredInvitation read(Document d) {
        return new StoredInvitation(d.getString("_id"), d.getString("surveyId"), d.getString("offeringId"),
                d.getString("participantId"), d.getString("householdId"), d.getBoolean("answered", false));
    }
}
