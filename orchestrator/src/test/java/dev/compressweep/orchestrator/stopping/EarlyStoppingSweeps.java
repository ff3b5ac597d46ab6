package dev.compressweep.orchestrator.stopping;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.compressweep.orchestrator.fixtures.RealServices;
import dev.compressweep.orchestrator.sweep.SweepFileParser;
import dev.compressweep.orchestrator.sweep.SweepSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The real-sweep half of the early-stopping benchmark: real sweeps through the real path (local Spark, a real Kafka
 * broker and MLflow server from {@link RealServices}) on a Fashion-MNIST subset, distilling students of 4 or 8
 * epochs, with random and with Bayesian search, each once without and once with {@code search.early_stopping}
 * (the same seed, so random search proposes the same trials). All four share the teacher the first one trains. For
 * each strategy it reports the hypervolume of the feasible front ({@link FrontVolume}) and the training epochs
 * spent ({@link StoppingSweep#epochs()}) without and with early stopping, and merges the rows (name {@value #NAME})
 * into the benchmark's JSON file ({@link BenchmarkFile}) beside the replay's.
 *
 * <p>A main, not a test: run it from the repository root with the classpath of the orchestrator's tests (see the
 * README, "Benchmarks"). Options: {@code -Dbench.out=FILE} (default {@code search/target/benchmarks/early-stopping.json}),
 * {@code -Dbench.trials=N} (16 per sweep), {@code -Dbench.train=N} (training images, validation included, 5000),
 * {@code -Dbench.seed=N} (14).
 */
public final class EarlyStoppingSweeps {

    /** The problem's name in the JSON file. */
    static final String NAME = "fashion-mnist-real-sweep";
    private static final String EARLY_STOPPING = "{rule: asha, min_epochs: 1, reduction_factor: 2, max_epochs: 8}";
    private static final double HV_SHARE = 0.98;
    private static final double EPOCH_SHARE = 0.5;

    private EarlyStoppingSweeps() {}

    public static void main(String[] args) throws IOException {
        Path out = Path.of(System.getProperty("bench.out", "search/target/benchmarks/early-stopping.json"));
        int trials = Integer.getInteger("bench.trials", 16);
        int train = Integer.getInteger("bench.train", 5000);
        long seed = Long.getLong("bench.seed", 14);
        String kafka = RealServices.kafka();
        String mlflow = RealServices.mlflow();
        Path runs = Files.createTempDirectory("compressweep-early-bench-");
        String teacher = "{architecture: cnn, width: 32, depth: 2, epochs: 5, learning_rate: 0.001, batch_size: 128}";
        List<StoppingSweep> sweeps = new ArrayList<>();
        for (String strategy : List.of("random", "bayesian")) {
            for (boolean early : List.of(false, true)) {
                String name = "early-bench-" + strategy + (early ? "-early" : "-full");
                long start = System.nanoTime();
                StoppingSweep sweep = StoppingSweep.run(spec(name, strategy, early, teacher, trials, train, seed),
                        kafka, mlflow, runs);
                System.out.printf(Locale.ROOT, "%s: %d trials (%d stopped, %d failed), %d epochs, %.0f s%n", name,
                        sweep.trials().size(), sweep.stopped(), sweep.failed(), sweep.epochs(),
                        (System.nanoTime() - start) / 1e9);
                sweeps.add(sweep);
                teacher = "{path: \"" + sweep.workDir().resolve("teacher").resolve("teacher.cwm") + "\"}";
            }
        }
        FrontVolume volume = FrontVolume.of(sweeps);
        System.out.println("reference " + volume.reference());
        List<ObjectNode> rows = List.of(row("random", sweeps.get(0), sweeps.get(1), volume, seed),
                row("bayesian", sweeps.get(2), sweeps.get(3), volume, seed));
        rows.forEach(r -> System.out.println(r.toString()));
        BenchmarkFile.merge(out, rows);
        System.out.println("wrote " + out.toAbsolutePath());
        RealServices.deleteTree(runs);
        System.exit(0);
    }

    private static ObjectNode row(String strategy, StoppingSweep full, StoppingSweep early, FrontVolume volume,
            long seed) {
        double hvFull = volume.of(full);
        double hvEarly = volume.of(early);
        ObjectNode row = new ObjectMapper().createObjectNode();
        row.put("name", NAME);
        row.put("strategy", strategy);
        row.put("hv_full", hvFull);
        row.put("hv_early", hvEarly);
        row.put("epochs_full", full.epochs());
        row.put("epochs_early", early.epochs());
        row.put("hv_ratio", hvEarly / hvFull);
        row.put("epochs_ratio", (double) early.epochs() / full.epochs());
        row.put("stopped_early", early.stopped());
        row.put("failed", full.failed() + early.failed());
        row.put("meets_criterion", hvEarly >= HV_SHARE * hvFull && early.epochs() <= EPOCH_SHARE * full.epochs());
        row.put("trials", full.trials().size());
        row.put("seeds", 1);
        row.put("seed", seed);
        row.put("early_stopping", EARLY_STOPPING);
        row.put("reference", volume.reference().toString());
        return row;
    }

    private static SweepSpec spec(String name, String strategy, boolean early, String teacher, int trials, int train,
            long seed) {
        String text = """
                name: %s
                seed: %d
                dataset: {name: fashion-mnist, train_subset: %d, test_subset: 1000}
                teacher: %s
                objectives:
                  - {metric: accuracy, direction: maximize}
                  - {metric: size_bytes, direction: minimize}
                  - {metric: macs, direction: minimize}
                constraints: ["%s"]
                search:
                  strategy: %s
                  budget: %d
                  parallelism: 2
                  threads_per_trial: 1
                  trial_timeout_minutes: 10
                %s
                  space:
                    chain: [[distill]]
                    distill:
                      student: [mlp, cnn]
                      width: [8, 16, 32]
                      depth: [1, 2]
                      temperature: {low: 1.0, high: 8.0, log: true}
                      alpha: {low: 0.3, high: 0.9}
                      learning_rate: {low: 0.0003, high: 0.01, log: true}
                      epochs: [4, 8]
                      batch_size: 128
                """.formatted(name, seed, train, teacher, FrontVolume.DROP, strategy, trials,
                early ? "  early_stopping: " + EARLY_STOPPING : "");
        return SweepFileParser.parse(text, name + ".yaml", Path.of("").toAbsolutePath());
    }
}
