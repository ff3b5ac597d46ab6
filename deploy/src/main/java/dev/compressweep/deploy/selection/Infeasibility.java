package dev.compressweep.deploy.selection;

import dev.compressweep.deploy.Candidate;
import dev.compressweep.search.objective.Constraint;
import dev.compressweep.search.objective.Objective;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Why no candidate can be deployed: a pure function of its arguments, for when {@link Selection#pick} finds none. */
public final class Infeasibility {

    private static final String NONE_MEETS = "no trial meets the constraints: ";

    private Infeasibility() {}

    /**
     * One sentence on why none of {@code complete} is feasible. For each constraint it takes the best value any
     * candidate reached and its gap to the bound; among the constraints no candidate meets, it names the one with the
     * smallest relative gap ({@code gap / |bound|}, or the gap when the bound is 0), e.g. {@code no trial meets the
     * constraints: closest is accuracy_drop <= 0.01, missed by 0.0042 (trial #7 reached 0.0142)}. When each
     * constraint is met by some candidate but none meets all, it names the candidate whose largest relative gap is
     * the smallest; when a candidate meets them all, the objectives it did not measure. Ties go to the earlier
     * constraint and the smaller trial id, so the sentence never depends on the order of {@code complete}.
     *
     * @param complete every complete candidate, none of them feasible
     * @param constraints what a deployable model must meet
     * @param objectives the sweep's objectives, each of which a feasible candidate must have measured
     * @param name how the sentence names a candidate, e.g. {@code #7}
     * @throws IllegalArgumentException when a candidate meets every constraint and measured every objective
     */
    public static String explain(List<Candidate> complete, List<Constraint> constraints, List<Objective> objectives,
            Function<Candidate, String> name) {
        List<Candidate> candidates = complete.stream().sorted(Comparator.comparing(Candidate::trialId)).toList();
        candidates.stream().filter(c -> Picker.feasible(c, constraints, objectives)).findFirst().ifPresent(c -> {
            throw new IllegalArgumentException(
                    "no candidate may be feasible when explaining infeasibility, but " + c.trialId() + " is");
        });
        if (candidates.isEmpty()) {
            return NONE_MEETS + "none completed";
        }
        Optional<Candidate> meetsAll = candidates.stream()
                .filter(c -> constraints.stream().allMatch(k -> k.isSatisfiedBy(c.metrics()))).findFirst();
        if (meetsAll.isPresent()) {
            List<String> missing = objectives.stream().map(Objective::metric)
                    .filter(metric -> !Double.isFinite(meetsAll.get().metric(metric))).toList();
            return "no trial that meets the constraints measured every objective: trial "
                    + name.apply(meetsAll.get()) + " lacks " + Numbers.and(missing);
        }
        List<Miss> unmet = constraints.stream()
                .map(k -> candidates.stream().map(c -> Miss.of(k, c)).min(Comparator.comparingDouble(Miss::gap))
                        .orElseThrow())
                .filter(miss -> miss.gap() > 0)
                .toList();
        return unmet.isEmpty() ? closestTrial(candidates, constraints, name) : closestConstraint(unmet, name);
    }

    /** Among the constraints no candidate meets (each with its smallest gap), the one closest to being met. */
    private static String closestConstraint(List<Miss> unmet, Function<Candidate, String> name) {
        Miss closest = unmet.stream().min(Comparator.comparingDouble(Miss::relativeGap)).orElseThrow();
        if (Double.isInfinite(closest.gap())) {
            return NONE_MEETS + "closest is " + closest.constraint() + ", which no trial measured";
        }
        return NONE_MEETS + "closest is " + closest.constraint() + ", missed by " + Numbers.format(closest.gap())
                + " (trial " + name.apply(closest.candidate()) + " reached " + Numbers.format(closest.reached()) + ")";
    }

    /** When each constraint is met by some candidate: the candidate whose largest relative gap is the smallest. */
    private static String closestTrial(List<Candidate> candidates, List<Constraint> constraints,
            Function<Candidate, String> name) {
        Miss closest = candidates.stream()
                .map(c -> constraints.stream().map(k -> Miss.of(k, c))
                        .max(Comparator.comparingDouble(Miss::relativeGap)).orElseThrow())
                .min(Comparator.comparingDouble(Miss::relativeGap)).orElseThrow();
        String by = Double.isInfinite(closest.gap()) ? ", which it did not measure" : " by "
                + Numbers.format(closest.gap()) + " (it reached " + Numbers.format(closest.reached()) + ")";
        return "no trial meets all the constraints at once: closest is trial " + name.apply(closest.candidate())
                + ", which misses " + closest.constraint() + by;
    }
}
