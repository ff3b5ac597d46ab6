package dev.compressweep.deploy.selection;

import static dev.compressweep.deploy.selection.Fronts.candidate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.compressweep.deploy.Candidate;
import dev.compressweep.search.objective.Constraint;
import dev.compressweep.search.objective.Objective;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InfeasibilityTest {

    private static final List<Objective> ACCURACY = List.of(Objective.maximize("accuracy"));

    private static List<Constraint> constraints(String... texts) {
        return Arrays.stream(texts).map(Constraint::parse).toList();
    }

    private static Candidate trial(String id, double drop, double size) {
        return candidate(id, Map.of("accuracy", 0.8, "accuracy_drop", drop, "size_bytes", size));
    }

    /** The explanation, after checking that every order of {@code complete} gives the same one. */
    private static String explain(List<Candidate> complete, List<Constraint> constraints) {
        String first = Infeasibility.explain(complete, constraints, ACCURACY, Fronts.NAME);
        Fronts.permutations(complete).forEach(order -> assertEquals(first,
                Infeasibility.explain(order, constraints, ACCURACY, Fronts.NAME)));
        return first;
    }

    @Test
    void shouldNameTheConstraintWithTheSmallestRelativeGapAndTheTrialThatCameClosest() {
        List<Candidate> complete = List.of(trial("7", 0.0142, 150_000), trial("3", 0.03, 160_000),
                trial("9", 0.02, 155_000));

        assertEquals("no trial meets the constraints: closest is accuracy_drop <= 0.01, missed by 0.0042 (trial #7"
                + " reached 0.0142)", explain(complete, constraints("accuracy_drop <= 0.01", "size_bytes <= 100000")));
    }

    @Test
    void shouldCompareGapsRelativeToTheirBoundsNotAbsolutely() {
        List<Candidate> complete = List.of(trial("7", 0.0142, 120_000), trial("3", 0.03, 125_000));

        assertEquals("no trial meets the constraints: closest is size_bytes <= 100000, missed by 20000 (trial #7"
                + " reached 120000)", explain(complete, constraints("accuracy_drop <= 0.01", "size_bytes <= 100000")),
                "0.0042 is 42 % of its bound, 20000 only 20 %");
    }

    @Test
    void shouldTakeTheAbsoluteGapForABoundOfZero() {
        List<Candidate> complete = List.of(trial("7", 0.002, 150_000));

        assertEquals("no trial meets the constraints: closest is accuracy_drop <= 0, missed by 0.002 (trial #7"
                + " reached 0.002)", explain(complete, constraints("accuracy_drop <= 0", "size_bytes <= 100000")));
    }

    @Test
    void shouldNameTheTrialClosestToMeetingAllWhenEachConstraintAloneIsMet() {
        List<Candidate> complete = List.of(trial("small", 0.05, 90_000), trial("accurate", 0.005, 105_000));

        assertEquals("no trial meets all the constraints at once: closest is trial #accurate, which misses"
                + " size_bytes <= 100000 by 5000 (it reached 105000)",
                explain(complete, constraints("accuracy_drop <= 0.01", "size_bytes <= 100000")));
    }

    @Test
    void shouldSayWhenNoTrialMeasuredTheMetricOfTheClosestConstraint() {
        List<Candidate> complete = List.of(trial("1", 0.0, 10), trial("2", 0.0, 20));

        assertEquals("no trial meets the constraints: closest is f1 >= 0.9, which no trial measured",
                explain(complete, constraints("accuracy_drop <= 0.01", "f1 >= 0.9")));
    }

    @Test
    void shouldNameTheObjectivesAFeasibleTrialDidNotMeasure() {
        List<Candidate> complete = List.of(candidate("1", Map.of("accuracy_drop", 0.0)));

        assertEquals("no trial that meets the constraints measured every objective: trial #1 lacks accuracy",
                explain(complete, constraints("accuracy_drop <= 0.01")));
    }

    @Test
    void shouldSayWhenNoTrialCompleted() {
        assertEquals("no trial meets the constraints: none completed",
                explain(List.of(), constraints("accuracy_drop <= 0.01")));
    }

    @Test
    void shouldRefuseToExplainWhenACandidateIsFeasible() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Infeasibility.explain(
                List.of(trial("7", 0.0, 10)), constraints("accuracy_drop <= 0.01"), ACCURACY, Fronts.NAME));

        assertEquals("no candidate may be feasible when explaining infeasibility, but 7 is", e.getMessage());
    }
}
