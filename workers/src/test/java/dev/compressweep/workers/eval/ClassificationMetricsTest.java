package dev.compressweep.workers.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ClassificationMetricsTest {

    @Test
    void shouldComputeAccuracyAndMacroF1ByHand() {
        int[] truth = {0, 0, 1, 1, 2, 2};
        int[] predicted = {0, 1, 1, 1, 2, 0};
        // class 0: tp 1, fp 1, fn 1 -> 2/4; class 1: tp 2, fp 1, fn 0 -> 4/5; class 2: tp 1, fp 0, fn 1 -> 2/3
        assertEquals(4.0 / 6, ClassificationMetrics.accuracy(truth, predicted), 1e-12);
        assertEquals((0.5 + 0.8 + 2.0 / 3) / 3, ClassificationMetrics.f1Macro(truth, predicted, 10), 1e-12);
    }

    @Test
    void shouldComputeOneClassesF1ByHand() {
        int[] truth = {1, 1, 1, 0, 0, 0, 0};
        int[] predicted = {1, 1, 0, 1, 0, 0, 0};
        // class 1: tp 2, fp 1, fn 1 -> 4/6; class 0: tp 3, fp 1, fn 1 -> 6/8
        assertEquals(4.0 / 6, ClassificationMetrics.f1(truth, predicted, 1), 1e-12);
        assertEquals(6.0 / 8, ClassificationMetrics.f1(truth, predicted, 0), 1e-12);
        assertEquals(0, ClassificationMetrics.f1(new int[] {0, 0}, new int[] {0, 0}, 1));
    }

    @Test
    void shouldTakeNearestRankPercentiles() {
        double[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};

        assertEquals(5, ClassificationMetrics.percentile(sorted, 0.5));
        assertEquals(10, ClassificationMetrics.percentile(sorted, 0.95));
        assertEquals(1, ClassificationMetrics.percentile(sorted, 0.0));
    }

    @Test
    void shouldRejectANonFiniteMetricByName() {
        NonFiniteMetricException e = assertThrows(NonFiniteMetricException.class,
                () -> Evaluation.requireFinite(Map.of("accuracy", 0.5, "throughput", Double.POSITIVE_INFINITY)));

        assertEquals("metric throughput must be finite, but got Infinity", e.getMessage());
    }
}
