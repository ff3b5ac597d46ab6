package dev.compressweep.orchestrator.sweep;

import static dev.compressweep.orchestrator.sweep.SweepTrees.NODES;
import static dev.compressweep.orchestrator.sweep.TreeMutations.base;
import static dev.compressweep.orchestrator.sweep.TreeMutations.changed;
import static dev.compressweep.orchestrator.sweep.TreeMutations.set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

/**
 * Malformed sweep files whose YAML is fine but whose meaning is not: unknown or {@code test_} metrics, bad
 * directions, constraints and selections; empty, repeated or unknown chains and methods; knobs of another method,
 * values outside a knob's choices, empty or repeated lists, ranges of categorical knobs, fractions of whole knobs,
 * ranges whose {@code log} is not a boolean.
 */
final class SemanticMutations {

    private static final List<String> OPS = List.of("<=", "<", ">=", ">", "==");
    private static final TreePath CHAIN = new TreePath(List.of("search", "space", "chain"));

    private SemanticMutations() {}

    static String badMetric(Random random) {
        return Draw.until(random, r -> Draw.oneOf(r,
                x -> Metrics.TEST_PREFIX + Draw.of(x, Metrics.KNOWN),
                x -> {
                    String m = Draw.of(x, Metrics.KNOWN);
                    return Draw.of(x, m + "s", m.replace('_', '-'), m.toUpperCase(Locale.ROOT),
                            Character.toUpperCase(m.charAt(0)) + m.substring(1), "val_" + m);
                },
                x -> Draw.string(x, "abcdefghijklmnopqrstuvwxyz_", 1, 15)), m -> !Metrics.KNOWN.contains(m));
    }

    static String badDirection(Random random) {
        Set<String> good = Set.of("max", "maximize", "min", "minimize");
        return Draw.until(random, r -> Draw.oneOf(r,
                x -> Draw.of(x, "upwards", "maximise", "minimise", "maximum", "minimum", "ascending", "desc", "+", "-",
                        "", "max imize", "1", "maxi"),
                x -> Draw.letters(x, 0, 10)), d -> !good.contains(d.strip().toLowerCase(Locale.ROOT)));
    }

    /** {@code "<metric> <op> <number>"} with at least one of the three broken, or no such form at all. */
    static String badConstraint(Random random) {
        Function<Random, String> formed = r -> {
            while (true) {
                String m = Draw.oneOf(r, x -> Draw.of(x, Metrics.KNOWN), SemanticMutations::badMetric);
                String o = Draw.oneOf(r, x -> Draw.of(x, OPS), x -> Draw.of(x, "=<", "=>", "=", "!=", "<>",
                        "\u2264", "\u2265", "<<", ">>", "lt", "~", "", "<=>"));
                String n = Draw.oneOf(r, x -> Draw.of(x, "0.01", "-3", "1e5", "200000"),
                        x -> Draw.of(x, "", "abc", "NaN", "Infinity", "-Infinity", "1e999", "0x10", "1,5", "1.2.3",
                                "1e", "--1", "\u00bd", "1_000", ".", "1 000"));
                String gap = Draw.of(r, " ", "");
                if (!(Metrics.KNOWN.contains(m) && OPS.contains(o) && isNumber(n))) {
                    return m + gap + o + gap + n;
                }
            }
        };
        return Draw.oneOf(random, formed, r -> Draw.of(r, "", "   ", "accuracy", "<= 0.1",
                "accuracy <= 0.1 and size_bytes <= 2", "accuracy <= 0.1 # why", "accuracy_drop <= 0.2;"));
    }

    private static boolean isNumber(String n) {
        return n.matches("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?")
                && Double.isFinite(Double.parseDouble(n));
    }

