package dev.compressweep.search.objective;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bound a trial's metric must respect to be feasible, such as {@code accuracy_drop <= 0.01}.
 *
 * <p>An immutable value. {@link #toString} gives the canonical text, which {@link #parse} reads
 * back to an equal constraint.
 *
 * @param metric the metric's name: a letter or underscore, then letters, digits or {@code _./-}
 * @param op how the metric compares to the bound
 * @param bound the bound, finite
 */
public record Constraint(String metric, Comparison op, double bound) {
    private static final String METRIC = "[A-Za-z_][A-Za-z0-9_./-]*";
    private static final Pattern METRIC_PATTERN = Pattern.compile(METRIC);
    private static final Pattern FORM = Pattern.compile("\\s*(" + METRIC + ")\\s*(<=|>=|==|<|>)\\s*"
            + "([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?)\\s*");

    /** Validates the components; a bound of -0.0 becomes 0.0. */
    public Constraint {
        Objects.requireNonNull(metric, "`metric` must not be null");
        Objects.requireNonNull(op, "`op` must not be null");
        if (!METRIC_PATTERN.matcher(metric).matches()) {
            throw new IllegalArgumentException(
                    "`metric` must match " + METRIC + ", but got '" + metric + "'");
        }
        if (!Double.isFinite(bound)) {
            throw new IllegalArgumentException("`bound` must be finite, but got " + bound);
        }
        bound = bound + 0.0;
    }

    /**
     * Parses text of the form {@code <metric> <op> <number>}, whitespace optional, with
     * {@code <op>} one of {@code <=, <, >=, >, ==} and the number possibly in scientific notation.
     *
     * @throws IllegalArgumentException naming the text and the expected form
     */
    public static Constraint parse(String text) {
        Objects.requireNonNull(text, "`text` must not be null");
        Matcher matcher = FORM.matcher(text);
        String expected = "expected the form `<metric> <op> <number>` with <op> one of "
                + "<=, <, >=, >, ==, e.g. `accuracy_drop <= 0.01`";
        if (!matcher.matches()) {
            throw new IllegalArgumentException(
                    "cannot parse constraint '" + text + "': " + expected);
        }
        try {
            return new Constraint(matcher.group(1), Comparison.fromSymbol(matcher.group(2)),
                    Double.parseDouble(matcher.group(3)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "cannot parse constraint '" + text + "': " + e.getMessage(), e);
        }
    }

    /** Returns whether {@code metrics} holds the metric, not NaN, and it respects the bound. */
    public boolean isSatisfiedBy(Map<String, Double> metrics) {
        Double value = metrics.get(metric);
        return value != null && !value.isNaN() && op.holds(value, bound);
    }

    /**
     * Returns by how much {@code metrics} break the constraint: 0 when it is satisfied, otherwise
     * the distance from the metric to the bound (at least {@link Double#MIN_VALUE}, so a strict
     * bound met with equality still counts), and positive infinity when the metric is missing or
     * NaN.
     */
    public double violation(Map<String, Double> metrics) {
        Double value = metrics.get(metric);
        if (value == null || value.isNaN()) {
            return Double.POSITIVE_INFINITY;
        }
        if (op.holds(value, bound)) {
            return 0.0;
        }
        return Math.max(Math.abs(value - bound), Double.MIN_VALUE);
    }

    /** Returns the canonical text, e.g. {@code size_bytes <= 200000}. */
    @Override
    public String toString() {
        boolean integral = bound == Math.rint(bound) && Math.abs(bound) < 1e15;
        String number = integral ? Long.toString((long) bound) : Double.toString(bound);
        return metric + " " + op.symbol() + " " + number;
    }
}
