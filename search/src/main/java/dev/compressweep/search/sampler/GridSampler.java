package dev.compressweep.search.sampler;

import dev.compressweep.search.internal.Require;
import dev.compressweep.search.space.Assignment;
import dev.compressweep.search.space.SearchSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Proposes the points of the full grid of a search space, in a fixed order, skipping those the
 * history already holds.
 *
 * <p>The grid is the set of distinct valid assignments in which every active parameter takes one
 * of its {@link dev.compressweep.search.space.Parameter#grid grid values}: each branch of a
 * conditional space is its own cartesian product. It is enumerated depth-first in declaration
 * order. Once every point is in the history, {@link #ask} returns nothing. Immutable and
 * thread-safe.
 */
public final class GridSampler implements Sampler {
    private final int pointsForContinuous;

    /**
     * Creates a grid sampler taking {@code pointsForContinuous} points of each continuous range
     * and of each integer range with more integers than that.
     *
     * @throws IllegalArgumentException if {@code pointsForContinuous < 2}
     */
    public GridSampler(int pointsForContinuous) {
        this.pointsForContinuous = Require.atLeast(pointsForContinuous, 2, "pointsForContinuous");
    }

    /** Returns the number of grid points taken from each continuous range. */
    public int pointsForContinuous() {
        return pointsForContinuous;
    }

    /**
     * Returns the number of points in the grid of {@code space}, without listing them.
     *
     * @throws ArithmeticException if the count exceeds {@link Long#MAX_VALUE}
     */
    public long size(SearchSpace space) {
        return new GridWalk(space, pointsForContinuous).count();
    }

    /** Returns every point of the grid of {@code space}, in enumeration order. */
    public List<Assignment> enumerate(SearchSpace space) {
        List<Assignment> points = new ArrayList<>();
        new GridWalk(space, pointsForContinuous).forEach(points::add);
        return List.copyOf(points);
    }

    /** Returns the first {@code count} grid points, in order, that the history does not hold. */
    @Override
    public List<Assignment> ask(SearchSpace space, History history, int count) {
        Objects.requireNonNull(space, "`space` must not be null");
        Objects.requireNonNull(history, "`history` must not be null");
        Require.nonNegative(count, "count");
        if (count == 0) {
            return List.of();
        }
        List<Assignment> proposals = new ArrayList<>(count);
        Set<Assignment> tried = history.assignments();
        new GridWalk(space, pointsForContinuous).forEach(point -> {
            if (!tried.contains(point)) {
                proposals.add(point);
            }
            return proposals.size() < count;
        });
        return List.copyOf(proposals);
    }

    @Override
    public String toString() {
        return "GridSampler[pointsForContinuous=" + pointsForContinuous + "]";
    }
}
