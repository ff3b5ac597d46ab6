package dev.compressweep.search.objective;

import dev.compressweep.search.internal.Require;
import java.util.Objects;

/**
 * A metric to optimise and the direction to push it in. An immutable value.
 *
 * @param metric the metric's name, as reported by trials
 * @param direction whether larger or smaller values are better
 */
public record Objective(String metric, Direction direction) {

    /** Validates the components. */
    public Objective {
        Require.nonBlank(metric, "metric");
        Objects.requireNonNull(direction, "`direction` must not be null");
    }

    /** Returns the objective of making {@code metric} as large as possible. */
    public static Objective maximize(String metric) {
        return new Objective(metric, Direction.MAXIMIZE);
    }

    /** Returns the objective of making {@code metric} as small as possible. */
    public static Objective minimize(String metric) {
        return new Objective(metric, Direction.MINIMIZE);
    }
}
