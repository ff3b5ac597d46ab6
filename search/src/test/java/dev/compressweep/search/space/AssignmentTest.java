package dev.compressweep.search.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class AssignmentTest {
    private static final Assignment QUANTIZE = Assignment.empty()
            .with("chain", "quantize").with("bits", 4).with("lr", 0.01).with("per_channel", true);

    @Test
    void shouldKeepInsertionOrder() {
        assertEquals(List.of("chain", "bits", "lr", "per_channel"),
                List.copyOf(QUANTIZE.values().keySet()));
    }

    @Test
    void shouldBeImmutableAndIndependentOfItsSource() {
        Map<String, Object> source = new LinkedHashMap<>(Map.of("bits", 4L));
        Assignment assignment = new Assignment(source);
        source.put("bits", 8L);
        assertEquals(4L, assignment.getLong("bits"));
        assertThrows(UnsupportedOperationException.class, () -> assignment.values().put("x", 1L));
    }

    @Test
    void shouldEqualAnAssignmentOfTheSameValuesInAnotherOrder() {
        Assignment reordered = Assignment.empty().with("per_channel", true).with("lr", 0.01)
                .with("bits", 4L).with("chain", "quantize");
        assertEquals(QUANTIZE, reordered);
        assertEquals(QUANTIZE.hashCode(), reordered.hashCode());
        assertEquals(QUANTIZE.key(), reordered.key());
    }

    @Test
    void shouldWriteASortedJsonLikeKey() {
        assertEquals("{\"bits\":4,\"chain\":\"quantize\",\"lr\":0.01,\"per_channel\":true}",
                QUANTIZE.key());
    }

    @Test
    void shouldTellApartValuesOfDifferentTypes() {
        Assignment asLong = Assignment.empty().with("x", 1L);
        Assignment asDouble = Assignment.empty().with("x", 1.0);
        Assignment asString = Assignment.empty().with("x", "1");
        assertNotEquals(asLong, asDouble);
        assertNotEquals(asLong.key(), asDouble.key());
        assertNotEquals(asLong.key(), asString.key());
        assertNotEquals(asDouble.key(), asString.key());
    }

    @Test
    void shouldEscapeQuotesSoKeysStayDistinct() {
        Assignment tricky = Assignment.empty().with("a", "1\",\"b\":\"2");
        Assignment plain = Assignment.empty().with("a", "1").with("b", "2");
        assertNotEquals(plain.key(), tricky.key());
        assertEquals("{\"a\":\"1\\\",\\\"b\\\":\\\"2\"}", tricky.key());
    }

    @Test
    void shouldStoreIntegralNumbersAsLong() {
        assertEquals(Assignment.of(Map.of("bits", 4)), Assignment.of(Map.of("bits", 4L)));
        assertEquals(4L, Assignment.of(Map.of("bits", (short) 4)).get("bits"));
    }

    @Test
    void shouldReadTypedValues() {
        assertEquals("quantize", QUANTIZE.getString("chain"));
        assertEquals(4L, QUANTIZE.getLong("bits"));
        assertEquals(0.01, QUANTIZE.getDouble("lr"));
        assertEquals(4.0, QUANTIZE.getDouble("bits"));
        assertTrue(QUANTIZE.getBoolean("per_channel"));
        assertTrue(QUANTIZE.has("lr"));
        assertFalse(QUANTIZE.has("temperature"));
    }

    @Test
    void shouldNameTheTypeWhenAReadIsOfTheWrongType() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> QUANTIZE.getString("bits"));
        assertEquals("'bits' holds a Long (4), not a String", e.getMessage());
    }

    @Test
    void shouldNameTheMissingParameter() {
        NoSuchElementException e =
                assertThrows(NoSuchElementException.class, () -> QUANTIZE.getDouble("temperature"));
        assertTrue(e.getMessage().startsWith("no value for 'temperature' in {"), e.getMessage());
    }

    @Test
    void shouldRejectAValueOfAnUnsupportedType() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Assignment.empty().with("layers", List.of(1, 2)));
        assertTrue(e.getMessage().startsWith("the value of 'layers' must be a String, Boolean, "
                + "Long, Integer or Double, but got "), e.getMessage());
    }
}
