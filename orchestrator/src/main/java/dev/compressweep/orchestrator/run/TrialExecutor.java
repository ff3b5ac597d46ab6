package dev.compressweep.orchestrator.run;

import dev.compressweep.workers.trial.TrialSpec;
import java.util.concurrent.CompletableFuture;

/**
 * Runs trials somewhere (a Spark cluster, local threads). The trial itself reports through the event
 * log; the future only says that its run ended (normally or not). Implementations are thread-safe.
 */
public interface TrialExecutor extends AutoCloseable {

    /**
     * Starts {@code spec}; the future completes when the trial's run ended, exceptionally when the
     * executor could not run it at all.
     */
    CompletableFuture<Void> submit(TrialSpec spec);

    /** A short description for logs and the sweep run's tags, e.g. {@code spark local[2]}. */
    String describe();

    @Override
    void close();
}