    /** A bad metric or direction, no objectives, a metric twice, a bad constraint, or a bad {@code select} section. */
    static MalformedSweep badObjectiveConstraintOrSelection(Random random) {
        ObjectNode base = base(random);
        List<TreePath> objectives = TreePath.all(base).stream()
                .filter(p -> p.pattern().equals("objectives[*]")).toList();
        List<TreePath> constraints = TreePath.all(base).stream()
                .filter(p -> p.pattern().equals("constraints[*]")).toList();
        List<Function<Random, MalformedSweep>> choices = new ArrayList<>(List.of(
                r -> set(base, Draw.of(r, objectives).child("metric"), NODES.textNode(badMetric(r))),
                r -> set(base, Draw.of(r, objectives).child("direction"), NODES.textNode(badDirection(r))),
                r -> set(base, new TreePath(List.of("objectives")), NODES.arrayNode()),
                r -> {
                    TreePath p = Draw.of(r, objectives);
                    String direction = Draw.of(r, "maximize", "minimize", "max");
                    return changed(base, "metric of " + p + " given again, to " + direction, tree -> ((ArrayNode)
                            tree.get("objectives")).add(NODES.objectNode().put("metric", p.get(tree).get("metric")
                            .asText()).put("direction", direction)));
                },
                r -> set(base, Draw.of(r, constraints), NODES.textNode(badConstraint(r))),
                r -> {
                    String c = badConstraint(r);
                    return changed(base, "constraint '" + c + "' added",
                            tree -> ((ArrayNode) tree.get("constraints")).add(c));
                }));
        if (base.has("select")) {
            choices.add(r -> badSelection(r, base));
        }
        return Draw.oneOf(random, choices);
    }

    /** A bad strategy; weights without {@code weighted} or none with it; weights of no objective, < 0, NaN, all 0. */
    private static MalformedSweep badSelection(Random random, ObjectNode base) {
        TreePath strategy = new TreePath(List.of("select", "strategy"));
        TreePath weights = new TreePath(List.of("select", "weights"));
        return Draw.oneOf(random,
                r -> set(base, strategy, NODES.textNode(Draw.of(r, "pareto", "best", "Weighted", "KNEE", "",
                        "lexicographical", "weighted "))),
                r -> set(base, strategy, NODES.textNode(Draw.of(r, "knee", "lexicographic"))),
                r -> changed(base, "select.weights deleted", weights::remove),
                r -> {
                    String notAnObjective = Draw.oneOf(r, SemanticMutations::badMetric,
                            x -> Draw.of(x, "latency_p50_ms", "params", "speedup", "test_accuracy"));
                    return set(base, weights.child(notAnObjective), NODES.numberNode(Draw.between(r, 0.0, 2.0)));
                },
                r -> set(base, weights.child("accuracy"), Draw.oneOf(r,
                        x -> NODES.numberNode(Draw.of(x, -1.0, -0.001, -1e9)),
                        x -> SweepTrees.raw(Draw.of(x, ".nan", "-.inf")))),
                r -> set(base, weights, NODES.objectNode().put("accuracy", 0).put("size_bytes", 0.0)),
                r -> set(base, weights, NODES.objectNode()));
    }

    /**
     * No chain, an empty or unknown one (or one with an arrow and no method after it), a method twice, a chain twice,
     * a method section no chain uses, a knob of another method, or a knob entry refused for its content
     * ({@link #badKnobEntry}).
     */
    static MalformedSweep badChainMethodOrKnob(Random random) {
        List<Knob> anyKnob = Arrays.stream(Method.values()).flatMap(m -> m.knobs().stream()).toList();
        ObjectNode base = base(random);
        List<TreePath> chains = TreePath.all(base).stream()
                .filter(p -> p.pattern().equals("search.space.chain[*]")).toList();
        List<TreePath> steps = TreePath.all(base).stream()
                .filter(p -> p.pattern().equals("search.space.chain[*][*]")).toList();
        return Draw.oneOf(random,
                r -> set(base, CHAIN, NODES.arrayNode()),
                r -> set(base, Draw.of(r, chains), Draw.oneOf(r,
                        x -> NODES.arrayNode(),
                        x -> NODES.textNode(Draw.of(x, "", "   ", ">", "->", "distill >> quantize", "> distill",
                                "-> quantize", "lowrank ->", "lowrank > quantize ->", "distill > lowrank >")))),
                r -> set(base, Draw.of(r, steps), NODES.textNode(unknownMethod(r))),
                r -> {
                    Method m = Draw.of(r, Method.values());
                    return set(base, Draw.of(r, chains), NODES.arrayNode().add(m.key()).add(m.key()));
                },
                r -> {
                    TreePath p = Draw.of(r, chains);
                    return changed(base, "chain " + p.get(base) + " repeated",
                            tree -> ((ArrayNode) CHAIN.get(tree)).add(p.get(tree).deepCopy()));
                },
                r -> {
                    Method m = Draw.of(r, Method.values());
                    return changed(base, "no chain uses " + m.key() + ", its section kept",
                            tree -> CHAIN.set(tree, chainsWithout(CHAIN.get(tree), m)));
                },
                r -> {
                    Method m = Draw.of(r, Method.values());
                    Knob k = Draw.until(r, x -> Draw.of(x, anyKnob), knob -> m.knob(knob.name()).isEmpty());
                    return set(base, knob(m, k), NODES.numberNode(1));
                },
                r -> {
                    Method m = Draw.of(r, Method.values());
                    Knob k = Draw.of(r, m.knobs());
                    return set(base, knob(m, k), badKnobEntry(r, k));
                });
    }

