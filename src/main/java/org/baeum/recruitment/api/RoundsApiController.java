package org.baeum.recruitment.api;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.baeum.account.ParticipantId;
import org.baeum.base.domain.FieldProblem;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.i18n.Messages;
import org.baeum.catalog.OfferingId;
import org.baeum.recruitment.Application;
import org.baeum.recruitment.ApplicationCounts;
import org.baeum.recruitment.ApplicationRefusedException;
import org.baeum.recruitment.Applications;
import org.baeum.recruitment.Continuation;
import org.baeum.recruitment.ReservedShare;
import org.baeum.recruitment.Round;
import org.baeum.recruitment.RoundDraft;
import org.baeum.recruitment.RoundId;
import org.baeum.recruitment.RoundPhase;
import org.baeum.recruitment.RoundPhaseKind;
import org.baeum.recruitment.RoundService;
import org.baeum.recruitment.RoundDrawsService;
import org.baeum.recruitment.draw.DrawJson;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Recruitment rounds and lottery applications for apps (issue 15):
 * <ul>
 *   <li>{@code GET /api/v1/rounds}, {@code GET /api/v1/rounds/{id}} (public): id, title, offerings, phases, status,
 *   commitment (null until the lottery phase opens). Never the seed.</li>
 *   <li>{@code GET /api/v1/rounds/{id}/draw} (public): the draw record of decision 0027 as JSON; 409
 *   {@code not_closed} until the lottery phase closes, then {@code seed} null until the draw.</li>
 *   <li>{@code POST /api/v1/rounds} (STAFF, ADMIN) → 201 the round; bad fields 400 {@code {"error", "fields"}} with
 *   {@code phase.<i>.opens|closes|kind} for phases; optional {@code previousRound} (id) and {@code continuations}
 *   ({@code [{"offering", "previous"}]}).</li>
 *   <li>{@code GET /api/v1/rounds/{id}/applications} (STAFF, ADMIN): counts per offering, flagged numbers.</li>
 *   <li>{@code POST /api/v1/rounds/{id}/applications} (CITIZEN), body {@code {"participantId"?, "choices": [...],
 *   "household": bool}} → 201 {@code {"number", "status"}}; 409 {@code {"error", "reason", "code"}} for
 *   {@code round_closed}, {@code not_reserved_eligible} (the reserved phase, not eligible) and
 *   {@code already_applied}; 400 at {@code choices}; 403 outside the household.</li>
 *   <li>{@code DELETE /api/v1/applications/{number}} (own, until the close), {@code GET /api/v1/me/applications}.</li>
 * </ul>
 */
@RestController
class RoundsApiController {

    record PhaseBody(String kind, Instant opensAt, Instant closesAt) {
    }

    /** A re-registration link: {@code offering} of the round continues {@code previous} of the term before. */
    record ContinuationBody(String offering, String previous) {
    }

    record RoundBody(String id, String titleKo, String titleEn, List<String> offerings, List<PhaseBody> phases,
                     Instant confirmationDeadline, Boolean secondEntryForPreviousLosers, Integer reservedPercent,
                     List<String> reservedCategories, List<String> reservedDistricts, String previousRound,
                     List<ContinuationBody> continuations) {
    }

    record RoundItem(String id, String title, String titleKo, String titleEn, List<String> offerings,
                     List<RoundPhase> phases, Instant confirmationDeadline, boolean secondEntryForPreviousLosers,
                     int reservedPercent, List<String> reservedCategories, List<String> reservedDistricts,
                     String status, String commitment, Instant committedAt, String previousRound,
                     List<ContinuationBody> continuations) {
    }

    record ApplyBody(String participantId, List<String> choices, Boolean household) {
    }

    record Decision(String number, String status) {
    }

    record ApplicationItem(String number, String roundId, List<String> participantIds, List<String> choices,
                           boolean household, int seats, String status, Instant createdAt, Instant withdrawnAt,
                           boolean reserved, int weight) {
    }

    record CountsItem(String roundId, int applications, int seats, List<OfferingCount> offerings,
                      List<ApplicationCounts.Flagged> duplicatePersons) {
    }

    record OfferingCount(String offeringId, int firstChoice, int anyChoice) {
    }

    private final RoundService rounds;
    private final Applications applications;
    private final RoundDrawsService draws;
    private final Messages messages;

    RoundsApiController(RoundService rounds, Applications applications, RoundDrawsService draws, Messages messages) {
        this.rounds = rounds;
        this.draws = draws;
        this.applications = applications;
        this.messages = messages;
    }

    @GetMapping(path = "/api/v1/rounds", produces = MediaType.APPLICATION_JSON_VALUE)
    List<RoundItem> list(Locale locale) {
        return rounds.rounds().stream().map(r -> item(r, locale)).toList();
    }

    @GetMapping(path = "/api/v1/rounds/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    RoundItem one(@PathVariable String id, Locale locale) {
        return rounds.round(new RoundId(id)).map(r -> item(r, locale))
                .orElseThrow(() -> new ApplicationRefusedException(ApplicationRefusedException.Reason.NO_SUCH_ROUND));
    }

    /** The public draw record, exactly as {@code DrawJson} writes it (what {@code tools/VerifyDraw.java} reads). */
    @GetMapping(path = "/api/v1/rounds/{id}/draw", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> draw(@PathVariable String id) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(DrawJson.write(draws.record(new RoundId(id))));
    }

