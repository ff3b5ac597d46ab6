package dev.compressweep.orchestrator.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.compressweep.orchestrator.fixtures.MlflowRest;
import dev.compressweep.orchestrator.fixtures.RealServices;
import dev.compressweep.orchestrator.fixtures.TrialEvents;
import dev.compressweep.workers.event.TrialEvent;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TrialAttemptsTest {

    @Test
    void shouldRefuseAnOlderAttemptOnceANewerOneWasSeenThoughItsEventWasNotWritten() {
        String sweepId = "attempts-" + UUID.randomUUID().toString().substring(0, 8);
        TrialEvents trial = TrialEvents.trial(sweepId, 0, List.of("prune"), Map.of());
        try (MlflowTracker tracker = new MlflowTracker(RealServices.mlflow())) {
            String experimentId = tracker.experimentId("attempts-test-" + sweepId);
            TrackedRun sweep = tracker.sweepRun(experimentId, sweepId, trial.start());
            TrialAttempts attempts = new TrialAttempts(tracker);
            TrialEvent first = SinkFixture.attempt(trial.started(), 1);
            TrialEvent second = SinkFixture.attempt(trial.progress(1, 0.5), 2);
            TrackedRun firstRun = attempts.forEvent(first, experimentId, event -> newRun(tracker, experimentId, sweep,
                    event)).orElseThrow().run();

            attempts.seen(trial.trialId(), 2);

            assertTrue(attempts.forEvent(SinkFixture.attempt(trial.progress(2, 0.4), 1), experimentId,
                    event -> newRun(tracker, experimentId, sweep, event)).isEmpty(), "attempt 1 is stale");
            TrackedRun secondRun = attempts.forEvent(second, experimentId,
                    event -> newRun(tracker, experimentId, sweep, event)).orElseThrow().run();
            JsonNode superseded = new MlflowRest(RealServices.mlflow()).get("runs/get", "run_id", firstRun.runId())
                    .path("run");
            assertEquals("KILLED", SinkFixture.status(superseded));
            assertEquals("2", SinkFixture.tag(superseded, TrackingTags.SUPERSEDED_BY));
            assertEquals(secondRun.runId(), tracker.findTrialRun(experimentId, trial.trialId()).orElseThrow().runId());
        }
    }

    private static TrackedRun newRun(MlflowTracker tracker, String experimentId, TrackedRun sweep, TrialEvent event) {
        return tracker.trialRun(experimentId, sweep.runId(), new TrialRunSpec(event.trialId(), event.attempt(),
                "attempt " + event.attempt(), event.timestamp(), Map.of(), Map.of()));
    }
}
