package dev.compressweep.deploy;

import java.time.Duration;
import java.util.Map;

/** Where chosen models are registered as versions of a named model (the MLflow model registry). */
public interface ModelRegistry extends AutoCloseable {

    /**
     * Registers the model of run {@code runId} as a version of {@code modelName}, creating the
     * registered model if needed. Registering the same run again returns its existing version.
     *
     * @param tags labels of the version (trial id, chain, ...)
     * @throws DeployException when the registry refuses or cannot be reached
     */
    RegisteredVersion register(String modelName, String runId, Map<String, String> tags);

    /** Releases connections, waiting at most {@code timeout}. */
    void close(Duration timeout);

    @Override
    default void close() {
        close(Duration.ofSeconds(10));
    }
}
