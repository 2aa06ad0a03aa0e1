package org.baeum.base.mongo;

/**
 * A problem at start-up that the operator must fix (a setting, a folder, a server). Reported by
 * {@link StartupProblemFailureAnalyzer} as one clear line instead of a stack trace.
 */
public class StartupProblem extends RuntimeException {

    private final String action;

    public StartupProblem(String message, String action, Throwable cause) {
        super(message, cause);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
