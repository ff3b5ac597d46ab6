package dev.compressweep.orchestrator.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What each place of a sweep file holds, as README.md's "The sweep file" section and {@link Method}'s knobs say:
 * the kind of value and, for numbers, the accepted range. The generators use it to make values of the wrong type
 * and numbers out of range.
 */
final class Slots {

    /** The kinds of value a place holds. */
    enum Kind {
        /** free text: the sweep's name. */
        TEXT,
        /** one of a few words: a strategy, a direction, a metric... */
        CHOICE,
        INTEGER,
        REAL,
        /** {@code true} or {@code false}: a range's {@code log}. */
        FLAG,
        /** a section: {@code dataset}, {@code search.space.distill}... */
        MAPPING,
        /** {@code objectives}, {@code constraints}, {@code search.space.chain}. */
        LIST,
        /** one {@code {metric, direction}} of {@code objectives}. */
        OBJECTIVE,
        /** one {@code "<metric> <op> <number>"} of {@code constraints}. */
        CONSTRAINT,
        /** one chain of {@code search.space.chain}. */
        CHAIN,
        /** one method of a chain. */
        METHOD,
        /** a knob's entry: a value, a list or a range. */
        KNOB,
        /** one value of a knob's list. */
        KNOB_VALUE,
        /** a range's {@code low} or {@code high}. */
        RANGE_END
    }

    /**
     * One place and what it holds.
     *
     * @param path where it is
     * @param kind what it holds
     * @param min the smallest accepted number (numbers only)
     * @param max the largest accepted number (numbers only)
     * @param integer whether only whole numbers are accepted
     * @param knob the knob, for a knob's entry, value or range end
     */
    record Slot(TreePath path, Kind kind, double min, double max, boolean integer, Optional<Knob> knob) {}

    /** Every key a sweep file knows at any level: an unknown key is generated outside these. */
    static final Set<String> KNOWN_KEYS = Stream.of(
            List.of("name", "seed", "dataset", "teacher", "objectives", "constraints", "select", "search"),
            List.of("format", "path", "train_subset", "test_subset", "validation", "test", "on_bad_example",
                    "image_size", "channels", "mean", "std", "label_column", "feature_columns", "text_column",
                    "text_key", "label_key"),
            List.of("architecture", "width", "depth", "epochs", "learning_rate", "batch_size", "onnx", "torchscript",
                    "input_shape", "layout", "outputs"),
            List.of("metric", "direction", "strategy", "weights"),
            List.of("budget", "parallelism", "grid_points", "threads_per_trial", "trial_timeout_minutes",
                    "startup_trials", "max_retries", "space", "chain", "low", "high", "log"),
            List.of("early_stopping", "rule", "min_epochs", "reduction_factor", "max_epochs", "stop_when",
                    "min_improvement", "patience", "wall_clock_minutes"),
            Stream.of(Method.values()).map(Method::key).toList(),
            Stream.of(Method.values()).flatMap(m -> m.knobs().stream()).map(Knob::name).toList(),
            Metrics.KNOWN).flatMap(List::stream).collect(Collectors.toUnmodifiableSet());

    private static final Map<String, Kind> FIXED = Map.ofEntries(
            Map.entry("name", Kind.TEXT),
            Map.entry("dataset", Kind.MAPPING), Map.entry("teacher", Kind.MAPPING), Map.entry("search", Kind.MAPPING),
            Map.entry("search.space", Kind.MAPPING), Map.entry("select", Kind.MAPPING),
            Map.entry("select.weights", Kind.MAPPING),
            Map.entry("search.early_stopping", Kind.MAPPING), Map.entry("search.stop_when", Kind.MAPPING),
            Map.entry("search.early_stopping.rule", Kind.CHOICE),
            Map.entry("dataset.name", Kind.CHOICE), Map.entry("teacher.architecture", Kind.CHOICE),
            Map.entry("objectives[*].metric", Kind.CHOICE), Map.entry("objectives[*].direction", Kind.CHOICE),
            Map.entry("search.strategy", Kind.CHOICE), Map.entry("select.strategy", Kind.CHOICE),
            Map.entry("objectives", Kind.LIST), Map.entry("constraints", Kind.LIST),
            Map.entry("search.space.chain", Kind.LIST),
            Map.entry("objectives[*]", Kind.OBJECTIVE), Map.entry("constraints[*]", Kind.CONSTRAINT),
            Map.entry("search.space.chain[*]", Kind.CHAIN), Map.entry("search.space.chain[*][*]", Kind.METHOD));

