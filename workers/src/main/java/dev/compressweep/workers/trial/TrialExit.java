package dev.compressweep.workers.trial;

import java.util.Objects;

/**
 * How the JVM running a trial (a fresh one, or a warm worker) let go of it, seen by its launcher: the exit code, and
 * what to say if the trial left no terminal event. Whose failure that is follows {@link TrialProcess}: a trial
 * stopped for running past its timeout failed on its own; a process that crashed, was killed or could not start is
 * an infrastructure failure.
 *
 * @param exitCode the trial's exit code (0: it wrote its terminal event); -1 when it has none
 * @param reason why the trial has no result, were its terminal event missing
 * @param timedOut whether the trial was stopped for running past its timeout
 */
record TrialExit(int exitCode, String reason, boolean timedOut) {

    TrialExit {
        Objects.requireNonNull(reason, "reason");
    }

    /** The trial ran to its end in its process, which reported {@code exitCode}. */
    static TrialExit ended(int exitCode) {
        return new TrialExit(exitCode, "trial process exited with code " + exitCode + " without a result", false);
    }

    /** The trial ran past {@code seconds} and its process was stopped, ending with {@code exitCode}. */
    static TrialExit timedOut(long seconds, int exitCode) {
        return new TrialExit(exitCode, "trial process timed out after " + seconds + " s and was stopped (exit code "
                + exitCode + ")", true);
    }

    /** The launcher was interrupted (its task cancelled) and stopped the process, which ended with {@code exitCode}. */
    static TrialExit interrupted(int exitCode) {
        return new TrialExit(exitCode, "trial process was interrupted and stopped (exit code " + exitCode + ")",
                false);
    }
}
