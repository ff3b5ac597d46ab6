package dev.compressweep.orchestrator.session;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a sweep runs and what it does at the end.
 *
 * @param master Spark master URL, or null for {@code local[parallelism]}
 * @param kafka Kafka bootstrap servers
 * @param mlflow MLflow tracking URI
 * @param out folder that receives one folder per sweep
 * @param modelName the registered model's name in the MLflow registry, or null for the sweep's name
 * @param deploy whether to export and register the best model
 */
public record SessionOptions(String master, String kafka, String mlflow, Path out, String modelName, boolean deploy) {
    public SessionOptions {
        Objects.requireNonNull(kafka, "kafka");
        Objects.requireNonNull(mlflow, "mlflow");
        Objects.requireNonNull(out, "out");
    }
}
