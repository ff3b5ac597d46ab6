package dev.compressweep.deploy.selection;

import static dev.compressweep.deploy.selection.Fronts.candidate;
import static dev.compressweep.deploy.selection.Fronts.id;
import static dev.compressweep.deploy.selection.Fronts.pickInEveryOrder;
import static dev.compressweep.deploy.selection.Fronts.runnerUp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.compressweep.deploy.Candidate;
import dev.compressweep.search.objective.Objective;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WeightedSelectionTest {

    private static final List<Objective> ACCURACY_AND_SIZE = List.of(
            Objective.maximize("accuracy"), Objective.minimize("size_bytes"));

    private static Candidate point(String id, double accuracy, double size) {
        return candidate(id, Map.of("accuracy", accuracy, "size_bytes", size));
    }

    private static Selection weighted(Map<String, Double> weights) {
        return new Selection(SelectionStrategy.WEIGHTED, weights);
    }

    @Test
    void shouldPickTheSmallestWeightedSumOfNormalisedObjectives() {
        // normalised: accurate (0, 1), small (1, 0), balanced (0.2, 0.233)
        List<Candidate> front = List.of(point("accurate", 0.90, 100), point("small", 0.80, 10),
                point("balanced", 0.88, 31));

        Pick pick = pickInEveryOrder(weighted(Map.of("accuracy", 0.7, "size_bytes", 0.3)), front, List.of(),
                ACCURACY_AND_SIZE);

        assertEquals("balanced", id(pick));
        assertEquals("accurate", runnerUp(pick));
        assertEquals("smallest weighted sum 0.21 (accuracy 0.7, size_bytes 0.3) among 3 feasible front members;"
                + " runner-up #accurate has 0.3", pick.reason());
    }

    @Test
    void shouldGiveAnObjectiveWithoutAWeightNoSayButKeepItAsATieBreak() {
        List<Candidate> front = List.of(point("big", 0.95, 100), point("small-worse", 0.70, 10),
                point("small-better", 0.80, 10));

        Pick pick = pickInEveryOrder(weighted(Map.of("size_bytes", 1.0)), front, List.of(), ACCURACY_AND_SIZE);

        assertEquals("small-better", id(pick), "both small ones sum to 0; the lexicographic order breaks the tie");
        assertEquals("small-worse", runnerUp(pick));
        assertEquals("smallest weighted sum 0 (size_bytes 1) among 3 feasible front members; runner-up #small-worse"
                + " has 0", pick.reason());
    }

    @Test
    void shouldFollowTheWeightsFromOneEndOfTheFrontToTheOther() {
        List<Candidate> front = List.of(point("accurate", 0.90, 100), point("small", 0.80, 10),
                point("balanced", 0.88, 31));

        assertEquals("accurate", id(pickInEveryOrder(weighted(Map.of("accuracy", 1.0)), front, List.of(),
                ACCURACY_AND_SIZE)));
        assertEquals("small", id(pickInEveryOrder(weighted(Map.of("size_bytes", 1.0, "accuracy", 0.0)), front,
                List.of(), ACCURACY_AND_SIZE)));
    }

    @Test
    void shouldRefuseAWeightOnAMetricThatIsNoObjective() {
        Selection selection = weighted(Map.of("latency_p50_ms", 1.0));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> selection.pick(
                List.of(point("a", 0.9, 1)), List.of(), ACCURACY_AND_SIZE, Fronts.NAME));

        assertEquals("a weight must name an objective's metric [accuracy, size_bytes], but got 'latency_p50_ms'",
                e.getMessage());
    }
}
