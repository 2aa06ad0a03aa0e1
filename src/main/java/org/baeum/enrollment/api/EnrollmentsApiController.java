package org.baeum.enrollment.api;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.baeum.account.ParticipantId;
import org.baeum.base.domain.FieldProblem;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.i18n.Messages;
import org.baeum.catalog.OfferingId;
import org.baeum.enrollment.Enrollment;
import org.baeum.enrollment.EnrollmentId;
import org.baeum.enrollment.EnrollmentRefusedException;
import org.baeum.enrollment.CitizenEnrollments;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Enrolment for apps (bearer tokens), extending the catalog contract:
 * <ul>
 *   <li>{@code POST /api/v1/offerings/{id}/enrollments}, optional body {@code {"participantId"}} (a dependant; none
 *   for the citizen) and header {@code Idempotency-Key} → {@code 201 {"id", "status", "waitlistPosition", "fee"}};
 *   a full offering gives {@code WAITLISTED}; a replayed key gives the first answer again; a closed window
 *   {@code 409 {"error", "reason"}}.</li>
 *   <li>{@code GET /api/v1/me/enrollments}: the household's entries.</li>
 *   <li>{@code DELETE /api/v1/enrollments/{id}} (optional {@code ?reason=}): cancel, leave the waitlist or decline.</li>
 *   <li>{@code POST /api/v1/enrollments/{id}/offer/accept} and {@code /offer/decline}.</li>
 * </ul>
 * These names are a contract: extend them, do not rename them. Another household's entry is 403.
 */
@RestController
class EnrollmentsApiController {

    record EnrolBody(String participantId) {
    }

    /** The answer to an enrol command. {@code fee} is what the participant pays in KRW. */
    record Decision(String id, String status, Integer waitlistPosition, long fee) {
    }

    record Item(String id, String offeringId, String title, String participantId, String participantName, String status,
                Integer waitlistPosition, Instant offerExpiresAt, long fee, long baseFee, String reduction,
                int reductionPercent, String payment, long refundAmount, RefundItem refund, Instant createdAt,
                Instant enrolledAt, Instant endedAt) {
    }

    /**
     * The statutory refund an ending recorded: {@code step} names the step of 평생교육법 시행령 별표 3 that gave it and
     * {@code rule} says it in the caller's language; {@code dueBy} is the last day to pay it, {@code paidOutAt} when
     * it was paid (null: still owed).
     */
    record RefundItem(long amount, String step, String rule, java.time.LocalDate dueBy, Instant paidOutAt) {
    }

    private final CitizenEnrollments enrollments;
    private final Messages messages;

    EnrollmentsApiController(CitizenEnrollments enrollments, Messages messages) {
        this.enrollments = enrollments;
        this.messages = messages;
    }

    @PostMapping(path = "/api/v1/offerings/{id}/enrollments", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Decision> enroll(@PathVariable String id, @RequestBody(required = false) EnrolBody body,
                                   @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        ParticipantId participant = body == null || body.participantId() == null || body.participantId().isBlank()
                ? null : new ParticipantId(body.participantId().strip());
        Enrollment e = enrollments.enroll(new OfferingId(id), participant, key);
        return ResponseEntity.created(URI.create("/api/v1/me/enrollments"))
                .body(new Decision(e.id().value(), e.status().name(), e.waitlistPosition(), e.fee().amount()));
    }

    @GetMapping(path = "/api/v1/me/enrollments", produces = MediaType.APPLICATION_JSON_VALUE)
    List<Item> mine(Locale locale) {
        return enrollments.myEnrollments().stream().map(e -> item(e, locale)).toList();
    }

    @DeleteMapping(path = "/api/v1/enrollments/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    Item cancel(@PathVariable String id, @RequestParam(required = false) String reason, Locale locale) {
        return item(enrollments.cancel(new EnrollmentId(id), reason), locale);
    }

    @PostMapping(path = "/api/v1/enrollments/{id}/offer/accept", produces = MediaType.APPLICATION_JSON_VALUE)
    Item accept(@PathVariable String id, Locale locale) {
        return item(enrollments.acceptOffer(new EnrollmentId(id)), locale);
    }

    @PostMapping(path = "/api/v1/enrollments/{id}/offer/decline", produces = MediaType.APPLICATION_JSON_VALUE)
    Item decline(@PathVariable String id, Locale locale) {
        return item(enrollments.declineOffer(new EnrollmentId(id)), locale);
    }

    @ExceptionHandler(EnrollmentRefusedException.class)
    ResponseEntity<Map<String, Object>> refused(EnrollmentRefusedException e, Locale locale) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", messages.get(e.messageKey(), locale, e.arguments(locale)));
        body.put("reason", e.reason().name());
        body.put("code", e.reason().name().toLowerCase(Locale.ROOT));
        HttpStatus status = e.reason() == EnrollmentRefusedException.Reason.NOT_ELIGIBLE
                ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.CONFLICT;
        return ResponseEntity.status(status).body(body);
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Map<String, Object>> invalid(InvalidInputException e, Locale locale) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (FieldProblem p : e.problems()) {
            fields.put(p.field(), messages.get(p.messageKey(), locale, p.arguments().toArray()));
        }
        return ResponseEntity.badRequest().body(Map.of("error", messages.get("validation.summary", locale), "fields", fields));
    }

    private Item item(Enrollment e, Locale locale) {
        RefundItem refund = e.refund() == null ? null : new RefundItem(e.refund().refund().amount(),
                e.refund().refund().step().name(),
                messages.get(e.refund().refund().step().messageKey(), locale, e.refund().refund().messageArguments()),
                e.refund().refund().dueBy(), e.refund().paidOutAt());
        return new Item(e.id().value(), e.offering().value(), e.offeringTitle(locale), e.participant().value(),
                e.participantName(), e.status().name(), e.waitlistPosition(), e.offerExpiresAt(), e.fee().amount(),
                e.fee().base(), e.fee().reductionCode(), e.fee().reductionPercent(), e.payment().name(), e.refundAmount(),
                refund, e.createdAt(), e.enrolledAt(), e.endedAt());
    }
}
