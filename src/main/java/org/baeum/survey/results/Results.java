package org.baeum.survey.results;

/**
 * The rules the results share (decision 0052): the smallest group whose answers are shown, and how shares are
 * rounded. Plain Java.
 */
public final class Results {

    /**
     * A group with fewer answers than this is hidden from instructors entirely, and its free texts from everyone
     * (writing style can identify who wrote them).
     */
    public static final int MIN_ANSWERS = 5;

    private Results() {
    }

    /** {@code part} of {@code whole} in percent with one decimal; {@code null} when there is nothing to divide by. */
    public static Double percent(long part, long whole) {
        return whole <= 0 ? null : Math.round(part * 1000.0 / whole) / 10.0;
    }

    /** Whether a group of that many answers is large enough to show (its free texts to anyone, anything to an instructor). */
    public static boolean largeEnough(long answered) {
        return answered >= MIN_ANSWERS;
    }
}
