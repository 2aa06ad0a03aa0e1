package org.baeum.survey.internal;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.baeum.base.mongo.MongoErrors;
import org.baeum.catalog.OfferingId;
import org.baeum.catalog.TermId;
import org.baeum.survey.Question;
import org.baeum.survey.QuestionType;
import org.baeum.survey.Questionnaire;
import org.baeum.survey.Survey;
import org.baeum.survey.SurveyId;
import org.baeum.survey.SurveyTiming;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * The {@code survey_definitions} collection: one document per survey (decision 0051).
 * <pre>
 * {_id, titleKo, titleEn,
 *  questions: [{id, type: SCALE|TEXT, scale: 4|5|0, rated, required, textKo, textEn, labelsKo: [..], labelsEn: [..]}],
 *  offeringIds: [..], termId (null: chosen offerings), timing: END_OF_CLASS|MID_COURSE|FIXED,
 *  opensAt: Date, closesAt: Date, createdBy, createdAt: Date}
 * </pre>
 * Nothing here names a participant.
 */
@Repository
public class SurveyDefinitionRepository {

    public static final String COLLECTION = "survey_definitions";

    private final MongoCollection<Document> surveys;

    SurveyDefinitionRepository(MongoDatabase database) {
        this.surveys = database.getCollection(COLLECTION);
    }

    /**
     * Stores a new survey.
     *
     * @throws org.baeum.base.mongo.DuplicateKeyException when a survey has this id
     */
    public void insert(Survey s) {
        List<Document> questions = new ArrayList<>();
        for (Question q : s.questionnaire().questions()) {
            questions.add(new Document("id", q.id()).append("type", q.type().name()).append("scale", q.scale())
                    .append("rated", q.rated()).append("required", q.required()).append("textKo", q.textKo())
                    .append("textEn", q.textEn()).append("labelsKo", q.labelsKo()).append("labelsEn", q.labelsEn()));
        }
        Document d = new Document("_id", s.id().value()).append("titleKo", s.titleKo()).append("titleEn", s.titleEn())
                .append("questions", questions)
                .append("offeringIds", s.offerings().stream().map(OfferingId::value).toList())
                .append("termId", s.term() == null ? null : s.term().value()).append("timing", s.timing().name())
                .append("opensAt", Date.from(s.opensAt())).append("closesAt", Date.from(s.closesAt()))
                .append("createdBy", s.createdBy()).append("createdAt", Date.from(s.createdAt()));
        MongoErrors.translate(() -> surveys.insertOne(d));
    }

    public Optional<Survey> find(SurveyId id) {
        return Optional.ofNullable(surveys.find(eq("_id", id.value())).first()).map(SurveyDefinitionRepository::read);
    }

    /** Every survey, the latest to close first (at most 500). */
    public List<Survey> all() {
        List<Survey> all = new ArrayList<>();
        surveys.find().sort(Sorts.descending("closesAt")).limit(500).forEach(d -> all.add(read(d)));
        return all;
    }

    static Survey read(Document d) {
        List<Question> questions = new ArrayList<>();
        for (Document q : d.getList("questions", Document.class)) {
            questions.add(new Question(q.getString("id"), QuestionType.valueOf(q.getString("type")),
                    q.getInteger("scale", 0), q.getBoolean("rated", false), q.getBoolean("required", false),
                    q.getString("textKo"), q.getString("textEn"), q.getList("labelsKo", String.class),
                    q.getList("labelsEn", String.class)));
        }
        String term = d.getString("termId");
        return new Survey(new SurveyId(d.getString("_id")), d.getString("titleKo"), d.getString("titleEn"),
                new Questionnaire(questions),
                d.getList("offeringIds", String.class).stream().map(OfferingId::new).toList(),
                term == null ? null : new TermId(term), SurveyTiming.valueOf(d.getString("timing")),
                instant(d, "opensAt"), instant(d, "closesAt"), d.getString("createdBy"), instant(d, "createdAt"));
    }

    private static Instant instant(Document d, String field) {
        Date date = d.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
