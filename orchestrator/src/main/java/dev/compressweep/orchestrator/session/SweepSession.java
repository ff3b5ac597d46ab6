package dev.compressweep.orchestrator.session;

import dev.compressweep.orchestrator.events.EventFeed;
import dev.compressweep.orchestrator.events.Topics;
import dev.compressweep.orchestrator.report.FrontFiles;
import dev.compressweep.orchestrator.report.FrontTable;
import dev.compressweep.orchestrator.report.SweepSummary;
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
import dev.compressweep.workers.event.EventPublishers;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * One sweep from start to end: checks its data, creates its topic and its MLflow parent run, starts
 * the MLflow sink, runs the {@link SweepLoop} on Spark, then writes and publishes the results and
 * deploys the best model ({@link ResultPublisher}).
 */
public final class SweepSession {

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
        Path workDir = prepare(options.out().resolve(sweepId));
        String topic = Topics.forSweep(sweepId);
        Topics.ensure(options.kafka(), topic);
        out.println("sweep " + sweepId + ": " + sweep.search().budget() + " trials, "
                + sweep.search().parallelism() + " at a time on " + options.spark().master() + ", results in "
                + workDir);
        try (MlflowTracker tracker = new MlflowTracker(options.mlflow())) {
            String experimentId = tracker.experimentId(sweep.name());
            TrackedRun sweepRun = tracker.sweepRun(experimentId, sweepId, Instant.now());
            tracker.uploadArtifact(sweepRun, workDir.resolve("sweep.yaml"), "sweep");
            try (MlflowTracker sinkTracker = new MlflowTracker(options.mlflow());
                    MlflowSink sink = MlflowSink.start(new MlflowSink.Config(options.kafka(), topic, sweep.name()),
                            sinkTracker)) {
                SweepState state;
                try {
                    state = runTrials(workDir, topic, listener);
                } catch (RuntimeException e) {
                    tracker.terminate(sweepRun.runId(), RunOutcome.FAILED, Instant.now());
                    throw e;
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

    private SweepState runTrials(Path workDir, String topic, SweepListener listener) {
        TrialFactory factory = new TrialFactory(sweep, workDir, options.kafka(), topic);
        try (SweepStore store = new SweepStore(workDir, EventPublishers.open(options.kafka(), topic));
                TrialExecutor executor = new SparkTrialExecutor(options.spark(), sweep.search().parallelism(),
                        sweep.search().trialTimeout(), options.schedulingPatience(), store, options.shipData());
                EventFeed feed = new EventFeed(options.kafka(), topic)) {
            return new SweepLoop(sweep, factory, executor, feed, Samplers.forSweep(sweep), listener).run();
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
