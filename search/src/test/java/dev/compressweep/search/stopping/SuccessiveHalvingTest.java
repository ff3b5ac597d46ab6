package dev.compressweep.search.stopping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.compressweep.search.objective.Constraint;
import dev.compressweep.search.objective.Objective;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SuccessiveHalvingTest {
    private static final List<Objective> OBJECTIVES =
            List.of(Objective.maximize("accuracy"), Objective.minimize("size"));
    private static final List<Constraint> DROP = List.of(Constraint.parse("drop <= 0.05"));
    /** Rungs at 1 and 3 epochs; a third goes on. */
    private static final SuccessiveHalving ASHA =
            new SuccessiveHalving(EarlyStopping.of("asha", 1, 3, 9), OBJECTIVES, DROP);

    private static RungResult at(int trial, int epoch, double accuracy, double size, double drop) {
        return new RungResult(trial, epoch, Map.of("accuracy", accuracy, "size", size,
                "drop", drop));
    }

    private static RungResult at(int trial, double accuracy, double size) {
        return at(trial, 1, accuracy, size, 0.0);
    }

    @Test
    void shouldLetTheFirstTrialAtARungGoOnHoweverPoor() {
        Decision decision = ASHA.decide(at(0, 1, 0.1, 1e9, 0.9), List.of());
        assertTrue(decision.goesOn());
        assertEquals(new Decision(0, 1, true, 1, 1, 1), decision);
    }

    @Test
    void shouldDecideAtOnceWithFewTrialsLettingOnlyTheBestSoFarGoOn() {
        // rf = 3: with 2 or 3 trials at the rung one goes on, with 4 two do.
        assertTrue(ASHA.decide(at(1, 0.8, 10), List.of(at(0, 0.7, 10))).goesOn());
        assertTrue(ASHA.decide(at(1, 0.7, 10), List.of(at(0, 0.8, 10))).stops());
        Decision fourth = ASHA.decide(at(3, 0.75, 10),
                List.of(at(0, 0.8, 10), at(1, 0.7, 10), at(2, 0.6, 10)));
        assertEquals(new Decision(3, 1, true, 2, 4, 2), fourth);
    }

    @Test
    void shouldPutEveryFeasibleTrialBeforeAnyInfeasibleOne() {
        RungResult feasiblePoor = at(0, 1, 0.50, 900, 0.04);
        RungResult infeasibleStrong = at(1, 1, 0.95, 10, 0.06);
        assertTrue(ASHA.decide(feasiblePoor, List.of(infeasibleStrong)).goesOn());
        assertTrue(ASHA.decide(infeasibleStrong, List.of(feasiblePoor)).stops());
    }

    @Test
    void shouldRankInfeasibleTrialsByLevelWithTheirViolationAsOneMoreObjective() {
        RungResult near = at(0, 1, 0.84, 100, 0.06);
        RungResult dominated = at(1, 1, 0.80, 120, 0.10);
        RungResult smallButFar = at(2, 1, 0.60, 5, 0.30);
        List<RungResult> all = List.of(near, dominated, smallButFar);
        // Ranked by violation alone the small model would come last; it is not dominated.
        assertTrue(ASHA.decide(smallButFar, without(all, smallButFar)).rank() <= 2);
        assertEquals(3, ASHA.decide(dominated, without(all, dominated)).rank());
    }

    @Test
    void shouldRankTrialsLackingAMetricAfterInfeasibleOnes() {
        RungResult infeasible = at(0, 1, 0.5, 10, 0.5);
        RungResult unmeasured = new RungResult(1, 1, Map.of("accuracy", 0.99, "drop", 0.0));
        RungResult noDrop = new RungResult(2, 1, Map.of("accuracy", 0.99, "size", 1.0));
        List<RungResult> all = List.of(infeasible, unmeasured, noDrop);
        assertEquals(1, ASHA.decide(infeasible, without(all, infeasible)).rank());
        assertEquals(2, ASHA.decide(unmeasured, without(all, unmeasured)).rank());
        assertEquals(3, ASHA.decide(noDrop, without(all, noDrop)).rank());
    }

    @Test
    void shouldRankADominatedTrialAfterTheWholeFirstLevel() {
        List<RungResult> front = List.of(at(0, 0.9, 100), at(1, 0.8, 50), at(2, 0.7, 20));
        RungResult dominated = at(3, 0.79, 60);
        Decision decision = ASHA.decide(dominated, front);
        assertEquals(4, decision.rank());
        assertTrue(decision.stops());
        // Non-dominated even if poor in accuracy, as it is the smallest: before the dominated one.
        List<RungResult> peers = List.of(front.get(0), front.get(1), front.get(2), dominated);
        assertEquals(4, ASHA.decide(at(4, 0.5, 1), peers).rank());
        assertEquals(5, ASHA.decide(dominated, List.of(front.get(0), front.get(1), front.get(2),
                at(4, 0.5, 1))).rank());
    }

    @Test
    void shouldBreakTiesWithinALevelByHypervolumeContribution() {
        // One level in (accuracy, size), reference (0.68, 108). Exclusive contributions: the
        // middle point 0.09 x 50 = 4.5, the most accurate 0.1 x 8 = 0.8, the point hugging the
        // smallest 0.01 x 29 = 0.29, the smallest 0.02 x 1 = 0.02.
        RungResult accurate = at(0, 0.9, 100);
        RungResult middle = at(1, 0.8, 50);
        RungResult smallest = at(2, 0.7, 20);
        RungResult hugging = at(3, 0.71, 21);
        List<RungResult> all = List.of(accurate, middle, smallest, hugging);
        assertEquals(1, ASHA.decide(middle, without(all, middle)).rank());
        assertEquals(2, ASHA.decide(accurate, without(all, accurate)).rank());
        assertEquals(3, ASHA.decide(hugging, without(all, hugging)).rank());
        assertEquals(4, ASHA.decide(smallest, without(all, smallest)).rank());
    }

    @Test
    void shouldBreakExactTiesByTheLowerTrialIndex() {
        assertEquals(1, ASHA.decide(at(4, 0.8, 10), List.of(at(7, 0.8, 10))).rank());
        assertEquals(2, ASHA.decide(at(7, 0.8, 10), List.of(at(4, 0.8, 10))).rank());
    }

    @Test
    void shouldCountOnlyOtherTrialsAtTheSameRungOnceEach() {
        List<RungResult> reported = List.of(at(0, 3, 0.9, 10, 0), at(1, 1, 0.9, 10, 0),
                at(1, 1, 0.1, 10, 0), at(2, 1, 0.5, 10, 0.0));
        // At rung 1: trial 1 (its first report, 0.9) and trial 2; the candidate's own earlier
        // report is ignored.
        Decision decision = ASHA.decide(at(2, 1, 0.6, 10, 0.0), reported);
        assertEquals(new Decision(2, 1, false, 2, 2, 1), decision);
    }

    @Test
    void shouldDecideTheSameWhateverTheOrderOfEarlierResults() {
        Random random = new Random(14);
        List<RungResult> reported = new ArrayList<>();
        for (int trial = 0; trial < 40; trial++) {
            reported.add(at(trial, 3, random.nextDouble(), 1 + 100 * random.nextDouble(),
                    0.1 * random.nextDouble()));
        }
        RungResult candidate = at(40, 3, 0.6, 40, 0.01);
        Decision expected = ASHA.decide(candidate, reported);
        for (int shuffle = 0; shuffle < 5; shuffle++) {
            Collections.shuffle(reported, random);
            assertEquals(expected, ASHA.decide(candidate, List.copyOf(reported)));
        }
        assertEquals(14, expected.promoted());
    }

    @Test
    void shouldLetAboutOneInReductionFactorOfALongStreamGoOn() {
        Random random = new Random(3);
        List<RungResult> reported = new ArrayList<>();
        int goOn = 0;
        for (int trial = 0; trial < 300; trial++) {
            RungResult result = at(trial, random.nextDouble(), 1 + 100 * random.nextDouble());
            goOn += ASHA.decide(result, reported).goesOn() ? 1 : 0;
            reported.add(result);
        }
        assertTrue(goOn > 85 && goOn < 125, "about a third go on: " + goOn);
    }

    @Test
    void shouldRejectAResultAtAnEpochThatIsNotARung() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ASHA.decide(at(5, 2, 0.8, 10, 0), List.of()));
        assertEquals("a trial is judged only at a rung, one of [1, 3] for early_stopping {rule: "
                + "asha, min_epochs: 1, reduction_factor: 3, max_epochs: 9}, but trial 5 "
                + "reported epoch=2", e.getMessage());
    }

    @Test
    void shouldRejectObjectivesSharingAMetric() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SuccessiveHalving(EarlyStopping.of("asha", 1, 3, 9),
                        List.of(Objective.maximize("a"), Objective.minimize("a")), List.of()));
        assertEquals("objective metrics must be distinct, but 'a' appears twice", e.getMessage());
    }

    @Test
    void shouldStateTheDecisionInOneLine() {
        assertEquals("trial 3 stopped at epoch 1: ranked 4 of the 4 trials that reached it, and "
                + "the best 2 go on", new Decision(3, 1, false, 4, 4, 2).reason());
        assertFalse(new Decision(3, 1, true, 1, 4, 2).stops());
        assertThrows(IllegalArgumentException.class, () -> new Decision(3, 1, true, 3, 4, 2));
    }

    @Test
    void shouldRejectAnEpochBelowOneInAResult() {
        assertEquals("`epoch >= 1` must hold, but got epoch=0", assertThrows(
                IllegalArgumentException.class, () -> at(0, 0, 0.5, 1, 0)).getMessage());
    }

    private static List<RungResult> without(List<RungResult> all, RungResult one) {
        return all.stream().filter(r -> r != one).toList();
    }
}
