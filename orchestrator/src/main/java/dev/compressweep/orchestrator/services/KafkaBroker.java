package dev.compressweep.orchestrator.services;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.Uuid;

/**
 * A single-node Kafka broker (KRaft, broker and controller in one process) running in its own JVM
 * from the jars in {@code .local/kafka/lib}. Clients reach it on one address ({@value LocalPorts#HOST}, or
 * an address of this machine that Spark executors on other hosts reach); its controller listens on
 * {@value LocalPorts#HOST} only.
 *
 * <p>Its folder holds {@code server.properties}, {@code log4j2.properties} (WARN level),
 * {@code kafka.log} and the data in {@code data/}, formatted once with a random cluster id and kept
 * across restarts: the topics are the sweeps' log of record, so retention is unlimited. A running broker
 * holds the lock on {@code data/.lock} (Kafka's own log directory lock), and no broker starts on a folder
 * whose lock is held: two brokers on one log directory corrupt it.
 *
 * <p>The handle owns the process: {@link #close(Duration)} stops it (unless nobody calls it, as for
 * a detached broker meant to outlive this JVM). Thread-safe.
 */
public final class KafkaBroker implements AutoCloseable {

    /** How long a broker may take to accept connections. */
    public static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    /** How long {@link #close()} waits for a clean shutdown before killing. */
    public static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private static final String NAME = "Kafka broker";
    private static final String ADVERTISED = "advertised.listeners";
    private static final String PLAINTEXT = "PLAINTEXT://";
    /**
     * The broker's JIT compiles with C1 only: a local broker carries a sweep's few events a second, and C2's
     * compiling cost it more CPU than it saved while trials shared the machine with it.
     */
    private static final String C1_ONLY = "-XX:TieredStopAtLevel=1";

    private final ServiceProcess process;
    private final String host;
    private final int port;

    private KafkaBroker(ServiceProcess process, String host, int port) {
        this.process = process;
        this.host = host;
        this.port = port;
    }

