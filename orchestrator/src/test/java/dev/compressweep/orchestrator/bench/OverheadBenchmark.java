package dev.compressweep.orchestrator.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.compressweep.orchestrator.fixtures.RealServices;
import dev.compressweep.workers.trial.TrialProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The orchestrator's own cost, measured through the real path: sweeps on local Spark with a real Kafka broker and a
 * real MLflow server ({@link RealServices}), each started with no warm worker. Writes {@code overhead.json}:
 * <ul>
 *   <li>{@code noop_wall_s}: the trials' phase ({@link SweepTiming}) of {@code noop_trials} no-op trials on 2 slots,
 *       until all their runs are FINISHED in MLflow; {@code per_trial_overhead_ms}: the slot time each took;
 *   <li>{@code overhead_ratio}: a sweep of short real trials (one-epoch distillation, 2 slots): its trials' phase
 *       against their summed compute time over the slots;
 *   <li>{@code speedup_2_slots}: the trials' phase of that sweep on 1 slot against 2;
 *   <li>{@code sink_metrics_per_s}: Kafka to MLflow, measured at the sink ({@link SinkThroughput}).
 * </ul>
 * Every sweep's figures are under {@code sweeps}. A main, not a test: {@code scripts/bench-overhead.sh} runs it
 * from the repository root with the classpath of the orchestrator's tests (see the README, "Benchmarks"). Options:
 * {@code -Dbench.out=FILE} (default {@code target/benchmarks/overhead.json}), {@code -Dbench.noop=N} (100),
 * {@code -Dbench.trials=N} (40), {@code -Dbench.train=N} (the distillations' training images, 20,000; longer trials
 * with more), {@code -Dbench.sink_trials=N} (100), {@code -Dcompressweep.trial.fresh_jvm=true} for a new JVM per
 * trial.
 */
public final class OverheadBenchmark {

    /** Epochs of every trial of the sink's measure, each with its progress event. */
    private static final int SINK_EPOCHS = 20;

    private OverheadBenchmark() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        Path out = Path.of(System.getProperty("bench.out", "target/benchmarks/overhead.json"));
        int noopTrials = Integer.getInteger("bench.noop", 100);
        int realTrials = Integer.getInteger("bench.trials", 40);
        int train = Integer.getInteger("bench.train", BenchSweeps.TRAIN);
        int sinkTrials = Integer.getInteger("bench.sink_trials", 100);
        String kafka = RealServices.kafka();
        String mlflow = RealServices.mlflow();
        Path runs = Files.createTempDirectory("compressweep-bench-");
        String mode = Boolean.getBoolean(TrialProcess.FRESH_JVM_PROPERTY) ? "fresh" : "warm";

        SweepTiming noop = say("no-op", TimedSweep.run(BenchSweeps.noop("bench-noop-" + mode, noopTrials, 2), kafka,
                mlflow, runs));
        SweepTiming two = say("distill, 2 slots", TimedSweep.run(BenchSweeps.distillation("bench-distill-2-" + mode,
                realTrials, 2, train), kafka, mlflow, runs));
        SweepTiming one = say("distill, 1 slot", TimedSweep.run(BenchSweeps.distillation("bench-distill-1-" + mode,
                realTrials, 1, train), kafka, mlflow, runs));
        double sink = SinkThroughput.metricsPerSecond(kafka, mlflow, sinkTrials, SINK_EPOCHS, runs);
        System.out.printf("sink: %.0f metrics/s%n", sink);

        ObjectMapper json = new ObjectMapper();
        ObjectNode figures = json.createObjectNode();
        figures.put("noop_trials", noopTrials);
        figures.put("noop_wall_s", round(noop.trialsSeconds()));
        figures.put("per_trial_overhead_ms", round(noop.perTrialOverheadMs()));
        figures.put("overhead_ratio", round(two.overheadRatio()));
        figures.put("speedup_2_slots", round(one.trialsSeconds() / two.trialsSeconds()));
        figures.put("sink_metrics_per_s", Math.round(sink));
        figures.put("trial_jvm", mode);
        figures.put("distill_train_images", train);
        figures.put("distill_trial_compute_s", round(one.computeSeconds() / one.trials()));
        ObjectNode sweeps = figures.putObject("sweeps");
        sweeps.set("noop", json.valueToTree(noop));
        sweeps.set("distill_2_slots", json.valueToTree(two));
        sweeps.set("distill_1_slot", json.valueToTree(one));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, json.writerWithDefaultPrettyPrinter().writeValueAsString(figures) + "\n");
        System.out.println(Files.readString(out));
        RealServices.deleteTree(runs);
        System.exit(0);
    }

    private static SweepTiming say(String what, SweepTiming timing) {
        System.out.printf("%s: %d trials on %d slot(s): trials' phase %.2f s (event log %.2f s), session %.2f s,"
                + " compute %.2f s, overhead ratio %.3f, %.0f ms per trial%n", what, timing.trials(), timing.slots(),
                timing.trialsSeconds(), timing.eventLogSeconds(), timing.sessionSeconds(), timing.computeSeconds(),
                timing.overheadRatio(), timing.perTrialOverheadMs());
        return timing;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
