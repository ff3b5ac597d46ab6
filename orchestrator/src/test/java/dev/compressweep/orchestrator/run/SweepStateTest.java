package dev.compressweep.orchestrator.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.compressweep.search.sampler.TrialState;
import dev.compressweep.workers.event.EventType;
import dev.compressweep.workers.event.TrialEvent;
import dev.compressweep.workers.event.TrialRole;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SweepStateTest {

    private static TrialEvent event(String sweep, int index, EventType type, Map<String, Double> metrics) {
        return new TrialEvent(1, sweep, TrialFactory.trialId(sweep, index), index, TrialRole.COMPRESSION, type,
                Instant.EPOCH, List.of("quantize"), Map.of("chain", "quantize", "quantize.bits", 8L), metrics,
                Map.of(), null, type == EventType.FAILED ? "diverged" : null);
    }

    private static TrialEvent attempt(int attempt, EventType type, Map<String, Double> metrics) {
        TrialEvent e = event("s", 0, type, metrics);
        return new TrialEvent(1, "s", e.trialId(), 0, TrialRole.COMPRESSION, type, Instant.EPOCH, e.chain(), e.params(),
                metrics, Map.of(TrialEvent.ATTEMPT_TAG, Integer.toString(attempt)), null, e.error());
    }

    @Test
    void shouldStartATrialOverOnANewAttemptAndIgnoreTheLostAttemptsLateEvents() {
        SweepState state = new SweepState("s");

        state.apply(attempt(1, EventType.STARTED, Map.of()));
        state.apply(attempt(1, EventType.FAILED, Map.of()));
        state.apply(attempt(2, EventType.STARTED, Map.of()));
        assertEquals(TrialState.RUNNING, state.trials().get(0).state());
        state.apply(attempt(2, EventType.FINISHED, Map.of("accuracy", 0.8)));
        state.apply(attempt(1, EventType.PROGRESS, Map.of("loss", 0.1)));
        state.apply(attempt(1, EventType.FAILED, Map.of()));

        assertEquals(TrialState.COMPLETE, state.trials().get(0).state());
        assertEquals(2, state.trials().get(0).attempt());
        assertEquals(0.8, state.trials().get(0).metrics().get("accuracy"));
    }

    @Test
    void shouldFoldATrialsEventsIntoItsFinalRecord() {
        SweepState state = new SweepState("s");

        state.apply(event("s", 0, EventType.STARTED, Map.of()));
        state.apply(event("s", 0, EventType.PROGRESS, Map.of("loss", 0.5)));
        assertEquals(TrialState.RUNNING, state.trials().get(0).state());
        assertEquals(Map.of(), state.trials().get(0).metrics(), "progress metrics are not results");
        state.apply(event("s", 0, EventType.FINISHED, Map.of("accuracy", 0.9)));
        state.apply(event("s", 1, EventType.STARTED, Map.of()));
        state.apply(event("s", 1, EventType.FAILED, Map.of()));

        assertEquals(0.9, state.trials().get(0).metrics().get("accuracy"));
        assertEquals(1, state.count(TrialState.COMPLETE));
        assertEquals("diverged", state.trials().get(1).error());
        assertEquals(2, state.nextIndex());
        assertEquals(8L, state.history().observations().get(0).assignment().getLong("quantize.bits"));
    }

    @Test
    void shouldNeverShowTheSamplerATestSplitMetric() {
        SweepState state = new SweepState("s");

        state.apply(event("s", 0, EventType.FINISHED, Map.of("accuracy", 0.8, "test_accuracy", 0.7,
                "test_accuracy_drop", 0.01)));

        assertEquals(Map.of("accuracy", 0.8), state.history().observations().get(0).metrics());
        assertEquals(0.7, state.trials().get(0).metrics().get("test_accuracy"), "still reported");
    }

    @Test
    void shouldIgnoreEventsOfOtherSweeps() {
        SweepState state = new SweepState("s");

        assertTrue(state.apply(event("other", 0, EventType.FINISHED, Map.of("accuracy", 0.9))).isEmpty());
        assertEquals(0, state.trials().size());
    }

    @Test
    void shouldGiveTheSameStateWhenTheLogIsReplayed() {
        List<TrialEvent> log = List.of(event("s", 0, EventType.STARTED, Map.of()),
                event("s", 0, EventType.FINISHED, Map.of("accuracy", 0.8)), event("s", 1, EventType.STARTED, Map.of()));
        SweepState first = new SweepState("s");
        SweepState replayed = new SweepState("s");

        log.forEach(first::apply);
        log.forEach(replayed::apply);

        assertEquals(first.trials(), replayed.trials());
        assertEquals(first.history(), replayed.history());
    }

    @Test
    void shouldDeriveIdsAndSeedsFromTheSweepAndIndexOnly() {
        assertEquals("demo-1234-t007", TrialFactory.trialId("demo-1234", 7));
        assertEquals(TrialFactory.seed(42, 3), TrialFactory.seed(42, 3));
        assertTrue(TrialFactory.seed(42, 3) != TrialFactory.seed(42, 4));
        assertTrue(TrialFactory.seed(42, 3) != TrialFactory.seed(43, 3));
    }
}
