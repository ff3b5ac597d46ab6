package dev.compressweep.search.space;

import dev.compressweep.search.internal.Require;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * A parameter taking any integer of {@code [low, high]}, as a {@link Long}, drawn uniformly or,
 * when {@code log}, log-uniformly.
 *
 * @param name the parameter's name
 * @param low the smallest value; at least 1 when {@code log}
 * @param high the largest value; at least {@code low}
 * @param log whether values are spread on a logarithmic scale
 * @param condition the condition under which the parameter exists, empty if always
 */
public record IntRange(String name, long low, long high, boolean log, Optional<Condition> condition)
        implements Parameter {

    /** Validates the components. */
    public IntRange {
        Require.nonBlank(name, "name");
        Objects.requireNonNull(condition, "`condition` must not be null");
        if (low > high) {
            throw new IllegalArgumentException("`low <= high` must hold, but got (low=" + low
                    + ", high=" + high + ") for parameter '" + name + "'");
        }
        if (log && low < 1) {
            throw new IllegalArgumentException("`low >= 1` must hold for a log range, but got (low="
                    + low + ") for parameter '" + name + "'");
        }
    }

    @Override
    public Object sample(RandomGenerator rng) {
        if (log) {
            double u = rng.nextDouble(Math.log(low - 0.5), Math.log(high + 0.5));
            return Math.min(high, Math.max(low, Math.round(Math.exp(u))));
        }
        if (high < Long.MAX_VALUE) {
            return rng.nextLong(low, high + 1);
        }
        return low > Long.MIN_VALUE ? rng.nextLong(low - 1, high) + 1 : rng.nextLong();
    }

    @Override
    public List<Object> grid(int pointsForContinuous) {
        Spacing.requirePoints(pointsForContinuous);
        long span = high - low;
        List<Object> values = new ArrayList<>();
        if (span >= 0 && span < pointsForContinuous) {
            for (long offset = 0; offset <= span; offset++) {
                values.add(low + offset);
            }
            return List.copyOf(values);
        }
        for (double point : Spacing.evenly(low, high, pointsForContinuous, log)) {
            long rounded = Math.min(high, Math.max(low, Math.round(point)));
            if (values.isEmpty() || (long) values.get(values.size() - 1) != rounded) {
                values.add(rounded);
            }
        }
        return List.copyOf(values);
    }

    @Override
    public boolean contains(Object value) {
        return Values.canonicalOrSelf(value) instanceof Long v && low <= v && v <= high;
    }

    @Override
    public String describeDomain() {
        return "[" + low + ", " + high + "]" + (log ? " (log)" : "");
    }

    @Override
    public IntRange when(Condition condition) {
        return new IntRange(name, low, high, log, Optional.of(condition));
    }
}
