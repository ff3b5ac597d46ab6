package dev.compressweep.search.bench;

import dev.compressweep.search.space.SearchSpace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Per-epoch validation curves of real trials, as the workers' {@code EpochCurves} writes them: a
 * {@link TrialTable} CSV (lines starting with {@code #} are comments) with one row per setting and
 * epoch, the metrics of that epoch in the columns {@code epoch}, {@code epoch_seconds} and the
 * measured ones, the setting in the parameter columns. Rows with the same parameters form one
 * curve; the search space is inferred from the parameters as {@link TrialTable} infers it.
 *
 * @param curves the settings' curves, in file order
 * @param space the inferred search space
 */
record CurveTable(List<Curve> curves, SearchSpace space) {

    /**
     * One setting's curve.
     *
     * @param params the setting
     * @param epochs the metrics after epoch {@code e} at {@code e - 1}, epochs 1, 2, ... in order
     */
    record Curve(Map<String, Object> params, List<Map<String, Double>> epochs) {

        /** Returns the metrics after {@code epoch}, from 1. */
        Map<String, Double> at(int epoch) {
            return epochs.get(epoch - 1);
        }

        /** Returns how long epoch {@code epoch} took, in seconds, from 1. */
        double seconds(int epoch) {
            return at(epoch).get("epoch_seconds");
        }

        /** Returns the number of epochs the curve covers. */
        int length() {
            return epochs.size();
        }
    }

    /**
     * Reads the table from CSV text.
     *
     * @throws IllegalArgumentException if a setting's epochs are not 1, 2, ... without a gap
     */
    static CurveTable parse(String text) {
        String csv = text.lines().filter(line -> !line.startsWith("#"))
                .collect(Collectors.joining("\n", "", "\n"));
        TrialTable table = TrialTable.parse(csv);
        Map<Map<String, Object>, List<TrialTable.Row>> bySetting = new LinkedHashMap<>();
        table.rows().forEach(row -> bySetting.computeIfAbsent(row.params(), p -> new ArrayList<>())
                .add(row));
        List<Curve> curves = new ArrayList<>();
        bySetting.forEach((params, rows) -> {
            List<TrialTable.Row> sorted = new ArrayList<>(rows);
            sorted.sort(Comparator.comparingDouble(r -> r.metrics().get("epoch")));
            for (int e = 0; e < sorted.size(); e++) {
                double epoch = sorted.get(e).metrics().get("epoch");
                if (epoch != e + 1) {
                    throw new IllegalArgumentException("a curve's epochs must run 1, 2, ... "
                            + "without a gap, but setting " + params + " has epoch " + (long) epoch
                            + " in place " + (e + 1));
                }
            }
            curves.add(new Curve(params, sorted.stream().map(TrialTable.Row::metrics).toList()));
        });
        return new CurveTable(List.copyOf(curves), table.space());
    }
}
