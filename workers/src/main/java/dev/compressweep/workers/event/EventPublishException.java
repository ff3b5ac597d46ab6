package dev.compressweep.workers.event;

/** An event could not be delivered to the event log. */
public final class EventPublishException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EventPublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
