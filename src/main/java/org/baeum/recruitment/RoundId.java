package org.baeum.recruitment;

import java.util.regex.Pattern;

/** A round's id as staff type it, e.g. {@code 2027Q1-SWIM}: A–Z, 0–9 and '-', 3 to 32 characters, unique. */
public record RoundId(String value) {

    private static final Pattern FORM = Pattern.compile("[A-Z0-9-]{3,32}");

    public RoundId {
        if (value == null) {
            throw new IllegalArgumentException("A round id is required");
        }
    }

    /** Whether {@code value} has the form of a round id. */
    public static boolean wellFormed(String value) {
        return value != null && FORM.matcher(value).matches();
    }
}
