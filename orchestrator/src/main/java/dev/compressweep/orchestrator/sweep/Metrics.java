package dev.compressweep.orchestrator.sweep;

import java.util.List;

/** The metrics a finished trial reports, the names objectives and constraints may use. */
public final class Metrics {

    /** Every metric name a worker measures for a finished trial ({@code f1}: the positive class's F1, two-class data only). */
    public static final List<String> KNOWN = List.of(
            "accuracy", "f1_macro", "f1", "size_bytes", "params", "latency_p50_ms", "latency_p95_ms",
            "throughput", "accuracy_drop", "compression_ratio", "macs", "peak_memory_bytes");

    private Metrics() {}
}
