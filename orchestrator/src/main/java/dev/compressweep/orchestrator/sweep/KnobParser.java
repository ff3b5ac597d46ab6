package dev.compressweep.orchestrator.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import dev.compressweep.search.space.Categorical;
import dev.compressweep.search.space.Condition;
import dev.compressweep.search.space.FloatRange;
import dev.compressweep.search.space.IntRange;
import dev.compressweep.search.space.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads one knob's entry of the search space: a single value (fixed), a list (categorical), or a
 * mapping {@code {low, high, log}} (a range, for numeric knobs; {@code log}, {@code true} or {@code false}, is
 * optional). Values are checked against the knob. A range of a whole-number knob may have {@code low == high}
 * ({@code {low: 16, high: 16}}): it is accepted and always gives that value, as {@code 16} would; a range of a
 * real knob needs {@code low < high}.
 */
final class KnobParser {

    private KnobParser() {}

    static Optional<Parameter> parse(
            String name, Knob knob, Optional<JsonNode> entry, Condition condition, String path, Problems problems) {
        Optional<Condition> when = Optional.of(condition);
        if (entry.isEmpty()) {
            return Optional.of(new Categorical(name, List.of(knob.defaultValue()), when));
        }
        JsonNode node = entry.get();
        if (node.isObject()) {
            return range(name, knob, node, when, path, problems);
        }
        List<Object> choices = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(item -> choices.add(value(knob, item)));
        } else {
            choices.add(value(knob, node));
        }
        boolean ok = !choices.isEmpty();
        for (Object choice : choices) {
            String why = knob.reject(choice);
            if (why != null) {
                problems.add(path, why);
                ok = false;
            }
        }
        if (choices.isEmpty()) {
            problems.add(path, "must list at least one value");
        }
        if (ok && choices.stream().distinct().count() != choices.size()) {
            problems.add(path, "lists a value twice: " + Problems.shown(choices));
            ok = false;
        }
        return ok ? Optional.of(new Categorical(name, choices, when)) : Optional.empty();
    }

    private static Optional<Parameter> range(
            String name, Knob knob, JsonNode node, Optional<Condition> when, String path, Problems problems) {
        if (knob.isCategorical()) {
            problems.add(path, "takes one of " + knob.choices() + ", not a range");
            return Optional.empty();
        }
        Fields fields = new Fields(node, path, problems);
        fields.rejectUnknown(List.of("low", "high", "log"));
        boolean log = fields.flag("log", false);
        JsonNode low = node.get("low");
        JsonNode high = node.get("high");
        if (low == null || high == null || !low.isNumber() || !high.isNumber()) {
            problems.add(path, "a range needs numeric low and high, e.g. {low: 1, high: 8}");
            return Optional.empty();
        }
        String lowWhy = knob.reject(value(knob, low));
        String highWhy = knob.reject(value(knob, high));
        if (lowWhy != null || highWhy != null) {
            problems.add(path, lowWhy != null ? "low " + lowWhy : "high " + highWhy);
            return Optional.empty();
        }
        try {
            Parameter parameter = knob.integer()
                    ? new IntRange(name, low.asLong(), high.asLong(), log, when)
                    : new FloatRange(name, low.asDouble(), high.asDouble(), log, when);
            return Optional.of(parameter);
        } catch (IllegalArgumentException e) {
            problems.add(path, e.getMessage());
            return Optional.empty();
        }
    }

    /** The YAML value in the type the knob's worker step reads: Long, Double, Boolean or String. */
    private static Object value(Knob knob, JsonNode node) {
        if (node.isNumber()) {
            if (knob.isCategorical()) {
                return node.isIntegralNumber() ? (Object) node.asLong() : (Object) node.asDouble();
            }
            return knob.integer() && node.isIntegralNumber() ? (Object) node.asLong() : (Object) node.asDouble();
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        return node.asText();
    }
}
