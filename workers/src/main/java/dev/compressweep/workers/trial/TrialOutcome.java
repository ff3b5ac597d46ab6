package dev.compressweep.workers.trial;

import dev.compressweep.workers.event.EventCodec;
import dev.compressweep.workers.event.TrialEvent;
import java.io.Serializable;
import java.util.Objects;

/**
 * How a trial process ended, returned by the Spark task that launched it to the driver: its terminal event and
 * the files it left (its model and log, or the teacher's folder), read from the folder it ran in on its node.
 * The driver stores the files in the sweep's folder, then publishes the event ({@link TerminalEventFile}).
 *
 * @param trialId the trial
 * @param exitCode the process's exit code (0: it wrote its terminal event and exited normally)
 * @param seconds wall time of the process
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

    /** Whether the process wrote its terminal event and exited with 0. */
    public boolean succeeded() {
        return exitCode == 0;
    }
}
