package dev.compressweep.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.compressweep.search.objective.Constraint;
import dev.compressweep.search.objective.Objective;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModelSelectionTest {

    private static final Objective ACCURACY = Objective.maximize("accuracy");
    private static final List<Constraint> DROP_AT_MOST_1PCT = List.of(Constraint.parse("accuracy_drop <= 0.01"));

    private static Candidate candidate(String trialId, double accuracy, double drop, double size) {
        return new Candidate(trialId, "run-" + trialId, List.of("quantize"), Map.of(),
                Map.of("accuracy", accuracy, "accuracy_drop", drop, "size_bytes", size), null);
    }

    @Test
    void shouldChooseTheMostAccurateFeasibleCandidate() {
        List<Candidate> front = List.of(
                candidate("t1", 0.90, 0.005, 40_000),
                candidate("t2", 0.95, 0.030, 90_000),
                candidate("t3", 0.92, 0.008, 60_000));

        Optional<Candidate> chosen = ModelSelection.choose(front, DROP_AT_MOST_1PCT, ACCURACY);

        assertEquals("t3", chosen.orElseThrow().trialId(), "t2 is more accurate but breaks the drop bound");
    }

    @Test
    void shouldBreakTiesOnTheObjectiveBySmallerSize() {
        List<Candidate> front = List.of(
                candidate("big", 0.92, 0.0, 90_000),
                candidate("small", 0.92, 0.0, 30_000),
                candidate("medium", 0.92, 0.0, 60_000));

        assertEquals("small", ModelSelection.choose(front, List.of(), ACCURACY).orElseThrow().trialId());
    }

    @Test
    void shouldBreakFullTiesByTrialIdWhateverTheFrontOrder() {
        Candidate b = candidate("b", 0.9, 0.0, 1_000);
        Candidate a = candidate("a", 0.9, 0.0, 1_000);

        assertEquals("a", ModelSelection.choose(List.of(b, a), List.of(), ACCURACY).orElseThrow().trialId());
        assertEquals("a", ModelSelection.choose(List.of(a, b), List.of(), ACCURACY).orElseThrow().trialId());
    }

    @Test
    void shouldMinimiseWhenTheObjectiveSaysSo() {
        List<Candidate> front = List.of(candidate("big", 0.9, 0.0, 90_000), candidate("small", 0.8, 0.0, 20_000));

        Optional<Candidate> chosen = ModelSelection.choose(front, List.of(), Objective.minimize("size_bytes"));

        assertEquals("small", chosen.orElseThrow().trialId());
    }

    @Test
    void shouldReturnEmptyWhenNoCandidateIsFeasible() {
        List<Candidate> front = List.of(candidate("t1", 0.95, 0.05, 10), candidate("t2", 0.96, 0.02, 10));

        assertTrue(ModelSelection.choose(front, DROP_AT_MOST_1PCT, ACCURACY).isEmpty());
    }

    @Test
    void shouldTreatAMissingConstrainedMetricAsInfeasible() {
        Candidate unmeasured = new Candidate("t1", null, List.of(), Map.of(), Map.of("accuracy", 0.99), null);

        assertTrue(ModelSelection.choose(List.of(unmeasured), DROP_AT_MOST_1PCT, ACCURACY).isEmpty());
    }

    @Test
    void shouldSkipCandidatesWithoutTheObjectiveMetric() {
        Candidate unmeasured = new Candidate("nan", null, List.of(), Map.of(),
                Map.of("accuracy", Double.NaN, "size_bytes", 1.0), null);
        Candidate measured = candidate("measured", 0.5, 0.0, 1_000_000);

        assertEquals("measured", ModelSelection.choose(List.of(unmeasured, measured), List.of(), ACCURACY)
                .orElseThrow().trialId());
    }

    @Test
    void shouldReturnEmptyForAnEmptyFront() {
        assertTrue(ModelSelection.choose(List.of(), List.of(), ACCURACY).isEmpty());
    }
}
