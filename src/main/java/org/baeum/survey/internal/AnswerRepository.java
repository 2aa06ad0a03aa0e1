package org.baeum.survey.internal;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.baeum.base.mongo.DuplicateKeyException;
import org.baeum.base.mongo.MongoErrors;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * The {@code survey_answers} collection: one document per answered invitation, stored WITHOUT its participant
 * (decision 0051).
 * <pre>
 * {_id: base64url(HMAC-SHA256(token, answer secret)), surveyId, offeringId, answers: {"&lt;questionId&gt;": 1..5 | "text"}}
 * </pre>
 * No participant, household, account, invitation id or time: the {@code _id} lets the same link find and replace its
 * answer (an upsert on {@code _id}, so parallel submissions of one link leave one document), yet nothing stored links
 * it to an invitation without both secrets ({@link SurveySecrets}). Questions left unanswered are absent.
 */
@Repository
public class AnswerRepository {

    public static final String COLLECTION = "survey_answers";

    /**
     * An answer as stored.
     *
     * @param answers question id → {@link Integer} (a SCALE point) or {@link String} (TEXT)
     */
    public record StoredAnswer(String id, String surveyId, String offeringId, Map<String, Object> answers) {
        public StoredAnswer {
            answers = Map.copyOf(answers);
        }
    }

    private final MongoCollection<Document> answers;

    AnswerRepository(MongoDatabase database) {
        this.answers = database.getCollection(COLLECTION);
        answers.createIndex(Indexes.ascending("surveyId", "offeringId"), new IndexOptions().name("survey_offering"));
    }

    /** Stores the answer under its id, replacing the one stored before under the same id (the same link). */
    public void save(StoredAnswer a) {
        Document d = new Document("_id", a.id()).append("surveyId", a.surveyId()).append("offeringId", a.offeringId())
                .append("answers", new Document(a.answers()));
        try {
            replace(d);
        } catch (DuplicateKeyException raceWithTheSameLink) {
            // two upserts of one _id at once: one inserted, the other now replaces it
            replace(d);
        }
    }

    private void replace(Document d) {
        MongoErrors.translate(() -> answers.replaceOne(eq("_id", d.getString("_id")), d,
                new ReplaceOptions().upsert(true)));
    }

    public Optional<StoredAnswer> find(String id) {
        return Optional.ofNullable(answers.find(eq("_id", id)).first()).map(AnswerRepository::read);
    }

    /** Every answer of a survey, one at a time, in no particular order. */
    public void forEachOfSurvey(String surveyId, Consumer<StoredAnswer> sink) {
        answers.find(eq("surveyId", surveyId)).forEach(d -> sink.accept(read(d)));
    }

    /** Every answer of one offering in a survey, one at a time. */
    public void forEachOfOffering(String surveyId, String offeringId, Consumer<StoredAnswer> sink) {
        answers.find(and(eq("surveyId", surveyId), eq("offeringId", offeringId))).forEach(d -> sink.accept(read(d)));
    }

    public long count(String surveyId) {
        return answers.countDocuments(eq("surveyId", surveyId));
    }

    static StoredAnswer read(Document d) {
        Map<String, Object> values = new LinkedHashMap<>();
        Document stored = d.get("answers", Document.class);
        if (stored != null) {
            stored.forEach((k, v) -> values.put(k, v instanceof Number n ? Integer.valueOf(n.intValue()) : v));
        }
        return new StoredAnswer(d.getString("_id"), d.getString("surveyId"), d.getString("offeringId"), values);
    }
}