    /**
     * Formats {@code dir/data} if needed, starts the broker and waits until its port accepts
     * connections.
     *
     * @param lib the broker's jars
     * @param dir the broker's folder (created if missing)
     * @param host the address of this machine clients connect to (listened on and advertised)
     * @param port the client listener's port
     * @param controllerPort the KRaft controller listener's port
     * @param detached whether the broker runs in a session of its own and outlives this JVM
     * @throws ServiceException when a process already uses {@code dir}, a port is taken, or the broker cannot be
     *     started or does not open its port and lock its data within {@link #START_TIMEOUT}; the message names
     *     the holder's pid, or the log file
     */
    public static KafkaBroker start(Path lib, Path dir, String host, int port, int controllerPort, boolean detached) {
        if (port == controllerPort) {
            throw new IllegalArgumentException("the broker and controller ports must differ, but both are " + port);
        }
        Path lock = lockFileIn(dir);
        FolderLock.requireUnheld(NAME, dir, lock);
        LocalPorts.requireFree(NAME, host, port);
        LocalPorts.requireFree(NAME, controllerPort);
        Path data = lock.getParent();
        Path log = logFileIn(dir);
        writeConfig(dir, data, host, port, controllerPort);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = lib.toAbsolutePath() + "/*";
        if (!Files.exists(data.resolve("meta.properties"))) {
            format(java, classpath, dir, log);
        }
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-Xms128m", C1_ONLY,
                "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + dir.resolve("log4j2.properties").toAbsolutePath(),
                "-cp", classpath, "kafka.Kafka", dir.resolve("server.properties").toAbsolutePath().toString()));
        ServiceProcess process = ServiceProcess.launch(NAME, command, dir, Map.of(), log, detached);
        process.awaitReady("accepting connections on " + host + ":" + port + " with " + data + " locked",
                () -> LocalPorts.accepts(host, port, Duration.ofMillis(500))
                        && FolderLock.holder(lock).equals(OptionalLong.of(process.pid())),
                START_TIMEOUT);
        return new KafkaBroker(process, host, port);
    }

    /** The file a broker started in {@code dir} keeps locked while it runs. */
    static Path lockFileIn(Path dir) {
        return dir.resolve("data").resolve(".lock");
    }

    /** The file a broker started in {@code dir} writes its output to. */
    static Path logFileIn(Path dir) {
        return dir.resolve("kafka.log");
    }

    /**
     * The bootstrap servers that the configuration in {@code dir} advertises, or empty when there is none:
     * the address of the broker that runs there, as the configuration is never rewritten while one runs.
     */
    static Optional<String> addressIn(Path dir) {
        Properties config = new Properties();
        try (Reader reader = Files.newBufferedReader(dir.resolve("server.properties"))) {
            config.load(reader);
        } catch (IOException e) {
            return Optional.empty();
        }
        String listener = config.getProperty(ADVERTISED, "");
        return listener.startsWith(PLAINTEXT) ? Optional.of(listener.substring(PLAINTEXT.length())) : Optional.empty();
    }

    /** The bootstrap servers clients connect to, e.g. {@code 127.0.0.1:19092}. */
    public String bootstrapServers() {
        return host + ":" + port;
    }

    /** The broker JVM's process id. */
    public long pid() {
        return process.pid();
    }

    /** The file the broker's output goes to. */
    public Path logFile() {
        return process.log();
    }

    ServiceProcess process() {
        return process;
    }

    /** Stops the broker: SIGTERM, then SIGKILL after {@code grace}. */
    public void close(Duration grace) {
        process.stop(grace);
    }

    @Override
    public void close() {
        close(STOP_GRACE);
    }

    private static void format(String java, String classpath, Path dir, Path log) {
        List<String> command = List.of(java, "-Xmx256m", "-cp", classpath, "kafka.tools.StorageTool", "format",
                "-t", Uuid.randomUuid().toString(), "-c", dir.resolve("server.properties").toString(),
                "--ignore-formatted");
        Process format;
        try {
            format = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (!format.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                format.destroyForcibly();
                throw new ServiceException("formatting the Kafka storage in " + dir + " timed out; see " + log);
            }
        } catch (IOException e) {
            throw new ServiceException("cannot format the Kafka storage in " + dir + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceException("interrupted while formatting the Kafka storage in " + dir, e);
        }
        if (format.exitValue() != 0) {
            throw new ServiceException("formatting the Kafka storage in " + dir + " failed (exit code "
                    + format.exitValue() + "); see " + log + ServiceProcess.lastLine(log));
        }
    }

    private static void writeConfig(Path dir, Path data, String host, int port, int controllerPort) {
        String loopback = LocalPorts.HOST;
        String server = String.join("\n",
                "# Written by compressweep: a single-node KRaft broker for clients on " + host + ".",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@" + loopback + ":" + controllerPort,
                "listeners=PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + loopback + ":" + controllerPort,
                ADVERTISED + "=" + PLAINTEXT + host + ":" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + data.toAbsolutePath(),
                "num.partitions=1",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "log.retention.ms=-1",
                "");
        String log4j = String.join("\n",
                "status = warn",
                "appender.out.type = Console",
                "appender.out.name = OUT",
                "appender.out.layout.type = PatternLayout",
                "appender.out.layout.pattern = [%d] %p %m (%c)%n",
                "rootLogger.level = WARN",
                "rootLogger.appenderRef.out.ref = OUT",
                "");
        try {
            Files.createDirectories(data);
            Files.writeString(dir.resolve("server.properties"), server);
            Files.writeString(dir.resolve("log4j2.properties"), log4j);
        } catch (IOException e) {
            throw new ServiceException("cannot write the Kafka broker's configuration in " + dir + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return NAME + " at " + bootstrapServers() + " (pid " + pid() + ")";
    }
}
