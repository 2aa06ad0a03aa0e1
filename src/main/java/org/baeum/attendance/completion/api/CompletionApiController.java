package org.baeum.attendance.completion.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.baeum.attendance.completion.Completion;
import org.baeum.attendance.completion.CompletionRule;
import org.baeum.attendance.completion.CompletionRules;
import org.baeum.attendance.completion.Completions;
import org.baeum.attendance.completion.ParticipantProgress;
import org.baeum.base.domain.FieldProblem;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.i18n.Messages;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.OfferingId;
import org.baeum.catalog.ProgramId;
import org.baeum.enrollment.EnrollmentId;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Completion for apps (bearer tokens; decision 0034):
 * <ul>
 *   <li>{@code GET /api/v1/offerings/{id}/completion} (its instructor, STAFF, ADMIN): {@code {"rule": {"minimumShare":
 *   "2/3"|null, "portfolioRequired"}, "participants": [{"enrollmentId", "name", "attended", "held", "share", "meets",
 *   "reachable", "portfolio", "completed", "certificateCode"}]}}; {@code completed} and {@code certificateCode} come
 *   from the last confirmation (false and null before it)</li>
 *   <li>{@code PUT /api/v1/offerings/{id}/completion/portfolio/{enrollmentId}} with {@code {"accepted": true}}:
 *   answers the same document</li>
 *   <li>{@code POST /api/v1/offerings/{id}/completion/confirm}: {@code {"completions": [{"enrollmentId", "name",
 *   "completed", "sessions", "hours", "certificateCode"}]}}; 400 at {@code offering} before the last session ended</li>
 *   <li>{@code GET}/{@code PUT /api/v1/programs/{id}/completion-rule} (STAFF, ADMIN): {@code {"minimumShare",
 *   "portfolioRequired"}}; a share is {@code "n/d"} (1 ≤ d ≤ 100, 0 ≤ n ≤ d) or null for none</li>
 * </ul>
 * The services decide who may (403 otherwise); a malformed body is 400 {@code {"error", "fields"}}.
 */
@RestController
class CompletionApiController {

    record Rule(String minimumShare, Boolean portfolioRequired) {
    }

    record Participant(String enrollmentId, String name, int attended, int held, double share, boolean meets,
                       boolean reachable, boolean portfolio, boolean completed, String certificateCode) {
    }

    record Progress(Rule rule, List<Participant> participants) {
    }

    record PortfolioBody(Boolean accepted) {
    }

    record Outcome(String enrollmentId, String name, boolean completed, int sessions, double hours,
                   String certificateCode) {
    }

    record Confirmed(List<Outcome> completions) {
    }

    private final Completions completions;
    private final CompletionRules rules;
    private final CatalogService catalog;
    private final Messages messages;

    CompletionApiController(Completions completions, CompletionRules rules, CatalogService catalog, Messages messages) {
        this.completions = completions;
        this.rules = rules;
        this.catalog = catalog;
        this.messages = messages;
    }

    @GetMapping(path = "/api/v1/offerings/{id}/completion", produces = MediaType.APPLICATION_JSON_VALUE)
    Progress progress(@PathVariable String id) {
        OfferingId offering = new OfferingId(id);
        List<ParticipantProgress> progress = completions.progress(offering);
        Map<EnrollmentId, Completion> confirmed = completions.confirmed(offering).stream()
                .collect(Collectors.toMap(Completion::enrollmentId, Function.identity()));
        CompletionRule rule = progress.isEmpty() ? completions.ruleFor(offering) : progress.getFirst().rule();
        return new Progress(rule(rule), progress.stream().map(p -> {
            Completion c = confirmed.get(p.enrollmentId());
            return new Participant(p.enrollmentId().value(), p.name(), p.standing().attended(), p.standing().held(),
                    Math.round(p.shareSoFar() * 10_000) / 10_000.0, p.meetsSoFar(), p.reachable(), p.portfolio(),
                    c != null && c.completed(), c == null ? null : c.certificateCode());
        }).toList());
    }

    @PutMapping(path = "/api/v1/offerings/{id}/completion/portfolio/{enrollmentId}",
            produces = MediaType.APPLICATION_JSON_VALUE)
    Progress portfolio(@PathVariable String id, @PathVariable String enrollmentId,
                       @RequestBody(required = false) PortfolioBody body) {
        if (body == null || body.accepted() == null) {
            throw InvalidInputException.of("accepted", "validation.required");
        }
        completions.setPortfolio(new OfferingId(id), new EnrollmentId(enrollmentId), body.accepted());
        return progress(id);
    }

    @PostMapping(path = "/api/v1/offerings/{id}/completion/confirm", produces = MediaType.APPLICATION_JSON_VALUE)
    Confirmed confirm(@PathVariable String id) {
        return new Confirmed(completions.confirm(new OfferingId(id)).stream().map(c -> new Outcome(
                c.enrollmentId().value(), c.name(), c.completed(), c.sessions(), c.hours(), c.certificateCode()))
                .toList());
    }

    @GetMapping(path = "/api/v1/programs/{id}/completion-rule", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Rule> rule(@PathVariable String id) {
        ProgramId program = new ProgramId(id);
        CompletionRule rule = rules.ruleOf(program); // the STAFF check comes first
        return catalog.program(program).isEmpty() ? ResponseEntity.notFound().build() : ResponseEntity.ok(rule(rule));
    }

    @PutMapping(path = "/api/v1/programs/{id}/completion-rule", produces = MediaType.APPLICATION_JSON_VALUE)
    Rule setRule(@PathVariable String id, @RequestBody(required = false) Rule body) {
        CompletionRule rule = parse(body == null ? new Rule(null, null) : body);
        rules.setRule(new ProgramId(id), rule);
        return rule(rules.ruleOf(new ProgramId(id)));
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Map<String, Object>> invalid(InvalidInputException e, Locale locale) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (FieldProblem p : e.problems()) {
            fields.put(p.field(), messages.get(p.messageKey(), locale, p.arguments().toArray()));
        }
        return ResponseEntity.badRequest().body(Map.of("error", messages.get("validation.summary", locale),
                "fields", fields));
    }

    static Rule rule(CompletionRule r) {
        return new Rule(r.numerator() == 0 ? null : r.numerator() + "/" + r.denominator(), r.portfolioRequired());
    }

    /** "n/d" (or null, blank, "none": no minimum) to a rule; anything else is 400 at {@code minimumShare}. */
    static CompletionRule parse(Rule body) {
        boolean portfolio = Boolean.TRUE.equals(body.portfolioRequired());
        String share = body.minimumShare() == null ? "" : body.minimumShare().strip();
        if (share.isEmpty() || share.equalsIgnoreCase("none")) {
            return new CompletionRule(0, 1, portfolio);
        }
        String[] parts = share.split("/", -1);
        try {
            if (parts.length == 2) {
                return new CompletionRule(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()),
                        portfolio);
            }
        } catch (NumberFormatException notANumber) {
            // falls through to the message below
        }
        throw InvalidInputException.of("minimumShare", "completionRule.validation.share");
    }
}
