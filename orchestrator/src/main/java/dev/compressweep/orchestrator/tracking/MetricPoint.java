package dev.compressweep.orchestrator.tracking;

import java.time.Instant;
import java.util.Objects;

/**
 * One point of a metric's history in a run: MLflow keeps every point, keyed by metric, step and time.
 *
 * @param key the metric
 * @param value its value
 * @param step where it goes on MLflow's x axis
 * @param timestamp when it was measured
 */
public record MetricPoint(String key, double value, long step, Instant timestamp) {

    public MetricPoint {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(timestamp, "timestamp");
    }
}
