package org.baeum.catalog.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.baeum.base.domain.FieldProblem;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.i18n.Messages;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * How the catalog's write API answers what it refuses, in the caller's language: 422
 * {@code {"error": "invalid_fields", "message", "fields": {field: message}}} with every field's message as the
 * planning screens show it (phase fields as {@code phases[<i>].opens|closes|method}), and 404
 * {@code {"error": "not_found", "message"}} for an unknown program or offering. The controllers' own
 * {@code @ExceptionHandler}s call these (a controller's handler comes before the API-wide {@code ApiExceptionHandler}).
 */
final class CatalogWriteAnswers {

    /** An unknown program or offering; {@code messageKey} says which. */
    static final class NotFound extends RuntimeException {

        final String messageKey;

        NotFound(String messageKey) {
            super(messageKey, null, false, false);
            this.messageKey = messageKey;
        }
    }

    private CatalogWriteAnswers() {
    }

    static ResponseEntity<Map<String, Object>> invalid(InvalidInputException e, Messages messages, Locale locale) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (FieldProblem p : e.problems()) {
            fields.putIfAbsent(jsonField(p.field()), messages.get(p.messageKey(), locale, p.arguments().toArray()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "invalid_fields");
        body.put("message", messages.get("validation.summary", locale));
        body.put("fields", fields);
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    static ResponseEntity<Map<String, String>> notFound(NotFound e, Messages messages, Locale locale) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", "not_found");
        body.put("message", messages.get(e.messageKey, locale));
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    /** Problems the caller's own values caused first, then the service's at the fields not named yet. */
    static List<FieldProblem> merged(List<FieldProblem> own, List<FieldProblem> service) {
        List<FieldProblem> all = new java.util.ArrayList<>(own);
        service.stream().filter(p -> own.stream().noneMatch(o -> o.field().equals(p.field()))).forEach(all::add);
        return all;
    }

    /** The service's {@code phase.<i>.<part>} is the body's {@code phases[<i>].<part>}. */
    static String jsonField(String field) {
        return field.matches("phase\\.\\d+\\..+") ? field.replaceFirst("phase\\.(\\d+)\\.", "phases[$1].") : field;
    }
}
