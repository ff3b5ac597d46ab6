package dev.compressweep.search.objective;

import java.util.Locale;
import java.util.Objects;

/** Whether an objective's metric is to be made as large or as small as possible. */
public enum Direction {
    /** Larger is better. */
    MAXIMIZE,
    /** Smaller is better. */
    MINIMIZE;

    /**
     * Parses {@code maximize}, {@code max}, {@code minimize} or {@code min}, in any case.
     *
     * @throws IllegalArgumentException for any other text
     */
    public static Direction parse(String text) {
        Objects.requireNonNull(text, "`text` must not be null");
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "maximize", "max" -> MAXIMIZE;
            case "minimize", "min" -> MINIMIZE;
            default -> throw new IllegalArgumentException("a direction must be one of maximize, "
                    + "max, minimize or min (any case), but got '" + text + "'");
        };
    }

    /** Returns {@code value} on a scale where smaller is better: negated when maximizing. */
    public double toMinimized(double value) {
        return this == MAXIMIZE ? -value : value;
    }

    /** Returns whether {@code a} is strictly better than {@code b} in this direction. */
    public boolean isBetter(double a, double b) {
        return toMinimized(a) < toMinimized(b);
    }
}
