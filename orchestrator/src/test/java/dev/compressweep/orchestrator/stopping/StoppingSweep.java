package dev.compressweep.orchestrator.stopping;

import dev.compressweep.orchestrator.events.EventFeed;
import dev.compressweep.orchestrator.events.TopicSettings;
import dev.compressweep.orchestrator.events.Topics;
import dev.compressweep.orchestrator.report.SweepSummary;
import dev.compressweep.orchestrator.run.TrialRecord;
import dev.compressweep.orchestrator.session.SessionOptions;
import dev.compressweep.orchestrator.session.SweepSession;
import dev.compressweep.orchestrator.spark.SparkSettings;
import dev.compressweep.orchestrator.sweep.SweepSpec;
import dev.compressweep.search.sampler.TrialState;
import dev.compressweep.workers.event.TrialEvent;
import dev.compressweep.workers.rung.Rungs;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One sweep run through the real path (a {@link SweepSession} on local Spark, with a real broker and MLflow server),
 * and what the early-stopping benchmark reads from it: the teacher, the trials, and the training epochs they spent.
 *
 * @param sweep the sweep
 * @param teacher the teacher's record, with its validation metrics
 * @param trials every trial's record: complete, stopped at a rung or failed
 * @param epochs the training epochs spent over all trials and attempts, from their events' {@value
 *     Rungs#TRAINED_EPOCHS}
 * @param workDir the sweep's folder (its teacher under {@code teacher/teacher.cwm})
 */
record StoppingSweep(SweepSpec sweep, TrialRecord teacher, List<TrialRecord> trials, int epochs, Path workDir) {

    StoppingSweep {
        trials = List.copyOf(trials);
    }

    /** Runs {@code sweep} with its folder under {@code out}, the best model not deployed; nothing is printed. */
    static StoppingSweep run(SweepSpec sweep, String kafka, String mlflow, Path out) {
        SessionOptions options = new SessionOptions(SparkSettings.resolve(null, Map.of(), null,
                sweep.search().parallelism(), sweep.search().threadsPerTrial()), Duration.ofMinutes(2), kafka, mlflow,
                out, null, false, false, TopicSettings.DEFAULTS);
        SweepSummary summary = new SweepSession(sweep, options, new PrintStream(OutputStream.nullOutputStream()))
                .run((record, state) -> { });
        return new StoppingSweep(sweep, summary.teacher(), summary.trials(), epochs(kafka, sweep),
                out.resolve(sweep.id()));
    }

    /** How many trials were stopped at a rung. */
    long stopped() {
        return trials.stream().filter(t -> t.state() == TrialState.STOPPED).count();
    }

    /** How many trials failed. */
    long failed() {
        return trials.stream().filter(t -> t.state() == TrialState.FAILED).count();
    }

    /** The epochs of every trial attempt, the most it reported, summed: what training actually cost. */
    private static int epochs(String kafka, SweepSpec sweep) {
        Map<String, Integer> trained = new HashMap<>();
        try (EventFeed feed = new EventFeed(kafka, Topics.forSweep(sweep.id()))) {
            for (TrialEvent event : feed.replay()) {
                double epochs = event.metric(Rungs.TRAINED_EPOCHS);
                if (event.trialIndex() >= 0 && !Double.isNaN(epochs)) {
                    trained.merge(event.trialId() + "#" + event.attempt(), (int) epochs, Math::max);
                }
            }
        }
        return trained.values().stream().mapToInt(Integer::intValue).sum();
    }
}
