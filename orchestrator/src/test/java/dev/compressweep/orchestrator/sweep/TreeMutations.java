package dev.compressweep.orchestrator.sweep;

import static dev.compressweep.orchestrator.sweep.SweepTrees.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.compressweep.orchestrator.sweep.Slots.Kind;
import dev.compressweep.orchestrator.sweep.Slots.Slot;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Malformed sweep files made by changing one place of a valid file's tree ({@link SweepTrees#trees()}) and
 * writing it back as YAML: a required key deleted, an unknown key added, a value of the wrong type, a number out of
 * range, a range whose low is not below its high, a bad name, a very long text. {@link SemanticMutations} holds
 * the bad objectives, constraints, selections, chains, methods and knobs.
 */
final class TreeMutations {

    private static final List<ObjectNode> BASES = SweepTrees.trees();
    private static final Set<String> REQUIRED = Set.of("name", "dataset", "teacher", "objectives", "search",
            "search.strategy", "search.budget", "search.space", "search.space.chain", "objectives[*].metric",
            "objectives[*].direction", "select.strategy", "select.weights", "search.early_stopping.rule",
            "search.early_stopping.min_epochs", "search.early_stopping.max_epochs", "search.stop_when.min_improvement",
            "search.stop_when.patience");
    private static final int SHOWN = 80;

    private TreeMutations() {}

    /** One of the valid trees; never changed in place (see {@link #changed}). */
    static ObjectNode base(Random random) {
        return Draw.of(random, BASES);
    }

    /** {@code base} with {@code change} applied to a copy of it, written as YAML. */
    static MalformedSweep changed(ObjectNode base, String how, Consumer<ObjectNode> change) {
        ObjectNode copy = base.deepCopy();
        change.accept(copy);
        return MalformedSweep.of(how, SweepTrees.yaml(copy));
    }

    /** {@code base} with the value at {@code path} set (added where absent), written as YAML. */
    static MalformedSweep set(ObjectNode base, TreePath path, JsonNode value) {
        return changed(base, path + " set to " + shown(value), tree -> path.set(tree, value));
    }

    /** {@code value} as JSON, cut for a report. */
    static String shown(JsonNode value) {
        String text = value.toString();
        return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "... (" + text.length() + " chars)";
    }

    /** One of the places of {@code base} that {@code which} accepts. */
    static Slot slot(Random random, ObjectNode base, Predicate<Slot> which) {
        return Draw.of(random, Slots.in(base).stream().filter(which).toList());
    }

    /** A required key deleted or set to null ({@code ~}). */
    static MalformedSweep missingRequiredKey(Random random) {
        ObjectNode base = base(random);
        TreePath path = Draw.of(random, TreePath.all(base).stream().filter(p -> REQUIRED.contains(p.pattern()))
                .toList());
        return Draw.bool(random)
                ? changed(base, path + " deleted", tree -> path.remove(tree))
                : set(base, path, NODES.nullNode());
    }

    /** A key no sweep file knows, added to any mapping: the top level, a section, an objective, a range... */
    static MalformedSweep unknownKey(Random random) {
        ObjectNode base = base(random);
        TreePath path = Draw.of(random, TreePath.all(base).stream().filter(p -> p.get(base).isObject()).toList());
        String key = unknownKeyName(random);
        JsonNode value = Draw.oneOf(random, BadValues::number, BadValues::word, BadValues::bool, BadValues::list,
                BadValues::mapping, r -> NODES.nullNode());
        return set(base, path.child(key), value);
    }

    /** Keys that no level of a sweep file knows: near misses of known keys and made-up ones. */
    static String unknownKeyName(Random random) {
        List<String> known = Slots.KNOWN_KEYS.stream().sorted().toList();
        Function<Random, String> nearMiss = r -> {
            String k = Draw.of(r, known);
            return Draw.of(r, Character.toUpperCase(k.charAt(0)) + k.substring(1), k + "s", k.replace('_', '-'),
                    k + "_x", k.substring(0, k.length() - 1), k.toUpperCase(), " " + k, k + " ");
        };
        Function<Random, String> madeUp = r -> Draw.string(r, "abcdefghijklmnopqrstuvwxyz_", 1, 12);
        Function<Random, String> odd = r -> Draw.of(r, "", "x y", "\u043a\u043b\u044e\u0447", "\u00e9t\u00e9",
                "123", "-", "@", "a.b", "\ud83d\ude42", "~x", "[x]");
        return Draw.until(random, r -> Draw.oneOf(r, nearMiss, madeUp, odd), k -> !Slots.KNOWN_KEYS.contains(k));
    }

    /** Any classified place ({@link Slots}) set to a value of a type it does not take. */
    static MalformedSweep wrongType(Random random) {
        ObjectNode base = base(random);
        Slot slot = slot(random, base, s -> true);
        return set(base, slot.path(), BadValues.wrongType(random, slot));
    }

