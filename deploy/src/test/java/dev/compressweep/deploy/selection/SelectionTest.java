package dev.compressweep.deploy.selection;

import static dev.compressweep.deploy.selection.Fronts.candidate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.compressweep.deploy.Candidate;
import dev.compressweep.search.objective.Constraint;
import dev.compressweep.search.objective.Objective;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SelectionTest {

    private static final List<Objective> ACCURACY_AND_SIZE = List.of(
            Objective.maximize("accuracy"), Objective.minimize("size_bytes"));

    private static Selection of(SelectionStrategy strategy) {
        return new Selection(strategy, strategy == SelectionStrategy.WEIGHTED ? Map.of("accuracy", 1.0) : Map.of());
    }

    @ParameterizedTest
    @EnumSource(SelectionStrategy.class)
    void shouldChooseTheOnlyFeasibleMemberWithoutARunnerUp(SelectionStrategy strategy) {
        List<Candidate> front = List.of(candidate("7", Map.of("accuracy", 0.9, "size_bytes", 10.0)),
                candidate("8", Map.of("accuracy", 0.95, "size_bytes", 900.0)));

        Pick pick = of(strategy).pick(front, List.of(Constraint.parse("size_bytes <= 100")), ACCURACY_AND_SIZE,
                Fronts.NAME);

        assertEquals("7", pick.chosen().orElseThrow().trialId());
        assertEquals(Optional.empty(), pick.runnerUp());
        assertEquals("#7 is the only feasible front member", pick.reason());
    }

    @ParameterizedTest
    @EnumSource(SelectionStrategy.class)
    void shouldChooseNothingWhenNoMemberMeetsTheConstraintsWithEveryObjectiveMeasured(SelectionStrategy strategy) {
        List<Candidate> front = List.of(candidate("big", Map.of("accuracy", 0.9, "size_bytes", 900.0)),
                candidate("unsized", Map.of("accuracy", 0.9)),
                candidate("nan", Map.of("accuracy", Double.NaN, "size_bytes", 10.0)));

        Pick pick = of(strategy).pick(front, List.of(Constraint.parse("size_bytes <= 100")), ACCURACY_AND_SIZE,
                Fronts.NAME);

        assertEquals(new Pick(Optional.empty(), Optional.empty(), "no front member is feasible"), pick);
    }

    @Test
    void shouldRefuseRepeatedTrialIds() {
        Candidate twice = candidate("7", Map.of("accuracy", 0.9, "size_bytes", 10.0));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Selection.LEXICOGRAPHIC
                .pick(List.of(twice, twice), List.of(), ACCURACY_AND_SIZE, Fronts.NAME));

        assertEquals("the candidates' trial ids must be distinct, but got 7 twice", e.getMessage());
    }

    @Test
    void shouldRefuseWeightsForAStrategyOtherThanWeighted() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Selection(SelectionStrategy.KNEE, Map.of("accuracy", 1.0)));

        assertEquals("`weights` must be empty unless the strategy is weighted, but got {accuracy=1.0} for strategy"
                + " knee", e.getMessage());
    }

    @Test
    void shouldRefuseNegativeOrNonFiniteWeights() {
        assertEquals("each weight must be finite and >= 0, but got accuracy=-0.5", assertThrows(
                IllegalArgumentException.class, () -> new Selection(SelectionStrategy.WEIGHTED,
                        Map.of("accuracy", -0.5))).getMessage());
        assertEquals("each weight must be finite and >= 0, but got accuracy=NaN", assertThrows(
                IllegalArgumentException.class, () -> new Selection(SelectionStrategy.WEIGHTED,
                        Map.of("accuracy", Double.NaN))).getMessage());
    }

    @Test
    void shouldRefuseWeightsThatAreAllZeroOrMissing() {
        assertEquals("`weights` must hold at least one positive weight, but got {accuracy=0.0}", assertThrows(
                IllegalArgumentException.class, () -> new Selection(SelectionStrategy.WEIGHTED,
                        Map.of("accuracy", 0.0))).getMessage());
        assertEquals("`weights` must hold at least one positive weight, but got {}", assertThrows(
                IllegalArgumentException.class, () -> new Selection(SelectionStrategy.WEIGHTED, Map.of()))
                .getMessage());
    }

    @Test
    void shouldReadEveryStrategyByItsLowerCaseName() {
        for (SelectionStrategy strategy : SelectionStrategy.values()) {
            assertEquals(Optional.of(strategy), SelectionStrategy.parse(strategy.text()));
        }
        assertTrue(SelectionStrategy.parse("Knee").isEmpty());
    }
}
