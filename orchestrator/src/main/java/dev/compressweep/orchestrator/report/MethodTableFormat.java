package dev.compressweep.orchestrator.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.compressweep.orchestrator.run.TrialRecord;
import dev.compressweep.orchestrator.sweep.Metrics;
import java.util.Locale;

/**
 * Renders a {@link MethodTable} as text for the terminal and as the report's JSON: validation metrics (what the
 * pick used) beside test metrics (reported only); size and latency are the deployed ONNX file's; the speed-up is
 * the teacher's file timed in the same slot as the row's model.
 */
public final class MethodTableFormat {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String TEST = Metrics.TEST_PREFIX;
    private static final String ROW = "%-44s %9s %8s %8s %8s %8s %10s %9s %8s %5s %12s %10s%n";

    private MethodTableFormat() {}

    /** The table as aligned text, the teacher first. */
    public static String text(MethodTable table) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, ROW, "method", "size_MB", "val_f1", "test_f1",
                "val_acc", "test_acc", "p50_ms", "x_smaller", "speed-up", "int8", "float_p50_ms", "djl_p50_ms"));
        out.append(row("teacher", table.teacher(), table.teacher()));
        table.rows().forEach(r -> out.append(row(MethodTable.method(r), r, table.teacher())));
        return out.toString();
    }

    private static String row(String name, TrialRecord t, TrialRecord teacher) {
        double size = metric(t, "size_bytes");
        double latency = metric(t, "latency_p50_ms");
        return String.format(Locale.ROOT, ROW, name, fixed(size / 1e6, 3), fixed(MethodTable.f1(t, ""), 4),
                fixed(MethodTable.f1(t, TEST), 4), fixed(metric(t, "accuracy"), 4), fixed(metric(t, TEST + "accuracy"), 4),
                fixed(latency, 3), fixed(metric(teacher, "size_bytes") / size, 1), fixed(metric(t, "speedup"), 2),
                MethodTable.int8(t) ? "yes" : "no", fixed(metric(t, "float_latency_p50_ms"), 3), fixed(djl(t), 3));
    }

    /**
     * The table as JSON: {@code {"teacher": {accuracy, f1, test_accuracy, test_f1, size_bytes, latency_p50_ms,
     * speedup}, "rows": [{chain, method, trial_id, accuracy, f1, test_accuracy, test_f1, size_bytes,
     * latency_p50_ms, speedup, int8, float_latency_p50_ms, djl_float_latency_p50_ms}]}}: for a model on int8
     * kernels, the latency of the same model before quantization in float on ONNX Runtime and on DJL.
     */
    public static String json(MethodTable table) {
        ObjectNode root = JSON.createObjectNode();
        root.set("teacher", node(table.teacher()));
        table.rows().forEach(r -> root.withArray("rows").add(node(r)
                .put("chain", r.chainText())
                .put("method", MethodTable.method(r))
                .put("trial_id", r.trialId())
                .put("int8", MethodTable.int8(r))
                .put("float_latency_p50_ms", nullable(metric(r, "float_latency_p50_ms")))
                .put("djl_float_latency_p50_ms", nullable(metric(r, "djl_float_latency_p50_ms")))));
        try {
            return JSON.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot render the method table", e);
        }
    }

    private static ObjectNode node(TrialRecord t) {
        return JSON.createObjectNode()
                .put("accuracy", nullable(metric(t, "accuracy")))
                .put("f1", nullable(MethodTable.f1(t, "")))
                .put("test_accuracy", nullable(metric(t, TEST + "accuracy")))
                .put("test_f1", nullable(MethodTable.f1(t, TEST)))
                .put("size_bytes", nullable(metric(t, "size_bytes")))
                .put("latency_p50_ms", nullable(metric(t, "latency_p50_ms")))
                .put("speedup", nullable(metric(t, "speedup")));
    }

    /** The row's latency on DJL: of the network before quantization for int8 rows, of the model otherwise. */
    private static double djl(TrialRecord t) {
        return t.metrics().getOrDefault("djl_float_latency_p50_ms", metric(t, "djl_latency_p50_ms"));
    }

    private static double metric(TrialRecord t, String name) {
        return t.metrics().getOrDefault(name, Double.NaN);
    }

    private static Double nullable(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private static String fixed(double value, int decimals) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%." + decimals + "f", value) : "-";
    }
}
