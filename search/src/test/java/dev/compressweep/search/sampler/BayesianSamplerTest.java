package dev.compressweep.search.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.compressweep.search.objective.Objective;
import dev.compressweep.search.space.Assignment;
import dev.compressweep.search.space.Parameter;
import dev.compressweep.search.space.SearchSpace;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BayesianSamplerTest {
    private static final List<Objective> ACCURACY = List.of(Objective.maximize("accuracy"));
    private static final SearchSpace PLANE = SearchSpace.of(
            Parameter.floatRange("x", 0, 1), Parameter.floatRange("y", 0, 1));

    private static BayesianSampler sampler(long seed) {
        return BayesianSampler.builder(ACCURACY).seed(seed).startupTrials(10).build();
    }

    /** A history of {@code count} random trials scored by closeness to (0.8, 0.2). */
    private static History earlierSweep(int count, long seed) {
        History history = History.empty();
        for (Assignment assignment : new RandomSampler(seed).ask(PLANE, history, count)) {
            history = history.with(Observation.complete(history.size(), assignment,
                    Map.of("accuracy", -distanceToOptimum(assignment))));
        }
        return history;
    }

    private static double distanceToOptimum(Assignment a) {
        return Math.hypot(a.getDouble("x") - 0.8, a.getDouble("y") - 0.2);
    }

    private static double meanDistance(List<Assignment> proposals) {
        return proposals.stream().mapToDouble(BayesianSamplerTest::distanceToOptimum)
                .average().orElseThrow();
    }

    @Test
    void shouldProposeAtRandomUntilTheStartUpTrialsHaveFinished() {
        History nine = earlierSweep(9, 3);
        assertEquals(new RandomSampler(5).ask(PLANE, nine, 4), sampler(5).ask(PLANE, nine, 4));
    }

    @Test
    void shouldUseAnEarlierSweepAtOnceAndProposeBetterThanRandom() {
        History warm = earlierSweep(30, 77);
        List<Assignment> model = sampler(5).ask(PLANE, warm, 8);
        List<Assignment> random = new RandomSampler(5).ask(PLANE, warm, 8);
        assertNotEquals(random, model);
        assertTrue(meanDistance(model) < 0.5 * meanDistance(random),
                () -> "model " + meanDistance(model) + " vs random " + meanDistance(random));
    }

    @Test
    void shouldLeaveInactiveParametersOutOfConditionalProposals() {
        SearchSpace nested = CompressionSpaces.nested();
        History history = History.empty();
        for (Assignment assignment : new RandomSampler(1).ask(nested, history, 24)) {
            double score = assignment.getString("chain").equals("quantize") ? 0.9 : 0.5;
            history = history.with(Observation.complete(
                    history.size(), assignment, Map.of("accuracy", score)));
        }
        List<Assignment> proposals = sampler(2).ask(nested, history, 12);
        for (Assignment proposal : proposals) {
            nested.validate(proposal);
            boolean distills = proposal.getString("chain").contains("distill");
            assertEquals(distills, proposal.has("distill.temperature"), proposal::key);
            assertEquals(!distills || proposal.getString("chain").contains("quantize"),
                    proposal.has("quantize.bits"), proposal::key);
        }
        long quantizeOnly = proposals.stream()
                .filter(p -> p.getString("chain").equals("quantize")).count();
        assertTrue(quantizeOnly >= 6, () -> "only " + quantizeOnly + " of 12 in the best branch");
    }

    /**
     * Pareto levels and the ranking by exclusive hypervolume contribution within a level are
     * invariant to the units of an objective: every contribution, and the reference it is measured
     * to, scales with it. Bytes (about 1e6) next to an accuracy (about 0.8) therefore weigh no
     * more than kilobytes would.
     */
    @Test
    void shouldProposeTheSameWhenAnObjectiveIsMeasuredInOtherUnits() {
        List<Objective> objectives = List.of(Objective.maximize("accuracy"),
                Objective.minimize("size"), Objective.minimize("latency"));
        History inBytes = History.empty();
        History inMegabytes = History.empty();
        for (Assignment a : new RandomSampler(12).ask(PLANE, History.empty(), 30)) {
            double x = a.getDouble("x");
            double y = a.getDouble("y");
            double megabytes = 0.05 + 3 * x * x + 0.5 * y;
            double accuracy = 0.7 + 0.15 * Math.sqrt(x) + 0.03 * y;
            double latency = 0.05 + 0.8 * (1 - y) * (0.2 + x);
            int index = inBytes.size();
            inBytes = inBytes.with(Observation.complete(index, a, Map.of("accuracy", accuracy,
                    "size", megabytes * 1e6, "latency", latency)));
            inMegabytes = inMegabytes.with(Observation.complete(index, a, Map.of(
                    "accuracy", accuracy, "size", megabytes, "latency", latency)));
        }
        for (long seed = 1; seed <= 5; seed++) {
            BayesianSampler sampler = BayesianSampler.builder(objectives).seed(seed).build();
            assertEquals(sampler.ask(PLANE, inMegabytes, 4), sampler.ask(PLANE, inBytes, 4));
        }
    }

    @Test
    void shouldProposeDifferentAssignmentsForDifferentSeeds() {
        History warm = earlierSweep(20, 1);
        assertNotEquals(sampler(1).ask(PLANE, warm, 3), sampler(2).ask(PLANE, warm, 3));
        assertEquals(sampler(1).ask(PLANE, warm, 3), sampler(1).ask(PLANE, warm, 3));
    }

    @Test
    void shouldProposeInABatchWhatItProposesOneAtATimeWithEarlierProposalsRunning() {
        History history = earlierSweep(15, 4).with(Observation.running(15,
                Assignment.empty().with("x", 0.8).with("y", 0.2)));
        List<Assignment> batch = sampler(9).ask(PLANE, history, 4);
        List<Assignment> oneByOne = new ArrayList<>();
        History growing = history;
        for (int i = 0; i < 4; i++) {
            Assignment next = sampler(9).ask(PLANE, growing, 1).get(0);
            oneByOne.add(next);
            growing = growing.with(Observation.running(100 + i, next));
        }
        assertEquals(oneByOne, batch);
        Set<Assignment> distinct = new HashSet<>(batch);
        distinct.addAll(history.assignments());
        assertEquals(4 + history.size(), distinct.size());
    }

    @Test
    void shouldTreatACompleteTrialLackingAnObjectiveAsFailed() {
        History history = earlierSweep(12, 6);
        History withGap = history.with(
                Observation.complete(12, Assignment.empty().with("x", 0.5).with("y", 0.5),
                        Map.of("latency", 1.0)));
        History withFailure = history.with(
                Observation.failed(12, Assignment.empty().with("x", 0.5).with("y", 0.5)));
        assertEquals(sampler(3).ask(PLANE, withFailure, 3), sampler(3).ask(PLANE, withGap, 3));
    }

    @Test
    void shouldRejectInvalidSettingsNamingTheValue() {
        assertEquals("`0 < gamma <= 1` must hold, but got gamma=1.5",
                assertThrows(IllegalArgumentException.class,
                        () -> BayesianSampler.builder(ACCURACY).gamma(1.5).build()).getMessage());
        assertEquals("`candidates >= 1` must hold, but got candidates=0",
                assertThrows(IllegalArgumentException.class,
                        () -> BayesianSampler.builder(ACCURACY).candidates(0)).getMessage());
        assertEquals("`startupTrials >= 0` must hold, but got startupTrials=-1",
                assertThrows(IllegalArgumentException.class,
                        () -> BayesianSampler.builder(ACCURACY).startupTrials(-1)).getMessage());
        assertEquals("`priorWeight` must be positive and finite, but got priorWeight=0.0",
                assertThrows(IllegalArgumentException.class,
                        () -> BayesianSampler.builder(ACCURACY).priorWeight(0).build())
                        .getMessage());
        assertEquals("objective metrics must be distinct, but 'accuracy' appears twice",
                assertThrows(IllegalArgumentException.class, () -> BayesianSampler.builder(
                        List.of(ACCURACY.get(0), Objective.minimize("accuracy")))).getMessage());
        assertFalse(BayesianSampler.builder(ACCURACY).build().toString().isEmpty());
    }
}
