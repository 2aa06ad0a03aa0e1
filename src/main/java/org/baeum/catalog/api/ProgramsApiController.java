package org.baeum.catalog.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.baeum.account.AccountService;
import org.baeum.base.domain.FieldProblem;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.i18n.Messages;
import org.baeum.catalog.AccessibilityFeature;
import org.baeum.catalog.Audience;
import org.baeum.catalog.BranchId;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.CatalogValidationException;
import org.baeum.catalog.Classification;
import org.baeum.catalog.DeliveryFormat;
import org.baeum.catalog.Instructor;
import org.baeum.catalog.LearningArea;
import org.baeum.catalog.LearningSubcategory;
import org.baeum.catalog.PlanningChecks;
import org.baeum.catalog.PolicyDomain;
import org.baeum.catalog.Program;
import org.baeum.catalog.ProgramDraft;
import org.baeum.catalog.ProgramId;
import org.baeum.catalog.ProgramKind;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Programs for STAFF and ADMIN (the planning screen's program form, over the API; decision 0040):
 * {@code POST /api/v1/programs} → 201 with {@code Location}, {@code PATCH /api/v1/programs/{id}} (only the fields
 * present; {@code null} clears an optional one), {@code GET /api/v1/programs/{id}}. Checked by
 * {@link CatalogService#saveProgram} with the screen's messages; 422 {@code {"error", "message", "fields"}}.
 */
@RestController
@RequestMapping(path = "/api/v1/programs", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Catalog planning", description = "Programs and offerings for STAFF and ADMIN (bearer token)")
@SecurityRequirement(name = CatalogApiDocs.BEARER)
class ProgramsApiController {

    record InstructorJson(String accountId, String name) {
    }

    record ProgramJson(String id, String titleKo, String titleEn, String descriptionKo, String descriptionEn,
                       String domain, String area, String subcategory, String audience, String kind, String format,
                       String branchId, Integer minAge, Integer maxAge, long fee, boolean feeReductionsApply,
                       List<String> accessibility, String accessibilityNoteKo, String accessibilityNoteEn,
                       List<InstructorJson> instructors, String whatToBringKo, String whatToBringEn) {
    }

    private final CatalogService catalog;
    private final PlanningChecks checks;
    private final AccountService accounts;
    private final Messages messages;

    ProgramsApiController(CatalogService catalog, PlanningChecks checks, AccountService accounts, Messages messages) {
        this.catalog = catalog;
        this.checks = checks;
        this.accounts = accounts;
        this.messages = messages;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create a program (STAFF, ADMIN)", description = CatalogApiDocs.PROGRAM_POST)
    ResponseEntity<ProgramJson> createProgram(@io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(schema = @Schema(implementation = CatalogApiDocs.ProgramBody.class)))
            @RequestBody JsonNode body) {
        Program saved = save(null, new JsonInput(body));
        return ResponseEntity.created(URI.create("/api/v1/programs/" + saved.id().value())).body(json(saved));
    }

    @PatchMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change a program (STAFF, ADMIN)", description = CatalogApiDocs.PROGRAM_PATCH)
    ProgramJson changeProgram(@PathVariable String id, @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(schema = @Schema(implementation = CatalogApiDocs.ProgramBody.class)))
            @RequestBody JsonNode body) {
        return json(save(existing(id), new JsonInput(body)));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One program as planned (STAFF, ADMIN)")
    ProgramJson program(@PathVariable String id) {
        return json(existing(id));
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Map<String, Object>> invalid(InvalidInputException e, Locale locale) {
        return CatalogWriteAnswers.invalid(e, messages, locale);
    }

    @ExceptionHandler(CatalogWriteAnswers.NotFound.class)
    ResponseEntity<Map<String, String>> notFound(CatalogWriteAnswers.NotFound e, Locale locale) {
        return CatalogWriteAnswers.notFound(e, messages, locale);
    }

    /** The program (the role is checked first: STAFF and ADMIN only), or 404. */
    private Program existing(String id) {
        return catalog.program(new ProgramId(id)).orElseThrow(() -> new CatalogWriteAnswers.NotFound("catalog.api.programNotFound"));
    }

    /** The body over {@code base} (null: a new program, with the form's defaults), checked in full, then saved. */
    private Program save(Program base, JsonInput in) {
        ProgramDraft b = base == null ? null : ProgramDraft.of(base);
        LearningArea area = in.or("area", f -> in.name(f, LearningArea.class),
                b == null || b.classification() == null ? null : b.classification().area());
        LearningSubcategory sub = in.or("subcategory", f -> in.name(f, LearningSubcategory.class),
                b == null || b.classification() == null ? null : b.classification().subcategory());
        // a sub-category of another area cannot be a Classification: the area alone, and a problem at 'subcategory'
        List<FieldProblem> classProblems = area == null ? List.of() : Classification.problems(area, sub);
        Classification classification = area == null ? null
                : classProblems.isEmpty() ? new Classification(area, sub) : Classification.of(area);
        ProgramDraft draft = new ProgramDraft(b == null ? null : b.id(),
                in.or("titleKo", in::text, b == null ? null : b.titleKo()),
                in.or("titleEn", in::text, b == null ? null : b.titleEn()),
                in.or("descriptionKo", in::text, b == null ? null : b.descriptionKo()),
                in.or("descriptionEn", in::text, b == null ? null : b.descriptionEn()),
                in.or("domain", f -> in.name(f, PolicyDomain.class), b == null ? null : b.domain()),
                in.or("audience", f -> in.name(f, Audience.class), b == null ? null : b.audience()),
                in.or("kind", f -> in.name(f, ProgramKind.class), b == null ? null : b.kind()),
                in.or("minAge", in::integer, b == null ? null : b.minAge()),
                in.or("maxAge", in::integer, b == null ? null : b.maxAge()),
                in.or("branchId", f -> { String t = in.text(f); return t == null || t.isBlank() ? null : new BranchId(t.strip()); },
                        b == null ? null : b.branchId()),
                in.has("instructors") ? instructors(in.texts("instructors"), in.problems) : b == null ? List.of() : b.instructors(),
                in.or("fee", in::number, b == null ? null : b.fee()),
                in.or("feeReductionsApply", f -> Boolean.TRUE.equals(in.bool(f)), b == null || b.feeReductionsApply()),
                in.or("format", f -> in.name(f, DeliveryFormat.class), b == null ? DeliveryFormat.ON_SITE : b.format()),
                in.or("accessibility", f -> in.names(f, AccessibilityFeature.class), b == null ? java.util.Set.of() : b.accessibility()),
                in.or("accessibilityNoteKo", in::text, b == null ? null : b.accessibilityNoteKo()),
                in.or("accessibilityNoteEn", in::text, b == null ? null : b.accessibilityNoteEn()),
                classification,
                in.or("whatToBringKo", in::text, b == null ? null : b.whatToBringKo()),
                in.or("whatToBringEn", in::text, b == null ? null : b.whatToBringEn()));
        List<FieldProblem> own = new ArrayList<>(in.problems);
        own.addAll(classProblems);
        if (!own.isEmpty()) {
            throw new CatalogValidationException(CatalogWriteAnswers.merged(own, checks.programProblems(draft)));
        }
        ProgramId id = catalog.saveProgram(draft);
        return catalog.program(id).orElseThrow();
    }

    /**
     * The instructors by account id, as the form offers them: instructor accounts and anyone already teaching a
     * program; the name is theirs, never the caller's. An id outside that list is a problem at {@code instructors}.
     */
    private List<Instructor> instructors(List<String> ids, List<FieldProblem> problems) {
        Map<String, Instructor> known = new LinkedHashMap<>();
        accounts.instructors().forEach(a -> known.put(a.id().value(), new Instructor(a.id().value(), a.displayName())));
        catalog.programs().stream().flatMap(p -> p.instructors().stream()).forEach(i -> known.putIfAbsent(i.accountId(), i));
        List<Instructor> chosen = new ArrayList<>();
        for (String id : ids) {
            Instructor i = known.get(id);
            if (i == null) {
                problems.add(FieldProblem.of("instructors", "validation.unknown"));
            } else if (!chosen.contains(i)) {
                chosen.add(i);
            }
        }
        return chosen;
    }

    static ProgramJson json(Program p) {
        Classification c = p.classification();
        return new ProgramJson(p.id().value(), p.titleKo(), p.titleEn(), p.descriptionKo(), p.descriptionEn(),
                p.domain().name(), c == null ? null : c.area().name(),
                c == null || c.subcategory() == null ? null : c.subcategory().name(), p.audience().name(),
                p.kind().name(), p.format().name(), p.branchId().value(), p.minAge(), p.maxAge(), p.fee(),
                p.feeReductionsApply(), p.accessibility().stream().sorted().map(Enum::name).toList(),
                p.accessibilityNoteKo(), p.accessibilityNoteEn(),
                p.instructors().stream().map(i -> new InstructorJson(i.accountId(), i.name())).toList(),
                p.whatToBringKo(), p.whatToBringEn());
    }
}
