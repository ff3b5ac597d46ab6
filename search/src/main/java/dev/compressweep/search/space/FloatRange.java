package dev.compressweep.search.space;

import dev.compressweep.search.internal.Require;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * A parameter taking any {@link Double} of {@code [low, high]}, drawn uniformly or, when
 * {@code log}, log-uniformly.
 *
 * @param name the parameter's name
 * @param low the smallest value, finite; positive when {@code log}
 * @param high the largest value, finite and greater than {@code low}
 * @param log whether values are spread on a logarithmic scale
 * @param condition the condition under which the parameter exists, empty if always
 */
public record FloatRange(
        String name, double low, double high, boolean log, Optional<Condition> condition)
        implements Parameter {

    /** Validates the components. */
    public FloatRange {
        Require.nonBlank(name, "name");
        Objects.requireNonNull(condition, "`condition` must not be null");
        String got = "(low=" + low + ", high=" + high + ") for parameter '" + name + "'";
        if (!Double.isFinite(low) || !Double.isFinite(high)) {
            throw new IllegalArgumentException("`low` and `high` must be finite, but got " + got);
        }
        if (!(low < high)) {
            throw new IllegalArgumentException("`low < high` must hold, but got " + got);
        }
        if (log && !(low > 0)) {
            throw new IllegalArgumentException("`low > 0` must hold for a log range, but got (low="
                    + low + ") for parameter '" + name + "'");
        }
    }

    @Override
    public Object sample(RandomGenerator rng) {
        return Spacing.interpolate(low, high, rng.nextDouble(), log);
    }

    @Override
    public List<Object> grid(int pointsForContinuous) {
        Spacing.requirePoints(pointsForContinuous);
        List<Object> values = new ArrayList<>(pointsForContinuous);
        for (double point : Spacing.evenly(low, high, pointsForContinuous, log)) {
            values.add(point);
        }
        return List.copyOf(values);
    }

    @Override
    public boolean contains(Object value) {
        return Values.canonicalOrSelf(value) instanceof Double v && low <= v && v <= high;
    }

    @Override
    public String describeDomain() {
        return "[" + low + ", " + high + "]" + (log ? " (log)" : "");
    }

    @Override
    public FloatRange when(Condition condition) {
        return new FloatRange(name, low, high, log, Optional.of(condition));
    }
}
