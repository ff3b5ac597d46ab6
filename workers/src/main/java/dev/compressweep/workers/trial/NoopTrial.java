package dev.compressweep.workers.trial;

import dev.compressweep.workers.eval.Evaluation;
import dev.compressweep.workers.event.EventPublisher;
import dev.compressweep.workers.event.EventType;
import dev.compressweep.workers.event.TrialEvent;
import dev.compressweep.workers.event.TrialRole;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A trial that does nothing but report a few metrics, drawn from its seed: what the overhead benchmark runs to
 * measure the cost of a trial apart from its work (launching, events, tracking). Its chain is the single step
 * {@value #STEP}, which is not a compression method, so sweep files refuse it ("unknown method"); only code that
 * builds a sweep's search space itself can propose it. It loads no engine and no data, and publishes STARTED, then
 * FINISHED after {@value #SECONDS} seconds (a parameter, 0 unless set) with the metrics the objectives and the
 * default constraint read. Stateless and thread-safe.
 */
public final class NoopTrial {

    /** The chain step of a no-op trial. */
    public static final String STEP = "noop";
    /** The parameter holding how long a no-op trial waits before it finishes, in seconds. */
    public static final String SECONDS = "noop.seconds";

    private NoopTrial() {}

    /** Whether {@code spec} is a no-op trial. */
    static boolean appliesTo(TrialSpec spec) {
        return spec.role() == TrialRole.COMPRESSION && spec.chain().equals(List.of(STEP));
    }

    /**
     * Publishes the trial's STARTED and FINISHED events (FAILED if its wait is interrupted).
     *
     * @return the terminal event that was published
     */
    static TrialEvent run(TrialSpec spec, EventPublisher publisher) {
        Map<String, String> tags = Provenance.base(spec);
        publisher.offer(TrialEvents.of(spec, EventType.STARTED, Map.of(), tags, null, null));
        TrialEvent end;
        try {
            Thread.sleep(Math.round(1000 * ((Number) spec.params().getOrDefault(SECONDS, 0)).doubleValue()));
            end = TrialEvents.of(spec, EventType.FINISHED, metrics(spec.seed()), tags, null, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            end = TrialEvents.of(spec, EventType.FAILED, Map.of(), tags, null, "the no-op trial was interrupted");
        }
        publisher.publish(end);
        return end;
    }

    private static Map<String, Double> metrics(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double accuracy = 0.5 + 0.4 * random.nextDouble();
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put(Evaluation.ACCURACY, accuracy);
        metrics.put(Evaluation.TEST_PREFIX + Evaluation.ACCURACY, accuracy);
        metrics.put(Evaluation.ACCURACY_DROP, 0.9 - accuracy);
        metrics.put(Evaluation.TEST_ACCURACY_DROP, 0.9 - accuracy);
        metrics.put(Evaluation.SIZE_BYTES, (double) (10_000 + random.nextInt(1_000_000)));
        metrics.put(Evaluation.LATENCY_P50_MS, 0.01 + random.nextDouble());
        return metrics;
    }
}
