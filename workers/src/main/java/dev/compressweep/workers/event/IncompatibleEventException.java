package dev.compressweep.workers.event;

/** A message on an event topic that this version cannot read (malformed or from a newer major schema). */
public final class IncompatibleEventException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public IncompatibleEventException(String message) {
        super(message);
    }

    public IncompatibleEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
