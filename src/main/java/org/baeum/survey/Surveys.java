package org.baeum.survey;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.baeum.base.domain.FieldProblem;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.security.CurrentUser;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.OfferingId;
import org.baeum.survey.internal.DraftChecks;
import org.baeum.survey.internal.SurveyDefinitionRepository;
import org.baeum.survey.internal.SurveyPlanner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Surveys as STAFF define them (decision 0051): a questionnaire attached to offerings or a whole term, when its
 * invitations go out and when it closes. Defining one schedules its invitations ({@code survey_dispatch}); the job
 * {@code survey-dispatch} sends them.
 */
@Service
public class Surveys {

    static final String STAFF = "hasAnyRole('STAFF','ADMIN')";
    private static final Logger log = LoggerFactory.getLogger(Surveys.class);

    private final SurveyDefinitionRepository definitions;
    private final SurveyPlanner planner;
    private final CatalogService catalog;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Surveys(SurveyDefinitionRepository definitions, SurveyPlanner planner, CatalogService catalog,
            CurrentUser currentUser, Clock clock) {
        this.definitions = definitions;
        this.planner = planner;
        this.catalog = catalog;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * Stores a new survey and schedules its invitations.
     *
     * @throws InvalidInputException with every problem per field ({@link DraftChecks}); nothing is stored then
     */
    @PreAuthorize(STAFF)
    public Survey define(SurveyDraft draft) {
        List<FieldProblem> problems = new ArrayList<>(DraftChecks.check(draft, clock.instant()));
        List<OfferingId> offerings = draft.offerings().stream().distinct().toList();
        if (draft.term() != null) {
            offerings = planner.offeringsOfTerm(draft.term());
            if (offerings.isEmpty()) {
                problems.add(FieldProblem.of("target", "survey.error.termEmpty"));
            }
        } else {
            for (OfferingId id : offerings) {
                if (catalog.offering(id).isEmpty()) {
                    problems.add(FieldProblem.of("target", "survey.error.unknownOffering", id.value()));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Survey survey = new Survey(new SurveyId("sv-" + HexFormat.of().formatHex(bytes(8))), draft.titleKo().strip(),
                draft.titleEn() == null || draft.titleEn().isBlank() ? null : draft.titleEn().strip(),
                new Questionnaire(draft.questions()), offerings, draft.term(), draft.timing(),
                draft.opensAt().truncatedTo(ChronoUnit.MILLIS), draft.closesAt().truncatedTo(ChronoUnit.MILLIS),
                currentUser.require().accountId(), clock.instant().truncatedTo(ChronoUnit.MILLIS)); // as stored
        definitions.insert(survey);
        int scheduled = planner.schedule(survey);
        log.info("Survey {} defined by {} for {} offering(s), {} with invitations before the close",
                survey.id().value(), survey.createdBy(), offerings.size(), scheduled);
        return survey;
    }

    /** Every survey, the latest to close first. */
    @PreAuthorize(STAFF)
    public List<Survey> all() {
        return definitions.all();
    }

    @PreAuthorize(STAFF)
    public Optional<Survey> survey(SurveyId id) {
        return definitions.find(id);
    }

    /** The questionnaire STAFF start from ({@link DefaultQuestionnaire}). */
    @PreAuthorize(STAFF)
    public List<Question> defaultQuestions(boolean ageBand, boolean heardOf) {
        return DefaultQuestionnaire.questions(ageBand, heardOf);
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
