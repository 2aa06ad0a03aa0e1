package org.baeum.attendance.degree;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.baeum.attendance.degree.internal.DegreeRuleRepository;
import org.baeum.base.domain.FieldProblem;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The versions of the honorary degree rule (decision 0036). ADMIN saves new thresholds as a new version with the day
 * it takes effect; old versions stay readable, and each award keeps the version it was made under. The version in
 * force on a day is the newest whose day has come. Version 1, Seoul's current rule, is seeded on first use (not while
 * the portal starts: a fresh database must still look empty to the demo data).
 */
@Service
public class DegreeRules {

    private static final Logger log = LoggerFactory.getLogger(DegreeRules.class);
    /** The day the seeded first version is in force from: before any learning the portal records. */
    static final LocalDate SEED_FROM = LocalDate.of(2000, 1, 1);

    private final DegreeRuleRepository rules;
    private final CurrentUser currentUser;
    private final Clock clock;

    DegreeRules(DegreeRuleRepository rules, CurrentUser currentUser, Clock clock) {
        this.rules = rules;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The version in force today (every signed-in user: citizens see their progress under it). */
    @PreAuthorize("isAuthenticated()")
    public DegreeRuleSet current() {
        return inForce();
    }

    /** The newest version saved (possibly not in force yet): what an edit is based on, for {@link #save}. */
    @PreAuthorize("hasRole('ADMIN')")
    public DegreeRuleSet latest() {
        return rules.latest().orElseGet(this::seed);
    }

    /** Every version, newest first. */
    @PreAuthorize("hasRole('ADMIN')")
    public List<DegreeRuleSet> history() {
        List<DegreeRuleSet> all = rules.all();
        return all.isEmpty() ? List.of(seed()) : all;
    }

    /**
     * Saves new thresholds as the next version: every level of {@link DegreeLevel} in order with 1 to
     * {@value LevelRule#MAX_HOURS} hours, a least attendance share of 0 to 100 %, in force from today or later (not
     * before the newest version's day).
     *
     * @param basedOn the newest version when the editor loaded the form: the draft is an edit of it, so a newer
     *                version (another ADMIN's save, or the same form saved twice) refuses the save instead of being
     *                silently replaced
     * @throws InvalidInputException at {@code hours.<LEVEL>}, {@code minAttendancePercent}, {@code effectiveFrom},
     *                               {@code levels} or {@code version} (a version newer than {@code basedOn} exists, or
     *                               someone saved meanwhile); nothing is stored
     */
    @PreAuthorize("hasRole('ADMIN')")
    public DegreeRuleSet save(int basedOn, DegreeRuleDraft draft) {
        DegreeRuleSet latest = rules.latest().orElseGet(this::seed);
        if (latest.version() != basedOn) {
            log.info("Account {} was refused saving degree rules based on version {}: version {} is newer",
                    currentUser.require().accountId(), basedOn, latest.version());
            throw InvalidInputException.of("version", "degreeRules.error.concurrent");
        }
        List<FieldProblem> problems = problems(draft, latest);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String by = currentUser.require().accountId();
        DegreeRuleSet next = new DegreeRuleSet(latest.version() + 1, draft.effectiveFrom(), draft.levels(),
                draft.minAttendancePercent() == null ? 0 : draft.minAttendancePercent(), by, clock.instant());
        if (!rules.insert(next)) {
            throw InvalidInputException.of("version", "degreeRules.error.concurrent");
        }
        log.info("Account {} saved degree rule version {} in force from {}: {} hours, least attendance {} %", by,
                next.version(), next.effectiveFrom(), next.levels().stream()
                        .map(l -> l.level() + " " + l.hours() + (l.outputRequired() ? "+output" : "")).toList(),
                next.minAttendancePercent());
        return next;
    }

    private List<FieldProblem> problems(DegreeRuleDraft draft, DegreeRuleSet latest) {
        List<FieldProblem> problems = new ArrayList<>();
        if (draft == null || draft.levels() == null || !draft.levels().stream().map(l -> l == null ? null : l.level())
                .toList().equals(Arrays.asList(DegreeLevel.values()))) {
            problems.add(FieldProblem.of("levels", "degreeRules.validation.levels"));
            return problems;
        }
        for (LevelRule l : draft.levels()) {
            if (l.hours() < 1 || l.hours() > LevelRule.MAX_HOURS) {
                problems.add(FieldProblem.of("hours." + l.level().name(), "degreeRules.validation.hours",
                        LevelRule.MAX_HOURS));
            }
        }
        Integer share = draft.minAttendancePercent();
        if (share != null && (share < 0 || share > 100)) {
            problems.add(FieldProblem.of("minAttendancePercent", "degreeRules.validation.share"));
        }
        LocalDate today = LocalDate.now(clock.withZone(Formats.SEOUL));
        if (draft.effectiveFrom() == null) {
            problems.add(FieldProblem.of("effectiveFrom", "validation.required"));
        } else if (draft.effectiveFrom().isBefore(today)) {
            problems.add(FieldProblem.of("effectiveFrom", "degreeRules.validation.past"));
        } else if (draft.effectiveFrom().isBefore(latest.effectiveFrom())) {
            problems.add(FieldProblem.of("effectiveFrom", "degreeRules.validation.beforeLatest", latest.version(),
                    latest.effectiveFrom().toString()));
        }
        return problems;
    }

    /** The version in force today, without an access check (the services of this package checked their caller). */
    DegreeRuleSet inForce() {
        LocalDate today = LocalDate.now(clock.withZone(Formats.SEOUL));
        List<DegreeRuleSet> all = rules.all();
        if (all.isEmpty()) {
            return seed();
        }
        return all.stream().filter(r -> !r.effectiveFrom().isAfter(today)).findFirst().orElse(all.getLast());
    }

    /** Inserts version 1 (Seoul's current rule) unless a version 1 exists; safe when two instances start at once. */
    private DegreeRuleSet seed() {
        DegreeRuleSet first = new DegreeRuleSet(1, SEED_FROM, DegreeRuleSet.SEOUL, 0, null, clock.instant());
        if (rules.insert(first)) {
            log.info("Degree rule version 1 (Seoul's current rule) seeded");
            return first;
        }
        return rules.version(1).orElseThrow();
    }
}
