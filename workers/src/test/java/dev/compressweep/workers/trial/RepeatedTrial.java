package dev.compressweep.workers.trial;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.compressweep.workers.Fixtures;
import dev.compressweep.workers.event.EventType;
import dev.compressweep.workers.event.TrialEvent;
import dev.compressweep.workers.event.TrialRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A benchmark, not a test: runs one distillation trial, the same spec and seed every time, {@code --runs} times
 * through warm trial workers ({@link TrialProcess}), {@code --slots} at once, and counts the runs whose metrics
 * (timings apart) differ from the first run's. Training is deterministic, so every count above 0 is a defect (one
 * such, gradients computed from freed memory, made about 1 % of the runs differ). Prints the figures and writes
 * them to {@code workers/target/benchmarks/repeated-trial.json}. From the repository root:
 * {@code mvn -B -q -pl workers test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.compressweep.workers.trial.RepeatedTrial -Dexec.args="--runs 300"}.
 *
 * <p>Arguments, all optional: {@code --runs} [300], {@code --slots} [2], {@code --train} training images [20000].
 */
public final class RepeatedTrial {

    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final Map<String, Object> STUDENT = Map.of("distill.student", "mlp", "distill.width", 64,
            "distill.temperature", 2.7, "distill.alpha", 0.7, "distill.learning_rate", 1e-3, "distill.epochs", 1,
            "distill.batch_size", 64);

    private RepeatedTrial() {}

    /** Runs the benchmark; see the class comment for the arguments. */
    public static void main(String[] args) throws Exception {
        int runs = 300;
        int slots = 2;
        int train = 20000;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[i + 1]);
                case "--slots" -> slots = Integer.parseInt(args[i + 1]);
                case "--train" -> train = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Path work = Files.createTempDirectory("repeated-trial");
        TrialEvent teacher = run(spec(work, "teacher", -1, TrialRole.TEACHER, train));
        if (teacher.type() != EventType.FINISHED) {
            throw new IllegalStateException("the teacher job failed: " + teacher.error());
        }
        long start = System.nanoTime();
        List<TrialEvent> results = repeat(work, runs, slots, train);
        double seconds = (System.nanoTime() - start) / 1e9;
        WarmWorkers.closeIdle();

        Map<String, Double> first = WarmWorkerMetricsTest.untimed(results.get(0).metrics());
        Map<String, Integer> outcomes = new TreeMap<>();
        int deviated = 0;
        for (TrialEvent e : results) {
            boolean same = e.type() == EventType.FINISHED && WarmWorkerMetricsTest.untimed(e.metrics()).equals(first);
            deviated += same ? 0 : 1;
            outcomes.merge(e.type() == EventType.FINISHED ? "accuracy " + e.metrics().get("accuracy")
                    : "failed: " + e.error(), 1, Integer::sum);
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("runs", runs);
        figures.put("slots", slots);
        figures.put("train_images", train);
        figures.put("deviated", deviated);
        figures.put("outcomes", outcomes);
        figures.put("seconds", Math.round(seconds * 10) / 10.0);
        String json = new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(figures);
        System.out.println(json);
        Path out = Path.of("workers", "target", "benchmarks", "repeated-trial.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, json);
        System.exit(0);
    }

    private static List<TrialEvent> repeat(Path work, int runs, int slots, int train) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(slots);
        try {
            List<Future<TrialEvent>> pending = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                TrialSpec spec = spec(work, "run-" + i, i, TrialRole.COMPRESSION, train);
                pending.add(pool.submit(() -> run(spec)));
            }
            List<TrialEvent> results = new ArrayList<>();
            for (Future<TrialEvent> f : pending) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static TrialEvent run(TrialSpec spec) {
        return TrialProcess.run(spec, TIMEOUT, Map.of()).terminal();
    }

    private static TrialSpec spec(Path work, String trialId, int index, TrialRole role, int train) {
        return new TrialSpec("repeated", trialId, index, role, 1234L,
                role == TrialRole.TEACHER ? List.of() : List.of("distill"),
                role == TrialRole.TEACHER ? Map.of() : STUDENT,
                new DatasetSpec("fashion-mnist", Fixtures.FASHION_MNIST.toString(), train, 2000),
                new TeacherSpec("mlp", 64, 1, 1, 2e-3, 64, null), work.toString(), 1,
                "file:" + work.resolve("events.jsonl"), "repeated-events", 1);
    }
}
