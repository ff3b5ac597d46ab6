package dev.compressweep.orchestrator.cli;

import dev.compressweep.orchestrator.UserError;
import dev.compressweep.orchestrator.events.Topics;
import dev.compressweep.orchestrator.spark.SparkSettings;
import dev.compressweep.orchestrator.sweep.SweepFileParser;
import dev.compressweep.orchestrator.sweep.SweepSpec;
import dev.compressweep.orchestrator.tracking.DeadLetterReplay;
import dev.compressweep.orchestrator.tracking.MlflowSink;
import dev.compressweep.orchestrator.tracking.MlflowTracker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code compressweep sink replay SWEEP}: writes to MLflow the events the sweep's MLflow sink could not write (kept
 * on {@code <topic>.dead-letter}), once what stopped them is fixed; what fails again stays for the next replay.
 */
@Command(name = "sink", description = "The MLflow sink of sweeps: replay the events it could not write.")
final class SinkCommand {

    @Command(name = "replay", description = "Write to MLflow the events of a sweep that its MLflow sink could not"
            + " write (its dead-letter topic); models are uploaded from the sweep's results folder only.")
    int replay(
            @Parameters(paramLabel = "SWEEP", description = "the sweep's results folder, or its sweep file")
            Path sweep,
            @Option(names = "--out", paramLabel = "DIR", defaultValue = "runs",
                    description = "where sweep files' results live (default: ${DEFAULT-VALUE})")
            Path out,
            @Option(names = "--kafka", paramLabel = "HOST:PORT",
                    description = "Kafka bootstrap servers (default: $KAFKA_BOOTSTRAP_SERVERS, else the broker"
                            + " compressweep runs here)")
            String kafka,
            @Option(names = "--kafka-config", paramLabel = "FILE",
                    description = "Kafka client settings (security.protocol, sasl.*, ssl.*) as a properties file")
            Path kafkaConfig,
            @Option(names = "--mlflow", paramLabel = "URL",
                    description = "MLflow tracking URI (default: $MLFLOW_TRACKING_URI, else the server compressweep"
                            + " runs here); signs in with MLflow's MLFLOW_TRACKING_* variables")
            String mlflow) throws InterruptedException {
        KafkaSettingsOption.apply(kafkaConfig);
        Path dir = (Files.isDirectory(sweep) ? sweep : out.resolve(SweepFileParser.parse(sweep).id())).toAbsolutePath();
        if (!Files.isRegularFile(dir.resolve("sweep.yaml"))) {
            throw new UserError("no sweep results in " + dir + ": give the sweep's results folder, or its sweep file");
        }
        SweepSpec spec = SweepFileParser.parse(dir.resolve("sweep.yaml"));
        // No Spark runs here: local settings keep a broker compressweep starts on loopback, as for a local sweep.
        Endpoints endpoints = Endpoints.resolve(kafka, mlflow, SparkSettings.resolve(null, Map.of(), null, 1, 1));
        String topic = Topics.forSweep(spec.id());
        DeadLetterReplay.Result result;
        try (MlflowTracker tracker = new MlflowTracker(endpoints.mlflow())) {
            result = DeadLetterReplay.replay(endpoints.kafka(), topic, List.of(dir), MlflowSink.Retry.DEFAULT,
                    tracker);
        }
        MlflowSink.Stats stats = result.stats();
        System.out.println("sweep " + spec.id() + ": " + stats.written() + " events written to MLflow, "
                + stats.ignored() + " ignored (their attempt was replaced), " + result.notWritten().size()
                + " not written");
        result.notWritten().forEach(line -> System.out.println("  " + line));
        if (!result.notWritten().isEmpty()) {
            System.out.println("they stay on " + topic + ".dead-letter: fix the cause and run this command again");
            return Main.FAILURE;
        }
        return 0;
    }
}
