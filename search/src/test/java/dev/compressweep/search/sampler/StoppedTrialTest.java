package dev.compressweep.search.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.compressweep.search.objective.Objective;
import dev.compressweep.search.space.Assignment;
import dev.compressweep.search.space.Parameter;
import dev.compressweep.search.space.SearchSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoppedTrialTest {
    private static final List<Objective> ACCURACY = List.of(Objective.maximize("accuracy"));
    private static final SearchSpace PLANE = SearchSpace.of(
            Parameter.floatRange("x", 0, 1), Parameter.floatRange("y", 0, 1));

    private static BayesianSampler bayesian() {
        return BayesianSampler.builder(ACCURACY).seed(7).startupTrials(10).build();
    }

    /** 12 random trials: trials 2-11 stopped at epoch 1 with their accuracy, or failed. */
    private static History history(boolean stopped) {
        List<Observation> trials = new ArrayList<>();
        for (Assignment a : new RandomSampler(5).ask(PLANE, History.empty(), 12)) {
            int i = trials.size();
            double accuracy = 1 - Math.hypot(a.getDouble("x") - 0.8, a.getDouble("y") - 0.2);
            trials.add(i < 2 ? Observation.complete(i, a, Map.of("accuracy", accuracy))
                    : stopped ? Observation.stopped(i, a, 1, Map.of("accuracy", accuracy))
                    : Observation.failed(i, a));
        }
        return new History(trials);
    }

    @Test
    void shouldKeepTheMetricsAndEpochOfAStoppedTrial() {
        Observation trial = Observation.stopped(4, Assignment.empty().with("x", 0.5), 3,
                Map.of("accuracy", 0.7));
        assertEquals(TrialState.STOPPED, trial.state());
        assertEquals(3, trial.stoppedAt());
        assertEquals(Map.of("accuracy", 0.7), trial.metrics());
        assertEquals(List.of(), History.of(trial).completed());
    }

    @Test
    void shouldRejectAStoppedTrialWithoutItsEpochAndAnEpochOnAnyOther() {
        Assignment a = Assignment.empty().with("x", 0.5);
        assertEquals("a STOPPED trial needs the epoch it was stopped at, `stoppedAt >= 1`, but "
                + "trial 4 has stoppedAt=0", assertThrows(IllegalArgumentException.class,
                        () -> new Observation(4, a, TrialState.STOPPED, Map.of())).getMessage());
        assertEquals("only STOPPED trials have `stoppedAt`, but trial 4 is COMPLETE with "
                + "stoppedAt=2", assertThrows(IllegalArgumentException.class,
                        () -> new Observation(4, a, TrialState.COMPLETE, Map.of(), 2))
                        .getMessage());
    }

    @Test
    void shouldCountStoppedTrialsAsFinishedForTheStartUp() {
        // 12 finished trials >= 10 start-up ones: the model proposes, not the random sampler.
        assertNotEquals(new RandomSampler(7).ask(PLANE, history(true), 1),
                bayesian().ask(PLANE, history(true), 1));
    }

    @Test
    void shouldLearnFromAStoppedTrialsValuesUnlikeFromAFailure() {
        // With 2 complete trials and gamma 0.2 of 12, 3 are good: the best stopped one joins.
        assertNotEquals(bayesian().ask(PLANE, history(false), 4),
                bayesian().ask(PLANE, history(true), 4));
    }

    @Test
    void shouldTreatAStoppedTrialLackingAnObjectiveAsFailed() {
        Assignment a = Assignment.empty().with("x", 0.5).with("y", 0.5);
        History base = history(true);
        assertEquals(bayesian().ask(PLANE, base.with(Observation.failed(12, a)), 3),
                bayesian().ask(PLANE, base.with(Observation.stopped(12, a, 1,
                        Map.of("latency", 1.0))), 3));
    }

    @Test
    void shouldLeaveRandomAndGridProposalsUnchanged() {
        List<Observation> complete = new ArrayList<>();
        List<Observation> stopped = new ArrayList<>();
        for (Observation o : history(true).observations()) {
            stopped.add(o);
            complete.add(Observation.complete(o.index(), o.assignment(), o.metrics()));
        }
        for (Sampler sampler : List.of(new RandomSampler(3), new GridSampler(4))) {
            assertEquals(sampler.ask(PLANE, new History(complete), 5),
                    sampler.ask(PLANE, new History(stopped), 5));
        }
    }
}
