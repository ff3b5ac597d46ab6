package dev.compressweep.deploy;

import java.time.Duration;
import java.util.Map;

/**
 * Where chosen models are registered as versions of a named model (the MLflow model registry). The version
 * a sweep deploys carries the alias {@value #CHAMPION}, so that {@code models:/<name>@champion} names it.
 */
public interface ModelRegistry extends AutoCloseable {

    /** The alias of the deployed version. */
    String CHAMPION = "champion";

    /**
     * Registers the model of run {@code runId} as a version of {@code modelName}, creating the
     * registered model if needed; registering the same run again returns its existing version. Then points
     * the alias {@value #CHAMPION} at that version and sets its description.
     *
     * @param tags labels of a new version (trial id, chain, ...)
     * @param description the version's description, e.g. its model card in Markdown
     * @return the version, with its alias
     * @throws DeployException when the registry refuses or cannot be reached
     */
    RegisteredVersion register(String modelName, String runId, Map<String, String> tags, String description);

    /** Releases connections, waiting at most {@code timeout}. */
    void close(Duration timeout);

    @Override
    default void close() {
        close(Duration.ofSeconds(10));
    }
}
