package dev.compressweep.orchestrator.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import dev.compressweep.deploy.selection.Selection;
import dev.compressweep.deploy.selection.SelectionStrategy;
import dev.compressweep.search.objective.Objective;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the optional {@code select} section of a sweep file: {@code {strategy: lexicographic | knee | weighted,
 * weights: {<objective metric>: <weight>, ...}}}, weights with {@code weighted} only.
 */
final class SelectionParser {

    private SelectionParser() {}

    /** The section's selection; {@link Selection#LEXICOGRAPHIC} when it is absent or broken. */
    static Selection parse(Fields top, List<Objective> objectives) {
        if (top.raw("select").isEmpty()) {
            return Selection.LEXICOGRAPHIC;
        }
        Fields f = top.section("select", false);
        if (!f.node().isObject()) {
            return Selection.LEXICOGRAPHIC;
        }
        f.rejectUnknown(List.of("strategy", "weights"));
        String name = f.text("strategy", SelectionStrategy.LEXICOGRAPHIC.text(), true);
        if (f.raw("strategy").isEmpty()) {
            return Selection.LEXICOGRAPHIC;
        }
        Optional<SelectionStrategy> strategy = SelectionStrategy.parse(name);
        if (strategy.isEmpty()) {
            f.problems().add(f.at("strategy"), "must be lexicographic, knee or weighted, but got "
                    + Problems.quoted(name));
            return Selection.LEXICOGRAPHIC;
        }
        Optional<JsonNode> weights = f.raw("weights");
        if (strategy.get() != SelectionStrategy.WEIGHTED) {
            weights.ifPresent(w -> f.problems().add(f.at("weights"),
                    "must be given only with strategy weighted, but got strategy " + name));
            return new Selection(strategy.get(), Map.of());
        }
        if (weights.isEmpty()) {
            f.problems().add(f.at("weights"), "is required for strategy weighted");
            return Selection.LEXICOGRAPHIC;
        }
        return weights(new Fields(weights.get(), f.at("weights"), f.problems()), objectives)
                .map(w -> new Selection(SelectionStrategy.WEIGHTED, w))
                .orElse(Selection.LEXICOGRAPHIC);
    }

    /** The weights by metric, or empty when any is broken (each problem reported). */
    private static Optional<Map<String, Double>> weights(Fields f, List<Objective> objectives) {
        if (!f.node().isObject()) {
            f.problems().add(f.path(), "must map objectives' metrics to weights, e.g. {accuracy: 0.7, size_bytes: 0.3},"
                    + " but got " + f.node().getNodeType().name().toLowerCase());
            return Optional.empty();
        }
        List<String> metrics = objectives.stream().map(Objective::metric).toList();
        Map<String, Double> weights = new LinkedHashMap<>();
        boolean valid = true;
        for (Iterator<Map.Entry<String, JsonNode>> it = f.node().fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> weight = it.next();
            Optional<String> problem = problem(weight.getKey(), weight.getValue(), metrics);
            if (problem.isPresent()) {
                f.problems().add(f.at(weight.getKey()), problem.get());
                valid = false;
            } else {
                weights.put(weight.getKey(), weight.getValue().asDouble());
            }
        }
        if (valid && weights.values().stream().allMatch(w -> w == 0)) {
            f.problems().add(f.path(), "must not all be 0: at least one objective needs a positive weight, but got "
                    + Problems.shown(f.node()));
            return Optional.empty();
        }
        return valid ? Optional.of(weights) : Optional.empty();
    }

    /** What is wrong with one weight, if anything. */
    private static Optional<String> problem(String metric, JsonNode value, List<String> metrics) {
        if (!metrics.contains(metric)) {
            return Optional.of("a weight must name an objective's metric (" + String.join(", ", metrics)
                    + "), but got " + Problems.quoted(metric));
        }
        if (!value.isNumber()) {
            return Optional.of("must be a number, but got " + Problems.shown(value));
        }
        if (!(value.asDouble() >= 0 && Double.isFinite(value.asDouble()))) {
            return Optional.of("must be >= 0, but got " + value.asDouble());
        }
        return Optional.empty();
    }
}
