package org.baeum.recruitment.draw;

/**
 * The verdict of {@link Draw#verify}: ok, or the first field where the published record differs from the
 * recomputation, with what the rule gives ({@code expected}) and what the record says ({@code found}).
 */
public record Verification(boolean ok, String field, String expected, String found) {

    public static Verification verified() {
        return new Verification(true, null, null, null);
    }

    public static Verification mismatch(String field, String expected, String found) {
        return new Verification(false, field, expected, found);
    }

    /** "verified", or "mismatch at {field}: expected {expected}, found {found}" (the same words as tools/VerifyDraw). */
    public String message() {
        return ok ? "verified" : "mismatch at " + field + ": expected " + expected + ", found " + found;
    }
}
