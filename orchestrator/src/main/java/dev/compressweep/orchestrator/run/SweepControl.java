package dev.compressweep.orchestrator.run;

import dev.compressweep.workers.rung.RungDecision;
import java.util.Optional;

/**
 * The sweep's control channel, beside its event log: the orchestrator's answers to the trials that reported a rung
 * (which reach a trial wherever it runs), and the record that the sweep stopped before its budget, which a resumed
 * sweep reads back. Implementations own their connections; called on the sweep loop's thread.
 */
public interface SweepControl {

    /** Sends {@code decision} to the trial that asked, without waiting: a trial that gets no answer trains on. */
    void answer(RungDecision decision);

    /** Records, durably, that the sweep stopped before its budget, and why. */
    void stop(String reason);

    /** Why the sweep stopped before its budget in an earlier session, if it did. */
    Optional<String> stoppedBefore();
}
