package dev.compressweep.search.objective;

import dev.compressweep.search.internal.Require;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

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

    /**
     * Checks that {@code objectives} holds at least one objective and no metric twice.
     *
     * @return an unmodifiable copy
     * @throws IllegalArgumentException naming the repeated metric, or when there is none
     */
    public static List<Objective> requireDistinct(List<Objective> objectives) {
        Objects.requireNonNull(objectives, "`objectives` must not be null");
        if (objectives.isEmpty()) {
            throw new IllegalArgumentException("at least one objective is needed, but got none");
        }
        Set<String> metrics = new HashSet<>();
        for (Objective objective : objectives) {
            if (!metrics.add(Objects.requireNonNull(objective, "null objective").metric())) {
                throw new IllegalArgumentException("objective metrics must be distinct, but '"
                        + objective.metric() + "' appears twice");
            }
        }
        return List.copyOf(objectives);
    }
}
