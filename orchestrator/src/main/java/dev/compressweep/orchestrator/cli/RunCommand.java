package dev.compressweep.orchestrator.cli;

import dev.compressweep.orchestrator.session.SessionOptions;
import dev.compressweep.orchestrator.session.SweepSession;
import dev.compressweep.orchestrator.sweep.SweepFileParser;
import dev.compressweep.orchestrator.sweep.SweepSpec;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code compressweep run FILE}: runs (or resumes) a sweep and deploys its best model. */
@Command(name = "run", description = "Run a sweep (or resume it: finished trials are not run again).")
final class RunCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "the sweep file (YAML)")
    private Path file;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: local[parallelism])")
    private String master;

    @Option(names = "--kafka", paramLabel = "HOST:PORT",
            description = "Kafka bootstrap servers (default: $KAFKA_BOOTSTRAP_SERVERS, else a broker started here)")
    private String kafka;

    @Option(names = "--mlflow", paramLabel = "URL",
            description = "MLflow tracking URI (default: $MLFLOW_TRACKING_URI, else a server started here)")
    private String mlflow;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "runs",
            description = "folder for the sweep's results (default: ${DEFAULT-VALUE})")
    private Path out;

    @Option(names = "--model-name", paramLabel = "NAME", description = "registered model name (default: sweep name)")
    private String modelName;

    @Option(names = "--no-deploy", description = "do not export and register the best model")
    private boolean noDeploy;

    @Override
    public Integer call() {
        SweepSpec spec = SweepFileParser.parse(file);
        SweepSession.requireData(spec.dataset());
        Endpoints endpoints = Endpoints.resolve(kafka, mlflow);
        SessionOptions options = new SessionOptions(master, endpoints.kafka(), endpoints.mlflow(),
                out.toAbsolutePath(), modelName, !noDeploy);
        new SweepSession(spec, options, System.out).run(new ProgressView(spec, System.out));
        return 0;
    }
}
