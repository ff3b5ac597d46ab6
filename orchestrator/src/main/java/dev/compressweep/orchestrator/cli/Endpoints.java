package dev.compressweep.orchestrator.cli;

import dev.compressweep.orchestrator.UserError;
import dev.compressweep.orchestrator.services.EmbeddedServices;
import dev.compressweep.orchestrator.services.ProjectHome;
import dev.compressweep.orchestrator.services.Reachability;
import dev.compressweep.orchestrator.spark.SparkSettings;
import java.time.Duration;

/**
 * Where the sweep's Kafka broker and MLflow server are: given by the user (option, then environment
 * variable), checked to answer; or, when not given, the ones compressweep runs itself, started if
 * missing. Trials publish their progress to Kafka from wherever Spark runs them, so with executors on other
 * hosts the broker must listen on an address they reach: the embedded one listens on
 * {@link SparkSettings#serviceHost()}, and a given one on loopback is refused. Only this driver talks to
 * MLflow, so the embedded MLflow server stays on loopback.
 *
 * @param kafka Kafka bootstrap servers
 * @param mlflow MLflow tracking URI
 */
record Endpoints(String kafka, String mlflow) {

    private static final Duration REACH_TIMEOUT = Duration.ofSeconds(10);

    static Endpoints resolve(String kafkaOption, String mlflowOption, SparkSettings spark) {
        String kafka = firstGiven(kafkaOption, System.getenv("KAFKA_BOOTSTRAP_SERVERS"));
        String mlflow = firstGiven(mlflowOption, System.getenv("MLFLOW_TRACKING_URI"));
        if (kafka != null && spark.executorsElsewhere() && SparkSettings.allLoopback(kafka)) {
            throw new UserError("the Kafka broker " + kafka + " listens on loopback, which executors on other hosts"
                    + " of " + spark.master() + " cannot reach: give its address on the cluster's network");
        }
        if (kafka != null) {
            Reachability.requireKafka(kafka, REACH_TIMEOUT);
        }
        if (mlflow != null) {
            Reachability.requireMlflow(mlflow, REACH_TIMEOUT);
        }
        EmbeddedServices embedded = new EmbeddedServices(ProjectHome.current());
        return new Endpoints(kafka != null ? kafka : embedded.ensureKafka(spark.serviceHost()),
                mlflow != null ? mlflow : embedded.ensureMlflow());
    }

    private static String firstGiven(String option, String environment) {
        if (option != null && !option.isBlank()) {
            return option;
        }
        return environment == null || environment.isBlank() ? null : environment;
    }
}
