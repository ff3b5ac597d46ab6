package dev.compressweep.orchestrator.spark;

import dev.compressweep.workers.trial.TrialOutcome;
import dev.compressweep.workers.trial.TrialProcess;
import dev.compressweep.workers.trial.TrialSpecCodec;
import java.time.Duration;
import org.apache.spark.api.java.function.Function;

/**
 * The body of a trial's Spark task: runs the trial (a JSON {@link dev.compressweep.workers.trial.TrialSpec})
 * in its own JVM and returns its exit code. Captures only the timeout, so it serialises trivially.
 */
final class TrialTask implements Function<String, Integer> {
    private static final long serialVersionUID = 1L;

    private final long timeoutSeconds;

    TrialTask(long timeoutSeconds) {
        this.timeoutSeconds = timeoutSeconds;
    }

    @Override
    public Integer call(String specJson) {
        TrialOutcome outcome = TrialProcess.run(TrialSpecCodec.decode(specJson), Duration.ofSeconds(timeoutSeconds));
        return outcome.exitCode();
    }
}
