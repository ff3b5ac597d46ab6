package dev.compressweep.deploy.selection;

import dev.compressweep.deploy.Candidate;
import dev.compressweep.search.objective.Objective;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@link SelectionStrategy#WEIGHTED}: the smallest sum of the {@link Normalized} objectives, each times its weight
 * (0 for an objective without one); ties go by the lexicographic order.
 */
final class WeightedRanking implements Ranking {

    private final List<Objective> objectives;
    private final Map<String, Double> weights;
    private final int members;
    private final Normalized normalized;
    private final Candidate best;

    WeightedRanking(List<Candidate> members, List<Objective> objectives, Map<String, Double> weights) {
        this.objectives = objectives;
        this.weights = weights;
        this.members = members.size();
        this.normalized = new Normalized(members, objectives);
        this.best = members.stream().min(Comparator.comparingDouble(this::score)
                .thenComparing(LexicographicRanking.order(objectives))).orElseThrow();
    }

    @Override
    public Candidate best() {
        return best;
    }

    @Override
    public String reason(Candidate runnerUp, Function<Candidate, String> name) {
        List<String> weighting = objectives.stream().map(Objective::metric).filter(weights::containsKey)
                .map(metric -> metric + " " + Numbers.format(weights.get(metric))).toList();
        return "smallest weighted sum " + Numbers.format(score(best)) + " (" + String.join(", ", weighting) + ")"
                + " among " + members + " feasible front members; runner-up " + name.apply(runnerUp) + " has "
                + Numbers.format(score(runnerUp));
    }

    private double score(Candidate candidate) {
        double[] values = normalized.of(candidate);
        double sum = 0;
        for (int j = 0; j < values.length; j++) {
            sum += weights.getOrDefault(objectives.get(j).metric(), 0.0) * values[j];
        }
        return sum;
    }
}
