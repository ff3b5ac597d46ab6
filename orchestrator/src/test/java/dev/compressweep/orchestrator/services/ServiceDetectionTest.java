package dev.compressweep.orchestrator.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.compressweep.orchestrator.services.ServiceStatus.State;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How services are told apart by folder, record and address, with stand-in processes instead of services. */
class ServiceDetectionTest {

    private static final Duration GRACE = Duration.ofSeconds(5);

    @TempDir
    Path tmp;

    private ProjectHome home;
    private Path kafkaDir;
    private Path mlflowDir;

    @BeforeEach
    void borrowTheRealPrerequisites() throws IOException {
        home = BorrowedHome.in(tmp);
        kafkaDir = home.services().resolve("kafka");
        mlflowDir = home.services().resolve("mlflow");
    }

    @Test
    void shouldSayARecordIsStaleWhenItsProcessHasExitedAndRemoveItOnStop() throws Exception {
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        record("kafka", finished.pid(), null, "127.0.0.1:" + LocalPorts.free());
        EmbeddedServices services = new EmbeddedServices(home);

        ServiceStatus kafka = services.status().get(0);
        List<ServiceStatus> stopped = services.stopAll(GRACE);

        assertEquals(new ServiceStatus("kafka", State.STALE, finished.pid(), kafka.address(), kafkaDir), kafka);
        assertEquals("kafka  stale     the record names pid " + finished.pid() + ", which has exited or is another"
                + " program now; nothing uses " + kafkaDir, kafka.describe());
        assertEquals(List.of("mlflow was not running",
                "removed the stale record of kafka (pid " + finished.pid() + " no longer runs it)"),
                stopped.stream().map(ServiceStatus::describeStop).toList());
        assertFalse(Files.exists(home.services().resolve("kafka.json")));
        assertEquals(State.STOPPED, services.status().get(0).state());
    }

    @Test
    void shouldSayARecordIsStaleWhenItsPidBelongsToAnotherProgramAndLeaveThatProgramAlone() throws IOException {
        try (ChildProcess other = ChildProcess.sleeping()) {
            record("mlflow", other.pid(), other.startedAt(), "http://127.0.0.1:" + LocalPorts.free());
            EmbeddedServices services = new EmbeddedServices(home);

            ServiceStatus mlflow = services.status().get(1);
            services.stopAll(GRACE);

            assertEquals(State.STALE, mlflow.state());
            assertEquals(other.pid(), mlflow.pid());
            assertTrue(other.isAlive(), "a program that only shares the recorded pid must not be stopped");
        }
    }

    @Test
    void shouldSayTheServiceIsForeignWhenAnotherProgramAnswersOnTheRecordedPort() throws Exception {
        try (ServerSocket other = new ServerSocket(0, 10, InetAddress.getByName(LocalPorts.HOST))) {
            String address = "127.0.0.1:" + other.getLocalPort();
            Process finished = new ProcessBuilder("true").start();
            finished.waitFor();
            record("kafka", finished.pid(), null, address);
            EmbeddedServices services = new EmbeddedServices(home);

            ServiceStatus kafka = services.status().get(0);
            List<ServiceStatus> stopped = services.stopAll(GRACE);

            assertEquals("kafka  foreign   " + address + " is taken by another program; the record names pid "
                    + finished.pid() + ", which has exited or is another program now, and nothing uses " + kafkaDir,
                    kafka.describe());
            assertEquals("removed the stale record of kafka (pid " + finished.pid() + " no longer runs it); left the"
                    + " other program on " + address + " alone", stopped.get(1).describeStop());
        }
    }

    @Test
    void shouldFindAProcessHoldingAFolderWithoutARecordRefuseToStartBesideItAndStopIt() throws IOException {
        int mlflowPort = LocalPorts.free();
        Files.createDirectories(mlflowDir);
        Files.writeString(MlflowServer.lockFileIn(mlflowDir), "http://127.0.0.1:" + mlflowPort);
        try (ChildProcess broker = ChildProcess.holdingLock(KafkaBroker.lockFileIn(kafkaDir));
                ChildProcess server = ChildProcess.holdingLock(MlflowServer.lockFileIn(mlflowDir))) {
            EmbeddedServices services = new EmbeddedServices(home);

            List<String> status = services.status().stream().map(ServiceStatus::describe).toList();
            ServiceException kafka = assertThrows(ServiceException.class, () -> services.ensureKafka(LocalPorts.HOST));
            ServiceException mlflow = assertThrows(ServiceException.class, services::ensureMlflow);
            List<String> stopped = services.stopAll(GRACE).stream().map(ServiceStatus::describeStop).toList();

            assertEquals(List.of(
                    "kafka  unhealthy pid " + broker.pid() + " uses " + kafkaDir + " but nothing says where it listens",
                    "mlflow unhealthy pid " + server.pid() + " uses " + mlflowDir
                            + " but does not answer at http://127.0.0.1:" + mlflowPort), status);
            assertEquals("cannot start the kafka service: pid " + broker.pid() + " uses " + kafkaDir
                    + " but nothing says where it listens; stop it with 'compressweep services stop' and try again",
                    kafka.getMessage());
            assertEquals("cannot start the mlflow service: pid " + server.pid() + " uses " + mlflowDir
                    + " but does not answer at http://127.0.0.1:" + mlflowPort
                    + "; stop it with 'compressweep services stop' and try again", mlflow.getMessage());
            assertEquals(List.of("stopped mlflow (pid " + server.pid() + ", data in " + mlflowDir + ")",
                    "stopped kafka (pid " + broker.pid() + ", data in " + kafkaDir + ")"), stopped);
            assertFalse(broker.isAlive() || server.isAlive(), "both processes found by their folders are stopped");
        }
    }

    @Test
    void shouldRecogniseAServiceStartedBeforeFoldersWereLockedByItsRecordAndCommandLine() throws IOException {
        try (ServerSocket port = new ServerSocket(0, 10, InetAddress.getByName(LocalPorts.HOST));
                ChildProcess legacy = ChildProcess.sleeping(kafkaDir.resolve("server.properties").toString())) {
            String address = "127.0.0.1:" + port.getLocalPort();
            record("kafka", legacy.pid(), legacy.startedAt(), address);
            EmbeddedServices services = new EmbeddedServices(home);

            ServiceStatus kafka = services.status().get(0);
            String reused = services.ensureKafka(LocalPorts.HOST);

            assertEquals(new ServiceStatus("kafka", State.RUNNING, legacy.pid(), address, kafkaDir), kafka);
            assertEquals(address, reused, "the running service is reused, not doubled");
            assertTrue(legacy.isAlive());
        }
    }

    private void record(String name, long pid, Instant startedAt, String address) {
        new ServiceRecord(name, pid, startedAt, address, tmp.resolve(name + ".log"))
                .write(home.services().resolve(name + ".json"));
    }
}
