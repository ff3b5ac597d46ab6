package dev.compressweep.orchestrator.session;

import dev.compressweep.orchestrator.events.TopicSettings;
import dev.compressweep.orchestrator.spark.SparkSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where a sweep runs and what it does at the end.
 *
 * @param spark the Spark configuration (master, driver address, application jar)
 * @param schedulingPatience how long a trial may wait for cluster resources while nothing of the sweep runs
 * @param kafka Kafka bootstrap servers
 * @param mlflow MLflow tracking URI
 * @param out folder that receives one folder per sweep (the driver's store: no other node needs it)
 * @param modelName the registered model's name in the MLflow registry, or null for the sweep's name
 * @param deploy whether to export and register the best model
 * @param shipData whether the data set's folder is sent to the executors through Spark
 * @param topic how the sweep's event topic is created (and what an existing one must have)
 */
public record SessionOptions(SparkSettings spark, Duration schedulingPatience, String kafka, String mlflow, Path out,
        String modelName, boolean deploy, boolean shipData, TopicSettings topic) {
    public SessionOptions {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(spark, "spark");
        Objects.requireNonNull(schedulingPatience, "schedulingPatience");
        Objects.requireNonNull(kafka, "kafka");
        Objects.requireNonNull(mlflow, "mlflow");
        Objects.requireNonNull(out, "out");
    }
}
