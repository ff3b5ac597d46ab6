package dev.compressweep.deploy;

import dev.compressweep.search.objective.Constraint;
import dev.compressweep.search.objective.Objective;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Chooses the model to deploy from a sweep's front. A pure function of its arguments. */
public final class ModelSelection {

    /** The metric that breaks ties: the deployed artifact's size in bytes. */
    public static final String SIZE_METRIC = "size_bytes";

    private ModelSelection() {}

    /**
     * The best feasible candidate: it satisfies every constraint and has a finite value of the
     * primary objective's metric; among those, the best by the objective, then the smallest
     * {@value #SIZE_METRIC} (a missing size loses), then the smallest trial id (so the choice never
     * depends on the front's order).
     *
     * @return the chosen candidate, or empty when no candidate is feasible
     */
    public static Optional<Candidate> choose(List<Candidate> front, List<Constraint> constraints, Objective primary) {
        Comparator<Candidate> byObjective = Comparator.comparingDouble(
                c -> primary.direction().toMinimized(c.metric(primary.metric())));
        Comparator<Candidate> order = byObjective
                .thenComparingDouble(ModelSelection::size)
                .thenComparing(Candidate::trialId);
        return front.stream()
                .filter(c -> Double.isFinite(c.metric(primary.metric())))
                .filter(c -> constraints.stream().allMatch(constraint -> constraint.isSatisfiedBy(c.metrics())))
                .min(order);
    }

    private static double size(Candidate candidate) {
        double size = candidate.metric(SIZE_METRIC);
        return Double.isNaN(size) ? Double.POSITIVE_INFINITY : size;
    }
}
