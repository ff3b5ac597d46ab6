package dev.compressweep.orchestrator.bench;

import dev.compressweep.orchestrator.events.EventFeed;
import dev.compressweep.orchestrator.events.TopicSettings;
import dev.compressweep.orchestrator.events.Topics;
import dev.compressweep.orchestrator.fixtures.MlflowRest;
import dev.compressweep.orchestrator.run.SweepListener;
import dev.compressweep.orchestrator.run.SweepState;
import dev.compressweep.orchestrator.run.TrialRecord;
import dev.compressweep.orchestrator.session.SessionOptions;
import dev.compressweep.orchestrator.session.SweepSession;
import dev.compressweep.orchestrator.spark.SparkSettings;
import dev.compressweep.orchestrator.sweep.SweepSpec;
import dev.compressweep.search.sampler.TrialState;
import dev.compressweep.workers.event.TrialEvent;
import dev.compressweep.workers.trial.WarmWorkers;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one sweep through the real path (a {@link SweepSession} on local Spark, with the real broker and MLflow
 * server) and times it ({@link SweepTiming}). Every sweep starts with no warm worker, as a new orchestrator does.
 * Not thread-safe: one sweep at a time.
 */
final class TimedSweep implements SweepListener {

    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration PATIENCE = Duration.ofMinutes(10);

    private final SweepSpec sweep;
    private final String kafka;
    private final MlflowRest mlflow;
    private long trialsStart;
    private long eventLogEnd;
    private long trialsEnd;
    private String failure = "not every trial was FINISHED in MLflow";

    private TimedSweep(SweepSpec sweep, String kafka, String mlflow) {
        this.sweep = sweep;
        this.kafka = kafka;
        this.mlflow = new MlflowRest(mlflow);
    }

    /** Runs {@code sweep} with its results under {@code out}, the best model not deployed, and times it. */
    static SweepTiming run(SweepSpec sweep, String kafka, String mlflow, Path out) {
        WarmWorkers.closeIdle();
        TimedSweep timed = new TimedSweep(sweep, kafka, mlflow);
        int slots = sweep.search().parallelism();
        SessionOptions options = new SessionOptions(SparkSettings.resolve(null, Map.of(), null, slots,
                sweep.search().threadsPerTrial()), Duration.ofMinutes(2), kafka, mlflow, out, null, false, false,
                TopicSettings.DEFAULTS);
        long start = System.nanoTime();
        new SweepSession(sweep, options, new PrintStream(OutputStream.nullOutputStream())).run(timed);
        double session = (System.nanoTime() - start) / 1e9;
        if (timed.trialsEnd == 0) {
            throw new IllegalStateException("benchmark sweep " + sweep.name() + " failed: " + timed.failure);
        }
        return new SweepTiming(sweep.search().budget(), slots, (timed.trialsEnd - timed.trialsStart) / 1e9,
                (timed.eventLogEnd - timed.trialsStart) / 1e9, session, timed.computeSeconds());
    }

    @Override
    public void onUpdate(TrialRecord record, SweepState state) {
        if (record.index() < 0 && record.state() == TrialState.COMPLETE && trialsStart == 0) {
            trialsStart = System.nanoTime();
        }
    }

    /**
     * Every trial has ended in the event log: waits for MLflow to show them all FINISHED (before the sink's wait).
     * A trial that did not complete makes the figures meaningless: the sweep fails at once, naming it.
     */
    @Override
    public void onEnd(SweepState state) {
        eventLogEnd = System.nanoTime();
        Optional<TrialRecord> incomplete = state.trials().stream()
                .filter(t -> t.index() >= 0 && t.state() != TrialState.COMPLETE).findFirst();
        if (incomplete.isPresent()) {
            TrialRecord trial = incomplete.get();
            failure = "trial " + trial.trialId() + " ended " + trial.state()
                    + (trial.error() == null ? "" : ": " + trial.error());
            return;
        }
        String experiment = mlflow.get("experiments/get-by-name", "experiment_name", sweep.name())
                .path("experiment").path("experiment_id").asText();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            List<?> finished = mlflow.runs(experiment, "attributes.status = 'FINISHED' and tags.`compressweep.kind`"
                    + " = 'trial'");
            if (finished.size() >= sweep.search().budget()) {
                trialsEnd = System.nanoTime();
                return;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The trials' compute time, summed, from the sweep's event log: STARTED to the terminal event of each. */
    private double computeSeconds() {
        Map<String, TrialEvent> started = new HashMap<>();
        double seconds = 0;
        try (EventFeed feed = new EventFeed(kafka, Topics.forSweep(sweep.id()))) {
            for (TrialEvent event : feed.replay()) {
                if (event.trialIndex() < 0) {
                    continue;
                }
                switch (event.type()) {
                    case STARTED -> started.put(event.trialId(), event);
                    case FINISHED, FAILED -> seconds += Duration.between(started.get(event.trialId()).timestamp(),
                            event.timestamp()).toNanos() / 1e9;
                    default -> { }
                }
            }
        }
        return seconds;
    }
}
