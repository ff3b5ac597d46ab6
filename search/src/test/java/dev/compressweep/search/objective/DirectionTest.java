package dev.compressweep.search.objective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DirectionTest {

    @ParameterizedTest
    @CsvSource({"maximize,MAXIMIZE", "MAX,MAXIMIZE", "Minimize,MINIMIZE", "' min ',MINIMIZE"})
    void shouldParseLongAndShortNamesInAnyCase(String text, Direction expected) {
        assertEquals(expected, Direction.parse(text));
    }

    @Test
    void shouldListTheAcceptedNamesWhenParsingFails() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Direction.parse("up"));
        assertEquals("a direction must be one of maximize, max, minimize or min (any case), "
                + "but got 'up'", e.getMessage());
    }

    @Test
    void shouldCompareValuesInItsDirection() {
        assertTrue(Direction.MAXIMIZE.isBetter(0.9, 0.8));
        assertFalse(Direction.MINIMIZE.isBetter(0.9, 0.8));
        assertEquals(-2.0, Direction.MAXIMIZE.toMinimized(2.0));
    }

    @Test
    void shouldRejectABlankObjectiveMetric() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Objective.maximize(""));
        assertEquals("`metric` must be non-blank, but got ''", e.getMessage());
    }
}
