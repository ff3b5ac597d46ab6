package dev.compressweep.orchestrator.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.compressweep.orchestrator.run.SweepControl;
import dev.compressweep.workers.event.EventPublishException;
import dev.compressweep.workers.event.KafkaClientProperties;
import dev.compressweep.workers.rung.RungDecision;
import dev.compressweep.workers.rung.Rungs;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sweep's control channel on Kafka: the topic {@link Rungs#controlTopic} of its event topic (created with the
 * event topic's settings, {@link Topics#ensure}). Decisions are keyed by trial id, so each trial's answers stay in
 * order; the sweep's stop is keyed {@value #STOP_KEY} and read back, from the topic's beginning, when the channel is
 * opened. An idempotent producer (acks=all) and the process's Kafka client settings ({@link KafkaClientProperties}).
 * Owns its clients; not thread-safe.
 */
public final class KafkaSweepControl implements SweepControl, AutoCloseable {

    /** The key of the record that says the sweep stopped. */
    static final String STOP_KEY = "sweep";
    private static final String STOP_TYPE = "sweep_stopped";
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(60);
    private static final Logger LOG = LoggerFactory.getLogger(KafkaSweepControl.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final KafkaProducer<String, String> producer;
    private final String topic;
    private final String sweepId;
    private final Optional<String> stoppedBefore;

    /** Opens the control topic of {@code eventTopic}, which must exist, and reads whether the sweep stopped. */
    public KafkaSweepControl(String bootstrapServers, String eventTopic, String sweepId) {
        this.topic = Rungs.controlTopic(eventTopic);
        this.sweepId = sweepId;
        this.stoppedBefore = readStop(bootstrapServers);
        Properties props = KafkaClientProperties.forProducer(bootstrapServers);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    @Override
    public void answer(RungDecision decision) {
        producer.send(new ProducerRecord<>(topic, decision.trialId(), decision.toJson()), (meta, error) -> {
            if (error != null) {
                LOG.warn("the decision for trial {} at epoch {} was not sent ({}): it trains on",
                        decision.trialId(), decision.epoch(), error.getMessage());
            }
        });
    }

    /**
     * {@inheritDoc}
     *
     * @throws EventPublishException when the broker does not take the record in time
     */
    @Override
    public void stop(String reason) {
        String json = MAPPER.valueToTree(Map.of("type", STOP_TYPE, "sweep_id", sweepId, "reason", reason)).toString();
        try {
            producer.send(new ProducerRecord<>(topic, STOP_KEY, json)).get(SEND_TIMEOUT.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new EventPublishException("cannot record on " + topic + " that the sweep stopped", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventPublishException("interrupted while recording that the sweep stopped", e);
        }
    }

    @Override
    public Optional<String> stoppedBefore() {
        return stoppedBefore;
    }

    /** The reason of the last stop record of this sweep on the topic, reading it from its beginning to its end. */
    private Optional<String> readStop(String bootstrapServers) {
        Properties props = KafkaClientProperties.forConsumer(bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Optional<String> reason = Optional.empty();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.getOrDefault(p, 0L))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    Optional<String> found = STOP_KEY.equals(record.key()) ? stopReason(record.value())
                            : Optional.empty();
                    reason = found.isPresent() ? found : reason;
                }
            }
            return reason;
        }
    }

    private Optional<String> stopReason(String json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            return STOP_TYPE.equals(node.path("type").asText()) && sweepId.equals(node.path("sweep_id").asText())
                    ? Optional.of(node.path("reason").asText()) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
