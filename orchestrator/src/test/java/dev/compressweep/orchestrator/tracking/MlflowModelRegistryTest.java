package dev.compressweep.orchestrator.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.compressweep.deploy.MlflowModelRegistry;
import dev.compressweep.deploy.RegisteredVersion;
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

/** The deploy module's registry adapter against a real MLflow server (the fixture lives here). */
class MlflowModelRegistryTest {

    @TempDir
    Path tmp;

    @Test
    void shouldRegisterAVersionLinkedToTheTrialRunOnlyOnce() throws IOException {
        String uri = RealServices.mlflow();
        String modelName = "registry-test-" + UUID.randomUUID().toString().substring(0, 8);
        TrackedRun first;
        TrackedRun second;
        try (MlflowTracker tracker = new MlflowTracker(uri)) {
            String experimentId = tracker.experimentId(modelName);
            TrackedRun sweep = tracker.sweepRun(experimentId, modelName, Instant.now());
            first = trialRun(tracker, experimentId, sweep, "t0");
            second = trialRun(tracker, experimentId, sweep, "t1");
        }

        try (MlflowModelRegistry registry = new MlflowModelRegistry(uri)) {
            RegisteredVersion version =
                    registry.register(modelName, first.runId(), Map.of("compressweep.trial_id", "t0"));
            RegisteredVersion again = registry.register(modelName, first.runId(), Map.of());
            RegisteredVersion next = registry.register(modelName, second.runId(), Map.of());

            assertEquals(1, version.version());
            assertEquals(version, again);
            assertEquals(2, next.version());
            assertEquals(first.artifactUri() + "/model", version.source());
        }

        MlflowRest rest = new MlflowRest(uri);
        assertEquals(modelName, rest.get("registered-models/get", "name", modelName)
                .path("registered_model").path("name").asText());
        JsonNode versions = rest.get("model-versions/search", "filter", "name='" + modelName + "'")
                .path("model_versions");
        assertEquals(2, versions.size());
        JsonNode v1 = rest.get("model-versions/get", "name", modelName, "version", "1").path("model_version");
        assertEquals(first.runId(), v1.path("run_id").asText());
        assertEquals(first.artifactUri() + "/model", v1.path("source").asText());
        assertEquals(uri + "/#/experiments/" + first.experimentId() + "/runs/" + first.runId(),
                v1.path("run_link").asText());
        assertEquals("t0", v1.path("tags").get(0).path("value").asText());
    }

    private TrackedRun trialRun(MlflowTracker tracker, String experimentId, TrackedRun sweep, String trialId)
            throws IOException {
        TrackedRun run = tracker.trialRun(experimentId, sweep.runId(),
                new TrialRunSpec(trialId + "-" + experimentId, trialId, Instant.now(), Map.of(), Map.of()));
        Path model = Files.writeString(tmp.resolve(trialId + ".onnx"), "weights of " + trialId);
        tracker.uploadArtifact(run, model, "model");
        return run;
    }
}
