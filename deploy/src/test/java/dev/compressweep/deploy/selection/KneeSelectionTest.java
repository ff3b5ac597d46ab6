package dev.compressweep.deploy.selection;

import static dev.compressweep.deploy.selection.Fronts.candidate;
import static dev.compressweep.deploy.selection.Fronts.id;
import static dev.compressweep.deploy.selection.Fronts.pickInEveryOrder;
import static dev.compressweep.deploy.selection.Fronts.runnerUp;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.compressweep.deploy.Candidate;
import dev.compressweep.search.objective.Objective;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KneeSelectionTest {

    private static final Selection KNEE = new Selection(SelectionStrategy.KNEE, Map.of());
    private static final List<Objective> ACCURACY_AND_SIZE = List.of(
            Objective.maximize("accuracy"), Objective.minimize("size_bytes"));

    private static Candidate point(String id, double accuracy, double size) {
        return candidate(id, Map.of("accuracy", accuracy, "size_bytes", size));
    }

    @Test
    void shouldPickThePointFarthestFromTheLineThroughTheExtremes() {
        // normalised (1 - accuracy share, size share): small (1, 0), big (0, 1), knee (0.2, 0.11), mid (0.4, 0.22)
        List<Candidate> front = List.of(point("small", 0.80, 10), point("big", 0.90, 100), point("knee", 0.88, 20),
                point("mid", 0.86, 30));

        Pick pick = pickInEveryOrder(KNEE, front, List.of(), ACCURACY_AND_SIZE);

        assertEquals("knee", id(pick));
        assertEquals("mid", runnerUp(pick));
        assertEquals("knee of the feasible front: farthest (0.4871) from the line through the extremes #big and"
                + " #small among 4 feasible front members; runner-up #mid is at 0.2671", pick.reason());
    }

    @Test
    void shouldFindTheSameKneeWhetherAnObjectiveIsMaximisedOrItsMirrorMinimised() {
        List<Objective> dropAndSize = List.of(Objective.minimize("accuracy_drop"), Objective.minimize("size_bytes"));
        List<Candidate> byDrop = List.of(
                candidate("small", Map.of("accuracy_drop", 0.10, "size_bytes", 10.0)),
                candidate("big", Map.of("accuracy_drop", 0.00, "size_bytes", 100.0)),
                candidate("knee", Map.of("accuracy_drop", 0.02, "size_bytes", 20.0)),
                candidate("mid", Map.of("accuracy_drop", 0.04, "size_bytes", 30.0)));

        Pick pick = pickInEveryOrder(KNEE, byDrop, List.of(), dropAndSize);

        assertEquals("knee", id(pick));
        assertEquals("mid", runnerUp(pick));
    }

    @Test
    void shouldUseThePlaneThroughTheThreeExtremesNotTheSmallestSum() {
        List<Objective> three = List.of(Objective.minimize("size_bytes"), Objective.minimize("latency_p50_ms"),
                Objective.minimize("accuracy_drop"));
        // already normalised: each objective spans [0, 1]; the plane through e1, e2, e3 is 0.52x + 0.84y + 0.88z = 1.048
        List<Candidate> front = List.of(point3("e1", 0, 0.2, 1), point3("e2", 1, 0, 0.6), point3("e3", 0.4, 1, 0),
                point3("far", 0.5, 0.1, 0.1), point3("smallsum", 0.1, 0.4, 0.15));

        Pick knee = pickInEveryOrder(KNEE, front, List.of(), three);
        Pick equalWeights = new Selection(SelectionStrategy.WEIGHTED, Map.of("size_bytes", 1.0,
                "latency_p50_ms", 1.0, "accuracy_drop", 1.0)).pick(front, List.of(), three, Fronts.NAME);

        assertEquals("far", id(knee));
        assertEquals("smallsum", runnerUp(knee));
        assertEquals("knee of the feasible front: farthest (0.4656) from the plane through the extremes #e1, #e2 and"
                + " #e3 among 5 feasible front members; runner-up #smallsum is at 0.3991", knee.reason());
        assertEquals("smallsum", id(equalWeights), "the smallest sum is another point than the knee");
    }

    private static Candidate point3(String id, double size, double latency, double drop) {
        return candidate(id, Map.of("size_bytes", size, "latency_p50_ms", latency, "accuracy_drop", drop));
    }

    @Test
    void shouldBreakATieInDistanceByTheLexicographicOrder() {
        List<Candidate> front = List.of(point("small", 0.0, 0.0), point("big", 1.0, 1.0), point("left", 0.75, 0.5),
                point("right", 0.5, 0.25));

        Pick pick = pickInEveryOrder(KNEE, front, List.of(), ACCURACY_AND_SIZE);

        assertEquals("left", id(pick), "both are 0.1768 from the line; left is more accurate");
        assertEquals("right", runnerUp(pick));
    }

    @Test
    void shouldFallBackToTheSmallestSumWhenTheExtremesCoincide() {
        List<Candidate> front = List.of(point("best", 0.9, 10), point("worse", 0.8, 20), point("worst", 0.7, 30));

        Pick pick = pickInEveryOrder(KNEE, front, List.of(), ACCURACY_AND_SIZE);

        assertEquals("best", id(pick));
        assertEquals("worse", runnerUp(pick));
        assertEquals("no knee, as the extremes #best span no line, so the smallest sum of normalised objectives (0)"
                + " among 3 feasible front members; runner-up #worse has 1", pick.reason());
    }

    @Test
    void shouldFallBackToTheSmallestSumForASingleObjective() {
        List<Candidate> front = List.of(point("a", 0.9, 10), point("b", 0.8, 20), point("c", 0.7, 30));

        Pick pick = pickInEveryOrder(KNEE, front, List.of(), List.of(Objective.maximize("accuracy")));

        assertEquals("a", id(pick));
        assertEquals("a single objective has no knee, so the smallest sum of normalised objectives (0) among 3"
                + " feasible front members; runner-up #b has 0.5", pick.reason());
    }
}
