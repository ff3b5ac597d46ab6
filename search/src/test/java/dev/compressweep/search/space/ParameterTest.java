package dev.compressweep.search.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ParameterTest {

    private static String messageOf(Runnable action) {
        return assertThrows(IllegalArgumentException.class, action::run).getMessage();
    }

    @Test
    void shouldRejectAFloatRangeWhoseLowIsNotBelowHigh() {
        assertEquals("`low < high` must hold, but got (low=3.0, high=1.0) for parameter 'lr'",
                messageOf(() -> Parameter.floatRange("lr", 3.0, 1.0)));
    }

    @Test
    void shouldRejectAnIntRangeWhoseLowExceedsHigh() {
        assertEquals("`low <= high` must hold, but got (low=3, high=1) for parameter 'bits'",
                messageOf(() -> Parameter.intRange("bits", 3, 1)));
    }

    @Test
    void shouldRejectALogIntRangeStartingBelowOne() {
        assertEquals("`low >= 1` must hold for a log range, but got (low=0) for parameter 'width'",
                messageOf(() -> Parameter.logIntRange("width", 0, 64)));
    }

    @Test
    void shouldRejectALogFloatRangeStartingAtZero() {
        assertEquals("`low > 0` must hold for a log range, but got (low=0.0) for parameter 'lr'",
                messageOf(() -> Parameter.logFloatRange("lr", 0.0, 1.0)));
    }

    @Test
    void shouldRejectANonFiniteBound() {
        assertEquals(
                "`low` and `high` must be finite, but got (low=NaN, high=1.0) for parameter 'x'",
                messageOf(() -> Parameter.floatRange("x", Double.NaN, 1.0)));
    }

    @Test
    void shouldRejectABlankName() {
        assertEquals("`name` must be non-blank, but got ' '",
                messageOf(() -> Parameter.intRange(" ", 1, 2)));
    }

    @Test
    void shouldRejectEmptyChoices() {
        assertEquals("`choices` must be non-empty, but got [] for parameter 'chain'",
                messageOf(() -> Parameter.categorical("chain")));
    }

    @Test
    void shouldRejectChoicesThatAreEqualOnceCanonical() {
        assertEquals("`choices` must be distinct, but got 4 twice for parameter 'bits'",
                messageOf(() -> Parameter.categorical("bits", 4, 4L)));
    }

    @Test
    void shouldRejectAChoiceOfAnUnsupportedType() {
        String message = messageOf(() -> Parameter.categorical("x", List.of(1)));
        assertTrue(message.startsWith("a choice of 'x' must be a String, Boolean, Long, Integer or "
                + "Double, but got "), message);
    }

    @Test
    void shouldStoreIntegralChoicesAsLong() {
        Categorical bits = Parameter.categorical("bits", 4, 8);
        assertEquals(List.of(4L, 8L), bits.choices());
        assertTrue(bits.contains(4));
        assertTrue(bits.contains(8L));
        assertFalse(bits.contains(4.0));
    }

    @Test
    void shouldNotContainValuesOfAnotherType() {
        assertFalse(Parameter.intRange("n", 1, 5).contains(2.0));
        assertFalse(Parameter.floatRange("x", 0, 1).contains(1L));
        assertFalse(Parameter.floatRange("x", 0, 1).contains(null));
        assertFalse(Parameter.categorical("c", "a").contains(null));
    }

    @Test
    void shouldListEveryIntegerOfAShortRange() {
        assertEquals(List.of(1L, 2L, 3L, 4L), Parameter.intRange("n", 1, 4).grid(5));
    }

    @Test
    void shouldSpreadGridPointsEvenlyOverALongIntRange() {
        assertEquals(List.of(0L, 25L, 50L, 75L, 100L), Parameter.intRange("n", 0, 100).grid(5));
    }

    @Test
    void shouldKeepLogIntGridPointsDistinct() {
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 7L, 10L),
                Parameter.logIntRange("n", 1, 10).grid(8));
    }

    @Test
    void shouldIncludeBothEndsOfAFloatGrid() {
        assertEquals(List.of(0.0, 0.5, 1.0), Parameter.floatRange("x", 0, 1).grid(3));
    }

    @Test
    void shouldSpaceALogFloatGridByDecades() {
        List<Object> grid = Parameter.logFloatRange("lr", 1e-4, 1).grid(5);
        double[] expected = {1e-4, 1e-3, 1e-2, 1e-1, 1};
        assertEquals(1e-4, grid.get(0));
        assertEquals(1.0, grid.get(4));
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], (double) grid.get(i), expected[i] * 1e-12);
        }
    }

    @Test
    void shouldRejectAGridOfFewerThanTwoPoints() {
        assertEquals("`pointsForContinuous >= 2` must hold, but got pointsForContinuous=1",
                messageOf(() -> Parameter.floatRange("x", 0, 1).grid(1)));
    }

    @Test
    void shouldSampleOnlyValuesOfTheDomain() {
        List<Parameter> parameters = List.of(Parameter.categorical("c", "a", true, 3, 0.5),
                Parameter.intRange("n", -3, 3), Parameter.logIntRange("w", 1, 1000),
                Parameter.intRange("edge", Long.MAX_VALUE - 2, Long.MAX_VALUE),
                Parameter.floatRange("x", -1, 1), Parameter.logFloatRange("lr", 1e-5, 1e-1));
        SplittableRandom rng = new SplittableRandom(42);
        for (Parameter parameter : parameters) {
            for (int i = 0; i < 500; i++) {
                Object value = parameter.sample(rng);
                assertTrue(parameter.contains(value), parameter + " drew " + value);
            }
        }
    }

    @Test
    void shouldSampleALogRangeEvenlyAcrossDecades() {
        Parameter lr = Parameter.logFloatRange("lr", 1e-4, 1);
        SplittableRandom rng = new SplittableRandom(7);
        int below = 0;
        for (int i = 0; i < 2000; i++) {
            below += (double) lr.sample(rng) < 1e-2 ? 1 : 0;
        }
        assertEquals(0.5, below / 2000.0, 0.05);
    }

    @Test
    void shouldCopyItselfUnderACondition() {
        IntRange bits = Parameter.intRange("bits", 2, 8);
        Parameter conditional = bits.when("chain", "quantize");
        assertEquals(Optional.of(Condition.of("chain", "quantize")), conditional.condition());
        assertEquals(Optional.empty(), bits.condition());
    }
}
