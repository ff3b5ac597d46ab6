package dev.compressweep.orchestrator.tracking;

/**
 * The experiment tracker refused or failed a call. {@link #isRetriable()} tells a passing failure
 * (server down or overloaded, connection lost) from a refusal that repeating cannot fix (an invalid
 * value, a missing run).
 */
public final class TrackingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final boolean retriable;

    public TrackingException(String message, Throwable cause, boolean retriable) {
        super(message, cause);
        this.retriable = retriable;
    }

    public TrackingException(String message) {
        super(message);
        this.retriable = false;
    }

    /** Whether the same call may succeed later. */
    public boolean isRetriable() {
        return retriable;
    }
}