    /**
     * A number outside its range (below, above, beyond a long, infinite or NaN): in a setting, a knob's value, list
     * or range end, a selection weight, or {@code dataset.validation} (also: not below {@code train_subset}).
     */
    static MalformedSweep outOfRange(Random random) {
        Predicate<Slot> numeric = s -> s.kind() == Kind.INTEGER || s.kind() == Kind.REAL
                || (s.knob().isPresent() && !s.knob().get().isCategorical() && s.kind() != Kind.FLAG);
        ObjectNode base = base(random);
        return Draw.oneOf(random,
                r -> {
                    Slot s = slot(r, base, numeric);
                    return set(base, s.path(), BadValues.outOfRange(r, s.min(), s.max(), s.integer()));
                },
                r -> {
                    Slot s = Draw.of(r, settable().stream().filter(x -> x.path().parent().get(base).isObject())
                            .toList());
                    return set(base, s.path(), BadValues.outOfRange(r, s.min(), s.max(), s.integer()));
                },
                r -> set(base, new TreePath(List.of("dataset", "validation")), Draw.oneOf(r,
                        x -> NODES.numberNode(Draw.of(x, -1.0, -0.001, 1.5, 2999.5, 3000.0, 5000.0, 1e12)),
                        x -> SweepTrees.raw(Draw.of(x, "-1", "3000", ".nan", "1e999")))));
    }

    /**
     * The numeric settings and the numeric knobs of every method, set in a base or not (a setting of an optional
     * section, such as {@code search.early_stopping}, only where the base has the section).
     */
    private static List<Slot> settable() {
        List<Slot> knobs = Arrays.stream(Method.values()).flatMap(m -> m.knobs().stream()
                .filter(k -> !k.isCategorical())
                .map(k -> Slots.of(new TreePath(List.of("search", "space", m.key(), k.name()))).orElseThrow()))
                .toList();
        return Stream.concat(Slots.numberSettings().stream(), knobs.stream()).toList();
    }

    /** Ranges of numeric knobs with low above high (or equal to it, for a real knob), both in the knob's range. */
    static MalformedSweep lowNotBelowHigh(Random random) {
        List<Slot> knobs = settable().stream().filter(s -> s.knob().isPresent()).toList();
        ObjectNode base = base(random);
        Slot s = Draw.of(random, knobs);
        double v = Draw.between(random, 0.0, 1.0);
        double u = Draw.between(random, 0.0, 1.0);
        String log = Draw.of(random, "", "true", "false");
        ObjectNode range;
        if (s.integer()) {
            long high = (long) s.min() + Math.round(v * (s.max() - s.min() - 1));
            range = (ObjectNode) BadValues.range(high + 1 + Math.round(u * (s.max() - high - 1)), high);
        } else {
            double high = s.min() + v * (s.max() - s.min());
            range = (ObjectNode) BadValues.range(Math.min(s.max(), high + u * (s.max() - high)), high);
        }
        if (!log.isEmpty()) {
            range.put("log", Boolean.parseBoolean(log));
        }
        return set(base, s.path(), range);
    }

    /** Names of only dots, too long, with spaces, slashes, accents, control characters or line breaks. */
    static MalformedSweep badName(Random random) {
        ObjectNode base = base(random);
        String name = Draw.oneOf(random,
                r -> ".".repeat(Draw.between(r, 1, 300)),
                r -> Draw.of(r, "", " ", "-demo", "_demo", ".demo", "demo sweep", "demo/sweep", "../demo", "demo:1",
                        "d\u00e9mo", "\u540d\u524d", "demo\tsweep", "demo\u0000", "demo\nsweep", "demo\rsweep",
                        "demo\r\n", "\n", "demo\u2028x", "demo!"),
                r -> "a" + Draw.string(r, "abcXYZ019._-", 100, 3000),
                r -> Draw.until(r, x -> Draw.string(x, '\u0000', '\ud7ff', 0, 30),
                        n -> !n.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")));
        return set(base, new TreePath(List.of("name")), NODES.textNode(name));
    }

    /** A text of 101 to 100,000 characters where a name, a word of a list, a metric or a constraint goes. */
    static MalformedSweep longText(Random random) {
        Predicate<Slot> text = s -> switch (s.kind()) {
            case TEXT, CHOICE, CONSTRAINT, METHOD -> true;
            case KNOB, KNOB_VALUE -> s.knob().orElseThrow().choices().stream().anyMatch(c -> c instanceof String);
            default -> false;
        };
        ObjectNode base = base(random);
        Slot s = slot(random, base, text);
        String unit = Draw.string(random, "abcdefghijklmnopqrstuvwxyz_ .-0123456789", 1, 12);
        int n = Draw.between(random, 101, 100_000);
        return set(base, s.path(), NODES.textNode(unit.repeat(n / unit.length() + 1).substring(0, n)));
    }
}
