package org.baeum.survey.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.baeum.base.domain.FieldProblem;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.i18n.Messages;
import org.baeum.survey.Question;
import org.baeum.survey.SurveyAnswers;
import org.baeum.survey.SurveyForm;
import org.baeum.survey.SurveyLinkException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Satisfaction surveys (decision 0051). {@code /api/v1/me/surveys} for a signed-in CITIZEN (bearer token); the form and
 * the answer by the link's token, which is the credential (no bearer token needed). A changed or made-up token is
 * 404 {@code {"error": "invalid_link"}}, a closed survey 410 {@code {"error": "closed"}}, an answer off its question's
 * scale 400 {@code {"error": "invalid_fields", "fields": {"<questionId>": message}}}; nothing is stored then.
 */
@RestController
@Tag(name = "Surveys")
class SurveysApiController {

    record InvitationJson(String surveyId, String offeringId, String title, String token, Instant closesAt,
                          boolean answered, String offeringTitle, String participantName) {
    }

    record QuestionJson(String id, @Schema(allowableValues = {"SCALE", "TEXT"}) String type,
                        @Schema(description = "4 or 5 for SCALE, 0 for TEXT") int scale, String text,
                        @Schema(description = "One label per point, point 1 first") List<String> labels,
                        boolean required) {
    }

    record FormJson(String surveyId, String title, List<QuestionJson> questions, String offeringId,
                    String offeringTitle, Instant closesAt,
                    @Schema(description = "The answer given through this link, to change it; empty when none")
                    Map<String, Object> answers) {
    }

    record AnswerBody(@Schema(description = "question id → a point (SCALE) or a text (TEXT)") Map<String, Object> answers) {
    }

    record AnsweredJson(String surveyId, boolean answered) {
    }

    private final SurveyAnswers surveys;
    private final Messages messages;

    SurveysApiController(SurveyAnswers surveys, Messages messages) {
        this.surveys = surveys;
        this.messages = messages;
    }

    @GetMapping(path = "/api/v1/me/surveys", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "My open survey invitations", description = "CITIZEN: the household's invitations to surveys "
            + "still open, the soonest to close first.")
    List<InvitationJson> mine(Locale locale) {
        return surveys.mine(locale).stream().map(i -> new InvitationJson(i.surveyId().value(), i.offeringId().value(),
                i.title(), i.token(), i.closesAt(), i.answered(), i.offeringTitle(), i.participantName())).toList();
    }

    @GetMapping(path = "/api/v1/surveys/{token}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A survey's form by its link", description = "Anyone holding the link's token.")
    FormJson form(@PathVariable String token, Locale locale) {
        SurveyForm f = surveys.form(token);
        return new FormJson(f.surveyId().value(), f.title(locale), f.questions().stream()
                .map(q -> question(q, locale)).toList(), f.offeringId().value(), f.offeringTitle(locale), f.closesAt(),
                f.answers());
    }

    @PutMapping(path = "/api/v1/surveys/{token}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Answer, or change the answer", description = "Anyone holding the link's token, until the "
            + "survey closes. One answer per link: a second PUT replaces the first.")
    AnsweredJson answer(@PathVariable String token, @RequestBody(required = false) AnswerBody body) {
        if (body == null || body.answers() == null) {
            throw InvalidInputException.of("answers", "survey.error.noAnswers");
        }
        return new AnsweredJson(surveys.answer(token, body.answers()).value(), true);
    }

    private static QuestionJson question(Question q, Locale locale) {
        return new QuestionJson(q.id(), q.type().name(), q.scale(), q.text(locale), q.labels(locale), q.required());
    }

    @ExceptionHandler(SurveyLinkException.class)
    ResponseEntity<Map<String, Object>> link(SurveyLinkException e, Locale locale) {
        boolean closed = e.problem() == SurveyLinkException.Problem.CLOSED;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", closed ? "closed" : "invalid_link");
        body.put("message", messages.get(e.messageKey(), locale));
        return ResponseEntity.status(closed ? HttpStatus.GONE : HttpStatus.NOT_FOUND)
                .contentType(MediaType.APPLICATION_JSON).body(body);
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Map<String, Object>> invalid(InvalidInputException e, Locale locale) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (FieldProblem p : e.problems()) {
            fields.putIfAbsent(p.field(), messages.get(p.messageKey(), locale, p.arguments().toArray()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "invalid_fields");
        body.put("message", messages.get("validation.summary", locale));
        body.put("fields", fields);
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
