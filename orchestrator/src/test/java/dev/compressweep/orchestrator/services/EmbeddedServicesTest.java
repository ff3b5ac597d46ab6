package dev.compressweep.orchestrator.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.compressweep.orchestrator.services.ServiceStatus.State;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedServicesTest {

    @TempDir
    Path tmp;

    private EmbeddedServices services;

    @AfterEach
    void stopWhatWasStarted() {
        if (services != null) {
            services.stopAll(Duration.ofSeconds(20));
        }
    }

    @Test
    void shouldStartDetachedServicesOnceReuseThemAndStopThemAll() throws IOException {
        ProjectHome home = BorrowedHome.in(tmp);
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName(LocalPorts.HOST))) {
            int takenPort = taken.getLocalPort();
            services = new EmbeddedServices(home,
                    new EmbeddedServices.Ports(takenPort, LocalPorts.free(), LocalPorts.free()));

            String kafka = services.ensureKafka(LocalPorts.HOST);
            String mlflow = services.ensureMlflow();

            assertNotEquals("127.0.0.1:" + takenPort, kafka, "a taken port must be replaced by a free one");
            assertTrue(Files.isRegularFile(home.services().resolve("kafka.json")));
            assertTrue(Files.isRegularFile(home.services().resolve("mlflow.json")));
        }
        EmbeddedServices later = new EmbeddedServices(home);
        long start = System.nanoTime();
        String kafka = later.ensureKafka(LocalPorts.HOST);
        String mlflow = later.ensureMlflow();
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos(),
                "live services are reused, not restarted");
        Reachability.requireKafka(kafka, Duration.ofSeconds(10));
        Reachability.requireMlflow(mlflow, Duration.ofSeconds(10));
        List<ProcessHandle> tree = later.running().stream()
                .flatMap(r -> ProcessHandle.of(r.pid()).stream())
                .flatMap(h -> Stream.concat(Stream.of(h), h.descendants()))
                .toList();

        List<ServiceStatus> stopped = later.stopAll(Duration.ofSeconds(20));

        assertEquals(List.of("mlflow", "kafka"), stopped.stream().map(ServiceStatus::name).toList());
        assertEquals(List.of(State.RUNNING, State.RUNNING), stopped.stream().map(ServiceStatus::state).toList());
        assertTrue(tree.size() >= 3, "the broker, the MLflow command and gunicorn, but got " + tree);
        assertTrue(tree.stream().noneMatch(ProcessHandle::isAlive), "no process of the services may survive");
        assertFalse(Files.exists(home.services().resolve("kafka.json")));
        assertEquals(List.of(State.STOPPED, State.STOPPED),
                later.status().stream().map(ServiceStatus::state).toList());
    }

    @Test
    void shouldTellTheUserToRunTheSetupScriptWhenPrerequisitesAreMissing() {
        EmbeddedServices bare = new EmbeddedServices(new ProjectHome(tmp));

        ServiceException kafka = assertThrows(ServiceException.class, () -> bare.ensureKafka(LocalPorts.HOST));
        ServiceException mlflow = assertThrows(ServiceException.class, bare::ensureMlflow);

        assertEquals("the Kafka broker jars are not installed (" + tmp.resolve(".local/kafka/lib")
                + " lacks kafka_2.13-*.jar): run scripts/setup.sh", kafka.getMessage());
        assertEquals("MLflow is not installed (" + tmp.resolve(".local/venv/bin/mlflow")
                + " is missing): run scripts/setup.sh", mlflow.getMessage());
    }
}
