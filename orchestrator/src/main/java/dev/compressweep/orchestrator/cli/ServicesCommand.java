package dev.compressweep.orchestrator.cli;

import dev.compressweep.orchestrator.services.EmbeddedServices;
import dev.compressweep.orchestrator.services.LocalPorts;
import dev.compressweep.orchestrator.services.ProjectHome;
import dev.compressweep.orchestrator.services.ServiceRecord;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code compressweep services start|status|stop}: the Kafka broker and MLflow server it runs itself. */
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
            case status -> print(services.running(), "running", "no services running");
            case stop -> print(services.stopAll(Duration.ofSeconds(20)), "stopped", "no services were running");
        }
        return 0;
    }

    private static void print(List<ServiceRecord> records, String verb, String none) {
        if (records.isEmpty()) {
            System.out.println(none);
        }
        records.forEach(r -> System.out.println(verb + " " + r.name() + " (pid " + r.pid() + ") at " + r.address()));
    }
}
