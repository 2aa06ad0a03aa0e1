package org.baeum.catalog;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A period during which a branch (or every branch) is closed, e.g. building maintenance. Both ends are inclusive.
 *
 * <p>The shape {@link CatalogService#closuresFrom} has always answered with. Closures belong to the calendar now
 * ({@link org.baeum.calendar.DaysOff}, {@link org.baeum.calendar.Closure}), which can also close a single room or
 * facility; this record stays for readers of {@code closuresFrom} until they read the calendar.
 *
 * @param branchId the branch that is closed, or {@code null} when the closure applies to all branches
 * @param firstDay first closed day (inclusive), never {@code null}
 * @param lastDay  last closed day (inclusive), never {@code null} and not before {@code firstDay}
 * @param reasonKo reason shown to Korean-speaking users, never blank
 * @param reasonEn reason shown to English-speaking users, never blank
 */
public record Closure(String branchId, LocalDate firstDay, LocalDate lastDay, String reasonKo, String reasonEn) {

    /**
     * Validates the components.
     *
     * @throws NullPointerException     if a date or a reason is {@code null}
     * @throws IllegalArgumentException if {@code lastDay} is before {@code firstDay}, a reason is blank,
     *                                  or {@code branchId} is non-null but blank
     */
    public Closure {
        Objects.requireNonNull(firstDay, "firstDay");
        Objects.requireNonNull(lastDay, "lastDay");
        Objects.requireNonNull(reasonKo, "reasonKo");
        Objects.requireNonNull(reasonEn, "reasonEn");
        if (lastDay.isBefore(firstDay)) {
            throw new IllegalArgumentException(
                    "Closure lastDay " + lastDay + " is before firstDay " + firstDay);
        }
        if (branchId != null && branchId.isBlank()) {
            throw new IllegalArgumentException("branchId must be null (all branches) or non-blank");
        }
        if (reasonKo.isBlank() || reasonEn.isBlank()) {
            throw new IllegalArgumentException("Closure reasons must not be blank");
        }
    }

    /**
     * Creates a closure that applies to every branch.
     *
     * @param firstDay first closed day (inclusive)
     * @param lastDay  last closed day (inclusive)
     * @param reasonKo Korean reason
     * @param reasonEn English reason
     * @return the closure, with a {@code null} branch id
     */
    public static Closure allBranches(LocalDate firstDay, LocalDate lastDay, String reasonKo, String reasonEn) {
        return new Closure(null, firstDay, lastDay, reasonKo, reasonEn);
    }

    /**
     * Tells whether this closure applies to every branch.
     *
     * @return {@code true} if {@link #branchId()} is {@code null}
     */
    public boolean isAllBranches() {
        return branchId == null;
    }

    /**
     * Tells whether this closure concerns the given branch.
     *
     * @param branch a branch id
     * @return {@code true} if this is an all-branch closure or its branch id equals {@code branch}
     */
    public boolean appliesTo(String branch) {
        return branchId == null || branchId.equals(branch);
    }

    /**
     * Tells whether the given day lies within this closure.
     *
     * @param day a date, not {@code null}
     * @return {@code true} if {@code firstDay <= day <= lastDay}
     */
    public boolean includes(LocalDate day) {
        Objects.requireNonNull(day, "day");
        return !day.isBefore(firstDay) && !day.isAfter(lastDay);
    }
}
