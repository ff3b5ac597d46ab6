package dev.compressweep.orchestrator.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import dev.compressweep.search.objective.Constraint;
import dev.compressweep.search.objective.Direction;
import dev.compressweep.search.objective.Objective;
import dev.compressweep.search.sampler.GridSampler;
import dev.compressweep.search.space.SearchSpace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the objectives, constraints and search settings sections of a sweep file. */
final class SectionParsers {

    private static final int MAX_GRID_BUDGET = 10_000;
    private static final int DEFAULT_STARTUP_TRIALS = 10;

    private SectionParsers() {}

    static List<Objective> objectives(Fields top) {
        Optional<JsonNode> node = top.raw("objectives");
        List<Objective> objectives = new ArrayList<>();
        if (node.isEmpty() || !node.get().isArray() || node.get().isEmpty()) {
            top.problems().add("objectives", "must list at least one {metric, direction}");
            return List.of(new Objective("accuracy", Direction.MAXIMIZE));
        }
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < node.get().size(); i++) {
            Fields item = new Fields(node.get().get(i), "objectives[" + i + "]", top.problems());
            item.rejectUnknown(List.of("metric", "direction"));
            String metric = metric(item, item.text("metric", "accuracy", true), item.at("metric"));
            String first = seen.putIfAbsent(metric, item.path());
            if (first != null && item.raw("metric").isPresent()) {
                top.problems().add(item.at("metric"), "repeats the metric " + Problems.quoted(metric) + " of " + first
                        + ": a metric is one objective, maximized or minimized");
            }
            String direction = item.text("direction", "maximize", true);
            try {
                objectives.add(new Objective(metric, Direction.parse(direction)));
            } catch (IllegalArgumentException e) {
                top.problems().add(item.at("direction"), Problems.requoted(e.getMessage(), direction));
            }
        }
        return objectives;
    }

    static List<Constraint> constraints(Fields top) {
        Optional<JsonNode> node = top.raw("constraints");
        List<Constraint> constraints = new ArrayList<>();
        if (node.isEmpty()) {
            return constraints;
        }
        if (!node.get().isArray()) {
            top.problems().add("constraints", "must be a list such as [\"accuracy_drop <= 0.01\"]");
            return constraints;
        }
        for (int i = 0; i < node.get().size(); i++) {
            String path = "constraints[" + i + "]";
            String text = node.get().get(i).asText();
            try {
                Constraint constraint = Constraint.parse(text);
                metric(top, constraint.metric(), path);
                constraints.add(constraint);
            } catch (IllegalArgumentException e) {
                top.problems().add(path, Problems.requoted(e.getMessage(), text));
            }
        }
        return constraints;
    }

    static SearchSettings settings(Fields f, SearchSpace space, List<Objective> objectives) {
        f.rejectUnknown(List.of("strategy", "budget", "parallelism", "grid_points", "threads_per_trial",
                "trial_timeout_minutes", "startup_trials", "max_retries", StoppingParser.EARLY_STOPPING,
                StoppingParser.STOP_WHEN, "space"));
        String name = f.text("strategy", "random", true);
        Strategy strategy = Strategy.parse(name).orElse(Strategy.RANDOM);
        if (Strategy.parse(name).isEmpty()) {
            f.problems().add(f.at("strategy"), "must be grid, random or bayesian, but got " + Problems.quoted(name));
        }
        int gridPoints = (int) f.integer("grid_points", 3, 2, 100);
        int gridSize = space == null ? 1
                : (int) Math.min(MAX_GRID_BUDGET, new GridSampler(gridPoints).size(space));
        boolean budgetRequired = strategy != Strategy.GRID;
        if (budgetRequired && f.raw("budget").isEmpty()) {
            f.problems().add(f.at("budget"), "is required for strategy " + name);
        }
        int budget = (int) f.integer("budget", gridSize, 1, MAX_GRID_BUDGET);
        return new SearchSettings(strategy, budget,
                (int) f.integer("parallelism", 2, 1, 1024),
                gridPoints,
                (int) f.integer("threads_per_trial", 1, 1, 256),
                Duration.ofMinutes(f.integer("trial_timeout_minutes", 30, 1, 24 * 60)),
                (int) f.integer("startup_trials", DEFAULT_STARTUP_TRIALS, 1, MAX_GRID_BUDGET),
                (int) f.integer("max_retries", SearchSettings.DEFAULT_MAX_RETRIES, 0, 10),
                StoppingParser.earlyStopping(f, objectives), StoppingParser.stopWhen(f));
    }

    private static String metric(Fields f, String metric, String path) {
        if (metric.startsWith(Metrics.TEST_PREFIX)) {
            f.problems().add(path, Problems.quoted(metric) + " is measured on the test split, which is only reported:"
                    + " choose on validation, with " + Problems.quoted(metric.substring(Metrics.TEST_PREFIX.length())));
        } else if (!Metrics.KNOWN.contains(metric)) {
            f.problems().add(path, "unknown metric " + Problems.quoted(metric) + " (known: " + String.join(", ",
                    Metrics.KNOWN) + ")");
        }
        return metric;
    }
}
