package dev.compressweep.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.mlflow.api.proto.ModelRegistry.ModelVersion;
import org.mlflow.api.proto.Service.RunInfo;
import org.mlflow.tracking.MlflowClient;
import org.mlflow.tracking.creds.MlflowHostCredsProvider;
import org.mlflow.tracking.MlflowClientException;
import org.mlflow.tracking.MlflowHttpException;

/**
 * {@link ModelRegistry} over the MLflow model registry. The version's source is the run's
 * {@value #MODEL_DIR} artifact folder (where the MLflow sink uploads a trial's model; an
 * {@link dev.compressweep.deploy.mlmodel.MlflowModelFolder} there makes the version servable), with a link to
 * the run; the alias and the description are set through the registry's REST calls
 * ({@code registered-models/alias}, {@code model-versions/update}). The Java client has no write calls for
 * the registry, so they go through {@link MlflowClient#sendPost} and {@link MlflowClient#sendPatch}. Owns its
 * HTTP connections; not thread-safe.
 */
public final class MlflowModelRegistry implements ModelRegistry {

    /** The run's artifact folder that holds the model. */
    public static final String MODEL_DIR = "model";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String trackingUri;
    private final MlflowClient client;

    /** Connects to the tracking server at {@code trackingUri}, e.g. {@code http://127.0.0.1:5055}, anonymously. */
    public MlflowModelRegistry(String trackingUri) {
        this.trackingUri = trackingUri.replaceAll("/+$", "");
        this.client = new MlflowClient(this.trackingUri);
    }

    /** Connects to the tracking server {@code credentials} name, signing in with them. */
    public MlflowModelRegistry(MlflowHostCredsProvider credentials) {
        this.trackingUri = credentials.getHostCreds().getHost().replaceAll("/+$", "");
        this.client = new MlflowClient(credentials);
    }

    @Override
    public RegisteredVersion register(String modelName, String runId, Map<String, String> tags, String description) {
        Objects.requireNonNull(description, "description");
        if (modelName.contains("'")) {
            throw new IllegalArgumentException("a registered model's name must not contain ', but got " + modelName);
        }
        RegisteredVersion version = existingVersion(modelName, runId)
                .orElseGet(() -> createVersion(modelName, runId, tags));
        String number = Integer.toString(version.version());
        String alias = MAPPER.createObjectNode()
                .put("name", modelName).put("alias", CHAMPION).put("version", number).toString();
        call("point the alias " + CHAMPION + " of '" + modelName + "' at version " + number,
                () -> client.sendPost("registered-models/alias", alias));
        String update = MAPPER.createObjectNode()
                .put("name", modelName).put("version", number).put("description", description).toString();
        call("describe version " + number + " of '" + modelName + "'",
                () -> client.sendPatch("model-versions/update", update));
        return version;
    }

    private Optional<RegisteredVersion> existingVersion(String modelName, String runId) {
        return call("search versions of '" + modelName + "'",
                () -> client.searchModelVersions("name='" + modelName + "' and run_id='" + runId + "'").getItems())
                .stream()
                .min(Comparator.comparingInt((ModelVersion v) -> Integer.parseInt(v.getVersion())))
                .map(v -> new RegisteredVersion(v.getName(), Integer.parseInt(v.getVersion()), v.getRunId(),
                        v.getSource(), v.getRunLink(), CHAMPION));
    }

    private RegisteredVersion createVersion(String modelName, String runId, Map<String, String> tags) {
        RunInfo run = call("read run " + runId, () -> client.getRun(runId)).getInfo();
        createRegisteredModel(modelName);
        String source = run.getArtifactUri() + "/" + MODEL_DIR;
        String runLink = trackingUri + "/#/experiments/" + run.getExperimentId() + "/runs/" + runId;
        ObjectNode request = MAPPER.createObjectNode()
                .put("name", modelName).put("source", source).put("run_id", runId).put("run_link", runLink);
        ArrayNode tagArray = request.putArray("tags");
        tags.forEach((key, value) -> tagArray.addObject().put("key", key).put("value", value));
        String response = call("create a version of '" + modelName + "'",
                () -> client.sendPost("model-versions/create", request.toString()));
        return new RegisteredVersion(modelName, version(response), runId, source, runLink, CHAMPION);
    }

    @Override
    public void close(Duration timeout) {
        client.close();
    }

    /** Creates the registered model unless it exists; one created meanwhile by someone else is fine. */
    private void createRegisteredModel(String modelName) {
        String filter = URLEncoder.encode("name='" + modelName + "'", StandardCharsets.UTF_8);
        String found = call("search registered model '" + modelName + "'",
                () -> client.sendGet("registered-models/search?max_results=1&filter=" + filter));
        if (readJson(found, "registered-models/search").path("registered_models").size() > 0) {
            return;
        }
        String request = MAPPER.createObjectNode().put("name", modelName).toString();
        try {
            client.sendPost("registered-models/create", request);
        } catch (MlflowHttpException e) {
            String body = e.getBodyMessage() == null ? "" : e.getBodyMessage();
            if (!body.contains("RESOURCE_ALREADY_EXISTS")) {
                throw failure("create the registered model '" + modelName + "'", e);
            }
        } catch (MlflowClientException e) {
            throw failure("create the registered model '" + modelName + "'", e);
        }
    }

    private static int version(String response) {
        JsonNode version = readJson(response, "model-versions/create").path("model_version").path("version");
        try {
            return Integer.parseInt(version.asText());
        } catch (NumberFormatException e) {
            throw new DeployException("MLflow's answer to model-versions/create lacks a model_version.version: "
                    + response, e);
        }
    }

    private static JsonNode readJson(String response, String call) {
        try {
            return MAPPER.readTree(response);
        } catch (JsonProcessingException e) {
            throw new DeployException("cannot read MLflow's answer to " + call + ": " + response, e);
        }
    }

    private <T> T call(String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (MlflowClientException e) {
            throw failure(what, e);
        }
    }

    private DeployException failure(String what, MlflowClientException e) {
        String detail = e instanceof MlflowHttpException http
                ? "HTTP " + http.getStatusCode() + " " + http.getBodyMessage()
                : String.valueOf(e.getCause() == null ? e.getMessage() : e.getCause());
        return new DeployException("MLflow at " + trackingUri + " failed to " + what + ": " + detail, e);
    }
}
