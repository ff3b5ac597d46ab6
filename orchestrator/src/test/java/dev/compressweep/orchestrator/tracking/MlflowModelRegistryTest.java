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
                    registry.register(modelName, first.runId(), Map.of("compressweep.trial_id", "t0"), "");
            RegisteredVersion again = registry.register(modelName, first.runId(), Map.of(), "");
            RegisteredVersion next = registry.register(modelName, second.runId(), Map.of(), "");

            assertEquals(1, version.version());
            assertEquals(version, again);
            assertEquals(2, next.version());
            assertEquals(first.artifactUri() + "/model", version.source());
            assertEquals("champion", next.alias());
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

    @Test
    void shouldPointTheChampionAliasAtTheLastRegisteredRunAndDescribeItsVersion() {
        String uri = RealServices.mlflow();
        String modelName = "champion-test-" + UUID.randomUUID().toString().substring(0, 8);
        TrackedRun first;
        TrackedRun second;
        try (MlflowTracker tracker = new MlflowTracker(uri)) {
            String experimentId = tracker.experimentId(modelName);
            TrackedRun sweep = tracker.sweepRun(experimentId, modelName, Instant.now());
            first = tracker.trialRun(experimentId, sweep.runId(),
                    new TrialRunSpec("t0-" + experimentId, 1, "t0", Instant.now(), Map.of(), Map.of()));
            second = tracker.trialRun(experimentId, sweep.runId(),
                    new TrialRunSpec("t1-" + experimentId, 1, "t1", Instant.now(), Map.of(), Map.of()));
        }
        MlflowRest rest = new MlflowRest(uri);

        try (MlflowModelRegistry registry = new MlflowModelRegistry(uri)) {
            registry.register(modelName, first.runId(), Map.of(), "# card of t0");
            assertEquals("1", champion(rest, modelName).path("version").asText());

            registry.register(modelName, second.runId(), Map.of(), "# card of t1");
            assertEquals("2", champion(rest, modelName).path("version").asText());

            RegisteredVersion rerun = registry.register(modelName, first.runId(), Map.of(), "# card of t0, again");
            assertEquals(1, rerun.version());
            assertEquals("champion", rerun.alias());
        }

        JsonNode champion = champion(rest, modelName);
        assertEquals("1", champion.path("version").asText(), "the sweep run again deploys its version again");
        assertEquals("# card of t0, again", champion.path("description").asText());
        assertEquals("# card of t1", rest.get("model-versions/get", "name", modelName, "version", "2")
                .path("model_version").path("description").asText());
        assertEquals(2, rest.get("model-versions/search", "filter", "name='" + modelName + "'")
                .path("model_versions").size(), "registering a run again creates no version");
    }

    /** The version the alias champion names. */
    private static JsonNode champion(MlflowRest rest, String modelName) {
        return rest.get("registered-models/alias", "name", modelName, "alias", "champion").path("model_version");
    }

    private TrackedRun trialRun(MlflowTracker tracker, String experimentId, TrackedRun sweep, String trialId)
            throws IOException {
        TrackedRun run = tracker.trialRun(experimentId, sweep.runId(),
                new TrialRunSpec(trialId + "-" + experimentId, 1, trialId, Instant.now(), Map.of(), Map.of()));
        Path model = Files.writeString(tmp.resolve(trialId + ".onnx"), "weights of " + trialId);
        tracker.uploadArtifact(run, model, "model");
        return run;
    }
}
