package dev.compressweep.orchestrator.sweep;

import static dev.compressweep.orchestrator.sweep.SweepTrees.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.compressweep.orchestrator.sweep.Slots.Kind;
import dev.compressweep.orchestrator.sweep.Slots.Slot;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/** Values that a place of a sweep file must refuse: of the wrong type, or numbers out of its range. */
final class BadValues {

    /** Numbers YAML reads as infinite or not a number, written bare. */
    private static final List<String> NON_FINITE = List.of("1e999", "-1e999", ".nan", ".NaN", ".inf", "-.inf", ".Inf");
    private static final BigInteger LONG_SPAN = BigInteger.valueOf(Long.MAX_VALUE);

    private BadValues() {}

    static JsonNode word(Random random) {
        return NODES.textNode(Draw.letters(random, 0, 8));
    }

    static JsonNode quotedNumber(Random random) {
        return NODES.textNode(Draw.of(random, "6", "0.5", "-1", "1e3", "3", "0"));
    }

    static JsonNode number(Random random) {
        return Draw.oneOf(random, r -> NODES.numberNode(Draw.between(r, -1000, 1000)),
                r -> NODES.numberNode(Draw.of(r, -2.5, 0.25, 3.5, 1e-3)));
    }

    static JsonNode bool(Random random) {
        return NODES.booleanNode(Draw.bool(random));
    }

    /** A non-empty mapping of made-up keys. */
    static JsonNode mapping(Random random) {
        String key = Draw.until(random, r -> Draw.letters(r, 1, 6), k -> !Slots.KNOWN_KEYS.contains(k));
        return NODES.objectNode().set(key, scalar(random));
    }

    private static JsonNode scalar(Random random) {
        return Draw.oneOf(random, BadValues::number, BadValues::word, BadValues::bool);
    }

    /** A list of scalars (possibly empty). */
    static JsonNode list(Random random) {
        ArrayNode list = NODES.arrayNode();
        Draw.list(random, BadValues::scalar, 3).forEach(list::add);
        return list;
    }

    /** A value whose type {@code slot} does not take. */
    static JsonNode wrongType(Random random, Slot slot) {
        return switch (slot.kind()) {
            case TEXT -> Draw.oneOf(random, BadValues::mapping, BadValues::list);
            case CHOICE -> Draw.oneOf(random, BadValues::mapping, BadValues::list, BadValues::number, BadValues::bool);
            case INTEGER -> Draw.oneOf(random, BadValues::quotedNumber, BadValues::bool, BadValues::mapping,
                    BadValues::list, r -> NODES.numberNode(Draw.between(r, -5, 5000) + 0.5),
                    r -> NODES.numberNode(Draw.of(r, 6.0, 1.0)));
            case REAL, RANGE_END -> Draw.oneOf(random, BadValues::quotedNumber, BadValues::bool, BadValues::mapping,
                    BadValues::list);
            case FLAG -> Draw.oneOf(random, BadValues::word, BadValues::quotedNumber, BadValues::number,
                    BadValues::mapping, BadValues::list);
            case MAPPING, OBJECTIVE -> Draw.oneOf(random, BadValues::word, BadValues::number, BadValues::bool,
                    BadValues::list);
            case LIST -> Draw.oneOf(random, BadValues::word, BadValues::number, BadValues::bool, BadValues::mapping);
            case CONSTRAINT, METHOD -> Draw.oneOf(random, BadValues::number, BadValues::bool, BadValues::mapping,
                    BadValues::list);
            case CHAIN -> Draw.oneOf(random, BadValues::number, BadValues::bool, BadValues::mapping,
                    r -> NODES.arrayNode().add(NODES.arrayNode().add(Draw.of(r, Method.values()).key())));
            case KNOB, KNOB_VALUE -> wrongKnobType(random, slot);
        };
    }

    private static JsonNode wrongKnobType(Random random, Slot slot) {
        Knob knob = slot.knob().orElseThrow();
        Function<Random, JsonNode> scalar;
        if (!knob.isCategorical()) {
            scalar = r -> Draw.oneOf(r, BadValues::quotedNumber, BadValues::word, BadValues::bool);
        } else if (knob.choices().get(0) instanceof String) {
            scalar = r -> Draw.oneOf(r, BadValues::number, BadValues::bool);
        } else if (knob.choices().get(0) instanceof Boolean) {
            scalar = r -> Draw.oneOf(r, x -> NODES.textNode(Draw.of(x, "true", "false")),
                    x -> NODES.numberNode(Draw.of(x, 0, 1)));
        } else {
            scalar = r -> Draw.oneOf(r, x -> NODES.textNode(Draw.of(x, knob.choices()).toString()), BadValues::bool);
        }
        Function<Random, JsonNode> nested = r -> NODES.arrayNode().add(NODES.arrayNode().add(scalar.apply(r)));
        if (slot.kind() == Kind.KNOB_VALUE) {
            return Draw.oneOf(random, scalar, BadValues::mapping, nested);
        }
        return knob.isCategorical()
                ? Draw.oneOf(random, scalar, nested, BadValues::mapping, r -> range(1, 2))
                : Draw.oneOf(random, scalar, nested, BadValues::mapping);
    }

    /** A range mapping {@code {low, high}}. */
    static JsonNode range(Number low, Number high) {
        ObjectNode range = NODES.objectNode();
        range.set("low", number(low));
        range.set("high", number(high));
        return range;
    }

    static JsonNode number(Number x) {
        return x instanceof Double d ? NODES.numberNode(d) : NODES.numberNode(x.longValue());
    }

    /** A number outside [min, max] (whole where {@code integer}), or one YAML reads as infinite or NaN. */
    static JsonNode outOfRange(Random random, double min, double max, boolean integer) {
        List<Function<Random, JsonNode>> choices = new ArrayList<>();
        choices.add(r -> SweepTrees.raw(Draw.of(r, NON_FINITE)));
        if (integer) {
            if (min > Long.MIN_VALUE) {
                choices.add(r -> NODES.numberNode((long) min - Draw.between(r, 1L, 1_000_000L)));
            }
            if (max < Long.MAX_VALUE) {
                choices.add(r -> NODES.numberNode((long) max + Draw.between(r, 1L, 1_000_000L)));
            }
            choices.add(r -> NODES.numberNode(LONG_SPAN.add(BigInteger.valueOf(Draw.between(r, 1L, 1_000_000L)))));
            choices.add(r -> NODES.numberNode(LONG_SPAN.negate().subtract(BigInteger.valueOf(
                    Draw.between(r, 2L, 1_000_000L)))));
            choices.add(r -> NODES.numberNode(BigInteger.TEN.pow(Draw.between(r, 19, 60))));
        } else {
            choices.add(r -> NODES.numberNode(min - Draw.between(r, 0.01, 1e6) * (Math.abs(min) + 1)));
            if (Double.isFinite(max)) {
                choices.add(r -> NODES.numberNode(max + Draw.between(r, 0.01, 1e6) * (Math.abs(max) + 1)));
            }
        }
        return Draw.oneOf(random, choices);
    }
}
