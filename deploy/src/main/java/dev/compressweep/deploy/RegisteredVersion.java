package dev.compressweep.deploy;

import java.util.Objects;

/**
 * A model version in the model registry.
 *
 * @param name the registered model's name
 * @param version the version number, from 1
 * @param runId the run that produced the model
 * @param source where the version's files are, e.g. {@code mlflow-artifacts:/1/<run>/artifacts/model}
 * @param runLink a link to the run in the tracker's UI
 * @param alias the alias that names the version, e.g. {@value ModelRegistry#CHAMPION}
 */
public record RegisteredVersion(String name, int version, String runId, String source, String runLink,
        String alias) {

    public RegisteredVersion {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(alias, "alias");
        if (version < 1) {
            throw new IllegalArgumentException("a model version must be >= 1, but got " + version + " for " + name);
        }
    }
}
