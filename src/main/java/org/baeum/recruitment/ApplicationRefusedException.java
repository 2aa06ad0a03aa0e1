package org.baeum.recruitment;

/**
 * An application command the round does not allow now. Nothing was stored. The message key is
 * {@code application.refused.<REASON>}; the API answers 409 ({@link Reason#NO_SUCH_ROUND}: 404) with
 * {@code code} = the reason in lower case.
 */
public class ApplicationRefusedException extends RuntimeException {

    public enum Reason {
        /** Neither the round's RESERVED nor its LOTTERY phase is open by the server's clock (not yet, or no longer). */
        ROUND_CLOSED,
        /**
         * The round's RESERVED phase is open, and not every participant the application covers is eligible for the
         * reserved share (a fee-reduction category or district the round names).
         */
        NOT_RESERVED_ELIGIBLE,
        /** A participant the application covers already has an application in this round. */
        ALREADY_APPLIED,
        /** The application was withdrawn already. */
        WITHDRAWN,
        /** The round's lottery phase has not closed yet: there is no draw record to show. */
        NOT_CLOSED,
        /** No round or application with this id or number. */
        NO_SUCH_ROUND
    }

    private final Reason reason;

    public ApplicationRefusedException(Reason reason) {
        super("Refused: " + reason);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public String messageKey() {
        return "application.refused." + reason.name();
    }
}
