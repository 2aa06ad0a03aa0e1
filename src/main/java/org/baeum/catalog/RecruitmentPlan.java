package org.baeum.catalog;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.baeum.base.domain.FieldProblem;
import org.baeum.catalog.OfferingDraft.PhaseDraft;

/**
 * The planning rules of recruitment phases, as staff enter them (no Spring, no Mongo): at least one and at most
 * {@link #MAX_PHASES} phases, each with an opening, a later closing and a method staff may plan with today, in order
 * and not overlapping (a phase may open the moment the one before closes), and the last one closed before the
 * first session. Problems name the fields {@code phase.<index>.opens|closes|method} and {@code phases}.
 */
final class RecruitmentPlan {

    static final int MAX_PHASES = OfferingDraft.MAX_PHASES;
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private RecruitmentPlan() {
    }

    /** Adds every problem of the phases on their own (not yet against the sessions). */
    static void check(List<PhaseDraft> phases, List<FieldProblem> problems) {
        if (phases.isEmpty()) {
            problems.add(FieldProblem.of("phases", "validation.required"));
            return;
        }
        if (phases.size() > MAX_PHASES) {
            problems.add(FieldProblem.of("phases", "validation.tooManyPhases", MAX_PHASES));
            return;
        }
        LocalDateTime previousClose = null;
        for (int i = 0; i < phases.size(); i++) {
            PhaseDraft phase = phases.get(i);
            if (phase.method() == null) {
                problems.add(FieldProblem.of(OfferingDraft.phaseField(i, "method"), "validation.required"));
            } else if (!phase.method().isPlannable()) {
                problems.add(FieldProblem.of(OfferingDraft.phaseField(i, "method"), "validation.methodNotYet"));
            }
            if (phase.opens() == null) {
                problems.add(FieldProblem.of(OfferingDraft.phaseField(i, "opens"), "validation.required"));
            } else if (previousClose != null && phase.opens().isBefore(previousClose)) {
                problems.add(FieldProblem.of(OfferingDraft.phaseField(i, "opens"), "validation.phaseOverlap", i));
            }
            if (phase.closes() == null) {
                problems.add(FieldProblem.of(OfferingDraft.phaseField(i, "closes"), "validation.required"));
            } else if (phase.opens() != null && !phase.closes().isAfter(phase.opens())) {
                problems.add(FieldProblem.of(OfferingDraft.phaseField(i, "closes"), "validation.closesBeforeOpens"));
            }
            if (phase.closes() != null) {
                previousClose = phase.closes();
            }
        }
    }

    /** Adds a problem when the last phase (checked by {@link #check}) does not close before {@code firstSession}. */
    static void checkClosesBefore(List<PhaseDraft> phases, LocalDateTime firstSession, List<FieldProblem> problems) {
        if (!phases.getLast().closes().isBefore(firstSession)) {
            problems.add(FieldProblem.of(OfferingDraft.phaseField(phases.size() - 1, "closes"),
                    "validation.closesAfterStart"));
        }
    }

    /** The recruitment of phases that passed {@link #check}. */
    static Recruitment recruitment(List<PhaseDraft> phases) {
        return new Recruitment(phases.stream().map(p -> new RecruitmentPhase(p.opens().atZone(SEOUL).toInstant(),
                p.closes().atZone(SEOUL).toInstant(), p.method())).toList());
    }

    /** The phases of {@code recruitment} as staff would enter them, moved by {@code weeks} (for copies). */
    static List<PhaseDraft> drafts(Recruitment recruitment, long weeks) {
        List<PhaseDraft> drafts = new ArrayList<>();
        for (RecruitmentPhase phase : recruitment.phases()) {
            drafts.add(new PhaseDraft(LocalDateTime.ofInstant(phase.opensAt(), SEOUL).plusWeeks(weeks),
                    LocalDateTime.ofInstant(phase.closesAt(), SEOUL).plusWeeks(weeks), phase.method()));
        }
        return drafts;
    }
}
