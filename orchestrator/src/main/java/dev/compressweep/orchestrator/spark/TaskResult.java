package dev.compressweep.orchestrator.spark;

import dev.compressweep.workers.trial.TrialOutcome;
import java.io.Serializable;

/**
 * What a trial's Spark task sends back to the driver: the trial's outcome, or a problem of the node it was
 * placed on that no retry can fix and the user must (such as data the node cannot read).
 *
 * @param outcome how the trial process ended, or null when it could not start
 * @param nodeProblem a one-line description of the node's problem, or null
 */
record TaskResult(TrialOutcome outcome, String nodeProblem) implements Serializable {

    private static final long serialVersionUID = 1L;

    TaskResult {
        if ((outcome == null) == (nodeProblem == null)) {
            throw new IllegalArgumentException("a task result has either an outcome or a node problem, but got "
                    + outcome + " and " + nodeProblem);
        }
    }
}
