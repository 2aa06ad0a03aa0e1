package org.baeum.base.audit;

/**
 * An access could not be written to the access log. The action that asked for the entry must not go on: personal
 * data is never shown, exported or changed without its log entry (decision 0011). Views show a generic error.
 */
public class AccessLogUnavailableException extends RuntimeException {

    public AccessLogUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
