package dev.compressweep.orchestrator.session;

import dev.compressweep.orchestrator.events.EventFeed;
import dev.compressweep.orchestrator.events.KafkaSweepControl;
import dev.compressweep.orchestrator.events.Topics;
import dev.compressweep.orchestrator.report.FrontFiles;
import dev.compressweep.orchestrator.report.FrontTable;
import dev.compressweep.orchestrator.report.SweepSummary;
import dev.compressweep.orchestrator.run.SweepLease;
import dev.compressweep.orchestrator.run.SweepListener;
import dev.compressweep.orchestrator.run.SweepLoop;
import dev.compressweep.orchestrator.run.SweepState;
import dev.compressweep.orchestrator.run.SweepStore;
import dev.compressweep.orchestrator.run.TrialExecutor;
import dev.compressweep.orchestrator.run.TrialFactory;
import dev.compressweep.orchestrator.spark.SparkTrialExecutor;
import dev.compressweep.orchestrator.sweep.SweepSpec;
import dev.compressweep.orchestrator.tracking.MlflowSink;
import dev.compressweep.orchestrator.tracking.MlflowTracker;
import dev.compressweep.orchestrator.tracking.RunOutcome;
import dev.compressweep.orchestrator.tracking.TrackedRun;
import dev.compressweep.orchestrator.tracking.TrackingTags;
import dev.compressweep.workers.event.EventPublishers;
import dev.compressweep.workers.rung.Rungs;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One sweep from start to end: checks its data, creates its topic and its MLflow parent run, starts
 * the MLflow sink, runs the {@link SweepLoop} on Spark, then writes and publishes the results and
 * deploys the best model ({@link ResultPublisher}).
 */
public final class SweepSession {

    /** The tag of the sweep's run that says why it stopped before its budget ({@code search.stop_when}). */
    static final String STOP_REASON_TAG = "compressweep.stop_reason";

    private final SweepSpec sweep;
    private final SessionOptions options;
    private final PrintStream out;

    public SweepSession(SweepSpec sweep, SessionOptions options, PrintStream out) {
        this.sweep = sweep;
        this.options = options;
        this.out = out;
    }

    /**
     * Runs the sweep.
     *
     * @param listener hears every trial's progress (e.g. a progress bar)
     * @return the summary: teacher, trials, front and best model
     */
    public SweepSummary run(SweepListener listener) {
        String sweepId = sweep.id();
        Path workDir = options.out().resolve(sweepId);
        try (SweepLease lease = SweepLease.acquire(workDir, sweepId)) {
            return run(listener, prepare(workDir));
        }
    }

    private SweepSummary run(SweepListener listener, Path workDir) {
        String sweepId = sweep.id();
        String topic = Topics.forSweep(sweepId);
        Topics.ensure(options.kafka(), topic, options.topic());
        Topics.ensure(options.kafka(), Rungs.controlTopic(topic), options.topic());
        out.println("sweep " + sweepId + ": " + sweep.search().budget() + " trials, "
                + sweep.search().parallelism() + " at a time on " + options.spark().master() + ", results in "
                + workDir);
        try (MlflowTracker tracker = new MlflowTracker(options.mlflow())) {
            String experimentId = tracker.experimentId(sweep.name());
            TrackedRun sweepRun = tracker.sweepRun(experimentId, sweepId, Instant.now());
            tracker.uploadArtifact(sweepRun, workDir.resolve("sweep.yaml"), "sweep");
            try (MlflowTracker sinkTracker = new MlflowTracker(options.mlflow());
                    MlflowSink sink = MlflowSink.start(MlflowSink.Config.forSweep(options.kafka(), topic, sweep.name(),
                            sweepId, workDir, options.topic()),
                            sinkTracker)) {
                SweepState state;
                Thread interrupted = new Thread(() -> endInterrupted(tracker, sweepRun, sink), "sweep-interrupted");
                Runtime.getRuntime().addShutdownHook(interrupted);
                try {
                    state = runTrials(workDir, topic, listener);
                    state.stopReason().ifPresent(reason -> tracker.setTags(sweepRun.runId(),
                            Map.of(STOP_REASON_TAG, reason)));
                } catch (RuntimeException e) {
                    tracker.setTags(sweepRun.runId(), Map.of(TrackingTags.ERROR, oneLine(e)));
                    tracker.terminate(sweepRun.runId(), RunOutcome.FAILED, Instant.now());
                    throw e;
                } finally {
                    removeHook(interrupted);
                }
                SweepSummary summary = SweepSummary.of(sweep, state);
                out.println();
                out.print(FrontTable.render(summary));
                List<Path> files = FrontFiles.write(summary, workDir);
                new ResultPublisher(sweep, tracker, sink, out).publish(summary, state.endedInThisSession(),
                        experimentId, sweepRun, files, workDir, options);
                return summary;
            }
        }
    }

    /**
     * Ends the sweep's run, and its teacher's if the sink made one that did not end, as KILLED when the JVM is
     * stopped mid-sweep (SIGTERM, Ctrl-C): never RUNNING. Trials left running are run again on resume.
     */
    private void endInterrupted(MlflowTracker tracker, TrackedRun sweepRun, MlflowSink sink) {
        String why = "the orchestrator was stopped (SIGTERM or Ctrl-C) during the sweep; run it again to resume";
        try {
            tracker.setTags(sweepRun.runId(), Map.of(TrackingTags.ERROR, why));
            tracker.terminate(sweepRun.runId(), RunOutcome.KILLED, Instant.now());
            sink.runId(TrialFactory.teacherId(sweep.id())).ifPresent(run -> tracker.terminate(run, RunOutcome.KILLED,
                    Instant.now()));
        } catch (RuntimeException e) {
            System.err.println("compressweep: cannot mark the sweep's runs KILLED in MLflow: " + e.getMessage());
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs
        }
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    private SweepState runTrials(Path workDir, String topic, SweepListener listener) {
        TrialFactory factory = new TrialFactory(sweep, workDir, options.kafka(), topic);
        try (SweepStore store = new SweepStore(workDir, EventPublishers.open(options.kafka(), topic));
                TrialExecutor executor = new SparkTrialExecutor(options.spark(),
                        sweep.search().trialTimeout(), options.schedulingPatience(), store, options.shipData(),
                        sweep.search().maxRetries());
                EventFeed feed = new EventFeed(options.kafka(), topic);
                KafkaSweepControl control = new KafkaSweepControl(options.kafka(), topic, sweep.id())) {
            return new SweepLoop(sweep, factory, executor, feed, Samplers.forSweep(sweep), listener, control).run();
        }
    }

    private Path prepare(Path workDir) {
        try {
            Files.createDirectories(workDir);
            Files.writeString(workDir.resolve("sweep.yaml"), sweep.source());
            Files.writeString(workDir.resolve(SweepSpec.BASE_FILE), sweep.base().toString());
            return workDir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the sweep's folder " + workDir, e);
        }
    }
}
