package dev.compressweep.search.pareto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.compressweep.search.objective.Objective;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ParetoFrontTest {
    private static final List<Objective> ACC_SIZE =
            List.of(Objective.maximize("accuracy"), Objective.minimize("size"));

    private static Map<String, Double> point(double accuracy, double size) {
        return Map.of("accuracy", accuracy, "size", size);
    }

    private static List<Map<String, Double>> front(List<Map<String, Double>> points) {
        return ParetoFront.nonDominated(points, Function.identity(), ACC_SIZE);
    }

    @Test
    void shouldDiscardADominatedPoint() {
        assertEquals(List.of(point(0.9, 5)), front(List.of(point(0.9, 5), point(0.8, 6))));
    }

    @Test
    void shouldKeepTradeOffsInInputOrder() {
        List<Map<String, Double>> points =
                List.of(point(0.7, 1), point(0.6, 2), point(0.9, 5), point(0.8, 3));
        assertEquals(List.of(point(0.7, 1), point(0.9, 5), point(0.8, 3)), front(points));
    }

    @Test
    void shouldKeepEveryCopyOfATiedPoint() {
        List<Map<String, Double>> points = List.of(point(0.9, 5), point(0.9, 5), point(0.9, 6));
        assertEquals(List.of(point(0.9, 5), point(0.9, 5)), front(points));
    }

    @Test
    void shouldLeaveOutPointsMissingAMetricOrHoldingNaN() {
        Map<String, Double> withNull = new HashMap<>();
        withNull.put("accuracy", 0.99);
        withNull.put("size", null);
        List<Map<String, Double>> points = List.of(
                Map.of("accuracy", 0.99), point(Double.NaN, 0.1), withNull, point(0.5, 9));
        assertEquals(List.of(point(0.5, 9)), front(points));
    }

    @Test
    void shouldReadMetricsThroughTheGivenFunction() {
        record Trial(String name, Map<String, Double> metrics) {}
        List<Trial> trials = List.of(new Trial("a", point(0.9, 5)), new Trial("b", point(0.8, 6)));
        assertEquals(List.of(trials.get(0)),
                ParetoFront.nonDominated(trials, Trial::metrics, ACC_SIZE));
    }

    @Test
    void shouldHonourEachObjectivesDirection() {
        Map<String, Double> a = point(0.9, 5);
        Map<String, Double> b = point(0.8, 6);
        assertTrue(ParetoFront.dominates(a, b, ACC_SIZE));
        assertFalse(ParetoFront.dominates(b, a, ACC_SIZE));
        List<Objective> reversed =
                List.of(Objective.minimize("accuracy"), Objective.maximize("size"));
        assertTrue(ParetoFront.dominates(b, a, reversed));
    }

    @Test
    void shouldNotLetAPointDominateAnEqualOne() {
        assertFalse(ParetoFront.dominates(point(0.9, 5), point(0.9, 5), ACC_SIZE));
    }

    @Test
    void shouldHandleThreeObjectives() {
        List<Objective> three = List.of(Objective.maximize("accuracy"), Objective.minimize("size"),
                Objective.minimize("ms"));
        List<Map<String, Double>> points = List.of(
                Map.of("accuracy", 0.9, "size", 5.0, "ms", 3.0),
                Map.of("accuracy", 0.9, "size", 5.0, "ms", 2.0),
                Map.of("accuracy", 0.8, "size", 4.0, "ms", 9.0));
        assertEquals(List.of(points.get(1), points.get(2)),
                ParetoFront.nonDominated(points, Function.identity(), three));
    }

    @Test
    void shouldRefuseToCompareAPointMissingAMetric() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ParetoFront.dominates(Map.of("accuracy", 0.9), point(0.8, 6), ACC_SIZE));
        assertTrue(e.getMessage().startsWith("`a` must hold a non-NaN value for every objective"),
                e.getMessage());
    }

    @Test
    void shouldRequireAnObjective() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ParetoFront.nonDominated(
                        List.of(point(1, 1)), Function.identity(), List.of()));
        assertEquals("at least one objective is needed, but got none", e.getMessage());
    }
}
