package dev.compressweep.orchestrator.cli;

import dev.compressweep.orchestrator.UserError;
import dev.compressweep.orchestrator.events.TopicSettings;
import dev.compressweep.orchestrator.session.SessionOptions;
import dev.compressweep.orchestrator.session.SweepCheck;
import dev.compressweep.orchestrator.session.SweepSession;
import dev.compressweep.orchestrator.spark.SparkSettings;
import dev.compressweep.orchestrator.sweep.SweepFileParser;
import dev.compressweep.orchestrator.sweep.SweepSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code compressweep run FILE}: runs (or resumes) a sweep and deploys its best model. */
@Command(name = "run", description = "Run a sweep (or resume it: finished trials are not run again).")
final class RunCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "the sweep file (YAML)")
    private Path file;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master (default: spark.master from spark-submit or --conf, else"
                    + " local[2 x parallelism x threads_per_trial]: a trial running and one queued per slot)")
    private String master;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "a Spark setting, as spark-submit's --conf")
    private Map<String, String> sparkConf = new LinkedHashMap<>();

    @Option(names = "--advertise", paramLabel = "HOST",
            description = "this machine's address on a cluster's network: the driver and the embedded Kafka broker"
                    + " listen there (default: spark.driver.host, else this host's address)")
    private String advertise;

    @Option(names = "--schedule-timeout", paramLabel = "SECONDS", defaultValue = "120",
            description = "fail when a trial waits this long for cluster resources while none runs"
                    + " (default: ${DEFAULT-VALUE})")
    private long scheduleTimeout;

    @Option(names = "--kafka", paramLabel = "HOST:PORT",
            description = "Kafka bootstrap servers (default: $KAFKA_BOOTSTRAP_SERVERS, else a broker started here)")
    private String kafka;

    @Option(names = "--kafka-config", paramLabel = "FILE",
            description = "Kafka client settings every client of the sweep uses (security.protocol, sasl.*, ssl.*),"
                    + " as a properties file; they reach the trial JVMs through Spark, never in a file or a log")
    private Path kafkaConfig;

    @Option(names = "--mlflow", paramLabel = "URL",
            description = "MLflow tracking URI (default: $MLFLOW_TRACKING_URI, else a server started here)")
    private String mlflow;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "runs",
            description = "folder for the sweep's results (default: ${DEFAULT-VALUE})")
    private Path out;

    @Option(names = "--model-name", paramLabel = "NAME", description = "registered model name (default: sweep name)")
    private String modelName;

    @Option(names = "--ship-data",
            description = "send the data set's folder to every executor through Spark (for nodes without the data)")
    private boolean shipData;

    @Option(names = "--no-deploy", description = "do not export and register the best model")
    private boolean noDeploy;

    @Option(names = "--topic-partitions", paramLabel = "N", defaultValue = "1",
            description = "partitions of the sweep's event topic (default: ${DEFAULT-VALUE})")
    private int topicPartitions;

    @Option(names = "--topic-replication", paramLabel = "N", defaultValue = "1",
            description = "replication factor of the sweep's event topic (default: ${DEFAULT-VALUE})")
    private short topicReplication;

    @Option(names = "--topic-retention-ms", paramLabel = "MS", defaultValue = "-1",
            description = "how long the broker keeps the sweep's events, the state a resume reads (default: for ever)")
    private long topicRetentionMs;

    @Override
    public Integer call() {
        SweepSpec spec = SweepFileParser.parse(file);
        SweepCheck.require(spec, System.out);
        KafkaSettingsOption.apply(kafkaConfig);
        SparkSettings spark = SparkSettings.resolve(master, sparkConf, advertise, spec.search().parallelism(),
                spec.search().threadsPerTrial());
        Endpoints endpoints = Endpoints.resolve(kafka, mlflow, spark);
        SessionOptions options = new SessionOptions(spark, Duration.ofSeconds(scheduleTimeout), endpoints.kafka(),
                endpoints.mlflow(), out.toAbsolutePath(), modelName, !noDeploy, shipData, topicSettings());
        new SweepSession(spec, options, System.out).run(new ProgressView(spec, System.out));
        return 0;
    }

    private TopicSettings topicSettings() {
        try {
            return new TopicSettings(topicPartitions, topicReplication, topicRetentionMs);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), e);
        }
    }
}
