package dev.compressweep.orchestrator.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.compressweep.orchestrator.fixtures.TrialEvents;
import dev.compressweep.orchestrator.run.SweepState;
import dev.compressweep.orchestrator.run.TrialRecord;
import dev.compressweep.orchestrator.sweep.SweepFileParser;
import dev.compressweep.orchestrator.sweep.SweepSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SweepSummaryTest {

    private static SweepSpec sweep(String constraints, String select) {
        return SweepFileParser.parse("""
                name: s
                dataset: {name: fashion-mnist}
                teacher: {architecture: mlp}
                objectives: [{metric: accuracy, direction: maximize}, {metric: size_bytes, direction: minimize}]
                constraints: %s
                %s
                search: {strategy: grid, space: {chain: [[quantize]], quantize: {bits: [8, 4]}}}
                """.formatted(constraints, select), "s.yaml");
    }

    /** The sweep's state with the teacher and one finished trial per entry: index to (accuracy, size, drop). */
    private static SweepState finished(SweepSpec sweep, Map<Integer, double[]> trials) {
        SweepState state = new SweepState(sweep.id());
        state.apply(TrialEvents.teacher(sweep.id()).finished(Map.of("accuracy", 0.9), null));
        trials.forEach((index, m) -> state.apply(TrialEvents.trial(sweep.id(), index, List.of("quantize"), Map.of())
                .finished(Map.of("accuracy", m[0], "size_bytes", m[1], "accuracy_drop", m[2]), null)));
        return state;
    }

    private static Optional<Integer> index(Optional<TrialRecord> trial) {
        return trial.map(TrialRecord::index);
    }

    @Test
    void shouldPickByTheSweepsSelectionAndNameTrialsByIndex() {
        SweepSpec sweep = sweep("[\"accuracy_drop <= 0.01\"]",
                "select: {strategy: weighted, weights: {accuracy: 0.7, size_bytes: 0.3}}");
        SweepState state = finished(sweep, Map.of(0, new double[] {0.90, 100, 0.005},
                1, new double[] {0.80, 10, 0.004}, 2, new double[] {0.88, 31, 0.008}, 3, new double[] {0.95, 500, 0.02}));

        SweepSummary summary = SweepSummary.of(sweep, state);

        assertEquals(3, summary.feasibleCount());
        assertEquals(Optional.of(2), index(summary.best()));
        assertEquals(Optional.of(0), index(summary.runnerUp()));
        assertEquals("smallest weighted sum 0.21 (accuracy 0.7, size_bytes 0.3) among 3 feasible front members;"
                + " runner-up #0 has 0.3", summary.reason());
    }

    @Test
    void shouldExplainWhichConstraintCameClosestWhenNoTrialIsFeasible() {
        SweepSpec sweep = sweep("[\"accuracy_drop <= 0.01\", \"size_bytes <= 100000\"]", "");
        SweepState state = finished(sweep, Map.of(3, new double[] {0.86, 160_000, 0.03},
                7, new double[] {0.87, 150_000, 0.0142}));

        SweepSummary summary = SweepSummary.of(sweep, state);

        assertEquals(Optional.empty(), summary.best());
        assertEquals(Optional.empty(), summary.runnerUp());
        assertEquals("no trial meets the constraints: closest is accuracy_drop <= 0.01, missed by 0.0042 (trial #7"
                + " reached 0.0142)", summary.reason());
    }
}
