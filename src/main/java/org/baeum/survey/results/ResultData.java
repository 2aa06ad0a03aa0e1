package org.baeum.survey.results;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.baeum.catalog.Branch;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.Offering;
import org.baeum.catalog.OfferingId;
import org.baeum.catalog.Term;
import org.baeum.survey.Question;
import org.baeum.survey.QuestionType;
import org.baeum.survey.Survey;
import org.baeum.survey.SurveyId;
import org.baeum.survey.internal.AnswerRepository;
import org.baeum.survey.internal.InvitationRepository;
import org.baeum.survey.internal.SurveyDefinitionRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads what the results add up (decision 0052): surveys from {@code survey_definitions}, the invitations per offering
 * from {@code survey_invitations} (invited), the answers from {@code survey_answers} (answered: one document per
 * answering participant, whatever the invitation's flag says), streamed into one {@link Aggregation} per offering; and
 * what the catalog says of each offering. No caller check here: {@link SurveyResults} checks.
 */
@Component
class ResultData {

    private static final Logger log = LoggerFactory.getLogger(ResultData.class);

    private final SurveyDefinitionRepository definitions;
    private final InvitationRepository invitations;
    private final AnswerRepository answers;
    private final CatalogService catalog;

    ResultData(SurveyDefinitionRepository definitions, InvitationRepository invitations, AnswerRepository answers,
               CatalogService catalog) {
        this.definitions = definitions;
        this.invitations = invitations;
        this.answers = answers;
        this.catalog = catalog;
    }

    Optional<Survey> survey(String id) {
        return id == null || id.isBlank() ? Optional.empty() : definitions.find(new SurveyId(id));
    }

    /** Every survey, the latest to close first. */
    List<Survey> surveys() {
        return definitions.all();
    }

    /** The survey's questions as the results see them, in the reader's language. */
    static List<ResultQuestion> questions(Survey s, Locale locale) {
        return s.questionnaire().questions().stream().map(q -> question(q, locale)).toList();
    }

    private static ResultQuestion question(Question q, Locale locale) {
        return q.type() == QuestionType.TEXT ? ResultQuestion.text(q.id(), q.text(locale))
                : new ResultQuestion(q.id(), q.text(locale), ResultQuestion.Kind.SCALE, q.scale(), q.rated(),
                q.labels(locale));
    }

    /** Invitations and answers of each offering of the survey (every offering it lists, answered or not). */
    Map<String, Aggregation> perOffering(Survey s, Locale locale) {
        List<ResultQuestion> questions = questions(s, locale);
        Map<String, Aggregation> by = new LinkedHashMap<>();
        s.offerings().forEach(o -> by.put(o.value(), new Aggregation(questions)));
        Function<String, Aggregation> of = id -> by.computeIfAbsent(id, k -> new Aggregation(questions));
        invitations.countsByOffering(s.id().value()).forEach(c -> of.apply(c.offeringId()).invited(c.invited()));
        answers.forEachOfSurvey(s.id().value(), a -> count(s, of.apply(a.offeringId()), a));
        return by;
    }

    /** The same for some offerings of the survey only (an instructor's classes). */
    Map<String, Aggregation> perOffering(Survey s, Set<String> offeringIds, Locale locale) {
        List<ResultQuestion> questions = questions(s, locale);
        Map<String, Aggregation> by = new LinkedHashMap<>();
        s.offerings().stream().map(OfferingId::value).filter(offeringIds::contains)
                .forEach(o -> by.put(o, new Aggregation(questions)));
        invitations.countsByOffering(s.id().value()).stream().filter(c -> by.containsKey(c.offeringId()))
                .forEach(c -> by.get(c.offeringId()).invited(c.invited()));
        by.forEach((offering, aggregation) -> answers.forEachOfOffering(s.id().value(), offering,
                a -> count(s, aggregation, a)));
        return by;
    }

    private static void count(Survey s, Aggregation aggregation, AnswerRepository.StoredAnswer a) {
        try {
            aggregation.answer(a.answers());
        } catch (IllegalArgumentException outsideTheScale) { // never stored by the answering side; not counted
            log.warn("An answer of survey {} was left out of its results: {}", s.id().value(), outsideTheScale.getMessage());
        }
    }

    /** Looks offerings up in the catalog once per request, with branch and term names in the reader's language. */
    Facts facts(Locale locale) {
        return new Facts(locale);
    }

    final class Facts {
        private final Locale locale;
        private final Map<String, OfferingFacts> known = new HashMap<>();
        private Map<String, Branch> branches;
        private Map<String, Term> terms;

        private Facts(Locale locale) {
            this.locale = locale;
        }

        OfferingFacts of(String offeringId) {
            return known.computeIfAbsent(offeringId, this::lookUp);
        }

        /** The offerings, kept for later {@link #of} calls (an instructor's classes, read in one query). */
        void know(Collection<Offering> offerings) {
            offerings.forEach(o -> known.put(o.id().value(), facts(o)));
        }

        private OfferingFacts lookUp(String id) {
            return catalog.offering(new OfferingId(id)).map(this::facts)
                    .orElseGet(() -> new OfferingFacts(id, id, id, id, "", "", "", "", List.of()));
        }

        private OfferingFacts facts(Offering o) {
            if (branches == null) {
                branches = catalog.branches().stream().collect(Collectors.toMap(b -> b.id().value(), b -> b, (a, b) -> a));
                terms = catalog.terms().stream().collect(Collectors.toMap(t -> t.id().value(), t -> t, (a, b) -> a));
            }
            String branchId = o.program().branchId() == null ? "" : o.program().branchId().value();
            Branch branch = branches.get(branchId);
            Term term = terms.get(o.termId().value());
            return new OfferingFacts(o.id().value(), o.title(locale), o.program().id().value(), o.program().title(locale),
                    branchId, branch == null ? branchId : branch.name(locale), o.termId().value(),
                    term == null ? o.termId().value() : term.name(locale), o.program().instructors());
        }
    }
}
