package dev.compressweep.workers.trial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.compressweep.workers.event.EventType;
import dev.compressweep.workers.event.JsonLinesEventPublisher;
import dev.compressweep.workers.event.TrialEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A trial run in a warm worker, after other trials, gives exactly the metrics it gives in a fresh JVM, timings apart:
 * the data set and teacher logits it reuses, the engine's seed and the worker's thread settings change nothing.
 */
class WarmWorkerMetricsTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final Map<String, Object> STUDENT = Map.of("distill.student", "mlp", "distill.width", 16,
            "distill.epochs", 1, "distill.batch_size", 64);

    @TempDir
    Path work;

    @Test
    void shouldGiveATrialTheMetricsOfAFreshJvmWhenItRunsInAWorkerAfterAnotherTrial() {
        WarmWorkers.closeIdle();
        TrialOutcome teacher = TrialProcess.run(Specs.teacher(work), TIMEOUT, Map.of());
        TrialSpec first = withSeed(Specs.compression(work, "sweep-t-w1", List.of("distill"), STUDENT), 7L);
        TrialSpec second = withSeed(Specs.compression(work, "sweep-t-w2", List.of("distill", "quantize"),
                Map.of("distill.student", "mlp", "distill.width", 32, "distill.epochs", 2, "quantize.bits", 8)), 11L);

        TrialOutcome warmFirst = TrialProcess.run(first, TIMEOUT, Map.of());
        TrialOutcome warm = TrialProcess.run(second, TIMEOUT, Map.of());
        TrialOutcome fresh = fresh(second.withAttempt(2));

        for (TrialOutcome outcome : List.of(teacher, warmFirst, warm, fresh)) {
            assertEquals(EventType.FINISHED, outcome.terminal().type(), outcome.terminal().error());
        }
        String pid = warm.terminal().tags().get(TrialWorker.PID_TAG);
        assertEquals(pid, warmFirst.terminal().tags().get(TrialWorker.PID_TAG), "both ran in one worker");
        assertEquals(pid, teacher.terminal().tags().get(TrialWorker.PID_TAG), "after the teacher job");
        assertEquals("3", warm.terminal().tags().get(TrialWorker.TRIAL_TAG));
        assertEquals(null, fresh.terminal().tags().get(TrialWorker.PID_TAG), "the fresh JVM is no worker");
        String log = log(warm);
        assertTrue(log.contains("trial sweep-t-w2 finished"), log);
        assertFalse(log.contains("sweep-t-w1"), "the first trial's output stays in its own log: " + log);
        assertEquals(untimed(fresh.terminal().metrics()), untimed(warm.terminal().metrics()));
        assertEquals(progress(second.trialId(), 2), progress(second.trialId(), 1));
        assertNotEquals(List.of(), progress(second.trialId(), 1));
    }

    private static String log(TrialOutcome outcome) {
        int at = outcome.outputs().paths().indexOf("logs/" + outcome.trialId() + ".log");
        return new String(outcome.outputs().files().get(at).bytes(), StandardCharsets.UTF_8);
    }

    private static TrialOutcome fresh(TrialSpec spec) {
        System.setProperty(TrialProcess.FRESH_JVM_PROPERTY, "true");
        try {
            return TrialProcess.run(spec, TIMEOUT, Map.of());
        } finally {
            System.clearProperty(TrialProcess.FRESH_JVM_PROPERTY);
        }
    }

    /** The metrics of the trial's PROGRESS events of {@code attempt}, timings removed. */
    private List<Map<String, Double>> progress(String trialId, int attempt) {
        return JsonLinesEventPublisher.readAll(work.resolve("events.jsonl")).stream()
                .filter(e -> e.trialId().equals(trialId) && e.type() == EventType.PROGRESS)
                .filter(e -> Integer.toString(attempt).equals(e.tags().get(TrialEvent.ATTEMPT_TAG)))
                .map(e -> untimed(e.metrics())).toList();
    }

    /** {@code metrics} without the measured times (latencies, throughput, speed-up, seconds per epoch). */
    static Map<String, Double> untimed(Map<String, Double> metrics) {
        Map<String, Double> kept = new LinkedHashMap<>(metrics);
        kept.keySet().removeIf(name -> name.contains("latency") || name.equals("throughput")
                || name.equals("speedup") || name.equals("epoch_seconds"));
        return kept;
    }

    private static TrialSpec withSeed(TrialSpec spec, long seed) {
        return new TrialSpec(spec.sweepId(), spec.trialId(), spec.index(), spec.role(), seed, spec.chain(),
                spec.params(), spec.dataset(), spec.teacher(), spec.workDir(), spec.threads(), spec.kafkaBootstrap(),
                spec.topic(), spec.attempt());
    }
}
