package org.baeum.enrollment;

/**
 * A command that the rules do not allow now (the window is closed, the participant is too young, a cap is reached,
 * ...). Nothing was stored. The message key is {@code enrollment.refused.<REASON>}; the API answers 409 (422 for
 * {@link Reason#NOT_ELIGIBLE}).
 */
public class EnrollmentRefusedException extends RuntimeException {

    public enum Reason {
        /** The recruitment window has not opened yet. */
        NOT_OPEN,
        /** The recruitment window is closed, or the offering is not published. */
        CLOSED,
        /** The phase open now recruits by lottery (추첨): applications and a draw, not first come. */
        LOTTERY_PHASE,
        /** The account's email address is not confirmed yet. */
        NOT_VERIFIED,
        /** Age or audience does not fit the offering. */
        NOT_ELIGIBLE,
        /** The participant already has an active enrolment or waitlist entry for this offering. */
        ALREADY,
        /** A per-term cap that ADMIN set is reached. */
        CAP_REACHED,
        /** Too late for the citizen to cancel online; the desk can still do it. */
        CANCEL_CUTOFF,
        /** The entry is not in a state that allows this (e.g. the offer ran out). */
        WRONG_STATE,
        /** Staff must give a reason. */
        REASON_REQUIRED,
        /** No seat is free for a re-registration (staff lowered the capacity). */
        NO_SEAT,
        /** Not a participant of the previous term's offering, or the round keeps no place for it. */
        NOT_CONTINUING
    }

    private final Reason reason;
    private final transient Object[] arguments;

    public EnrollmentRefusedException(Reason reason, Object... arguments) {
        super("Refused: " + reason);
        this.reason = reason;
        this.arguments = arguments;
    }

    public Reason reason() {
        return reason;
    }

    public String messageKey() {
        return "enrollment.refused." + reason.name();
    }

    public Object[] arguments() {
        return arguments.clone();
    }

    /**
     * The arguments ready for the message in this language: a time becomes its Seoul date and time
     * ({@code 2026. 11. 24. (화) 10:00}), so that {@code MessageFormat} never sees an {@link java.time.Instant}, which it
     * cannot format.
     */
    public Object[] arguments(java.util.Locale locale) {
        return localized(arguments, locale);
    }

    /** Refusal arguments ready for the message in this language (see {@link #arguments(java.util.Locale)}). */
    static Object[] localized(Object[] arguments, java.util.Locale locale) {
        return java.util.Arrays.stream(arguments)
                .map(a -> a instanceof java.time.Instant i ? org.baeum.base.i18n.Formats.dateTime(i, locale) : a)
                .toArray();
    }
}
