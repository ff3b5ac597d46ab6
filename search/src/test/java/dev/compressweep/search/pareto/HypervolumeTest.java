package dev.compressweep.search.pareto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.compressweep.search.objective.Objective;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HypervolumeTest {
    private static final List<String> AXES = List.of("a", "b", "c", "d");

    private static List<Objective> minimizeAll(int dims) {
        return AXES.subList(0, dims).stream().map(Objective::minimize).toList();
    }

    private static Map<String, Double> point(double... coordinates) {
        Map<String, Double> metrics = new HashMap<>();
        for (int k = 0; k < coordinates.length; k++) {
            metrics.put(AXES.get(k), coordinates[k]);
        }
        return metrics;
    }

    @Test
    void shouldMeasureAStaircaseInTwoDimensions() {
        List<Map<String, Double>> points = List.of(point(1, 3), point(2, 2), point(3, 1));
        assertEquals(6.0, Hypervolume.of(points, minimizeAll(2), point(4, 4)));
    }

    @Test
    void shouldMeasureOverlappingBoxesInThreeDimensions() {
        // Boxes to (4,4,4): A=9, B=12, C=6; pairwise overlaps 4, 3, 4; triple overlap 2.
        List<Map<String, Double>> points =
                List.of(point(1, 1, 3), point(2, 2, 1), point(1, 3, 2), point(3, 3, 3));
        assertEquals(18.0, Hypervolume.of(points, minimizeAll(3), point(4, 4, 4)));
    }

    @Test
    void shouldNegateMaximisedObjectives() {
        List<Objective> objectives =
                List.of(Objective.maximize("accuracy"), Objective.minimize("size"));
        List<Map<String, Double>> points = List.of(
                Map.of("accuracy", 0.75, "size", 3.0), Map.of("accuracy", 0.625, "size", 1.0));
        Map<String, Double> reference = Map.of("accuracy", 0.5, "size", 4.0);
        assertEquals(0.25 * 1 + 0.125 * 2, Hypervolume.of(points, objectives, reference));
    }

    @Test
    void shouldIgnorePointsNotStrictlyBetterThanTheReference() {
        List<Map<String, Double>> points = List.of(point(4, 1), point(1, 5), point(2, 2),
                Map.of("a", 1.0), point(Double.NaN, 1));
        assertEquals(4.0, Hypervolume.of(points, minimizeAll(2), point(4, 4)));
        assertEquals(0.0, Hypervolume.of(List.of(point(4, 4)), minimizeAll(2), point(4, 4)));
    }

    @Test
    void shouldCountDuplicatePointsOnce() {
        List<Map<String, Double>> points = List.of(point(1, 2, 3), point(1, 2, 3));
        assertEquals(6.0, Hypervolume.of(points, minimizeAll(3), point(2, 4, 6)));
    }

    @Test
    void shouldMatchCountingUnitCellsInThreeAndFourDimensions() {
        SplittableRandom rng = new SplittableRandom(2024);
        for (int dims = 1; dims <= 4; dims++) {
            for (int round = 0; round < 20; round++) {
                List<double[]> points = new ArrayList<>();
                for (int i = 0; i < 1 + rng.nextInt(12); i++) {
                    points.add(rng.ints(dims, 0, 6).asDoubleStream().toArray());
                }
                double[] ref = new double[dims];
                Arrays.fill(ref, 6);
                List<Map<String, Double>> metrics =
                        points.stream().map(HypervolumeTest::point).toList();
                assertEquals(countDominatedCells(points, dims, 6),
                        Hypervolume.of(metrics, minimizeAll(dims), point(ref)), 1e-9);
            }
        }
    }

    @Test
    void shouldRejectAReferenceMissingAnObjective() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Hypervolume.of(List.of(point(1, 1)), minimizeAll(2), point(4)));
        assertEquals("`reference` must hold a non-NaN value for every objective in "
                + minimizeAll(2) + ", but got {a=4.0}", e.getMessage());
    }

    @Test
    void shouldMeasureMinimisedVectorsAsItMeasuresMetricMaps() {
        List<double[]> vectors = List.of(new double[] {1, 1, 3}, new double[] {2, 2, 1},
                new double[] {1, 3, 2}, new double[] {3, 3, 3}, new double[] {5, 0, 0});
        assertEquals(18.0, Hypervolume.ofMinimized(vectors, new double[] {4, 4, 4}));
    }

    @Test
    void shouldRejectAVectorOfTheWrongLength() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Hypervolume.ofMinimized(List.of(new double[] {1}), new double[] {2, 2}));
        assertEquals("every point must have as many coordinates as the reference (2), but got "
                + "[1.0]", e.getMessage());
    }

    private static long countDominatedCells(List<double[]> points, int dims, int size) {
        long cells = 0;
        int[] cell = new int[dims];
        for (int n = 0; n < Math.pow(size, dims); n++) {
            int rest = n;
            for (int k = 0; k < dims; k++) {
                cell[k] = rest % size;
                rest /= size;
            }
            for (double[] point : points) {
                boolean covers = true;
                for (int k = 0; k < dims; k++) {
                    covers &= point[k] <= cell[k];
                }
                if (covers) {
                    cells++;
                    break;
                }
            }
        }
        return cells;
    }
}
