package dev.compressweep.orchestrator.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.compressweep.orchestrator.services.ServiceStatus.State;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real broker and a real MLflow server are found by their folders, never doubled, and stopped when found. */
class SingleInstanceTest {

    private static final Duration GRACE = Duration.ofSeconds(20);

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

    @AfterEach
    void stopWhatWasStarted() {
        new EmbeddedServices(home).stopAll(GRACE);
    }

    @Test
    void shouldReportAStaleRecordThenStartExactlyOneBroker() throws Exception {
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        new ServiceRecord("kafka", finished.pid(), null, "127.0.0.1:" + LocalPorts.free(), tmp.resolve("kafka.log"))
                .write(home.services().resolve("kafka.json"));
        EmbeddedServices services = new EmbeddedServices(home);

        State before = services.status().get(0).state();
        String kafka = services.ensureKafka(LocalPorts.HOST);
        ServiceStatus after = services.status().get(0);

        assertEquals(State.STALE, before);
        assertEquals(new ServiceStatus("kafka", State.RUNNING, after.pid(), kafka, kafkaDir), after);
        assertEquals(OptionalLong.of(after.pid()), FolderLock.holder(KafkaBroker.lockFileIn(kafkaDir)));
        assertEquals(List.of(after.pid()), processesUsing(kafkaDir), "exactly one broker");
        assertEquals(kafka, services.ensureKafka(LocalPorts.HOST));
        assertEquals(List.of(after.pid()), processesUsing(kafkaDir), "still exactly one broker");
    }

    @Test
    void shouldFindALiveBrokerByItsFolderAndReuseItWhenItsRecordIsDeleted() throws IOException {
        String kafka = new EmbeddedServices(home).ensureKafka(LocalPorts.HOST);
        long pid = new EmbeddedServices(home).status().get(0).pid();
        Files.delete(home.services().resolve("kafka.json"));
        EmbeddedServices later = new EmbeddedServices(home);

        ServiceStatus found = later.status().get(0);
        String reused = later.ensureKafka(LocalPorts.HOST);

        assertEquals(new ServiceStatus("kafka", State.RUNNING, pid, kafka, kafkaDir), found);
        assertEquals(kafka, reused);
        assertEquals(List.of(pid), processesUsing(kafkaDir), "the broker is reused, not doubled");
        assertEquals(pid, ServiceRecord.read(home.services().resolve("kafka.json")).orElseThrow().pid(),
                "the record names the broker found by its folder again");
    }

    @Test
    void shouldRefuseToStartASecondBrokerOnTheFolderOfARunningOne() throws IOException {
        String kafka = new EmbeddedServices(home).ensureKafka(LocalPorts.HOST);
        long pid = new EmbeddedServices(home).status().get(0).pid();
        String config = Files.readString(kafkaDir.resolve("server.properties"));

        ServiceException e = assertThrows(ServiceException.class, () -> KafkaBroker.start(home.requireKafkaLib(),
                kafkaDir, LocalPorts.HOST, LocalPorts.free(), LocalPorts.free(), true));

        assertEquals("cannot start the Kafka broker: pid " + pid + " already uses its folder " + kafkaDir,
                e.getMessage());
        assertEquals(config, Files.readString(kafkaDir.resolve("server.properties")), "the folder is left as it was");
        assertEquals(List.of(pid), processesUsing(kafkaDir));
        Reachability.requireKafka(kafka, Duration.ofSeconds(10));
    }

    @Test
    void shouldStopABrokerFoundOnlyByItsFolder() throws IOException {
        new EmbeddedServices(home).ensureKafka(LocalPorts.HOST);
        long pid = new EmbeddedServices(home).status().get(0).pid();
        Files.delete(home.services().resolve("kafka.json"));

        List<ServiceStatus> stopped = new EmbeddedServices(home).stopAll(GRACE);

        assertEquals("stopped kafka (pid " + pid + ", data in " + kafkaDir + ")", stopped.get(1).describeStop());
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the broker is stopped");
        assertEquals(State.STOPPED, new EmbeddedServices(home).status().get(0).state());
    }

    @Test
    void shouldFindALiveMlflowServerByItsFolderAndNeverStartASecondOnIt() throws IOException {
        String uri = new EmbeddedServices(home).ensureMlflow();
        long pid = new EmbeddedServices(home).status().get(1).pid();
        Files.delete(home.services().resolve("mlflow.json"));
        EmbeddedServices later = new EmbeddedServices(home);

        ServiceStatus found = later.status().get(1);
        String reused = later.ensureMlflow();
        ServiceException e = assertThrows(ServiceException.class,
                () -> MlflowServer.start(home.requireMlflowCommand(), mlflowDir, LocalPorts.free(), true));

        assertEquals(new ServiceStatus("mlflow", State.RUNNING, pid, uri, mlflowDir), found);
        assertEquals(uri, reused);
        assertEquals("cannot start the MLflow server: pid " + pid + " already uses its folder " + mlflowDir,
                e.getMessage());
        assertEquals(OptionalLong.of(pid), FolderLock.holder(MlflowServer.lockFileIn(mlflowDir)));
        assertTrue(MlflowServer.isHealthy(uri, Duration.ofSeconds(5)));
    }

    /** The live processes whose command line names a file in {@code folder}, children of another one left out. */
    private static List<Long> processesUsing(Path folder) {
        String prefix = folder + File.separator;
        List<ProcessHandle> using = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(line -> line.contains(prefix)).orElse(false)).toList();
        return using.stream()
                .filter(p -> p.parent().map(parent -> !using.contains(parent)).orElse(true))
                .map(ProcessHandle::pid).toList();
    }
}
