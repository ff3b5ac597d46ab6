package dev.compressweep.orchestrator.services;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The local Kafka broker and MLflow server that {@code compressweep} starts when the user names
 * none: detached (they outlive the JVM, so the MLflow UI stays up after a sweep), recorded in
 * {@code .local/services/<name>.json}, reused by later commands while they are alive and answer.
 *
 * <p>Calls are serialised within the JVM and, through a lock file, across {@code compressweep}
 * processes, so two commands never start two brokers. Thread-safe.
 */
public final class EmbeddedServices {

    /** The ports tried first; a taken one is replaced by a free port. */
    public record Ports(int kafka, int kafkaController, int mlflow) {
        /** Kafka 19092 (controller 19093), MLflow 5055. */
        public static final Ports DEFAULTS = new Ports(19092, 19093, 5055);
    }

    static final String KAFKA = "kafka";
    static final String MLFLOW = "mlflow";
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    private final ProjectHome home;
    private final Ports ports;

    /** Services of {@code home}, on the {@link Ports#DEFAULTS default ports}. */
    public EmbeddedServices(ProjectHome home) {
        this(home, Ports.DEFAULTS);
    }

    /** Services of {@code home}, trying {@code ports} first. */
    public EmbeddedServices(ProjectHome home, Ports ports) {
        this.home = home;
        this.ports = ports;
    }

    /**
     * The bootstrap servers of the recorded broker if it is alive, listens on {@code host} and accepts
     * connections, otherwise of a broker started now on {@code host} (a broker recorded on another address is
     * stopped first; its topics are kept).
     *
     * @param host the address clients use: {@value LocalPorts#HOST}, or this machine's address on the network
     *     of a Spark cluster whose executors run elsewhere
     * @throws ServiceException when the broker jars are missing or the broker does not start
     */
    public synchronized String ensureKafka(String host) {
        Path lib = home.requireKafkaLib();
        return ensure(KAFKA, address -> address.startsWith(host + ":") && kafkaAnswers(address), () -> {
            int port = LocalPorts.isFree(host, ports.kafka()) ? ports.kafka() : LocalPorts.free();
            int controller = LocalPorts.preferred(ports.kafkaController());
            if (controller == port) {
                controller = LocalPorts.free();
            }
            KafkaBroker broker = KafkaBroker.start(lib, home.services().resolve(KAFKA), host, port, controller, true);
            return new Started(broker.process(), broker.bootstrapServers());
        });
    }

    /**
     * The tracking URI of the recorded MLflow server if it is alive and healthy, otherwise of a
     * server started now.
     *
     * @throws ServiceException when the virtual environment is missing or the server does not start
     */
    public synchronized String ensureMlflow() {
        Path mlflow = home.requireMlflowCommand();
        return ensure(MLFLOW, uri -> MlflowServer.isHealthy(uri, PROBE_TIMEOUT), () -> {
            MlflowServer server = MlflowServer.start(mlflow, home.services().resolve(MLFLOW),
                    LocalPorts.preferred(ports.mlflow()), true);
            return new Started(server.process(), server.uri());
        });
    }

    /** The recorded services whose process is still running. */
    public synchronized List<ServiceRecord> running() {
        List<ServiceRecord> live = new ArrayList<>();
        for (String name : List.of(KAFKA, MLFLOW)) {
            ServiceRecord.read(recordFile(name)).filter(r -> r.process().isPresent()).ifPresent(live::add);
        }
        return live;
    }

    /**
     * Stops every recorded service that is still running and removes the records.
     *
     * @param grace how long each service may take to shut down cleanly before it is killed
     * @return the services that were stopped
     */
    public synchronized List<ServiceRecord> stopAll(Duration grace) {
        return withLock(() -> {
            List<ServiceRecord> stopped = new ArrayList<>();
            for (String name : List.of(MLFLOW, KAFKA)) {
                Path file = recordFile(name);
                Optional<ServiceRecord> record = ServiceRecord.read(file);
                record.flatMap(ServiceRecord::process).ifPresent(process -> {
                    process.stop(grace);
                    stopped.add(record.get());
                });
                deleteRecord(file);
            }
            return stopped;
        });
    }

    private String ensure(String name, Predicate<String> answers, Supplier<Started> start) {
        return withLock(() -> {
            Path file = recordFile(name);
            Optional<ServiceRecord> record = ServiceRecord.read(file);
            Optional<ServiceProcess> process = record.flatMap(ServiceRecord::process);
            if (process.isPresent() && answers.test(record.get().address())) {
                return record.get().address();
            }
            process.ifPresent(p -> p.stop(Duration.ofSeconds(10)));
            deleteRecord(file);
            Started started = start.get();
            new ServiceRecord(name, started.process().pid(), started.process().startedAt().orElse(null),
                    started.address(), started.process().log()).write(file);
            return started.address();
        });
    }

    private boolean kafkaAnswers(String bootstrap) {
        URI address = URI.create("kafka://" + bootstrap);
        return LocalPorts.accepts(address.getHost(), address.getPort(), PROBE_TIMEOUT);
    }

    private Path recordFile(String name) {
        return home.services().resolve(name + ".json");
    }

    private static void deleteRecord(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new ServiceException("cannot remove the stale service record " + file + ": " + e.getMessage(), e);
        }
    }

    private <T> T withLock(Supplier<T> action) {
        Path lockFile = home.services().resolve(".lock");
        try {
            Files.createDirectories(lockFile.getParent());
            try (FileChannel channel =
                    FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                channel.lock();
                return action.get();
            }
        } catch (IOException e) {
            throw new ServiceException("cannot lock " + lockFile + ": " + e.getMessage(), e);
        }
    }

    private record Started(ServiceProcess process, String address) {}
}
