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
 * Replays real training curves: a proposed assignment trains as the nearest setting of a
 * {@link CurveTable} ({@link ParameterDistance}), epoch by epoch. Objectives: validation accuracy
 * up, size_bytes and macs down; constraint accuracy_drop <= 0.05 (from the teacher's validation
 * accuracy).
 *
 * <p>Reference point: the lowest accuracy the constraint allows (the teacher's, which every row
 * gives as accuracy plus accuracy_drop, less 0.05), and for size and MACs the largest value in the
 * table moved out by a tenth of its range. N is half the settings, within [10, 50].
 */
final class CurveReplay implements Problem {
    private static final List<Objective> OBJECTIVES = List.of(Objective.maximize("accuracy"),
            Objective.minimize("size_bytes"), Objective.minimize("macs"));
    private static final Constraint DROP = Constraint.parse("accuracy_drop <= 0.05");

    private final String name;
    private final CurveTable table;
    private final Map<String, Double> reference = new HashMap<>();

    CurveReplay(String name, CurveTable table) {
        if (table.curves().isEmpty()) {
            throw new IllegalArgumentException("a curve table needs at least one setting, but has "
                    + "none");
        }
        this.name = name;
        this.table = table;
        for (String metric : List.of("size_bytes", "macs")) {
            double low = table.curves().stream().mapToDouble(c -> c.at(1).get(metric)).min()
                    .orElseThrow();
            double high = table.curves().stream().mapToDouble(c -> c.at(1).get(metric)).max()
                    .orElseThrow();
            reference.put(metric, high + Math.max(0.1 * (high - low), 1e-9 * high));
        }
        Map<String, Double> first = table.curves().get(0).at(1);
        double teacher = first.get("accuracy") + first.get("accuracy_drop");
        reference.put("accuracy", teacher - DROP.bound());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String variables() {
        return table.space().parameters().size() + " inferred from " + table.curves().size()
                + " settings of up to " + maxEpochs() + " epochs";
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
        return List.of(DROP);
    }

    @Override
    public Map<String, Double> reference() {
        return Map.copyOf(reference);
    }

    @Override
    public int budget() {
        return Math.max(10, Math.min(50, table.curves().size() / 2));
    }

    /** Returns the metrics after the last epoch of the nearest setting. */
    @Override
    public Optional<Map<String, Double>> evaluate(Assignment assignment) {
        CurveTable.Curve curve = curve(assignment);
        return Optional.of(curve.at(curve.length()));
    }

    /** Returns the curve of the setting nearest {@code assignment}, the first one on a tie. */
    CurveTable.Curve curve(Assignment assignment) {
        CurveTable.Curve nearest = null;
        double shortest = Double.POSITIVE_INFINITY;
        for (CurveTable.Curve curve : table.curves()) {
            double distance = ParameterDistance.between(table.space(), assignment, curve.params());
            if (distance < shortest) {
                nearest = curve;
                shortest = distance;
            }
        }
        return nearest;
    }

    /** Returns the most epochs a setting of the table trains. */
    int maxEpochs() {
        return table.curves().stream().mapToInt(CurveTable.Curve::length).max().orElseThrow();
    }
}
