package org.baeum.catalog.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.i18n.Messages;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.CatalogValidationException;
import org.baeum.catalog.Offering;
import org.baeum.catalog.OfferingDraft;
import org.baeum.catalog.OfferingDraft.PhaseDraft;
import org.baeum.catalog.OfferingId;
import org.baeum.catalog.PlanningChecks;
import org.baeum.catalog.ProgramId;
import org.baeum.catalog.RecruitmentMethod;
import org.baeum.catalog.TermId;
import org.baeum.catalog.WeeklySchedule;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Offerings for STAFF and ADMIN (the planning screen's offering form, over the API; decision 0040):
 * {@code POST /api/v1/offerings} → 201 a draft with {@code Location}, {@code PATCH /api/v1/offerings/{id}} (only the
 * fields present; {@code phases} replaces the whole list), {@code POST /api/v1/offerings/{id}/publish}. Checked by
 * {@link CatalogService#saveOffering} with the screen's messages; the answer is the offering as {@code GET} shows it.
 */
@RestController
@RequestMapping(path = "/api/v1/offerings", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Catalog planning", description = "Programs and offerings for STAFF and ADMIN (bearer token)")
@SecurityRequirement(name = CatalogApiDocs.BEARER)
class OfferingWritesApiController {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private final CatalogService catalog;
    private final PlanningChecks checks;
    private final Messages messages;
    private final Clock clock;

    OfferingWritesApiController(CatalogService catalog, PlanningChecks checks, Messages messages, Clock clock) {
        this.catalog = catalog;
        this.checks = checks;
        this.messages = messages;
        this.clock = clock;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Plan an offering as a draft (STAFF, ADMIN)", description = CatalogApiDocs.OFFERING_POST)
    ResponseEntity<OfferingsApiController.OfferingJson> createOffering(@io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(schema = @Schema(implementation = CatalogApiDocs.OfferingBody.class)))
            @RequestBody JsonNode body,
                                                               Locale locale) {
        Offering saved = save(null, new JsonInput(body));
        return ResponseEntity.created(URI.create("/api/v1/offerings/" + saved.id().value())).body(json(saved, locale));
    }

    @PatchMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change an offering (STAFF, ADMIN)", description = CatalogApiDocs.OFFERING_PATCH)
    OfferingsApiController.OfferingJson changeOffering(@PathVariable String id,
                                               @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(schema = @Schema(implementation = CatalogApiDocs.OfferingBody.class)))
            @RequestBody JsonNode body, Locale locale) {
        return json(save(existing(id), new JsonInput(body)), locale);
    }

    @PostMapping("/{id}/publish")
    @Operation(summary = "Publish an offering (STAFF, ADMIN)", description = CatalogApiDocs.PUBLISH)
    OfferingsApiController.OfferingJson publishOffering(@PathVariable String id, Locale locale) {
        Offering o = existing(id);
        catalog.publish(o.id());
        return json(existing(id), locale);
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Map<String, Object>> invalid(InvalidInputException e, Locale locale) {
        return CatalogWriteAnswers.invalid(e, messages, locale);
    }

    @ExceptionHandler(CatalogWriteAnswers.NotFound.class)
    ResponseEntity<Map<String, String>> notFound(CatalogWriteAnswers.NotFound e, Locale locale) {
        return CatalogWriteAnswers.notFound(e, messages, locale);
    }

    /** Any offering, a draft too (the role is checked first: STAFF and ADMIN only), or 404. */
    private Offering existing(String id) {
        return checks.offering(new OfferingId(id)).orElseThrow(() -> new CatalogWriteAnswers.NotFound("offering.notFound"));
    }

    /** The body over {@code base} (null: a new offering), checked in full, then saved. */
    private Offering save(Offering base, JsonInput in) {
        WeeklySchedule s = base == null ? null : base.schedule();
        OfferingDraft draft = new OfferingDraft(base == null ? null : base.id(),
                in.or("programId", f -> id(in.text(f), ProgramId::new), base == null ? null : base.program().id()),
                in.or("termId", f -> id(in.text(f), TermId::new), base == null ? null : base.termId()),
                in.or("roomId", in::text, base == null ? null : base.roomId()),
                in.or("weekdays", f -> in.names(f, DayOfWeek.class), s == null ? null : s.weekdays()),
                in.or("startTime", in::time, s == null ? null : s.startTime()),
                in.or("endTime", in::time, s == null ? null : s.endTime()),
                in.or("firstDate", in::date, s == null ? null : s.firstDate()),
                in.or("lastDate", in::date, s == null ? null : s.lastDate()),
                in.or("capacity", in::integer, base == null ? null : base.capacity()),
                in.has("phases") ? phases(in) : base == null ? List.of() : phasesOf(base));
        if (!in.problems.isEmpty()) {
            throw new CatalogValidationException(CatalogWriteAnswers.merged(in.problems, checks.offeringProblems(draft)));
        }
        return existing(catalog.saveOffering(draft).value());
    }

    /** {@code phases: [{"opens", "closes", "method"}]}; a problem names {@code phase.<i>.<part>}, as the service does. */
    private static List<PhaseDraft> phases(JsonInput in) {
        List<PhaseDraft> phases = new ArrayList<>();
        List<JsonNode> given = in.list("phases");
        for (int i = 0; i < given.size(); i++) {
            JsonNode p = given.get(i);
            if (p == null || !p.isObject()) {
                in.problems.add(org.baeum.base.domain.FieldProblem.of(OfferingDraft.phaseField(i, "opens"),
                        "catalog.api.badValue", "{\"opens\": …, \"closes\": …, \"method\": …}"));
                phases.add(new PhaseDraft(null, null, null));
                continue;
            }
            phases.add(new PhaseDraft(in.dateTime(p.get("opens"), OfferingDraft.phaseField(i, "opens")),
                    in.dateTime(p.get("closes"), OfferingDraft.phaseField(i, "closes")),
                    in.name(p.get("method"), OfferingDraft.phaseField(i, "method"), RecruitmentMethod.class)));
        }
        return phases;
    }

    /** The offering's phases as the form shows them (Asia/Seoul wall-clock times), kept by a PATCH without phases. */
    private static List<PhaseDraft> phasesOf(Offering o) {
        return o.recruitment().phases().stream().map(p -> new PhaseDraft(LocalDateTime.ofInstant(p.opensAt(), SEOUL),
                LocalDateTime.ofInstant(p.closesAt(), SEOUL), p.method())).toList();
    }

    private static <I> I id(String text, java.util.function.Function<String, I> make) {
        return text == null || text.isBlank() ? null : make.apply(text.strip());
    }

    private OfferingsApiController.OfferingJson json(Offering o, Locale locale) {
        return OfferingsApiController.json(o, locale, clock.instant(), true);
    }
}
