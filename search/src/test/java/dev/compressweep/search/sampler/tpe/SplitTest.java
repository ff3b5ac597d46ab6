package dev.compressweep.search.sampler.tpe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.compressweep.search.space.Assignment;
import java.util.List;
import org.junit.jupiter.api.Test;

class SplitTest {
    private static Assignment at(int x) {
        return Assignment.empty().with("x", x);
    }

    private static Evaluated outcome(int x, double violation, double... objectives) {
        return new Evaluated(at(x), objectives, violation);
    }

    @Test
    void shouldRankFeasibleTrialsFirstThenInfeasibleOnesByViolation() {
        List<Evaluated> told = List.of(outcome(1, 0.5, 0, 0), outcome(2, 0, 5, 5),
                Evaluated.failed(at(3)), outcome(4, 0.1, 9, 9), outcome(5, 0, 1, 9));
        Split split = Split.of(told, List.of(), 4);
        assertEquals(List.of(at(5), at(2), at(4), at(1)), split.good());
        assertEquals(List.of(at(3)), split.bad());
    }

    @Test
    void shouldNeverCountFailedOrPendingTrialsAsGood() {
        List<Evaluated> told = List.of(Evaluated.failed(at(1)), outcome(2, 0, 3, 3));
        Split split = Split.of(told, List.of(at(7)), 3);
        assertEquals(List.of(at(2)), split.good());
        assertEquals(List.of(at(1), at(7)), split.bad());
    }

    @Test
    void shouldKeepTheBestLevelAndPreferTheBalancedPointsOfALevelThatDoesNotFit() {
        List<Evaluated> told = List.of(outcome(1, 0, 0, 10), outcome(2, 0, 4, 4),
                outcome(3, 0, 10, 0), outcome(4, 0, 3, 6), outcome(5, 0, 6, 6));
        assertEquals(List.of(at(2), at(4)), Split.of(told, List.of(), 2).good());
    }

    @Test
    void shouldWeighGoodTrialsByTheirShareOfTheFrontsHypervolume() {
        // A front of three, one point it dominates, one infeasible trial. The reference of the
        // feasible points is (2.2, 2.2): the middle point owns 1.0 alone, each end 0.2.
        List<Evaluated> told = List.of(outcome(1, 0, 0, 2), outcome(2, 0, 1, 1),
                outcome(3, 0, 2, 0), outcome(4, 0, 1.5, 1.5), outcome(5, 0.3, 0, 0));

        Split split = Split.of(told, List.of(), 5);

        assertEquals(List.of(at(1), at(2), at(3), at(4), at(5)), split.good());
        double[] expected = {0.2, 1.0, 0.2, Split.FLOOR, Split.FLOOR};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], split.goodWeights().get(i), 1e-9);
        }
    }

    @Test
    void shouldWeighGoodTrialsAlikeWhenFewerThanTwoAreFeasible() {
        List<Evaluated> told = List.of(outcome(1, 0, 3, 3), outcome(2, 0.2, 0, 0));

        assertEquals(List.of(1.0, 1.0), Split.of(told, List.of(), 2).goodWeights());
    }

    @Test
    void shouldRejectANegativeViolation() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> outcome(1, -1, 0.5));
        assertEquals("`violation >= 0` must hold, but got violation=-1.0", e.getMessage());
    }
}
