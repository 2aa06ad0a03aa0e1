package org.baeum.recruitment.draw;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.baeum.recruitment.draw.DrawRecord.Application;
import org.baeum.recruitment.draw.DrawRecord.Offering;

/**
 * What a draw is computed from: the round id, the 32-byte seed, the offerings and the applications. The constructor
 * refuses anything the rule does not define ({@link InvalidDrawInput} names the field), so {@link Draw#run} never has
 * to guess.
 */
public record DrawInput(String round, byte[] seed, List<Offering> offerings, List<Application> applications) {

    public static final int SEED_BYTES = 32;
    public static final int MAX_CHOICES = 3;
    public static final int MAX_SEATS = 8;

    public DrawInput {
        offerings = List.copyOf(offerings);
        applications = List.copyOf(applications);
        seed = seed.clone();
        check(round, seed, offerings, applications);
    }

    @Override
    public byte[] seed() {
        return seed.clone();
    }

    /** Equal inputs give equal draws: the seed compares by content. */
    @Override
    public boolean equals(Object other) {
        return other instanceof DrawInput o && round.equals(o.round) && Arrays.equals(seed, o.seed)
                && offerings.equals(o.offerings) && applications.equals(o.applications);
    }

    @Override
    public int hashCode() {
        return Objects.hash(round, Arrays.hashCode(seed), offerings, applications);
    }

    /** Never shows the seed: it is secret until the draw, and inputs end up in logs. */
    @Override
    public String toString() {
        return "DrawInput[round=" + round + ", seed=(" + seed.length + " bytes, hidden), offerings=" + offerings.size()
                + ", applications=" + applications.size() + "]";
    }

    private static void check(String round, byte[] seed, List<Offering> offerings, List<Application> applications) {
        if (round == null || round.isBlank()) {
            throw new InvalidDrawInput("round", "a round id", String.valueOf(round));
        }
        if (seed.length != SEED_BYTES) {
            throw new InvalidDrawInput("seed", SEED_BYTES + " bytes", seed.length + " bytes");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < offerings.size(); i++) {
            Offering o = offerings.get(i);
            String at = "offerings[" + i + "]";
            if (o.id() == null || !ids.add(o.id())) {
                throw new InvalidDrawInput(at + ".id", "a unique id", String.valueOf(o.id()));
            }
            if (o.seats() < 0) {
                throw new InvalidDrawInput(at + ".seats", "0 or more", String.valueOf(o.seats()));
            }
            if (o.reserved() < 0 || o.reserved() > o.seats()) {
                throw new InvalidDrawInput(at + ".reserved", "0.." + o.seats(), String.valueOf(o.reserved()));
            }
        }
        Set<String> numbers = new HashSet<>();
        for (int i = 0; i < applications.size(); i++) {
            checkApplication("applications[" + i + "]", applications.get(i), ids, numbers);
        }
    }

    private static void checkApplication(String at, Application a, Set<String> offeringIds, Set<String> numbers) {
        if (a.number() == null || !numbers.add(a.number())) {
            throw new InvalidDrawInput(at + ".number", "a unique number", String.valueOf(a.number()));
        }
        if (a.weight() != 1 && a.weight() != 2) {
            throw new InvalidDrawInput(at + ".weight", "1 or 2", String.valueOf(a.weight()));
        }
        if (a.seats() < 1 || a.seats() > MAX_SEATS) {
            throw new InvalidDrawInput(at + ".seats", "1.." + MAX_SEATS, String.valueOf(a.seats()));
        }
        List<String> choices = a.choices();
        if (choices.isEmpty() || choices.size() > MAX_CHOICES || new HashSet<>(choices).size() != choices.size()
                || !offeringIds.containsAll(choices)) {
            throw new InvalidDrawInput(at + ".choices", "1-" + MAX_CHOICES + " distinct offerings of the round",
                    choices.toString());
        }
    }

    /** A draw input the rule does not define; {@link #field()} says where (e.g. {@code applications[2].weight}). */
    public static final class InvalidDrawInput extends IllegalArgumentException {
        private final String field;
        private final String expected;
        private final String found;

        InvalidDrawInput(String field, String expected, String found) {
            super(field + ": expected " + expected + ", found " + found);
            this.field = field;
            this.expected = expected;
            this.found = found;
        }

        public String field() {
            return field;
        }

        public String expected() {
            return expected;
        }

        public String found() {
            return found;
        }
    }
}
