package dev.compressweep.orchestrator.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.compressweep.orchestrator.UserError;
import dev.compressweep.orchestrator.services.LocalPorts;
import dev.compressweep.workers.event.EventType;
import dev.compressweep.workers.event.KafkaClientProperties;
import dev.compressweep.workers.event.KafkaEventPublisher;
import dev.compressweep.workers.event.TrialEvent;
import dev.compressweep.workers.event.TrialRole;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broker that only takes SASL/PLAIN clients (a cluster's usual set-up): with the settings of
 * {@code --kafka-config} every client of a sweep reaches it (topic creation, publishing, reading); without them,
 * the sweep stops at its topic with one line.
 */
class SecuredKafkaTest {

    private static final Path LIB = Path.of(System.getProperty("compressweep.home"), ".local", "kafka", "lib");
    private static final Map<String, String> CLIENT = Map.of("security.protocol", "SASL_PLAINTEXT",
            "sasl.mechanism", "PLAIN", "sasl.jaas.config",
            "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"sweeper\" password=\"s3cret\";");

    @TempDir
    static Path dir;
    private static Process broker;
    private static String bootstrap;

    @BeforeAll
    static void startASecuredBroker() throws IOException, InterruptedException {
        int port = LocalPorts.free();
        int controller = LocalPorts.free();
        bootstrap = "127.0.0.1:" + port;
        String jaas = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"admin\""
                + " password=\"admin\" user_admin=\"admin\" user_sweeper=\"s3cret\";";
        Files.writeString(dir.resolve("server.properties"), String.join("\n",
                "process.roles=broker,controller", "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controller,
                "listeners=SASL_PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controller,
                "advertised.listeners=SASL_PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER", "inter.broker.listener.name=SASL_PLAINTEXT",
                "listener.security.protocol.map=SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT",
                "sasl.enabled.mechanisms=PLAIN", "sasl.mechanism.inter.broker.protocol=PLAIN",
                "listener.name.sasl_plaintext.plain.sasl.jaas.config=" + jaas,
                "log.dirs=" + dir.resolve("data"), "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1", "group.initial.rebalance.delay.ms=0", ""));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = LIB + "/*";
        Process format = new ProcessBuilder(java, "-cp", cp, "kafka.tools.StorageTool", "format", "-t",
                UUID.randomUUID().toString().replace("-", "").substring(0, 22), "-c",
                dir.resolve("server.properties").toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("format.log").toFile()).start();
        assertEquals(0, format.waitFor(), Files.readString(dir.resolve("format.log")));
        broker = new ProcessBuilder(java, "-Xmx256m", "-cp", cp, "kafka.Kafka", dir.resolve("server.properties")
                .toString()).redirectErrorStream(true).redirectOutput(dir.resolve("broker.log").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!LocalPorts.accepts(LocalPorts.HOST, port, Duration.ofSeconds(1))) {
            assertTrue(System.nanoTime() < deadline && broker.isAlive(), Files.readString(dir.resolve("broker.log")));
            Thread.sleep(200);
        }
    }

    @AfterAll
    static void stopTheBroker() throws InterruptedException {
        if (broker != null) {
            broker.destroy();
            broker.waitFor();
        }
    }

    @AfterEach
    void forgetTheSettings() {
        KafkaClientProperties.use(Map.of());
    }

    @Test
    void shouldRunTheSweepsKafkaClientsWithTheGivenSecuritySettings() throws IOException {
        Path file = dir.resolve("client.properties");
        Files.writeString(file, KafkaClientProperties.encode(CLIENT));
        KafkaClientProperties.use(KafkaClientProperties.read(file));
        String topic = "secured-" + System.nanoTime();

        Topics.ensure(bootstrap, topic, TopicSettings.DEFAULTS);
        try (KafkaEventPublisher publisher = new KafkaEventPublisher(bootstrap, topic)) {
            publisher.publish(new TrialEvent(TrialEvent.SCHEMA_VERSION, "s", "s-t000", 0, TrialRole.COMPRESSION,
                    EventType.STARTED, Instant.now(), List.of("quantize"), Map.of(), Map.of(), Map.of(), null, null));
        }
        List<TrialEvent> read = new ArrayList<>();
        try (EventFeed feed = new EventFeed(bootstrap, topic)) {
            read.addAll(feed.replay());
        }

        assertEquals(List.of("s-t000"), read.stream().map(TrialEvent::trialId).toList());
        assertFalse(KafkaClientProperties.current().containsKey("bootstrap.servers"));
    }

    @Test
    void shouldStopAtTheTopicWithOneLineWithoutThem() {
        UserError e = assertThrows(UserError.class,
                () -> Topics.ensure(bootstrap, "secured-refused-" + System.nanoTime(), TopicSettings.DEFAULTS));

        assertTrue(e.getMessage().startsWith("Kafka at " + bootstrap) || e.getMessage().startsWith("cannot create"),
                e.getMessage());
    }
}
