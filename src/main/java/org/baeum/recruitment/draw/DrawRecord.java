package org.baeum.recruitment.draw;

import java.util.List;

/**
 * The public record of one draw (decision 0027): everything a verifier needs, and nothing that identifies a person.
 * {@code seed} is the lowercase hex of the 32-byte seed, {@code null} until the draw ran; {@code order} and
 * {@code results} are then empty. {@code committedAt} and {@code drawnAt} are ISO-8601 instants shown to readers, not
 * inputs of the rule. {@code results} list one entry per application, in the order of {@code applications}.
 */
public record DrawRecord(String rule, String ruleText, String round, String commitment, String committedAt, String seed,
        String drawnAt, List<Offering> offerings, List<Application> applications, List<String> order,
        List<Result> results) {

    public DrawRecord {
        offerings = List.copyOf(offerings);
        applications = List.copyOf(applications);
        order = List.copyOf(order);
        results = List.copyOf(results);
    }

    /** An offering of the round: {@code seats} in all, of which {@code reserved} are drawn first among the eligible. */
    public record Offering(String id, int seats, int reserved) {
    }

    /**
     * One entry of the draw: its public number, its weight (1, or 2 for a second entry), its ranked choices (1-3
     * offering ids), the seats it needs (a household applies as one entry of 1-8 seats) and whether it is eligible for
     * the reserved share.
     */
    public record Application(String number, int weight, List<String> choices, int seats, boolean reserved) {
        public Application {
            choices = List.copyOf(choices);
        }
    }

    /** Where an application landed: the offering won and from which share, or both {@code null} when it lost. */
    public record Result(String number, String offering, Share share) {
        public static Result lost(String number) {
            return new Result(number, null, null);
        }

        public boolean won() {
            return offering != null;
        }
    }

    /** The share a seat was won from. Written in JSON as {@code "reserved"} / {@code "general"}. */
    public enum Share {
        RESERVED, GENERAL;

        public String json() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
