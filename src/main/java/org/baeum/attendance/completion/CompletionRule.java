package org.baeum.attendance.completion;

/**
 * A program's rule of completion (수료 기준), set by STAFF: the least share of the sessions held that a participant
 * must have attended, as the fraction {@code numerator/denominator} of the points full attendance would earn
 * ({@code 0/1}, the default, asks for none), and whether a portfolio or assessment is required as well.
 */
public record CompletionRule(int numerator, int denominator, boolean portfolioRequired) {

    /** The largest denominator STAFF may set (percent). */
    public static final int MAX_DENOMINATOR = 100;

    /** No minimum share and no portfolio: the default until STAFF set one. */
    public static final CompletionRule NONE = new CompletionRule(0, 1, false);

    /** The share asked for, as a number between 0 and 1. */
    public double share() {
        return (double) numerator / denominator;
    }
}
