package org.baeum.booking.api;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.baeum.base.domain.FieldProblem;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.i18n.Formats;
import org.baeum.base.i18n.Messages;
import org.baeum.booking.BookingRefusal;
import org.baeum.booking.BookingRefusedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * How the booking API answers what it refuses, in the caller's language:
 * <ul>
 *   <li>409 {@code {"error": "<reason>", "message", "until"?, "detail"?}} for the rules' refusals (taken, quota,
 *   banned with the ban's last day in {@code until}, closed, conflict, too-late), {@code <reason>} being
 *   {@link BookingRefusal#apiName()};</li>
 *   <li>400 {@code {"error": "invalid_fields", "message", "fields": {field: message}}} for input that cannot be booked
 *   (not-bookable at {@code start}, group-size at {@code groupSize}, unreadable values at their field);</li>
 *   <li>404 {@code {"error": "not_found", "message"}} for a resource or booking the caller cannot see.</li>
 * </ul>
 */
final class BookingApiAnswers {

    /** A resource or booking that does not exist for the caller. */
    static final class NotFound extends RuntimeException {
        NotFound() {
            super("not found", null, false, false);
        }
    }

    private BookingApiAnswers() {
    }

    static ResponseEntity<Map<String, Object>> refused(BookingRefusedException e, Messages messages, Locale locale) {
        String message = messages.get("booking.refusal." + e.reason().name(), locale,
                e.until() == null ? "" : Formats.date(e.until(), locale), e.detail() == null ? "" : e.detail());
        if (e.reason() == BookingRefusal.NOT_BOOKABLE || e.reason() == BookingRefusal.GROUP_SIZE) {
            String field = e.reason() == BookingRefusal.GROUP_SIZE ? "groupSize" : "start";
            return invalid(Map.of(field, message), messages, locale);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", e.reason().apiName());
        body.put("message", message);
        if (e.until() != null) {
            body.put("until", e.until().toString());
        }
        if (e.detail() != null) {
            body.put("detail", e.detail());
        }
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    static ResponseEntity<Map<String, Object>> invalid(InvalidInputException e, Messages messages, Locale locale) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (FieldProblem p : e.problems()) {
            fields.putIfAbsent("bookableId".equals(p.field()) ? "facilityId" : p.field(), messages.get(p.messageKey(), locale, p.arguments().toArray()));
        }
        return invalid(fields, messages, locale);
    }

    static ResponseEntity<Map<String, Object>> invalid(Map<String, String> fields, Messages messages, Locale locale) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "invalid_fields");
        body.put("message", messages.get("validation.summary", locale));
        body.put("fields", fields);
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    static ResponseEntity<Map<String, Object>> notFound(Messages messages, Locale locale) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "not_found");
        body.put("message", messages.get("booking.api.notFound", locale));
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
