package dev.compressweep.workers.eval;

import dev.compressweep.workers.model.ModelStats;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The measured quality, size and speed of one model on a test split. All values are measurements.
 *
 * @param accuracy fraction of test images classified correctly
 * @param f1Macro unweighted mean of the per-class F1 scores
 * @param params number of scalar parameters
 * @param sizeBytes byte length of the model's artifact file
 * @param latencyP50Ms median single-image forward time, milliseconds
 * @param latencyP95Ms 95th percentile single-image forward time, milliseconds
 * @param throughput images per second in batches
 * @param f1 F1 of the positive class (label 1) when there are two classes; empty otherwise
 * @param stats MACs and peak memory of one image's forward pass, counted from the layers
 */
public record Evaluation(double accuracy, double f1Macro, long params, long sizeBytes,
        double latencyP50Ms, double latencyP95Ms, double throughput, OptionalDouble f1,
        ModelStats stats) {

    /** Metric names as events carry them. */
    public static final String ACCURACY = "accuracy";
    public static final String F1_MACRO = "f1_macro";
    /** Present for two classes only: F1 of the positive class (e.g. spam). */
    public static final String F1 = "f1";
    public static final String PARAMS = "params";
    public static final String SIZE_BYTES = "size_bytes";
    public static final String LATENCY_P50_MS = "latency_p50_ms";
    public static final String LATENCY_P95_MS = "latency_p95_ms";
    public static final String THROUGHPUT = "throughput";
    /** Added by the caller: teacher accuracy minus this accuracy, on the same test split. */
    public static final String ACCURACY_DROP = "accuracy_drop";
    /** Added by the caller: teacher artifact size divided by this artifact size. */
    public static final String COMPRESSION_RATIO = "compression_ratio";
    /** Added for int8 execution: median latency of the same network before quantization on ONNX Runtime. */
    public static final String FLOAT_LATENCY_P50_MS = "float_latency_p50_ms";
    /** Added for int8 execution: median latency of the same network before quantization on DJL. */
    public static final String DJL_FLOAT_LATENCY_P50_MS = "djl_float_latency_p50_ms";
    /** Added for int8 execution: byte length of the int8 ONNX model written beside the artifact. */
    public static final String ONNX_SIZE_BYTES = "onnx_size_bytes";

    public Evaluation {
        Objects.requireNonNull(f1, "f1");
        Objects.requireNonNull(stats, "stats");
    }

    /** The metrics by name, in a stable order; {@value #F1} only when measured. */
    public Map<String, Double> toMetrics() {
        Map<String, Double> out = new LinkedHashMap<>();
        out.put(ACCURACY, accuracy);
        out.put(F1_MACRO, f1Macro);
        f1.ifPresent(value -> out.put(F1, value));
        out.put(PARAMS, (double) params);
        out.put(SIZE_BYTES, (double) sizeBytes);
        out.put(LATENCY_P50_MS, latencyP50Ms);
        out.put(LATENCY_P95_MS, latencyP95Ms);
        out.put(THROUGHPUT, throughput);
        out.putAll(stats.toMetrics());
        return out;
    }

    /**
     * Checks that every metric is finite.
     *
     * @throws NonFiniteMetricException naming the first metric that is NaN or infinite
     */
    public static Map<String, Double> requireFinite(Map<String, Double> metrics) {
        metrics.forEach((name, value) -> {
            if (value == null || !Double.isFinite(value)) {
                throw new NonFiniteMetricException(name, value == null ? Double.NaN : value);
            }
        });
        return metrics;
    }
}