    @PostMapping(path = "/api/v1/rounds", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<RoundItem> create(@RequestBody RoundBody body, Locale locale) {
        Round r = rounds.create(draft(body));
        return ResponseEntity.created(URI.create("/api/v1/rounds/" + r.id().value())).body(item(r, locale));
    }

    @GetMapping(path = "/api/v1/rounds/{id}/applications", produces = MediaType.APPLICATION_JSON_VALUE)
    CountsItem counts(@PathVariable String id) {
        ApplicationCounts c = rounds.applications(new RoundId(id));
        return new CountsItem(c.round().value(), c.applications(), c.seats(), c.offerings().stream()
                .map(o -> new OfferingCount(o.offering().value(), o.firstChoice(), o.anyChoice())).toList(),
                c.duplicatePersons());
    }

    @PostMapping(path = "/api/v1/rounds/{id}/applications", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Decision> apply(@PathVariable String id, @RequestBody ApplyBody body) {
        ParticipantId participant = body.participantId() == null || body.participantId().isBlank()
                ? null : new ParticipantId(body.participantId().strip());
        List<OfferingId> choices = body.choices() == null ? List.of()
                : body.choices().stream().map(c -> c == null ? null : new OfferingId(c.strip())).toList();
        Application a = applications.apply(new RoundId(id), participant, choices, Boolean.TRUE.equals(body.household()));
        return ResponseEntity.created(URI.create("/api/v1/me/applications")).body(new Decision(a.number(), a.status().name()));
    }

    @DeleteMapping(path = "/api/v1/applications/{number}", produces = MediaType.APPLICATION_JSON_VALUE)
    ApplicationItem withdraw(@PathVariable String number) {
        return item(applications.withdraw(number));
    }

    @GetMapping(path = "/api/v1/me/applications", produces = MediaType.APPLICATION_JSON_VALUE)
    List<ApplicationItem> mine() {
        return applications.mine().stream().map(RoundsApiController::item).toList();
    }

    @ExceptionHandler(ApplicationRefusedException.class)
    ResponseEntity<Map<String, Object>> refused(ApplicationRefusedException e, Locale locale) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", messages.get(e.messageKey(), locale));
        body.put("reason", e.reason().name());
        body.put("code", e.reason().name().toLowerCase(Locale.ROOT));
        HttpStatus status = e.reason() == ApplicationRefusedException.Reason.NO_SUCH_ROUND
                ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT;
        return ResponseEntity.status(status).body(body);
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Map<String, Object>> invalid(InvalidInputException e, Locale locale) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (FieldProblem p : e.problems()) {
            fields.putIfAbsent(p.field(), messages.get(p.messageKey(), locale, p.arguments().toArray()));
        }
        return ResponseEntity.badRequest().body(Map.of("error", messages.get("validation.summary", locale), "fields", fields));
    }

    /** The body as a draft; an unknown phase kind is a field error at {@code phase.<i>.kind}. */
    private static RoundDraft draft(RoundBody b) {
        List<RoundPhase> phases = new ArrayList<>();
        List<FieldProblem> problems = new ArrayList<>();
        List<PhaseBody> given = b.phases() == null ? List.of() : b.phases();
        for (int i = 0; i < given.size(); i++) {
            PhaseBody p = given.get(i);
            RoundPhaseKind kind = null;
            if (p != null && p.kind() != null) {
                try {
                    kind = RoundPhaseKind.valueOf(p.kind().strip());
                } catch (IllegalArgumentException unknown) {
                    problems.add(FieldProblem.of("phase." + i + ".kind", "round.validation.phaseKind"));
                }
            }
            phases.add(p == null ? null : new RoundPhase(kind, p.opensAt(), p.closesAt()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        List<OfferingId> offerings = b.offerings() == null ? List.of()
                : b.offerings().stream().map(o -> o == null ? null : new OfferingId(o.strip())).toList();
        List<Continuation> continuations = b.continuations() == null ? List.of() : b.continuations().stream()
                .map(c -> c == null ? null : new Continuation(offering(c.offering()), offering(c.previous()))).toList();
        return new RoundDraft(b.id() == null ? null : b.id().strip(), b.titleKo(), b.titleEn(), offerings, phases,
                b.confirmationDeadline(), Boolean.TRUE.equals(b.secondEntryForPreviousLosers()),
                new ReservedShare(b.reservedPercent() == null ? 0 : b.reservedPercent(), b.reservedCategories(),
                        b.reservedDistricts()),
                b.previousRound() == null || b.previousRound().isBlank() ? null : new RoundId(b.previousRound().strip()),
                continuations);
    }

    private static OfferingId offering(String id) {
        return id == null || id.isBlank() ? null : new OfferingId(id.strip());
    }

    private static RoundItem item(Round r, Locale locale) {
        return new RoundItem(r.id().value(), r.title(locale), r.titleKo(), r.titleEn(),
                r.offerings().stream().map(OfferingId::value).toList(), r.phases(), r.confirmationDeadline(),
                r.secondEntryForPreviousLosers(), r.reserved().percent(), r.reserved().categories(),
                r.reserved().districts(), r.status().name(), r.commitment(), r.committedAt(),
                r.previousRound() == null ? null : r.previousRound().value(), r.continuations().stream()
                        .map(c -> new ContinuationBody(c.offering().value(), c.previous().value())).toList());
    }

    private static ApplicationItem item(Application a) {
        return new ApplicationItem(a.number(), a.round().value(), a.participants().stream().map(ParticipantId::value).toList(),
                a.choices().stream().map(OfferingId::value).toList(), a.household(), a.seats(), a.status().name(),
                a.createdAt(), a.withdrawnAt(), a.reserved(), a.weight());
    }
}
