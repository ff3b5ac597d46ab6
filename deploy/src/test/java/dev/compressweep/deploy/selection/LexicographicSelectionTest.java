package dev.compressweep.deploy.selection;

import static dev.compressweep.deploy.selection.Fronts.candidate;
import static dev.compressweep.deploy.selection.Fronts.id;
import static dev.compressweep.deploy.selection.Fronts.pickInEveryOrder;
import static dev.compressweep.deploy.selection.Fronts.runnerUp;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.compressweep.search.objective.Constraint;
import dev.compressweep.search.objective.Objective;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LexicographicSelectionTest {

    private static final List<Objective> ACCURACY_THEN_LATENCY = List.of(
            Objective.maximize("accuracy"), Objective.minimize("latency_p50_ms"));

    @Test
    void shouldPickTheBestByTheFirstObjectiveAndNameTheRunnerUp() {
        Pick pick = pickInEveryOrder(Selection.LEXICOGRAPHIC, List.of(
                candidate("10", Map.of("accuracy", 0.8746, "latency_p50_ms", 0.079, "accuracy_drop", 0.0002)),
                candidate("12", Map.of("accuracy", 0.8590, "latency_p50_ms", 0.046, "accuracy_drop", 0.0158)),
                candidate("7", Map.of("accuracy", 0.8682, "latency_p50_ms", 0.046, "accuracy_drop", 0.0066)),
                candidate("15", Map.of("accuracy", 0.9100, "latency_p50_ms", 0.052, "accuracy_drop", 0.0414)),
                candidate("3", Map.of("accuracy", 0.8500, "latency_p50_ms", 0.040, "accuracy_drop", 0.0011))),
                List.of(Constraint.parse("accuracy_drop <= 0.02")), ACCURACY_THEN_LATENCY);

        assertEquals("10", id(pick), "#15 is more accurate but breaks the drop bound");
        assertEquals("7", runnerUp(pick));
        assertEquals("highest accuracy (0.8746) among 4 feasible front members; runner-up #7 has 0.8682", pick.reason());
    }

    @Test
    void shouldGoToTheNextObjectiveOnATieAndSaySo() {
        Pick pick = pickInEveryOrder(Selection.LEXICOGRAPHIC, List.of(
                candidate("a", Map.of("accuracy", 0.9, "latency_p50_ms", 2.0, "size_bytes", 100.0)),
                candidate("b", Map.of("accuracy", 0.9, "latency_p50_ms", 1.0, "size_bytes", 300.0)),
                candidate("c", Map.of("accuracy", 0.8, "latency_p50_ms", 0.5, "size_bytes", 50.0))),
                List.of(), ACCURACY_THEN_LATENCY);

        assertEquals("b", id(pick));
        assertEquals("a", runnerUp(pick));
        assertEquals("tied with runner-up #a on accuracy (0.9), then lowest latency_p50_ms (1 against 2) among 3"
                + " feasible front members", pick.reason());
    }

    @Test
    void shouldBreakTiesOnEveryObjectiveBySizeThenTrialId() {
        Map<String, Double> same = Map.of("accuracy", 0.9, "latency_p50_ms", 1.0, "size_bytes", 1000.0);
        Pick bySize = pickInEveryOrder(Selection.LEXICOGRAPHIC, List.of(candidate("a", same),
                candidate("big", Map.of("accuracy", 0.9, "latency_p50_ms", 1.0, "size_bytes", 9000.0)),
                candidate("unsized", Map.of("accuracy", 0.9, "latency_p50_ms", 1.0)), candidate("b", same)),
                List.of(), ACCURACY_THEN_LATENCY);

        assertEquals("a", id(bySize));
        assertEquals("b", runnerUp(bySize));
        assertEquals("tied with runner-up #b on accuracy, latency_p50_ms and size_bytes (0.9, 1, 1000), then the"
                + " smaller trial id among 4 feasible front members", bySize.reason());
    }

    @Test
    void shouldNotAddSizeAsAKeyWhenItIsAnObjective() {
        List<Objective> sizeFirst = List.of(Objective.minimize("size_bytes"), Objective.maximize("accuracy"));
        Pick pick = pickInEveryOrder(Selection.LEXICOGRAPHIC, List.of(
                candidate("a", Map.of("accuracy", 0.8, "size_bytes", 100.0)),
                candidate("b", Map.of("accuracy", 0.8, "size_bytes", 100.0))), List.of(), sizeFirst);

        assertEquals("tied with runner-up #b on size_bytes and accuracy (100, 0.8), then the smaller trial id among 2"
                + " feasible front members", pick.reason());
    }
}
