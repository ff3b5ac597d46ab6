package dev.compressweep.orchestrator.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.compressweep.orchestrator.fixtures.MlflowRest;
import dev.compressweep.orchestrator.fixtures.RealServices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MlflowTrackerTest {

    private static final Instant START = Instant.parse("2025-02-01T12:00:00Z");

    @TempDir
    Path tmp;

    @Test
    void shouldFindTheExperimentAndTheTrialRunAgainInsteadOfCreatingThem() {
        String name = "tracker-test-" + UUID.randomUUID();
        try (MlflowTracker tracker = new MlflowTracker(RealServices.mlflow())) {
            String experimentId = tracker.experimentId(name);
            TrackedRun sweep = tracker.sweepRun(experimentId, "s1", START);
            TrialRunSpec spec = new TrialRunSpec("s1-t000", 1, "000-prune", START, Map.of("prune.sparsity", "0.5"),
                    Map.of(TrackingTags.KIND, TrackingTags.KIND_TRIAL));

            TrackedRun created = tracker.trialRun(experimentId, sweep.runId(), spec);
            TrackedRun again = tracker.trialRun(experimentId, sweep.runId(), new TrialRunSpec("s1-t000", 1,
                    "000-prune", START, Map.of("prune.sparsity", "0.9", "prune.schedule", "linear"), Map.of()));

            assertEquals(experimentId, tracker.experimentId(name));
            assertEquals(sweep.runId(), tracker.sweepRun(experimentId, "s1", START.plusSeconds(5)).runId());
            assertTrue(created.created());
            assertFalse(again.created());
            assertEquals(created.runId(), again.runId());
            assertEquals(created.runId(), tracker.findTrialRun(experimentId, "s1-t000").orElseThrow().runId());
            assertTrue(tracker.findTrialRun(experimentId, "s1-t999").isEmpty());
            assertEquals("mlflow-artifacts:/" + experimentId + "/" + created.runId() + "/artifacts",
                    created.artifactUri());
            JsonNode run = new MlflowRest(RealServices.mlflow()).get("runs/get", "run_id", created.runId())
                    .path("run");
            assertEquals("0.5", MlflowRest.value(run, "params", "prune.sparsity"), "a logged param never changes");
            assertEquals("linear", MlflowRest.value(run, "params", "prune.schedule"), "a missing param is added");
            assertEquals(sweep.runId(), MlflowRest.value(run, "tags", TrackingTags.PARENT_RUN_ID));
        }
    }

    @Test
    void shouldSignInWithTheTokenOfTheEnvironmentWithoutKeepingItInTheRun() throws IOException {
        String token = "token-" + UUID.randomUUID();
        MlflowCredentials credentials = MlflowCredentials.fromEnvironment(Map.of(MlflowCredentials.TOKEN, token));
        try (MlflowTracker tracker = new MlflowTracker(RealServices.mlflow(), credentials)) {
            String experimentId = tracker.experimentId("tracker-test-" + UUID.randomUUID());
            TrackedRun sweep = tracker.sweepRun(experimentId, "s1", START);
            TrackedRun run = tracker.trialRun(experimentId, sweep.runId(), new TrialRunSpec("s1-t000", 1, "000-prune",
                    START, Map.of("prune.sparsity", "0.5"), Map.of(TrackingTags.KIND, TrackingTags.KIND_TRIAL)));
            tracker.uploadArtifact(run, Files.writeString(tmp.resolve("model.onnx"), "weights"), "model");

            String stored = new MlflowRest(RealServices.mlflow()).get("runs/get", "run_id", run.runId()).toString();
            assertTrue(stored.contains("prune.sparsity"), stored);
            assertFalse(stored.contains(token), "no param or tag holds the token: " + stored);
        }
    }

    @Test
    void shouldQuoteATagValueWithTheQuoteItDoesNotContain() {
        assertEquals("tags.`compressweep.trial_id` = 'a-1'", MlflowTracker.tagEquals(TrackingTags.TRIAL_ID, "a-1"));
        assertEquals("tags.`compressweep.trial_id` = \"it's\"",
                MlflowTracker.tagEquals(TrackingTags.TRIAL_ID, "it's"));
    }
}
