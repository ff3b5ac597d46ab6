package dev.compressweep.deploy.selection;

import dev.compressweep.deploy.Candidate;
import dev.compressweep.search.objective.Constraint;
import dev.compressweep.search.objective.Objective;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * How the model to deploy is picked from a sweep's front (the {@code select:} section of a sweep file). An
 * immutable value; {@link #pick} is a pure function of its arguments.
 *
 * @param strategy how the feasible front members are ranked
 * @param weights for {@link SelectionStrategy#WEIGHTED} only: each objective's metric and its weight, at least 0
 *     and not all 0 (an objective without a weight gets 0); empty for the other strategies
 */
public record Selection(SelectionStrategy strategy, Map<String, Double> weights) {

    /** The default: the objectives in order, then the smallest {@code size_bytes}, then the smallest trial id. */
    public static final Selection LEXICOGRAPHIC = new Selection(SelectionStrategy.LEXICOGRAPHIC, Map.of());

    /** Validates the components and copies the weights, keeping their order. */
    public Selection {
        Objects.requireNonNull(strategy, "`strategy` must not be null");
        weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
        if (strategy != SelectionStrategy.WEIGHTED && !weights.isEmpty()) {
            throw new IllegalArgumentException("`weights` must be empty unless the strategy is weighted, but got "
                    + weights + " for strategy " + strategy.text());
        }
        if (strategy == SelectionStrategy.WEIGHTED) {
            weights.forEach((metric, weight) -> {
                if (weight == null || !(weight >= 0 && weight < Double.POSITIVE_INFINITY)) {
                    throw new IllegalArgumentException(
                            "each weight must be finite and >= 0, but got " + metric + "=" + weight);
                }
            });
            if (weights.values().stream().allMatch(w -> w == 0)) {
                throw new IllegalArgumentException(
                        "`weights` must hold at least one positive weight, but got " + weights);
            }
        }
    }

    /**
     * Checks that every weight names one of {@code objectives}' metrics.
     *
     * @throws IllegalArgumentException naming the first weight that names no objective's metric
     */
    public void requireWeightsOn(List<Objective> objectives) {
        List<String> metrics = objectives.stream().map(Objective::metric).toList();
        weights.keySet().stream().filter(metric -> !metrics.contains(metric)).findFirst().ifPresent(metric -> {
            throw new IllegalArgumentException("a weight must name an objective's metric " + metrics + ", but got '"
                    + metric + "'");
        });
    }

    /**
     * Picks the model to deploy from {@code front}. The feasible members are those that meet every constraint and
     * have a finite value of every objective; the choice never depends on the order of {@code front} (ties go to the
     * smaller trial id in the end). The runner-up is the member this selection picks from the feasible members
     * without the winner.
     *
     * @param front the candidates, with distinct trial ids (usually the Pareto front)
     * @param constraints what a deployable model must meet
     * @param objectives the sweep's objectives, in order
     * @param name how the reason names a candidate, e.g. {@code #12}
     * @return the winner, the runner-up and one sentence on why the winner won; no winner when no member is
     *     feasible (then {@link Infeasibility#explain} says why)
     * @throws IllegalArgumentException when trial ids repeat, objectives are empty or a weight names no objective
     */
    public Pick pick(List<Candidate> front, List<Constraint> constraints, List<Objective> objectives,
            Function<Candidate, String> name) {
        return Picker.pick(this, front, constraints, objectives, name);
    }
}
