package org.baeum.survey.results;

import java.util.ArrayList;
import java.util.List;

/**
 * The answers to one scale item of a group: how many chose each point (1 = lowest … {@code scale} = highest). Plain
 * Java, no Spring, no database. "Satisfied or better" is the top two points of the scale (4–5 of five, 3–4 of four).
 */
public final class ScaleTally {

    private final int scale;
    private final long[] counts;

    public ScaleTally(int scale) {
        if (scale < 2) {
            throw new IllegalArgumentException("a scale has at least two points: " + scale);
        }
        this.scale = scale;
        this.counts = new long[scale];
    }

    public int scale() {
        return scale;
    }

    /** Counts one answer; a point outside 1..scale (never stored by the answering side) is refused. */
    public void add(int point) {
        if (point < 1 || point > scale) {
            throw new IllegalArgumentException("point " + point + " is outside 1.." + scale);
        }
        counts[point - 1]++;
    }

    /** Adds another tally of the same scale (pooling groups). */
    public void addAll(ScaleTally other) {
        if (other.scale != scale) {
            throw new IllegalArgumentException("scales differ: " + scale + " and " + other.scale);
        }
        for (int i = 0; i < scale; i++) {
            counts[i] += other.counts[i];
        }
    }

    public long count() {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        return n;
    }

    /** How many chose each point, lowest first (one value per point). */
    public List<Long> distribution() {
        List<Long> d = new ArrayList<>(scale);
        for (long c : counts) {
            d.add(c);
        }
        return List.copyOf(d);
    }

    /** The mean point, rounded to two decimals; {@code null} without answers. */
    public Double mean() {
        long n = count();
        if (n == 0) {
            return null;
        }
        long sum = 0;
        for (int i = 0; i < scale; i++) {
            sum += counts[i] * (i + 1);
        }
        return Math.round(sum * 100.0 / n) / 100.0;
    }

    /** Answers on the top two points of the scale. */
    public long satisfied() {
        return counts[scale - 1] + counts[scale - 2];
    }

    /** The share of answers on the top two points, in percent with one decimal; {@code null} without answers. */
    public Double satisfiedShare() {
        return Results.percent(satisfied(), count());
    }
}
