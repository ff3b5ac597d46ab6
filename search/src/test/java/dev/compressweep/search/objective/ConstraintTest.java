package dev.compressweep.search.objective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConstraintTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "accuracy_drop <= 0.01   | accuracy_drop | LE | 0.01   | accuracy_drop <= 0.01",
        "size_bytes<=200000      | size_bytes    | LE | 200000 | size_bytes <= 200000",
        "latency_p50_ms < 2.5    | latency_p50_ms| LT | 2.5    | latency_p50_ms < 2.5",
        "'  recall>=1e-3 '       | recall        | GE | 0.001  | recall >= 0.001",
        "val/loss == -2          | val/loss      | EQ | -2     | val/loss == -2",
        "top-1.acc>+.5E2         | top-1.acc     | GT | 50     | top-1.acc > 50",
        "tiny <= 1.5e-20         | tiny          | LE | 1.5e-20| tiny <= 1.5E-20"})
    void shouldParseAndPrintCanonicalText(
            String text, String metric, Comparison op, double bound, String canonical) {
        Constraint constraint = Constraint.parse(text);
        assertEquals(new Constraint(metric, op, bound), constraint);
        assertEquals(canonical, constraint.toString());
        assertEquals(constraint, Constraint.parse(constraint.toString()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "accuracy", "x = 1", "x <= ", "<= 1", "x <= abc", "x != 1",
        "1x <= 2", "x <= 1.5.3", "x <= inf", "x <= 1 2"})
    void shouldNameTheTextAndTheExpectedFormWhenParsingFails(String text) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Constraint.parse(text));
        assertEquals("cannot parse constraint '" + text + "': expected the form "
                + "`<metric> <op> <number>` with <op> one of <=, <, >=, >, ==, "
                + "e.g. `accuracy_drop <= 0.01`", e.getMessage());
    }

    @Test
    void shouldChainTheCauseWhenTheBoundOverflows() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Constraint.parse("x <= 1e999"));
        assertEquals("cannot parse constraint 'x <= 1e999': "
                + "`bound` must be finite, but got Infinity", e.getMessage());
        assertInstanceOf(IllegalArgumentException.class, e.getCause());
    }

    @Test
    void shouldRejectAMetricNameThatCannotBeParsedBack() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Constraint("top 1", Comparison.GE, 0.5));
        assertEquals("`metric` must match [A-Za-z_][A-Za-z0-9_./-]*, but got 'top 1'",
                e.getMessage());
    }

    @Test
    void shouldBeSatisfiedOnlyByAPresentNonNaNMetricWithinTheBound() {
        Constraint size = Constraint.parse("size <= 10");
        assertTrue(size.isSatisfiedBy(Map.of("size", 10.0)));
        assertFalse(size.isSatisfiedBy(Map.of("size", 10.5)));
        assertFalse(size.isSatisfiedBy(Map.of("size", Double.NaN)));
        assertFalse(size.isSatisfiedBy(Map.of("accuracy", 0.9)));
    }

    @Test
    void shouldMeasureByHowMuchTheBoundIsBroken() {
        assertEquals(0.0, Constraint.parse("size <= 10").violation(Map.of("size", 9.0)));
        assertEquals(2.5, Constraint.parse("size <= 10").violation(Map.of("size", 12.5)));
        assertEquals(0.25, Constraint.parse("acc >= 0.75").violation(Map.of("acc", 0.5)));
        assertEquals(3.0, Constraint.parse("bits == 4").violation(Map.of("bits", 1.0)));
        assertTrue(Constraint.parse("ms < 2").violation(Map.of("ms", 2.0)) > 0);
        assertEquals(Double.POSITIVE_INFINITY, Constraint.parse("ms < 2").violation(Map.of()));
    }

    @Test
    void shouldFindComparisonsBySymbol() {
        assertEquals(Comparison.GT, Comparison.fromSymbol(">"));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Comparison.fromSymbol("=<"));
        assertEquals("a comparison must be one of <=, <, >=, >, ==, but got '=<'", e.getMessage());
    }
}