    private static TreePath knob(Method m, Knob k) {
        return CHAIN.parent().child(m.key()).child(k.name());
    }

    static String unknownMethod(Random random) {
        return Draw.until(random, r -> Draw.oneOf(r,
                x -> Draw.of(x, "Distill", "quantise", "pruning", "low_rank", "lowrank ", " prune", "DISTILL",
                        "sharpen"),
                x -> Draw.letters(x, 1, 10)), m -> Method.byKey(m).isEmpty());
    }

    /** The chains of {@code chain} that do not name {@code m}, or one chain of another method when none is left. */
    private static JsonNode chainsWithout(JsonNode chain, Method m) {
        ArrayNode kept = NODES.arrayNode();
        for (JsonNode c : chain) {
            List<String> names = new ArrayList<>();
            if (c.isArray()) {
                c.forEach(step -> names.add(step.asText()));
            } else {
                names.addAll(List.of(c.asText().split("\\s*(>|->)\\s*")));
            }
            if (!names.contains(m.key())) {
                kept.add(c.deepCopy());
            }
        }
        if (kept.isEmpty()) {
            Method other = m == Method.DISTILL ? Method.QUANTIZE : Method.DISTILL;
            kept.add(NODES.arrayNode().add(other.key()));
        }
        return kept;
    }

    /** An entry {@code k} refuses for what it says, not for its type. */
    private static JsonNode badKnobEntry(Random random, Knob k) {
        JsonNode fallback = BadValues.number(k.defaultValue() instanceof Number n ? n : 1);
        JsonNode value = k.defaultValue() instanceof String s ? NODES.textNode(s)
                : k.defaultValue() instanceof Boolean b ? NODES.booleanNode(b) : fallback;
        List<Function<Random, JsonNode>> choices = new ArrayList<>(List.of(
                r -> NODES.arrayNode(),
                r -> NODES.arrayNode().add(value).add(value.deepCopy())));
        if (k.isCategorical()) {
            choices.add(r -> BadValues.range(1, 2));
            if (k.choices().get(0) instanceof String) {
                choices.add(r -> NODES.textNode(Draw.until(r, x -> Draw.string(x, "abcdefghijklmnopqrstuvwxyz_", 1,
                        10), s -> !k.choices().contains(s))));
            } else if (k.choices().get(0) instanceof Long) {
                choices.add(r -> NODES.numberNode(Draw.<Long>until(r, x -> Draw.between(x, -64L, 64L),
                        x -> !k.choices().contains(x)).longValue()));
            }
        } else {
            choices.add(r -> ((ObjectNode) (k.integer() ? BadValues.range((long) k.min(), (long) k.max())
                    : BadValues.range(k.min(), k.max()))).set("log", Draw.oneOf(r, BadValues::quotedNumber,
                            BadValues::number, BadValues::list, BadValues::mapping,
                            x -> NODES.textNode(Draw.of(x, "yes", "no", "on", "off", "", "True!")))));
            if (k.integer()) {
                choices.add(r -> NODES.numberNode(Draw.between(r, (long) k.min(), (long) k.max() - 1) + 0.5));
            }
        }
        return Draw.oneOf(random, choices);
    }
}
