package org.baeum.recruitment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.baeum.base.domain.FieldProblem;
import org.baeum.catalog.OfferingId;

/**
 * The checks of a new round, per field, in plain Java: id form, titles, 1–30 known offerings, phases
 * ({@code phase.<i>.kind|opens|closes}: each opens before it closes, none overlaps the one before, kinds in the
 * order of {@link RoundPhaseKind}, each at most once, the lottery exactly once), the confirmation deadline after the
 * lottery closes, the reserved share (0–50 %, someone eligible when above 0, above 0 when there is a RESERVED phase),
 * the previous round ({@code previousRound}: an existing other round, required for second entries) and the
 * re-registration links ({@code continuations}: each offering of the round at most once, from an existing offering
 * outside the round; at least one when there is a RE_REGISTRATION phase).
 */
final class RoundRules {

    static final int MAX_OFFERINGS = 30;
    static final int MAX_TITLE = 200;
    static final int MAX_RESERVED_PERCENT = 50;

    private RoundRules() {
    }

    static List<FieldProblem> check(RoundDraft d, Predicate<OfferingId> offeringExists, Predicate<String> categoryExists,
                                    Predicate<RoundId> roundExists) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!RoundId.wellFormed(d.id())) {
            problems.add(FieldProblem.of("id", "round.validation.id"));
        }
        title(problems, "titleKo", d.titleKo());
        title(problems, "titleEn", d.titleEn());
        offerings(problems, d.offerings(), offeringExists);
        RoundPhase lottery = phases(problems, d.phases());
        if (d.confirmationDeadline() == null) {
            problems.add(FieldProblem.of("confirmationDeadline", "round.validation.required"));
        } else if (lottery != null && lottery.closesAt() != null && !d.confirmationDeadline().isAfter(lottery.closesAt())) {
            problems.add(FieldProblem.of("confirmationDeadline", "round.validation.confirmationDeadline"));
        }
        reserved(problems, d.reserved(), categoryExists);
        if (d.reserved().percent() <= 0 && has(d, RoundPhaseKind.RESERVED)) {
            problems.add(FieldProblem.of("reservedPercent", "round.validation.reservedPhase"));
        }
        previousRound(problems, d, roundExists);
        continuations(problems, d, offeringExists);
        return problems;
    }

    private static boolean has(RoundDraft d, RoundPhaseKind kind) {
        return d.phases().stream().anyMatch(p -> p != null && p.kind() == kind);
    }

    private static void previousRound(List<FieldProblem> problems, RoundDraft d, Predicate<RoundId> roundExists) {
        RoundId previous = d.previousRound();
        if (previous == null) {
            if (d.secondEntryForPreviousLosers()) {
                problems.add(FieldProblem.of("previousRound", "round.validation.previousRoundRequired"));
            }
        } else if (previous.value() == null || previous.value().equals(d.id()) || !roundExists.test(previous)) {
            problems.add(FieldProblem.of("previousRound", "round.validation.previousRound", String.valueOf(previous.value())));
        }
    }

    private static void continuations(List<FieldProblem> problems, RoundDraft d, Predicate<OfferingId> offeringExists) {
        Set<OfferingId> inRound = new HashSet<>(d.offerings());
        Set<OfferingId> linked = new HashSet<>();
        for (Continuation c : d.continuations()) {
            if (c == null || c.offering() == null || !inRound.contains(c.offering()) || !linked.add(c.offering())) {
                problems.add(FieldProblem.of("continuations", "round.validation.continuation",
                        c == null || c.offering() == null ? "-" : c.offering().value()));
                return;
            }
            if (c.previous() == null || inRound.contains(c.previous()) || !offeringExists.test(c.previous())) {
                problems.add(FieldProblem.of("continuations", "round.validation.continuationPrevious",
                        c.previous() == null ? "-" : c.previous().value()));
                return;
            }
        }
        if (d.continuations().isEmpty() && has(d, RoundPhaseKind.RE_REGISTRATION)) {
            problems.add(FieldProblem.of("continuations", "round.validation.continuationsRequired"));
        }
    }

    private static void title(List<FieldProblem> problems, String field, String title) {
        if (title == null || title.isBlank() || title.strip().length() > MAX_TITLE) {
            problems.add(FieldProblem.of(field, "round.validation.title", MAX_TITLE));
        }
    }

    private static void offerings(List<FieldProblem> problems, List<OfferingId> offerings, Predicate<OfferingId> exists) {
        if (offerings.isEmpty() || offerings.size() > MAX_OFFERINGS || offerings.stream().anyMatch(java.util.Objects::isNull)
                || new HashSet<>(offerings).size() != offerings.size()) {
            problems.add(FieldProblem.of("offerings", "round.validation.offerings", MAX_OFFERINGS));
            return;
        }
        for (OfferingId o : offerings) {
            if (!exists.test(o)) {
                problems.add(FieldProblem.of("offerings", "round.validation.unknownOffering", o.value()));
                return;
            }
        }
    }

    /** @return the lottery phase when there is exactly one, else null (and a problem) */
    private static RoundPhase phases(List<FieldProblem> problems, List<RoundPhase> phases) {
        RoundPhase lottery = null;
        int lotteries = 0;
        RoundPhase previous = null;
        for (int i = 0; i < phases.size(); i++) {
            RoundPhase p = phases.get(i);
            String at = "phase." + i + ".";
            if (p == null || p.kind() == null) {
                problems.add(FieldProblem.of(at + "kind", "round.validation.required"));
            } else if (previous != null && previous.kind() != null && p.kind().ordinal() <= previous.kind().ordinal()) {
                problems.add(FieldProblem.of(at + "kind", "round.validation.phaseOrder"));
            }
            if (p != null && p.kind() == RoundPhaseKind.LOTTERY) {
                lotteries++;
                lottery = p;
            }
            if (p == null || p.opensAt() == null) {
                problems.add(FieldProblem.of(at + "opens", "round.validation.required"));
            }
            if (p == null || p.closesAt() == null) {
                problems.add(FieldProblem.of(at + "closes", "round.validation.required"));
            }
            if (p != null && p.opensAt() != null && p.closesAt() != null && !p.closesAt().isAfter(p.opensAt())) {
                problems.add(FieldProblem.of(at + "closes", "round.validation.phaseBackwards"));
            }
            if (p != null && p.opensAt() != null && previous != null && previous.closesAt() != null
                    && p.opensAt().isBefore(previous.closesAt())) {
                problems.add(FieldProblem.of(at + "opens", "round.validation.phaseOverlap"));
            }
            previous = p;
        }
        if (lotteries != 1) {
            problems.add(FieldProblem.of("phases", "round.validation.lotteryOnce"));
            return null;
        }
        return lottery;
    }

    private static void reserved(List<FieldProblem> problems, ReservedShare r, Predicate<String> categoryExists) {
        if (r.percent() < 0 || r.percent() > MAX_RESERVED_PERCENT) {
            problems.add(FieldProblem.of("reservedPercent", "round.validation.reservedPercent", MAX_RESERVED_PERCENT));
        }
        Set<String> unknown = new HashSet<>();
        r.categories().stream().filter(c -> c == null || !categoryExists.test(c)).forEach(c -> unknown.add(String.valueOf(c)));
        if (!unknown.isEmpty()) {
            problems.add(FieldProblem.of("reservedCategories", "round.validation.unknownCategory", String.join(", ", unknown)));
        }
        if (r.districts().stream().anyMatch(d -> d == null || !d.matches("[A-Z_]{2,40}"))) {
            problems.add(FieldProblem.of("reservedDistricts", "round.validation.district"));
        }
        if (r.percent() > 0 && r.categories().isEmpty() && r.districts().isEmpty()) {
            problems.add(FieldProblem.of("reservedPercent", "round.validation.reservedEligible"));
        }
    }
}
