package dev.compressweep.orchestrator.bench;

import dev.compressweep.orchestrator.events.TopicSettings;
import dev.compressweep.orchestrator.events.Topics;
import dev.compressweep.orchestrator.tracking.MlflowSink;
import dev.compressweep.orchestrator.tracking.MlflowTracker;
import dev.compressweep.workers.event.EventType;
import dev.compressweep.workers.event.KafkaEventPublisher;
import dev.compressweep.workers.event.TrialEvent;
import dev.compressweep.workers.event.TrialRole;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How many metrics per second the MLflow sink moves from Kafka to MLflow: the events of many trials, each with a
 * PROGRESS event per epoch with the {@value #PROGRESS_METRICS} metrics a distillation trial reports (epoch, loss,
 * seconds, step, epochs trained and six validation metrics) and a FINISHED event with a real trial's
 * {@value #FINAL_METRICS}
 * metrics, are published to a new topic first; then a sink starts on it and the clock runs until it has handled
 * every trial's terminal event. Not thread-safe.
 */
final class SinkThroughput {

    static final int FINAL_METRICS = 19;
    static final int PROGRESS_METRICS = 11;
    private static final Duration PATIENCE = Duration.ofMinutes(10);

    private SinkThroughput() {}

    /**
     * Metrics per second written by a sink for {@code trials} trials of {@code epochs} epochs each.
     *
     * @param folder the sweep's folder (the sink uploads nothing: the events name no model)
     */
    static double metricsPerSecond(String kafka, String mlflow, int trials, int epochs, Path folder)
            throws InterruptedException {
        String sweepId = "bench-sink-" + Long.toHexString(System.nanoTime());
        String topic = Topics.forSweep(sweepId);
        Topics.ensure(kafka, topic, TopicSettings.DEFAULTS);
        List<TrialEvent> events = new ArrayList<>();
        Set<String> trialIds = new LinkedHashSet<>();
        for (int index = 0; index < trials; index++) {
            events.addAll(trial(sweepId, index, epochs));
            trialIds.add(events.get(events.size() - 1).trialId());
        }
        try (KafkaEventPublisher publisher = new KafkaEventPublisher(kafka, topic)) {
            events.forEach(publisher::publish);
        }
        long metrics = events.stream().mapToLong(e -> e.metrics().size()).sum();
        try (MlflowTracker tracker = new MlflowTracker(mlflow)) {
            long start = System.nanoTime();
            try (MlflowSink sink = MlflowSink.start(MlflowSink.Config.forSweep(kafka, topic, sweepId, sweepId, folder,
                    TopicSettings.DEFAULTS), tracker)) {
                if (!sink.awaitTerminal(trialIds, PATIENCE)) {
                    throw new IllegalStateException("the sink did not write " + trials + " trials within " + PATIENCE);
                }
                return metrics / ((System.nanoTime() - start) / 1e9);
            }
        }
    }

    private static List<TrialEvent> trial(String sweepId, int index, int epochs) {
        String trialId = String.format("%s-t%03d", sweepId, index);
        Instant start = Instant.now();
        List<TrialEvent> events = new ArrayList<>();
        events.add(event(sweepId, trialId, index, EventType.STARTED, start, Map.of(), Map.of("seed", "1")));
        for (int epoch = 1; epoch <= epochs; epoch++) {
            Map<String, Double> progress = new LinkedHashMap<>();
            progress.put("epoch", (double) epoch);
            progress.put("loss", 1.0 / epoch);
            progress.put("epoch_seconds", 0.5);
            progress.put("step", (double) epoch);
            progress.put("trained_epochs", (double) epoch);
            for (String validation : List.of("accuracy", "accuracy_drop", "f1_macro", "params", "macs", "size_bytes")) {
                progress.put("epoch_" + validation, index + epoch / 100.0);
            }
            events.add(event(sweepId, trialId, index, EventType.PROGRESS, start.plusMillis(epoch), progress,
                    Map.of("step", "distill")));
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (int m = 0; m < FINAL_METRICS; m++) {
            metrics.put("metric_" + m, index + m / 100.0);
        }
        events.add(event(sweepId, trialId, index, EventType.FINISHED, start.plusMillis(epochs + 1L), metrics,
                Map.of("threads", "1")));
        return events;
    }

    private static TrialEvent event(String sweepId, String trialId, int index, EventType type, Instant at,
            Map<String, Double> metrics, Map<String, String> tags) {
        return new TrialEvent(TrialEvent.SCHEMA_VERSION, sweepId, trialId, index, TrialRole.COMPRESSION, type, at,
                List.of("distill"), Map.of("distill.width", 16L), metrics, tags, null, null);
    }
}
