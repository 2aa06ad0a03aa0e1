package org.baeum.closure.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.baeum.base.domain.FieldProblem;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.i18n.Messages;
import org.baeum.base.api.OpenApiConfiguration;
import org.baeum.closure.ClosureDesk;
import org.baeum.closure.ClosurePlan;
import org.baeum.closure.ClosureRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Closures over the API (decision 0043), STAFF and ADMIN: the impact of a closure ({@code dryRun=true}, the default),
 * declaring it (then one due job applies it and mails everyone affected once), the declared ones, lifting one early.
 * Field problems: 400 {@code invalid_fields} with a message per field.
 */
@RestController
@Tag(name = "Closures", description = "Closures of a branch, room or facility with their consequences (STAFF, ADMIN)")
@SecurityRequirement(name = OpenApiConfiguration.BEARER)
class ClosuresApiController {

    private final ClosureDesk desk;
    private final Messages messages;

    ClosuresApiController(ClosureDesk desk, Messages messages) {
        this.desk = desk;
        this.messages = messages;
    }

    /** 400 {@code {"error": "invalid_fields", "message", "fields": {field: message}}} in the caller's language. */
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
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    @PostMapping(path = "/api/v1/closures", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Preview (dryRun=true, default) or declare a closure (STAFF, ADMIN)",
            description = "Body: {\"branchId\"?, \"roomId\"?, \"facilityId\"?, \"firstDay\", \"lastDay\", \"fromTime\"?, "
                    + "\"toTime\"?, \"reasonKo\", \"reasonEn\", \"offerings\": {\"<id>\": \"CANCEL\" | \"MOVE\"}}. A dry run "
                    + "answers 200 with the impact {\"sessions\", \"bookings\", \"offers\", \"clubSlots\", \"people\"} and "
                    + "stores nothing; dryRun=false declares it: 201 with the plan (its impact, status APPLYING), which "
                    + "the closure job applies. Every offering the closure meets needs a choice (else 400 at "
                    + "offerings). Roles: STAFF, ADMIN; CITIZEN and INSTRUCTOR get 403, no token 401.")
    ResponseEntity<Object> closure(
            @Parameter(description = "true: only the impact (default); false: declare") @RequestParam(defaultValue = "true")
            boolean dryRun, @RequestBody ClosureRequest request) {
        if (dryRun) {
            return ResponseEntity.ok(desk.preview(request));
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(desk.declare(request));
    }

    @GetMapping(path = "/api/v1/closures", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Declared closures, newest first (STAFF, ADMIN)")
    List<ClosurePlan> plans() {
        return desk.plans();
    }

    @DeleteMapping(path = "/api/v1/closures/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Lift a declared closure early (STAFF, ADMIN)",
            description = "The calendar's closure ends today (or is removed if it has not started); what was cancelled "
                    + "stays cancelled. An unknown id, one still being applied or already lifted: 400 at id.")
    ClosurePlan lift(@PathVariable String id) {
        return desk.lift(id);
    }
}