    /** Numbers outside the knobs: [min, max] and whether whole. */
    private static final Map<String, double[]> NUMBERS = Map.ofEntries(
            Map.entry("seed", new double[] {Long.MIN_VALUE, Long.MAX_VALUE, 1}),
            Map.entry("dataset.train_subset", new double[] {0, Integer.MAX_VALUE, 1}),
            Map.entry("dataset.test_subset", new double[] {0, Integer.MAX_VALUE, 1}),
            Map.entry("dataset.test", new double[] {0.01, 0.9, 0}),
            Map.entry("teacher.width", new double[] {1, 1024, 1}),
            Map.entry("teacher.depth", new double[] {1, 4, 1}),
            Map.entry("teacher.epochs", new double[] {0, 1000, 1}),
            Map.entry("teacher.learning_rate", new double[] {1e-7, 1, 0}),
            Map.entry("teacher.batch_size", new double[] {1, 4096, 1}),
            Map.entry("search.budget", new double[] {1, 10_000, 1}),
            Map.entry("search.parallelism", new double[] {1, 1024, 1}),
            Map.entry("search.grid_points", new double[] {2, 100, 1}),
            Map.entry("search.threads_per_trial", new double[] {1, 256, 1}),
            Map.entry("search.trial_timeout_minutes", new double[] {1, 24 * 60, 1}),
            Map.entry("search.startup_trials", new double[] {1, 10_000, 1}),
            Map.entry("search.max_retries", new double[] {0, 10, 1}),
            Map.entry("search.early_stopping.min_epochs", new double[] {1, 10_000, 1}),
            Map.entry("search.early_stopping.reduction_factor", new double[] {2, 100, 1}),
            Map.entry("search.early_stopping.max_epochs", new double[] {1, 10_000, 1}),
            Map.entry("search.stop_when.min_improvement", new double[] {0, 1e6, 0}),
            Map.entry("search.stop_when.patience", new double[] {1, 10_000, 1}),
            Map.entry("search.stop_when.wall_clock_minutes", new double[] {1e-3, 60.0 * 24 * 365, 0}));

    private static final Pattern KNOB = Pattern.compile(
            "search\\.space\\.(\\w+)\\.(\\w+)(\\[\\*]|\\.low|\\.high|\\.log)?");
    private static final String SPACE = "search.space.";

    private Slots() {}

    /** The numeric settings outside the knobs, each settable in any base file (present there or not). */
    static List<Slot> numberSettings() {
        return NUMBERS.keySet().stream().sorted().map(p -> of(new TreePath(List.of((Object[]) p.split("\\.")))))
                .flatMap(Optional::stream).toList();
    }

    /** What {@code path} holds, or empty where it is not a place the generators change (the root, a weight's key). */
    static Optional<Slot> of(TreePath path) {
        String pattern = path.pattern();
        if (FIXED.containsKey(pattern)) {
            return Optional.of(new Slot(path, FIXED.get(pattern), 0, 0, false, Optional.empty()));
        }
        if (NUMBERS.containsKey(pattern)) {
            double[] range = NUMBERS.get(pattern);
            return Optional.of(new Slot(path, range[2] == 1 ? Kind.INTEGER : Kind.REAL, range[0], range[1],
                    range[2] == 1, Optional.empty()));
        }
        if (pattern.startsWith("select.weights.")) {
            return Optional.of(new Slot(path, Kind.REAL, 0, Double.POSITIVE_INFINITY, false, Optional.empty()));
        }
        if (pattern.startsWith(SPACE) && Method.byKey(pattern.substring(SPACE.length())).isPresent()) {
            return Optional.of(new Slot(path, Kind.MAPPING, 0, 0, false, Optional.empty()));
        }
        Matcher knob = KNOB.matcher(pattern);
        if (!knob.matches() || knob.group(1).equals("chain")) {
            return Optional.empty();
        }
        Optional<Knob> found = Method.byKey(knob.group(1)).flatMap(m -> m.knob(knob.group(2)));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Kind kind = knob.group(3) == null ? Kind.KNOB : switch (knob.group(3)) {
            case "[*]" -> Kind.KNOB_VALUE;
            case ".log" -> Kind.FLAG;
            default -> Kind.RANGE_END;
        };
        Knob k = found.get();
        return Optional.of(new Slot(path, kind, k.min(), k.max(), k.integer(), found));
    }

    /** Every classified place of {@code tree}. */
    static List<Slot> in(JsonNode tree) {
        return TreePath.all(tree).stream().map(Slots::of).flatMap(Optional::stream).toList();
    }
}
