package org.baeum.booking.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.i18n.Formats;
import org.baeum.base.i18n.Messages;
import org.baeum.base.security.CurrentUser;
import org.baeum.base.security.Role;
import org.baeum.booking.Bookable;
import org.baeum.booking.Bookables;
import org.baeum.booking.Booking;
import org.baeum.booking.BookingNotFoundException;
import org.baeum.booking.BookingRefusedException;
import org.baeum.booking.BookingRequest;
import org.baeum.booking.Bookings;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Booking for apps (bearer tokens; decision 0042), a contract (extend, never rename):
 * <ul>
 *   <li>{@code POST /api/v1/bookings} {@code {"facilityId", "date", "start", "end"?, "participantId"?, "groupSize"?,
 *   "purpose"?}} → 201 {@code {"id", "facilityId", "date", "start", "end", "status", "code", …}} with its Location;
 *   409 {@code {"error": "taken" | "quota" | "banned" | "closed" | "conflict", "message", "until"?}};</li>
 *   <li>{@code GET /api/v1/bookings/{id}}, {@code DELETE /api/v1/bookings/{id}} (cancel),
 *   {@code POST /api/v1/bookings/{id}/check-in}: the household's own booking, or any for STAFF; another household's
 *   is 404 exactly like one that does not exist;</li>
 *   <li>{@code GET /api/v1/me/bookings}: the household's bookings from today on, soonest first.</li>
 * </ul>
 */
@RestController
@Tag(name = "Bookings", description = "Booking seats and rooms, cancelling, checking in")
class BookingsApiController {

    record BookBody(String facilityId, String date, String start, String end, String participantId, Integer groupSize,
                    String purpose) {
    }

    @Schema(description = "A booking. code: what the citizen shows at the desk.")
    record BookingJson(String id, String facilityId, LocalDate date, String start, String end,
                       @Schema(allowableValues = {"REQUESTED", "CONFIRMED", "CHECKED_IN", "CANCELLED", "NO_SHOW",
                               "REFUSED"}) String status, String code,
                       @Schema(description = "The resource's name in the caller's language") String facilityName,
                       String participantId, int groupSize, String purpose, Instant createdAt, Instant checkedInAt,
                       @Schema(description = "End of the check-in window: the start (or, for a whole day booked after "
                               + "it began, the booking time) plus the no-show grace") Instant checkInUntil,
                       @Schema(description = "Until when the booker may cancel online: the resource's deadline; a "
                               + "whole day booked after it began, until its check-in window closes") Instant cancelUntil) {
    }

    private final Bookings bookings;
    private final Bookables bookables;
    private final Messages messages;
    private final Clock clock;
    private final CurrentUser currentUser;

    BookingsApiController(Bookings bookings, Bookables bookables, Messages messages, Clock clock,
                          CurrentUser currentUser) {
        this.currentUser = currentUser;
        this.bookings = bookings;
        this.bookables = bookables;
        this.messages = messages;
        this.clock = clock;
    }

    @PostMapping(path = "/api/v1/bookings", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Book a slot", description = "CITIZEN, for themself or a dependant. 201 with the booking "
            + "(CONFIRMED, or REQUESTED for the auditorium and the gallery); 409 with the reason; 400 at the field.")
    ResponseEntity<BookingJson> book(@RequestBody(required = false) BookBody body, Locale locale) {
        if (!currentUser.hasRole(Role.CITIZEN)) {
            // before the body is read: only a citizen books (the service checks it again)
            throw new AccessDeniedException("Only citizens book");
        }
        BookingRequest request = request(body == null ? new BookBody(null, null, null, null, null, null, null) : body);
        Booking b = bookings.book(request);
        return ResponseEntity.created(URI.create("/api/v1/bookings/" + b.id())).body(json(b, locale));
    }

    @GetMapping(path = "/api/v1/bookings/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One booking", description = "The household's own (CITIZEN) or any (STAFF, ADMIN); 404 else.")
    BookingJson booking(@PathVariable String id, Locale locale) {
        return json(visible(id), locale);
    }

    @DeleteMapping(path = "/api/v1/bookings/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Cancel a booking", description = "The household's own until the resource's deadline "
            + "(409 too-late after it), STAFF any; another household's is 404.")
    BookingJson cancel(@PathVariable String id, Locale locale) {
        return json(bookings.cancel(visible(id).id()), locale);
    }

