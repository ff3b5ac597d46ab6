package dev.compressweep.workers.compress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class DistillationLossTest {

    // Two examples, three classes; temperature 2, alpha 0.5.
    static final float[] STUDENT = {1, 2, 3, 0, 0, 0};
    static final float[] TEACHER = {3, 2, 1, 0, 0, 0};
    static final int[] LABELS = {2, 0};

    /**
     * By hand. Row 1: teacher/T = (1.5, 1, 0.5), student/T = (0.5, 1, 1.5) with Z = e^1.5 + e + e^0.5 for
     * both, so p_t = (e^1.5, e, e^0.5) / Z, log p_t - log p_s = (1, 0, -1), and
     * KL = (e^1.5 - e^0.5) / Z. CE = -log(e^3 / (e + e^2 + e^3)) = log(1 + e^-1 + e^-2).
     * Row 2: all logits equal, so KL = 0 and CE = log 3.
     * loss = mean(0.5 * 4 * KL1 + 0.5 * CE1, 0.5 * log 3).
     */
    static double handComputed() {
        double z = Math.exp(1.5) + Math.exp(1) + Math.exp(0.5);
        double kl1 = (Math.exp(1.5) - Math.exp(0.5)) / z;
        double ce1 = Math.log(1 + Math.exp(-1) + Math.exp(-2));
        double ce2 = Math.log(3);
        return ((0.5 * 4 * kl1 + 0.5 * ce1) + (0.5 * ce2)) / 2;
    }

    @Test
    void shouldMatchTheHandComputedValueOnATwoByThreeExample() {
        double value = DistillationLoss.value(STUDENT, TEACHER, LABELS, 3, 2.0, 0.5);

        assertEquals(0.6967112311079291, handComputed(), 1e-12);
        assertEquals(handComputed(), value, 1e-9);
    }

    @Test
    void shouldComputeTheSameValueOnNdArrays() {
        try (NDManager manager = NDManager.newBaseManager()) {
            float value = DistillationLoss.compute(
                    manager.create(STUDENT, new Shape(2, 3)),
                    manager.create(TEACHER, new Shape(2, 3)),
                    manager.create(LABELS), 2.0, 0.5).getFloat();

            assertEquals(handComputed(), value, 1e-5);
        }
    }

    @Test
    void shouldReduceToCrossEntropyWhenAlphaIsZero() {
        double value = DistillationLoss.value(STUDENT, TEACHER, LABELS, 3, 2.0, 0.0);

        assertEquals((Math.log(1 + Math.exp(-1) + Math.exp(-2)) + Math.log(3)) / 2, value, 1e-9);
    }

    @Test
    void shouldRefuseANonPositiveTemperatureAndAnAlphaOutsideTheUnitInterval() {
        IllegalArgumentException t = assertThrows(IllegalArgumentException.class,
                () -> DistillationLoss.value(STUDENT, TEACHER, LABELS, 3, 0.0, 0.5));
        IllegalArgumentException a = assertThrows(IllegalArgumentException.class,
                () -> DistillationLoss.value(STUDENT, TEACHER, LABELS, 3, 2.0, 1.5));

        assertTrue(t.getMessage().contains("temperature must be > 0, but got 0.0"), t.getMessage());
        assertTrue(a.getMessage().contains("alpha must lie in [0, 1], but got 1.5"), a.getMessage());
    }
}
