package dev.compressweep.search.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.compressweep.search.objective.Constraint;
import dev.compressweep.search.objective.Objective;
import dev.compressweep.search.space.Assignment;
import dev.compressweep.search.space.Parameter;
import dev.compressweep.search.space.SearchSpace;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the Bayesian sampler learns from constraints and failures on toy problems. */
class BayesianSamplerLearningTest {
    private static final SearchSpace PLANE = SearchSpace.of(
            Parameter.floatRange("x", 0, 1), Parameter.floatRange("z", 0, 1));
    private static final List<Objective> ACCURACY_AND_SIZE =
            List.of(Objective.maximize("accuracy"), Objective.minimize("size"));

    /** Runs {@code trials} trials one at a time; an empty result is a failed trial. */
    private static History run(Sampler sampler, SearchSpace space, int trials,
            Function<Assignment, Optional<Map<String, Double>>> evaluate) {
        History history = History.empty();
        for (int i = 0; i < trials; i++) {
            Assignment next = sampler.ask(space, history, 1).get(0);
            int index = i;
            history = history.with(evaluate.apply(next)
                    .map(m -> Observation.complete(index, next, m))
                    .orElseGet(() -> Observation.failed(index, next)));
        }
        return history;
    }

    /**
     * Both objectives improve with z, but accuracy_drop = 0.05 z must stay at most 0.01: only
     * z <= 0.2, a fifth of the space, is feasible, so random search proposes about 8 feasible
     * assignments of 40. The optimum lies on the boundary, where about half the proposals land
     * on either side.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void shouldMostlyProposeFeasibleAssignmentsAfterStartUp(long seed) {
        Constraint drop = Constraint.parse("accuracy_drop <= 0.01");
        Sampler sampler = BayesianSampler.builder(ACCURACY_AND_SIZE)
                .constraints(List.of(drop)).seed(seed).startupTrials(10).build();
        History history = run(sampler, PLANE, 50, a -> Optional.of(Map.of(
                "accuracy", 0.5 + 0.3 * a.getDouble("z") + 0.2 * a.getDouble("x"),
                "size", 1 + a.getDouble("x") - 0.5 * a.getDouble("z"),
                "accuracy_drop", 0.05 * a.getDouble("z"))));
        long feasible = history.observations().subList(10, 50).stream()
                .filter(o -> drop.isSatisfiedBy(o.metrics())).count();
        assertTrue(feasible >= 21, () -> feasible + " of 40 proposals after start-up feasible");
    }

    /** Accuracy is best at x = 0.3; every trial with x > 0.6 fails, 12 of 30 for random. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void shouldSteerAwayFromWhereTrialsFail(long seed) {
        Sampler sampler = BayesianSampler.builder(List.of(Objective.maximize("accuracy")))
                .seed(seed).startupTrials(10).build();
        History history = run(sampler, PLANE, 40, a -> a.getDouble("x") > 0.6
                ? Optional.empty()
                : Optional.of(Map.of("accuracy", 1 - Math.abs(a.getDouble("x") - 0.3))));
        long failed = history.observations().subList(10, 40).stream()
                .filter(o -> o.state() == TrialState.FAILED).count();
        assertTrue(failed <= 6, () -> failed + " of 30 proposals after start-up failed");
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void shouldNeverProposeTheAssignmentOfAFailedTrialAgain(long seed) {
        SearchSpace grid = SearchSpace.of(Parameter.categorical("bits", 2, 4, 8),
                Parameter.categorical("granularity", "tensor", "channel", "group"));
        List<Observation> tried = new ArrayList<>();
        for (Assignment a : new GridSampler(2).enumerate(grid).subList(0, 7)) {
            boolean fails = a.getLong("bits") == 8 || a.getString("granularity").equals("group");
            tried.add(fails ? Observation.failed(tried.size(), a)
                    : Observation.complete(tried.size(), a, Map.of("accuracy", 0.5)));
        }
        History history = new History(tried);
        Sampler sampler = BayesianSampler.builder(List.of(Objective.maximize("accuracy")))
                .seed(seed).startupTrials(3).build();
        Set<Assignment> proposals = new HashSet<>(sampler.ask(grid, history, 2));
        Set<Assignment> untried = new HashSet<>(new GridSampler(2).enumerate(grid).subList(7, 9));
        assertEquals(untried, proposals);
    }
}