    @PostMapping(path = "/api/v1/bookings/{id}/check-in", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Check a booking in", description = "The booker within the first minutes of the slot (the "
            + "no-show rule's grace), STAFF at the desk; 409 too-late outside that time; another household's is 404.")
    BookingJson checkIn(@PathVariable String id, Locale locale) {
        return json(bookings.checkIn(visible(id).id()), locale);
    }

    @GetMapping(path = "/api/v1/me/bookings", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "My bookings", description = "CITIZEN: the household's bookings from today on, soonest first.")
    List<BookingJson> mine(Locale locale) {
        return bookings.mine(LocalDate.now(clock.withZone(Formats.SEOUL))).stream().map(b -> json(b, locale)).toList();
    }

    @ExceptionHandler(BookingRefusedException.class)
    ResponseEntity<Map<String, Object>> refused(BookingRefusedException e, Locale locale) {
        return BookingApiAnswers.refused(e, messages, locale);
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Map<String, Object>> invalid(InvalidInputException e, Locale locale) {
        return BookingApiAnswers.invalid(e, messages, locale);
    }

    /** An unknown booking, or one of another household: alike (the engine's BookingNotFoundException too). */
    @ExceptionHandler({BookingApiAnswers.NotFound.class, BookingNotFoundException.class})
    ResponseEntity<Map<String, Object>> notFound(Locale locale) {
        return BookingApiAnswers.notFound(messages, locale);
    }

    private Booking visible(String id) {
        return bookings.booking(id).orElseThrow(BookingApiAnswers.NotFound::new);
    }

    /** The request from the body, every unreadable or missing value at its field (nothing is booked then). */
    private BookingRequest request(BookBody body) {
        Map<String, String> problems = new LinkedHashMap<>();
        String facility = body.facilityId() == null ? "" : body.facilityId().strip();
        if (facility.isEmpty() || bookables.bookable(facility).filter(Bookable::active).isEmpty()) {
            problems.put("facilityId", "booking.api.unknownFacility");
        }
        LocalDate date = parse(body.date(), "date", problems, LocalDate::parse);
        LocalTime start = parse(body.start(), "start", problems, LocalTime::parse);
        LocalTime end = body.end() == null || body.end().isBlank() ? null : parse(body.end(), "end", problems, LocalTime::parse);
        int group = body.groupSize() == null ? 0 : body.groupSize();
        if (group < 0) {
            problems.put("groupSize", "booking.api.badGroupSize");
        }
        if (body.purpose() != null && body.purpose().length() > 200) {
            problems.put("purpose", "booking.api.purposeTooLong");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.entrySet().stream()
                    .map(p -> org.baeum.base.domain.FieldProblem.of(p.getKey(), p.getValue())).toList());
        }
        String participant = body.participantId() == null || body.participantId().isBlank() ? null
                : body.participantId().strip();
        String purpose = body.purpose() == null || body.purpose().isBlank() ? null : body.purpose().strip();
        return new BookingRequest(facility, date, start, end, participant, group, purpose);
    }

    private static <T> T parse(String value, String field, Map<String, String> problems,
                               java.util.function.Function<String, T> parser) {
        if (value == null || value.isBlank()) {
            problems.put(field, "booking.api.required");
            return null;
        }
        try {
            return parser.apply(value.strip());
        } catch (DateTimeParseException e) {
            problems.put(field, "booking.api.unreadable." + field);
            return null;
        }
    }

    private BookingJson json(Booking b, Locale locale) {
        var bookable = bookables.bookable(b.bookableId());
        String name = bookable.map(x -> x.name(locale)).orElse(b.bookableId());
        int grace = bookings.noShowRule().graceMinutes();
        return new BookingJson(b.id(), b.bookableId(), b.date(), FacilitiesApiController.time(b.start()),
                FacilitiesApiController.time(b.end()), b.status().name(), b.code(), name, b.participantId(),
                b.groupSize(), b.purpose(), b.createdAt(), b.checkedInAt(), b.checkInUntil(grace),
                bookable.map(x -> b.cancelUntil(x.rules(), grace)).orElse(null));
    }
}
