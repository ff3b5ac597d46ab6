package dev.compressweep.orchestrator.report;

import dev.compressweep.orchestrator.run.TrialRecord;
import dev.compressweep.orchestrator.sweep.SweepSpec;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders the teacher and the Pareto front as a plain-text table for the terminal: validation metrics (what the
 * front and the pick use) beside test metrics (reported only); size is the deployed ONNX file's; {@code x_faster}
 * is the teacher's file timed in each trial's slot divided by the trial's latency.
 */
public final class FrontTable {

    private static final String[] HEADER = {
        "trial", "chain", "val_acc", "test_acc", "val_drop", "test_drop", "val_f1", "test_f1", "size_KB",
        "x_smaller", "p50_ms", "x_faster", "samples/s", "best", "settings"};

    private FrontTable() {}

    /** The table: the teacher first, then each front member; the best one is marked. */
    public static String render(SweepSummary summary) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        rows.add(row("teacher", summary.teacher(), false));
        for (TrialRecord trial : summary.front()) {
            boolean best = summary.best().map(b -> b.trialId().equals(trial.trialId())).orElse(false);
            rows.add(row("#" + trial.index(), trial, best));
        }
        int[] widths = new int[HEADER.length];
        rows.forEach(r -> {
            for (int i = 0; i < r.length; i++) {
                widths[i] = Math.max(widths[i], r[i].length());
            }
        });
        StringBuilder out = new StringBuilder();
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                out.append(i == r.length - 1 ? r[i] : pad(r[i], widths[i])).append(i == r.length - 1 ? "" : "  ");
            }
            out.append(System.lineSeparator());
        }
        return out.toString();
    }

    private static String[] row(String name, TrialRecord trial, boolean best) {
        Map<String, Double> m = trial.metrics();
        return new String[] {
            name,
            trial.chain().isEmpty() ? "-" : trial.chainText(),
            number(m.get("accuracy"), "%.4f"),
            number(m.get("test_accuracy"), "%.4f"),
            number(m.get("accuracy_drop"), "%+.4f"),
            number(m.get("test_accuracy_drop"), "%+.4f"),
            number(m.get("f1_macro"), "%.4f"),
            number(m.get("test_f1_macro"), "%.4f"),
            number(m.containsKey("size_bytes") ? m.get("size_bytes") / 1024.0 : null, "%.1f"),
            number(m.get("compression_ratio"), "%.1f"),
            number(m.get("latency_p50_ms"), "%.3f"),
            number(m.get("speedup"), "%.2f"),
            number(m.get("throughput"), "%.0f"),
            best ? "*" : "",
            settings(trial.params())
        };
    }

    /** The trial's settings without the chain, with method prefixes dropped: {@code width=64 bits=8}. */
    static String settings(Map<String, Object> params) {
        return params.entrySet().stream()
                .filter(e -> !e.getKey().equals(SweepSpec.CHAIN))
                .map(e -> e.getKey().substring(e.getKey().indexOf('.') + 1) + "=" + format(e.getValue()))
                .collect(Collectors.joining(" "));
    }

    private static String format(Object value) {
        return value instanceof Double d
                ? new BigDecimal(d).round(new MathContext(4)).stripTrailingZeros().toPlainString()
                : String.valueOf(value);
    }

    private static String number(Double value, String format) {
        return value == null || value.isNaN() ? "-" : String.format(Locale.ROOT, format, value);
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }
}
