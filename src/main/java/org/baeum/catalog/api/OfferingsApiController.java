package org.baeum.catalog.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.baeum.base.i18n.Locales;
import org.baeum.base.i18n.Messages;
import org.baeum.catalog.AccessibilityFeature;
import org.baeum.catalog.CatalogPage;
import org.baeum.catalog.CatalogQuery;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.Instructor;
import org.baeum.catalog.InvalidQueryException;
import org.baeum.catalog.Offering;
import org.baeum.catalog.OfferingId;
import org.baeum.catalog.Recruitment;
import org.baeum.catalog.RecruitmentPhase;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public catalog API. {@code GET /api/v1/offerings} and {@code GET /api/v1/offerings/{id}}: field names are
 * a contract that other tools depend on (extend, never rename). Texts follow {@code Accept-Language}.
 */
@RestController
@RequestMapping(path = "/api/v1/offerings", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Catalog", description = "Published classes, pool and gym programs")
class OfferingsApiController {

    @Schema(description = "One recruitment phase (모집 단계), in order: phases do not overlap.")
    record PhaseJson(@Schema(description = "When the phase opens") Instant opensAt,
                     @Schema(description = "When the phase closes (not included)") Instant closesAt,
                     @Schema(description = "How the phase gives out seats", allowableValues = {"FIRST_COME", "LOTTERY",
                             "RE_REGISTRATION", "RESERVED"}) String method,
                     @Schema(description = "The phase is open now") boolean open) {
    }

    @Schema(description = "The offering's recruitment. opensAt, closesAt, method and open describe the current phase: "
            + "the one open now, else the next one to open, else the last one. All phases are in 'phases'.")
    record RecruitmentJson(@Schema(description = "When the current phase opens") Instant opensAt,
                           @Schema(description = "When the current phase closes (not included)") Instant closesAt,
                           @Schema(description = "How the current phase gives out seats", allowableValues = {"FIRST_COME",
                                   "LOTTERY", "RE_REGISTRATION", "RESERVED"}) String method,
                           @Schema(description = "The current phase is open now") boolean open,
                           @Schema(description = "Every phase, in order (one for most offerings)") List<PhaseJson> phases) {
    }

    record InstructorJson(String name) {
    }

    record OfferingJson(String id, String title, String titleKo, String titleEn, String programId, String branch,
                        String room, String audience, String domain, String kind, String format, String term,
                        String schedule, List<String> weekdays, String startTime, String endTime, LocalDate firstDate,
                        LocalDate lastDate, int sessionCount, Integer minAge, Integer maxAge, int capacity,
                        int seatsLeft, int waitlistLength, long fee, boolean feeReductionsApply, String status,
                        RecruitmentJson recruitment, List<String> accessibility, List<InstructorJson> instructors,
                        List<LocalDate> sessionDates,
                        @Schema(description = "평생교육법 제2조 area (LearningArea); null: not classified") String area,
                        @Schema(description = "6진 sub-category of the area; null: none") String subcategory) {
    }

    record PageJson(List<OfferingJson> items, long total, int page, int size) {
    }

    private final CatalogService catalog;
    private final Messages messages;
    private final Clock clock;

    OfferingsApiController(CatalogService catalog, Messages messages, Clock clock) {
        this.catalog = catalog;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "Search published offerings",
            description = "Filters: q (part of a title or instructor name), domain, audience, branch, weekday "
                    + "(MONDAY…SUNDAY), time (MORNING, AFTERNOON, EVENING), term, free, format, age, seats (true: only "
                    + "with seats left), sort (STARTING_SOON, RECRUITMENT_SOON, TITLE, FEE_LOW, SEATS_LEFT); page from 0, "
                    + "size 1–100 (default 20), page × size at most 10,000. Unknown values and bad paging give 400 "
                    + "{\"error\": \"invalid_parameter\", \"parameter\", \"message\"}.")
    PageJson search(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters, Locale locale) {
        CatalogPage<Offering> page = catalog.search(CatalogQuery.parse(parameters));
        Instant now = clock.instant();
        return new PageJson(page.items().stream().map(o -> json(o, locale, now, false)).toList(), page.total(),
                page.page(), page.size());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One published offering with all its session dates")
    ResponseEntity<?> offering(@PathVariable String id, Locale locale) {
        if (!id.matches("[A-Za-z0-9_-]{1,100}")) {
            return notFound(locale);
        }
        return catalog.offering(new OfferingId(id))
                .<ResponseEntity<?>>map(o -> ResponseEntity.ok(json(o, locale, clock.instant(), true)))
                .orElseGet(() -> notFound(locale));
    }

    @ExceptionHandler(InvalidQueryException.class)
    ResponseEntity<Map<String, String>> invalid(InvalidQueryException e, Locale locale) {
        String message = switch (e.parameter()) {
            case "size" -> messages.get("catalog.api.size", locale, e.value(), CatalogQuery.MAX_SIZE);
            case "page" -> messages.get("catalog.api.page", locale, e.value(), CatalogQuery.MAX_OFFSET);
            default -> messages.get("catalog.api.invalid", locale, e.parameter(), e.value());
        };
        return ResponseEntity.badRequest().body(Map.of("error", "invalid_parameter", "parameter", e.parameter(),
                "message", message));
    }

    private ResponseEntity<Map<String, String>> notFound(Locale locale) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(Map.of("error", "not_found", "message", messages.get("offering.notFound", locale)));
    }

    private static RecruitmentJson recruitment(Recruitment r, Instant now) {
        RecruitmentPhase current = r.current(now);
        return new RecruitmentJson(current.opensAt(), current.closesAt(), current.method().name(), current.isOpen(now),
                r.phases().stream().map(p -> new PhaseJson(p.opensAt(), p.closesAt(), p.method().name(), p.isOpen(now)))
                        .toList());
    }

    static OfferingJson json(Offering o, Locale requested, Instant now, boolean withSessions) {
        Locale locale = Locales.supported(requested);
        var p = o.program();
        var s = o.schedule();
        return new OfferingJson(o.id().value(), p.title(locale), p.titleKo(), p.titleEn(), p.id().value(),
                p.branchId().value(), o.roomId(), p.audience().name(), p.domain().name(), p.kind().name(),
                p.format().name(), o.termId().value(), s.describe(locale),
                s.weekdays().stream().sorted().map(DayOfWeek::name).toList(), s.startTime().toString(),
                s.endTime().toString(), s.firstDate(), s.lastDate(), o.sessionDates().size(), p.minAge(), p.maxAge(),
                o.capacity(), o.seatsLeft(), o.waitlistLength(), p.fee(), p.feeReductionsApply(), o.status(now).name(),
                recruitment(o.recruitment(), now),
                p.accessibility().stream().sorted().map(AccessibilityFeature::name).toList(),
                p.instructors().stream().map(Instructor::name).map(InstructorJson::new).toList(),
                withSessions ? o.sessionDates() : null,
                p.classification() == null ? null : p.classification().area().name(),
                p.classification() == null || p.classification().subcategory() == null ? null
                        : p.classification().subcategory().name());
    }
}
