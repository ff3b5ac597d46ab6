package dev.compressweep.orchestrator.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.compressweep.orchestrator.report.SweepSummary;
import dev.compressweep.orchestrator.sweep.SweepFileParser;
import dev.compressweep.orchestrator.sweep.SweepSpec;
import dev.compressweep.search.sampler.Observation;
import dev.compressweep.search.sampler.TrialState;
import dev.compressweep.search.space.Assignment;
import dev.compressweep.search.stopping.RungResult;
import dev.compressweep.workers.event.EventType;
import dev.compressweep.workers.event.TrialEvent;
import dev.compressweep.workers.event.TrialRole;
import dev.compressweep.workers.rung.Rungs;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Trials stopped at a rung in the sweep's state: told to the sampler as stopped (not failed), never on the front nor
 * picked, counted as finished in the order they ended; and the rung results a resumed sweep rebuilds from the log.
 */
class StoppedTrialsStateTest {

    private static final SweepSpec SWEEP = SweepFileParser.parse("""
            name: s
            dataset: {name: fashion-mnist}
            teacher: {architecture: mlp}
            objectives: [{metric: accuracy, direction: maximize}, {metric: size_bytes, direction: minimize}]
            constraints: ["accuracy_drop <= 0.2"]
            search:
              strategy: random
              budget: 4
              early_stopping: {rule: asha, min_epochs: 1, reduction_factor: 2, max_epochs: 4}
              space: {chain: [[distill]], distill: {width: [8, 16, 32]}}
            """, "s.yaml");

    private static TrialEvent event(int index, int attempt, EventType type, Map<String, Double> metrics,
            Map<String, String> tags, int second) {
        Map<String, String> all = new LinkedHashMap<>(tags);
        all.put(TrialEvent.ATTEMPT_TAG, Integer.toString(attempt));
        return new TrialEvent(1, SWEEP.id(), TrialFactory.trialId(SWEEP.id(), index), index, TrialRole.COMPRESSION,
                type, Instant.parse("2025-01-01T10:00:00Z").plusSeconds(second), List.of("distill"),
                Map.of("chain", "distill", "distill.width", 8L + index), metrics, all, null, null);
    }

    /** The PROGRESS event of a rung at {@code epoch}, with the validation metrics measured there. */
    private static TrialEvent rung(int index, int attempt, int epoch, double accuracy, int second) {
        return event(index, attempt, EventType.PROGRESS, Map.of("epoch_accuracy", accuracy, "epoch_size_bytes",
                4000.0 * (index + 1), "epoch_accuracy_drop", 0.9 - accuracy, "loss", 0.3),
                Map.of(Rungs.RUNG_TAG, Integer.toString(epoch)), second);
    }

    private static TrialEvent stopped(int index, int epoch, double accuracy, int second) {
        return event(index, 1, EventType.FINISHED, Map.of("accuracy", accuracy, "size_bytes", 4000.0 * (index + 1),
                "accuracy_drop", 0.9 - accuracy), Map.of(Rungs.STOPPED_AT_EPOCH_TAG, Integer.toString(epoch),
                Rungs.DECISION_TAG, "ranked 2 of 2"), second);
    }

    private static TrialEvent complete(int index, double accuracy, double size, int second) {
        return event(index, 1, EventType.FINISHED, Map.of("accuracy", accuracy, "size_bytes", size,
                "accuracy_drop", 0.9 - accuracy, "test_accuracy", accuracy - 0.01), Map.of(), second);
    }

    /** Teacher done; #0 completes, #1 is stopped at epoch 1 though it would dominate #0, #2 fails. */
    private static List<TrialEvent> log() {
        TrialEvent teacher = new TrialEvent(1, SWEEP.id(), TrialFactory.teacherId(SWEEP.id()), -1, TrialRole.TEACHER,
                EventType.FINISHED, Instant.parse("2025-01-01T09:59:00Z"), List.of(), Map.of(),
                Map.of("accuracy", 0.9), Map.of(), null, null);
        TrialEvent failed = new TrialEvent(1, SWEEP.id(), TrialFactory.trialId(SWEEP.id(), 2), 2,
                TrialRole.COMPRESSION, EventType.FAILED, Instant.parse("2025-01-01T10:00:09Z"), List.of("distill"),
                Map.of("chain", "distill", "distill.width", 10L), Map.of(), Map.of(), null, "diverged");
        return List.of(teacher, rung(0, 1, 1, 0.80, 1), rung(1, 1, 1, 0.70, 2), stopped(1, 1, 0.95, 3),
                failed, complete(0, 0.85, 8000, 10));
    }

    private static SweepState replayed(List<TrialEvent> events) {
        SweepState state = new SweepState(SWEEP.id());
        events.forEach(state::apply);
        return state;
    }

    @Test
    void shouldTellTheSamplerAStoppedTrialAsStoppedAtItsRungWithItsMetricsThere() {
        SweepState state = replayed(log());

        Observation stopped = state.history().observations().get(1);

        assertEquals(TrialState.STOPPED, stopped.state());
        assertEquals(1, stopped.stoppedAt());
        assertEquals(0.95, stopped.metrics().get("accuracy"));
        assertEquals(new Assignment(Map.of("chain", "distill", "distill.width", 9L)), stopped.assignment());
        assertEquals(TrialState.FAILED, state.history().observations().get(2).state());
        assertTrue(state.history().observations().get(0).metrics().keySet().stream()
                .noneMatch(name -> name.startsWith("test_")), "the sampler never sees a test metric");
    }

    @Test
    void shouldKeepAStoppedTrialOffTheFrontAndNeverPickIt() {
        SweepSummary summary = SweepSummary.of(SWEEP, replayed(log()));

        assertEquals(List.of(0), summary.front().stream().map(TrialRecord::index).toList());
        assertEquals(0, summary.best().orElseThrow().index());
        assertEquals(1, summary.count(TrialState.STOPPED));
        assertEquals(1, summary.trials().get(1).stoppedAt());
    }

    @Test
    void shouldListFinishedTrialsInTheOrderTheyEnded() {
        assertEquals(List.of(1, 2, 0), replayed(log()).finished().stream().map(Observation::index).toList());
    }

    @Test
    void shouldRebuildTheRungResultsOfTheCurrentAttemptsFromTheLog() {
        List<TrialEvent> events = new java.util.ArrayList<>(log());
        events.add(rung(3, 2, 1, 0.60, 20));
        events.add(rung(3, 1, 1, 0.99, 21));

        SweepState state = replayed(events);

        assertEquals(List.of(new RungResult(0, 1, Map.of("accuracy", 0.80, "accuracy_drop", 0.9 - 0.80,
                        "size_bytes", 4000.0)), new RungResult(1, 1, Map.of("accuracy", 0.70, "accuracy_drop",
                        0.9 - 0.70, "size_bytes", 8000.0)), new RungResult(3, 1, Map.of("accuracy", 0.60,
                        "accuracy_drop", 0.9 - 0.60, "size_bytes", 16000.0))),
                state.rungResults(), "a late rung of the replaced attempt 1 of #3 is not a result");
        assertEquals(Instant.parse("2025-01-01T09:59:00Z"), state.startedAt().orElseThrow());
    }
}
