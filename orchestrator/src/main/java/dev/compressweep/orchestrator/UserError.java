package dev.compressweep.orchestrator;

/**
 * A problem the user can fix (a broken sweep file, a missing data set, a server that is down). The CLI
 * prints its message as one line and exits with code 2; no stack trace is shown.
 */
public class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UserError(String message) {
        super(message);
    }

    public UserError(String message, Throwable cause) {
        super(message, cause);
    }
}
