package dev.compressweep.workers.trial;

import dev.compressweep.workers.event.EventCodec;
import dev.compressweep.workers.event.TrialEvent;
import java.io.Serializable;
import java.util.Objects;

/**
 * How a trial ended in the JVM that ran it (a warm worker or a fresh JVM: {@link TrialProcess}), returned by the Spark
 * task that launched it to the driver: its terminal event and the files it left (its model and log, or the teacher's
 * folder), read from the folder it ran in on its node.
 * The driver stores the files in the sweep's folder, then publishes the event ({@link TerminalEventFile}).
 *
 * @param trialId the trial
 * @param exitCode the trial's exit code (0: it wrote its terminal event and ended normally): a fresh JVM's, or the one
 *     its warm worker reported for it; a crashed or stopped worker's own exit code otherwise
 * @param seconds wall time of the trial, from its launch to its end
 * @param terminalEvent the terminal event as JSON ({@link EventCodec}): the one the trial wrote, or a FAILED
 *     event saying why the process ended without one
 * @param outputs the files the trial left, relative to {@code folder}
 * @param folder the node-local folder the trial ran in ({@link TrialSpec#workDir()})
 */
public record TrialOutcome(String trialId, int exitCode, double seconds, String terminalEvent, FileBundle outputs,
        String folder) implements Serializable {

    private static final long serialVersionUID = 1L;

    public TrialOutcome {
        Objects.requireNonNull(trialId, "trialId");
        Objects.requireNonNull(terminalEvent, "terminalEvent");
        Objects.requireNonNull(outputs, "outputs");
        Objects.requireNonNull(folder, "folder");
    }

    /** The terminal event. */
    public TrialEvent terminal() {
        return EventCodec.decode(terminalEvent);
    }

    /** Whether the trial wrote its terminal event and ended with 0. */
    public boolean succeeded() {
        return exitCode == 0;
    }
}
