package dev.compressweep.orchestrator.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.compressweep.orchestrator.fixtures.RealServices;
import dev.compressweep.orchestrator.fixtures.Topics;
import dev.compressweep.orchestrator.fixtures.TrialEvents;
import dev.compressweep.workers.event.EventCodec;
import dev.compressweep.workers.event.KafkaEventPublisher;
import dev.compressweep.workers.event.TrialEvent;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerTest {

    @TempDir
    Path tmp;

    @Test
    void shouldDeliverAPublishedEventToAConsumer() {
        String bootstrap = RealServices.kafka();
        String topic = Topics.create(bootstrap, "broker-test");
        TrialEvent sent = TrialEvents.trial("s1", 3, List.of("prune"), Map.of("prune.sparsity", 0.5)).started();

        try (KafkaEventPublisher publisher = new KafkaEventPublisher(bootstrap, topic)) {
            publisher.publish(sent);
        }

        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            ConsumerRecords<String, String> records = ConsumerRecords.empty();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.isEmpty() && System.nanoTime() < deadline) {
                records = consumer.poll(Duration.ofMillis(500));
            }
            assertEquals(1, records.count());
            assertEquals(sent.trialId(), records.iterator().next().key());
            assertEquals(sent, EventCodec.decode(records.iterator().next().value()));
        }
    }

    @Test
    void shouldRefuseToStartOnAPortThatIsTaken() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName(LocalPorts.HOST))) {
            int port = taken.getLocalPort();
            ServiceException e = assertThrows(ServiceException.class, () -> KafkaBroker.start(
                    RealServices.home().requireKafkaLib(), tmp, LocalPorts.HOST, port, LocalPorts.free(), false));

            assertEquals("cannot start the Kafka broker: port 127.0.0.1:" + port
                    + " is already in use or not an address of this machine", e.getMessage());
        }
    }

    @Test
    void shouldPointToItsLogFileWhenItCannotStart() throws IOException {
        Path emptyLib = Files.createDirectories(tmp.resolve("lib"));

        ServiceException e = assertThrows(ServiceException.class, () -> KafkaBroker.start(
                emptyLib, tmp.resolve("broker"), LocalPorts.HOST, LocalPorts.free(), LocalPorts.free(), false));

        assertTrue(e.getMessage().contains("see " + tmp.resolve("broker/kafka.log")), e.getMessage());
        assertTrue(e.getMessage().contains("ClassNotFoundException: kafka.tools.StorageTool"), e.getMessage());
    }
}
