package dev.compressweep.orchestrator.cli;

import dev.compressweep.orchestrator.services.EmbeddedServices;
import dev.compressweep.orchestrator.services.ProjectHome;
import dev.compressweep.orchestrator.services.Reachability;
import java.time.Duration;

/**
 * Where the sweep's Kafka broker and MLflow server are: given by the user (option, then environment
 * variable), checked to answer; or, when not given, the ones compressweep runs itself, started if
 * missing.
 *
 * @param kafka Kafka bootstrap servers
 * @param mlflow MLflow tracking URI
 */
record Endpoints(String kafka, String mlflow) {

    private static final Duration REACH_TIMEOUT = Duration.ofSeconds(10);

    static Endpoints resolve(String kafkaOption, String mlflowOption) {
        String kafka = firstGiven(kafkaOption, System.getenv("KAFKA_BOOTSTRAP_SERVERS"));
        String mlflow = firstGiven(mlflowOption, System.getenv("MLFLOW_TRACKING_URI"));
        if (kafka != null) {
            Reachability.requireKafka(kafka, REACH_TIMEOUT);
        }
        if (mlflow != null) {
            Reachability.requireMlflow(mlflow, REACH_TIMEOUT);
        }
        EmbeddedServices embedded = new EmbeddedServices(ProjectHome.current());
        return new Endpoints(kafka != null ? kafka : embedded.ensureKafka(),
                mlflow != null ? mlflow : embedded.ensureMlflow());
    }

    private static String firstGiven(String option, String environment) {
        if (option != null && !option.isBlank()) {
            return option;
        }
        return environment == null || environment.isBlank() ? null : environment;
    }
}
