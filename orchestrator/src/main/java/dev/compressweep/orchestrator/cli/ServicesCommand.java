package dev.compressweep.orchestrator.cli;

import dev.compressweep.orchestrator.services.EmbeddedServices;
import dev.compressweep.orchestrator.services.LocalPorts;
import dev.compressweep.orchestrator.services.ProjectHome;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code compressweep services start|status|stop}: the Kafka broker and MLflow server it runs itself, found by
 * their folders. {@code status} prints one line per service with its state (running, stopped, stale, unhealthy,
 * foreign); {@code stop} one line per service saying what it did.
 */
@Command(name = "services", description = "Start, list or stop the Kafka broker and MLflow server that"
        + " compressweep runs on 127.0.0.1 when no --kafka / --mlflow is given.")
final class ServicesCommand implements Callable<Integer> {

    /** What to do with the services. */
    enum Action { start, status, stop }

    @Parameters(paramLabel = "ACTION", description = "one of: ${COMPLETION-CANDIDATES}")
    private Action action;

    @Override
    public Integer call() {
        EmbeddedServices services = new EmbeddedServices(ProjectHome.current());
        switch (action) {
            case start -> {
                System.out.println("kafka  " + services.ensureKafka(LocalPorts.HOST));
                System.out.println("mlflow " + services.ensureMlflow());
            }
            case status -> services.status().forEach(s -> System.out.println(s.describe()));
            case stop -> services.stopAll(Duration.ofSeconds(20)).forEach(s -> System.out.println(s.describeStop()));
        }
        return 0;
    }
}
