package dev.compressweep.workers.onnx.graph;

import java.util.Locale;

/** What a model's class scores are: logits (any real numbers) or probabilities (rows in [0, 1] summing to 1). */
public enum OutputKind {
    /** Not declared: detected from the graph or from sample rows. */
    AUTO,
    /** Unnormalised scores, used as they are. */
    LOGITS,
    /** Class probabilities, turned into log-probabilities. */
    PROBABILITIES;

    /** How far a row of probabilities may sum from 1. */
    public static final double SUM_TOLERANCE = 1e-3;

    /** The name used in sweep files, e.g. {@code probabilities}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code logits} or {@code probabilities}; null means {@link #AUTO}.
     *
     * @throws IllegalArgumentException for any other text
     */
    public static OutputKind parse(String text) {
        if (text == null) {
            return AUTO;
        }
        for (OutputKind kind : values()) {
            if (kind != AUTO && kind.id().equals(text)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("a teacher's outputs must be logits or probabilities (or absent to detect "
                + "them), but got '" + text + "'");
    }

    /**
     * {@link #PROBABILITIES} when every value of every row lies in {@code [0, 1]} and every row sums to 1
     * within {@value #SUM_TOLERANCE}, else {@link #LOGITS}.
     *
     * @param rows a model's outputs for some examples, row-major {@code [examples, classes]}
     * @throws IllegalArgumentException when there is no row or the values do not fill whole rows
     */
    public static OutputKind ofRows(float[] rows, int classes) {
        if (classes < 1 || rows.length == 0 || rows.length % classes != 0) {
            throw new IllegalArgumentException("sample outputs must be whole rows of " + classes + " >= 1 classes, but "
                    + "got " + rows.length + " values");
        }
        for (int from = 0; from < rows.length; from += classes) {
            double sum = 0;
            for (int i = from; i < from + classes; i++) {
                if (!(rows[i] >= 0 && rows[i] <= 1)) {
                    return LOGITS;
                }
                sum += rows[i];
            }
            if (Math.abs(sum - 1) > SUM_TOLERANCE) {
                return LOGITS;
            }
        }
        return PROBABILITIES;
    }
}
