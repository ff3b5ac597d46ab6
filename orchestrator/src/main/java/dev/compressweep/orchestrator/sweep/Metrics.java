package dev.compressweep.orchestrator.sweep;

import java.util.List;

/**
 * The metrics a finished trial reports that objectives and constraints may use: quality on the validation split,
 * and the size and speed of the deployed file. The test split's metrics ({@value #TEST_PREFIX}...) are only
 * reported: nothing that searches or picks may read them.
 */
public final class Metrics {

    /** Every metric name a worker measures for a finished trial ({@code f1}: the positive class's F1, two-class data only). */
    public static final List<String> KNOWN = List.of(
            "accuracy", "f1_macro", "f1", "size_bytes", "params", "latency_p50_ms", "latency_p95_ms",
            "throughput", "accuracy_drop", "compression_ratio", "macs", "peak_memory_bytes", "storage_bytes",
            "speedup");

    /** The prefix of test-split metrics. */
    public static final String TEST_PREFIX = "test_";

    private Metrics() {}
}
