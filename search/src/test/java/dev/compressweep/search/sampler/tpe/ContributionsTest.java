package dev.compressweep.search.sampler.tpe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.compressweep.search.pareto.Hypervolume;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ContributionsTest {

    @Test
    void shouldPlaceTheReferenceATenthOfTheRangeBeyondTheWorstCorner() {
        List<double[]> points = List.of(new double[] {1, 3}, new double[] {2, 2},
                new double[] {3, 1}, new double[] {5, 5});
        assertArrayEquals(new double[] {5.4, 5.4}, Hypervolume.referenceBeyond(points), 1e-12);
    }

    @Test
    void shouldMeasureEachPointsOwnShareOfAStaircase() {
        List<double[]> points = List.of(new double[] {1, 3}, new double[] {2, 2},
                new double[] {3, 1});
        assertArrayEquals(new double[] {1.0 * 1.0, 1.0 * 1.0, 2.0 * 1.0},
                Contributions.exclusive(points, new double[] {5, 4}), 1e-12);
    }

    @Test
    void shouldMatchRemovingEachPointFromASmallThreeDimensionalFront() {
        SplittableRandom rng = new SplittableRandom(5);
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < Contributions.NEIGHBOURS + 1; i++) {
            double a = rng.nextDouble() * Math.PI / 2;
            double b = rng.nextDouble() * Math.PI / 2;
            points.add(new double[] {Math.cos(a) * Math.cos(b), Math.cos(a) * Math.sin(b),
                Math.sin(a)});
        }
        double[] reference = Hypervolume.referenceBeyond(points);
        double[] contributions = Contributions.exclusive(points, reference);
        double total = Hypervolume.ofMinimized(points, reference);
        for (int i = 0; i < points.size(); i++) {
            List<double[]> others = new ArrayList<>(points);
            others.remove(i);
            assertEquals(total - Hypervolume.ofMinimized(others, reference), contributions[i],
                    1e-12);
        }
    }
}
