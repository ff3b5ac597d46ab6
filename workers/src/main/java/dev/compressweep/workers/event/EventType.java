package dev.compressweep.workers.event;

/** The life-cycle step a {@link TrialEvent} reports. */
public enum EventType {
    /** The trial's process started; params are final from here on. */
    STARTED,
    /** An intermediate measurement (epoch loss, step done); metrics are not final. */
    PROGRESS,
    /** The trial ended and its metrics are the measured evaluation. */
    FINISHED,
    /** The trial ended without a result; {@code error} says why. */
    FAILED;

    /** Whether no further event follows for the same trial. */
    public boolean isTerminal() {
        return this == FINISHED || this == FAILED;
    }
}
