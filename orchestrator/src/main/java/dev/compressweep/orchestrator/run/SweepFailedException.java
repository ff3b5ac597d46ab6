package dev.compressweep.orchestrator.run;

/** The sweep cannot go on (its teacher failed, its executor broke); finished trials stay in the log. */
public final class SweepFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SweepFailedException(String message) {
        super(message);
    }
}
