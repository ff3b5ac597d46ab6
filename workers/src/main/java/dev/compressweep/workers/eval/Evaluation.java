package dev.compressweep.workers.eval;

import dev.compressweep.workers.model.ModelStats;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The measured quality, size and speed of one model on a split (the validation split: the plain metric names
 * mean validation; test-split quality is added with the {@value #TEST_PREFIX} prefix). All values are measurements.
 *
 * @param accuracy fraction of images classified correctly
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
    /** Prefix of the metrics measured on the test split: reported, never read by the search or the pick. */
    public static final String TEST_PREFIX = "test_";
    /** Added by the caller: the test-split accuracy drop against the teacher's test accuracy. */
    public static final String TEST_ACCURACY_DROP = TEST_PREFIX + ACCURACY_DROP;
    /** Byte length of the project's own storage form (.cwm: packed int4, sparse bitmaps), beside the ONNX size. */
    public static final String STORAGE_BYTES = "storage_bytes";
    /** Median latency of the same model on DJL's PyTorch engine (float), beside the deployed ONNX one. */
    public static final String DJL_LATENCY_P50_MS = "djl_latency_p50_ms";
    /** Median latency of the teacher's ONNX file, timed in the trial's slot right after the trial's own. */
    public static final String TEACHER_LATENCY_P50_MS = "teacher_latency_p50_ms";
    /** {@value #TEACHER_LATENCY_P50_MS} divided by the trial's {@value #LATENCY_P50_MS}: like with like. */
    public static final String SPEEDUP = "speedup";

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
