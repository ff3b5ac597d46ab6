package dev.compressweep.orchestrator.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.compressweep.orchestrator.run.TrialRecord;
import java.util.Locale;

/** Renders a {@link MethodTable} as text for the terminal and as the report's JSON. */
public final class MethodTableFormat {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String ROW = "%-44s %9s %8s %8s %10s %9s %8s %5s %12s %16s%n";

    private MethodTableFormat() {}

    /** The table as aligned text, the teacher first. */
    public static String text(MethodTable table) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, ROW, "method", "size_MB", "f1", "accuracy",
                "p50_ms", "x_smaller", "speed-up", "int8", "float_p50_ms", "djl_float_p50_ms"));
        out.append(row("teacher", table.teacher(), table.teacher()));
        table.rows().forEach(r -> out.append(row(MethodTable.method(r), r, table.teacher())));
        return out.toString();
    }

    private static String row(String name, TrialRecord t, TrialRecord teacher) {
        double size = metric(t, "size_bytes");
        double latency = metric(t, "latency_p50_ms");
        return String.format(Locale.ROOT, ROW, name, fixed(size / 1e6, 3), fixed(MethodTable.f1(t), 4),
                fixed(metric(t, "accuracy"), 4), fixed(latency, 3), fixed(metric(teacher, "size_bytes") / size, 1),
                fixed(metric(teacher, "latency_p50_ms") / latency, 2), MethodTable.int8(t) ? "yes" : "no",
                fixed(metric(t, "float_latency_p50_ms"), 3), fixed(metric(t, "djl_float_latency_p50_ms"), 3));
    }

    /**
     * The table as JSON: {@code {"teacher": {accuracy, f1, size_bytes, latency_p50_ms}, "rows": [{chain,
     * method, trial_id, accuracy, f1, size_bytes, latency_p50_ms, int8, float_latency_p50_ms,
     * djl_float_latency_p50_ms}]}}: for a model on int8 kernels, the latency of the same model before
     * quantization in float on ONNX Runtime and on DJL.
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
                .put("f1", nullable(MethodTable.f1(t)))
                .put("size_bytes", nullable(metric(t, "size_bytes")))
                .put("latency_p50_ms", nullable(metric(t, "latency_p50_ms")));
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
