package org.baeum.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * When and how an offering recruits (모집): ordered phases that do not overlap, each with its own window and method
 * (decision 0024). {@link #opensAt()} and {@link #closesAt()} are the whole window, from the first phase's opening
 * to the last one's closing (what {@link Offering#status} and the enrolment window use); a gap between two phases is
 * inside that window but no phase is open then.
 */
public record Recruitment(List<RecruitmentPhase> phases) {

    public Recruitment {
        Objects.requireNonNull(phases, "phases");
        phases = List.copyOf(phases);
        if (phases.isEmpty()) {
            throw new IllegalArgumentException("A recruitment needs at least one phase");
        }
        for (int i = 1; i < phases.size(); i++) {
            if (phases.get(i).opensAt().isBefore(phases.get(i - 1).closesAt())) {
                throw new IllegalArgumentException("Recruitment phase " + (i + 1)
                        + " must open when or after phase " + i + " closes");
            }
        }
    }

    /** One phase: how every offering recruited before phases existed. */
    public Recruitment(Instant opensAt, Instant closesAt, RecruitmentMethod method) {
        this(List.of(new RecruitmentPhase(opensAt, closesAt, method)));
    }

    /** When the first phase opens. */
    public Instant opensAt() {
        return phases.getFirst().opensAt();
    }

    /** When the last phase closes. */
    public Instant closesAt() {
        return phases.getLast().closesAt();
    }

    /** The phase open at {@code now}; else the next one to open; after the last one closed, the last one. */
    public RecruitmentPhase current(Instant now) {
        for (RecruitmentPhase phase : phases) {
            if (now.isBefore(phase.closesAt())) {
                return phase;
            }
        }
        return phases.getLast();
    }

    /** The number of the {@link #current} phase, from 1 (1차, 2차 …). */
    public int currentNumber(Instant now) {
        return phases.indexOf(current(now)) + 1;
    }

    /** The method of the {@link #current} phase. */
    public RecruitmentMethod method(Instant now) {
        return current(now).method();
    }

    /** A phase is open at {@code now} (not merely inside the whole window: a gap between phases is closed). */
    public boolean isOpen(Instant now) {
        return current(now).isOpen(now);
    }

    /** More than one phase. */
    public boolean isPhased() {
        return phases.size() > 1;
    }
}
