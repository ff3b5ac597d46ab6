package dev.compressweep.search.bench;

import dev.compressweep.search.objective.Constraint;
import dev.compressweep.search.objective.Objective;
import dev.compressweep.search.space.Assignment;
import dev.compressweep.search.space.SearchSpace;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Replays real compression trials: a proposed assignment gets the metrics of the nearest complete
 * row of a {@link TrialTable} with the same chain ({@link ParameterDistance}). Objectives:
 * accuracy up, size_bytes and latency_p50_ms down; constraint accuracy_drop <= 0.05 when some row
 * meets it.
 *
 * <p>The reference point is the teacher, where the table tells it (every row's accuracy plus its
 * accuracy_drop, and size_bytes times compression_ratio): the lowest accuracy the constraint allows
 * and the teacher's size, so that the hypervolume measures only what is better than the teacher
 * within the accepted accuracy loss. Latency, which the table does not give for the teacher, and
 * any objective without those columns, take the worst value in the table moved 10% of its range
 * further out. N is half the complete rows, within [10, 50].
 */
final class ReplayProblem implements Problem {
    private static final List<Objective> OBJECTIVES = List.of(Objective.maximize("accuracy"),
            Objective.minimize("size_bytes"), Objective.minimize("latency_p50_ms"));
    private static final Constraint DROP = Constraint.parse("accuracy_drop <= 0.05");

    private final String name;
    private final TrialTable table;
    private final List<TrialTable.Row> complete;
    private final List<Constraint> constraints;
    private final Map<String, Double> reference = new HashMap<>();

    ReplayProblem(String name, TrialTable table) {
        this.name = name;
        this.table = table;
        this.complete = table.rows().stream().filter(r -> r.state().equalsIgnoreCase("complete"))
                .filter(r -> OBJECTIVES.stream()
                        .allMatch(o -> isFinite(r.metrics().get(o.metric()))))
                .toList();
        if (complete.isEmpty()) {
            throw new IllegalArgumentException("a replay table needs complete rows with accuracy, "
                    + "size_bytes and latency_p50_ms, but has none");
        }
        this.constraints = complete.stream().anyMatch(r -> DROP.isSatisfiedBy(r.metrics()))
                ? List.of(DROP) : List.of();
        for (Objective objective : OBJECTIVES) {
            double best = Double.POSITIVE_INFINITY;
            double worst = Double.NEGATIVE_INFINITY;
            for (TrialTable.Row row : complete) {
                double value =
                        objective.direction().toMinimized(row.metrics().get(objective.metric()));
                best = Math.min(best, value);
                worst = Math.max(worst, value);
            }
            double margin = worst > best
                    ? 0.1 * (worst - best) : Math.max(1e-9, 0.1 * Math.abs(worst));
            reference.put(objective.metric(), objective.direction().toMinimized(worst + margin));
        }
        Map<String, Double> first = complete.get(0).metrics();
        double teacherAccuracy = first.get("accuracy") + first.getOrDefault("accuracy_drop", Double.NaN);
        double teacherSize = first.get("size_bytes") * first.getOrDefault("compression_ratio", Double.NaN);
        if (Double.isFinite(teacherAccuracy)) {
            reference.put("accuracy", teacherAccuracy - DROP.bound());
        }
        if (Double.isFinite(teacherSize)) {
            reference.put("size_bytes", teacherSize);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String variables() {
        return table.space().parameters().size() + " inferred from " + complete.size()
                + " complete rows of " + table.rows().size();
    }

    @Override
    public SearchSpace space() {
        return table.space();
    }

    @Override
    public List<Objective> objectives() {
        return OBJECTIVES;
    }

    @Override
    public List<Constraint> constraints() {
        return constraints;
    }

    @Override
    public Map<String, Double> reference() {
        return Map.copyOf(reference);
    }

    @Override
    public int budget() {
        return Math.max(10, Math.min(50, complete.size() / 2));
    }

    @Override
    public Optional<Map<String, Double>> evaluate(Assignment assignment) {
        TrialTable.Row nearest = null;
        double shortest = Double.POSITIVE_INFINITY;
        for (TrialTable.Row row : complete) {
            if (!row.params().get("chain").equals(assignment.get("chain"))) {
                continue;
            }
            double distance = ParameterDistance.between(table.space(), assignment, row.params());
            if (distance < shortest) {
                nearest = row;
                shortest = distance;
            }
        }
        return Optional.ofNullable(nearest).map(TrialTable.Row::metrics);
    }

    private static boolean isFinite(Double value) {
        return value != null && Double.isFinite(value);
    }
}
