package org.baeum.survey.results.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.baeum.base.i18n.Messages;
import org.baeum.survey.SurveyId;
import org.baeum.survey.results.GroupResult;
import org.baeum.survey.results.ItemResult;
import org.baeum.survey.results.NoSuchSurveyException;
import org.baeum.survey.results.ResultQuestion;
import org.baeum.survey.results.SurveyResults;
import org.baeum.survey.results.SurveyResultsView;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/surveys/{id}/results} for STAFF and ADMIN (decision 0052): the survey's invitations, answers and
 * response rate; per question {@code id, text, type (SCALE|TEXT), scale, rated, labels, count, distribution, mean,
 * satisfiedShare} and, for a free-text question, its {@code texts} (sorted; empty while {@code textsHidden}); and per
 * class the same counts. Shares and rates are percent with one decimal; {@code null} where there is nothing to divide.
 * An unknown survey is {@code 404 {"error": "not_found", "message"}}. The names are a contract: extend, never rename.
 */
@RestController
@Tag(name = "Survey results", description = "Satisfaction survey results (STAFF and ADMIN)")
class SurveyResultsApiController {

    private final SurveyResults results;
    private final Messages messages;

    SurveyResultsApiController(SurveyResults results, Messages messages) {
        this.results = results;
        this.messages = messages;
    }

    @GetMapping(path = "/api/v1/surveys/{id}/results", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A survey's results (STAFF, ADMIN)", description = "{\"surveyId\", \"title\", \"opensAt\", "
            + "\"closesAt\", \"closed\", \"invited\", \"answered\", \"responseRate\", \"textsHidden\", \"questions\": "
            + "[{\"id\", \"text\", \"type\", \"scale\", \"rated\", \"labels\", \"count\", \"distribution\", \"mean\", "
            + "\"satisfiedShare\", \"texts\"}], \"offerings\": [{\"offeringId\", \"title\", \"invited\", \"answered\", "
            + "\"responseRate\", \"satisfiedShare\", \"textsHidden\"}]}. 401 without a token, 403 for other roles, 404 "
            + "for an unknown survey.")
    Map<String, Object> results(@PathVariable String id, Locale locale) {
        SurveyResultsView view = results.survey(new SurveyId(id), locale);
        GroupResult total = view.total();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("surveyId", view.surveyId());
        body.put("title", view.title());
        body.put("opensAt", view.opensAt() == null ? null : view.opensAt().toString());
        body.put("closesAt", view.closesAt().toString());
        body.put("closed", view.closed());
        counts(body, total);
        body.put("questions", total.items().stream().map(SurveyResultsApiController::question).toList());
        List<Map<String, Object>> offerings = new ArrayList<>();
        for (GroupResult g : view.offerings()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("offeringId", g.key());
            o.put("title", g.label());
            counts(o, g);
            o.put("satisfiedShare", g.item(firstRated(g)).map(ItemResult::satisfiedShare).orElse(null));
            offerings.add(o);
        }
        body.put("offerings", offerings);
        return body;
    }

    @ExceptionHandler(NoSuchSurveyException.class)
    ResponseEntity<Map<String, String>> notFound(Locale locale) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", "not_found");
        body.put("message", messages.get("surveyResults.api.notFound", locale));
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private static void counts(Map<String, Object> into, GroupResult g) {
        into.put("invited", g.invited());
        into.put("answered", g.answered());
        into.put("responseRate", g.responseRate());
        into.put("textsHidden", g.textsHidden());
    }

    /** The first rated item's id (the questionnaire's overall satisfaction), or "" when there is none. */
    private static String firstRated(GroupResult g) {
        return g.items().stream().filter(ItemResult::rated).map(ItemResult::id).findFirst().orElse("");
    }

    private static Map<String, Object> question(ItemResult i) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("id", i.id());
        q.put("text", i.text());
        q.put("type", i.type().name());
        q.put("scale", i.scale());
        q.put("rated", i.rated());
        q.put("labels", i.labels());
        q.put("count", i.count());
        q.put("distribution", i.type() == ResultQuestion.Kind.SCALE ? i.distribution() : null);
        q.put("mean", i.mean());
        q.put("satisfiedShare", i.satisfiedShare());
        if (i.type() == ResultQuestion.Kind.TEXT) {
            q.put("texts", i.texts());
        }
        return q;
    }
}
