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
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The local Kafka broker and MLflow server that {@code compressweep} starts when the user names
 * none: detached (they outlive the JVM, so the MLflow UI stays up after a sweep), each in its folder
 * {@code .local/services/<name>/}, reused by later commands while they answer.
 *
 * <p>A service is found by its folder, not by the pid recorded in {@code .local/services/<name>.json}: the
 * live process holding the folder's lock file is its instance (see {@link LocalService}), so a stale, recycled
 * or deleted record never leads to a second instance on the same data. Calls that start or stop services are
 * serialised within the JVM and, through a lock file, across {@code compressweep} processes, so two commands
 * never start two brokers. Thread-safe.
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
    private static final Duration REPLACE_GRACE = Duration.ofSeconds(10);

    private final ProjectHome home;
    private final Ports ports;
    private final LocalService kafka;
    private final LocalService mlflow;

    /** Services of {@code home}, on the {@link Ports#DEFAULTS default ports}. */
    public EmbeddedServices(ProjectHome home) {
        this(home, Ports.DEFAULTS);
    }

    /** Services of {@code home}, trying {@code ports} first. */
    public EmbeddedServices(ProjectHome home, Ports ports) {
        this.home = home;
        this.ports = ports;
        Path kafkaDir = home.services().resolve(KAFKA);
        Path mlflowDir = home.services().resolve(MLFLOW);
        this.kafka = new LocalService(KAFKA, kafkaDir, KafkaBroker.lockFileIn(kafkaDir),
                KafkaBroker.logFileIn(kafkaDir), () -> KafkaBroker.addressIn(kafkaDir), EmbeddedServices::kafkaAnswers);
        this.mlflow = new LocalService(MLFLOW, mlflowDir, MlflowServer.lockFileIn(mlflowDir),
                MlflowServer.logFileIn(mlflowDir), () -> MlflowServer.addressIn(mlflowDir),
                uri -> MlflowServer.isHealthy(uri, PROBE_TIMEOUT));
    }

    /**
     * The bootstrap servers of the broker running on the Kafka folder if it answers on {@code host}, otherwise of
     * a broker started now on {@code host} (a broker answering on another address is stopped first; its topics
     * are kept).
     *
     * @param host the address clients use: {@value LocalPorts#HOST}, or this machine's address on the network
     *     of a Spark cluster whose executors run elsewhere
     * @throws ServiceException when the broker jars are missing, the broker does not start, or a process uses
     *     the Kafka folder without answering (the message names its pid and the folder)
     */
    public synchronized String ensureKafka(String host) {
        Path lib = home.requireKafkaLib();
        int last = kafka.lastPort(ports.kafka());
        return ensure(kafka, address -> address.startsWith(host + ":"), () -> {
            int port = LocalPorts.isFree(host, last) ? last
                    : LocalPorts.isFree(host, ports.kafka()) ? ports.kafka() : LocalPorts.free();
            int controller = LocalPorts.preferred(ports.kafkaController());
            if (controller == port) {
                controller = LocalPorts.free();
            }
            KafkaBroker broker = KafkaBroker.start(lib, kafka.folder(), host, port, controller, true);
            return new Started(broker.process(), broker.bootstrapServers());
        });
    }

    /**
     * The tracking URI of the MLflow server running on the MLflow folder if it is healthy, otherwise of a server
     * started now.
     *
     * @throws ServiceException when the virtual environment is missing, the server does not start, or a process
     *     uses the MLflow folder without answering (the message names its pid and the folder)
     */
    public synchronized String ensureMlflow() {
        Path command = home.requireMlflowCommand();
        int last = mlflow.lastPort(ports.mlflow());
        return ensure(mlflow, uri -> true, () -> {
            MlflowServer server = MlflowServer.start(command, mlflow.folder(),
                    LocalPorts.isFree(last) ? last : LocalPorts.preferred(ports.mlflow()), true);
            return new Started(server.process(), server.uri());
        });
    }

    /** Every service, Kafka then MLflow, in the state it is found in now. */
    public List<ServiceStatus> status() {
        return List.of(kafka.inspect().status(), mlflow.inspect().status());
    }

    /** The services that run and answer now. */
    public List<ServiceStatus> running() {
        return status().stream().filter(s -> s.state() == ServiceStatus.State.RUNNING).toList();
    }

    /**
     * Stops every service whose folder a live process uses, whatever its record says, and removes the records;
     * a program on a stale record's port is left alone.
     *
     * @param grace how long each service may take to shut down cleanly before it is killed
     * @return every service, MLflow then Kafka, in the state it was found in before it was stopped
     */
    public synchronized List<ServiceStatus> stopAll(Duration grace) {
        return withLock(() -> {
            List<ServiceStatus> found = new ArrayList<>();
            for (LocalService service : List.of(mlflow, kafka)) {
                LocalService.Inspection inspection = service.inspect();
                inspection.instance().ifPresent(process -> process.stop(grace));
                service.forget();
                found.add(inspection.status());
            }
            return found;
        });
    }

    /**
     * The address of the instance on {@code service}'s folder when it answers at an {@code acceptable} address;
     * otherwise that instance is stopped and {@code start} starts one. An instance that does not answer is not
     * replaced: whether it is starting, recovering or hung cannot be told, and killing it is the user's call.
     */
    private String ensure(LocalService service, Predicate<String> acceptable, Supplier<Started> start) {
        return withLock(() -> {
            LocalService.Inspection found = service.inspect();
            ServiceStatus status = found.status();
            if (status.state() == ServiceStatus.State.UNHEALTHY) {
                throw new ServiceException("cannot start the " + service.name() + " service: " + status.detail()
                        + "; stop it with 'compressweep services stop' and try again");
            }
            if (found.instance().isPresent()) {
                if (acceptable.test(status.address())) {
                    service.remember(found.instance().get(), status.address());
                    return status.address();
                }
                found.instance().get().stop(REPLACE_GRACE);
            }
            service.forget();
            Started started = start.get();
            service.remember(started.process(), started.address());
            return started.address();
        });
    }

    private static boolean kafkaAnswers(String bootstrap) {
        URI address = URI.create("kafka://" + bootstrap);
        return LocalPorts.accepts(address.getHost(), address.getPort(), PROBE_TIMEOUT);
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
