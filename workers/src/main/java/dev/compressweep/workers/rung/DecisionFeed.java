package dev.compressweep.workers.rung;

import dev.compressweep.workers.event.KafkaClientProperties;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A trial's reader of the orchestrator's answers on the sweep's control topic. It starts at the topic's end when
 * opened, so open it before the trial reports its first rung: every answer to the trial comes after that. No
 * consumer group: every partition is read, and only the trial's own answers are kept. Uses the process's Kafka
 * client settings ({@link KafkaClientProperties}). Owns its consumer; not thread-safe.
 */
public final class DecisionFeed implements AutoCloseable {

    private static final Duration API_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration POLL = Duration.ofMillis(200);

    private final KafkaConsumer<String, String> consumer;
    private final String trialId;

    private DecisionFeed(KafkaConsumer<String, String> consumer, String trialId) {
        this.consumer = consumer;
        this.trialId = trialId;
    }

    /**
     * Opens the control topic of {@code eventTopic} at {@code bootstrapServers}, positioned at its end, for the
     * answers to {@code trialId}.
     *
     * @throws org.apache.kafka.common.KafkaException when the broker cannot be reached or the topic does not exist
     */
    public static DecisionFeed open(String bootstrapServers, String eventTopic, String trialId) {
        Properties props = KafkaClientProperties.forConsumer(bootstrapServers);
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) API_TIMEOUT.toMillis());
        KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        try {
            String topic = Rungs.controlTopic(eventTopic);
            List<PartitionInfo> infos = consumer.partitionsFor(topic);
            if (infos == null || infos.isEmpty()) {
                throw new KafkaException("the control topic " + topic + " does not exist");
            }
            List<TopicPartition> partitions = infos.stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            return new DecisionFeed(consumer, trialId);
        } catch (RuntimeException e) {
            consumer.close(Duration.ZERO);
            throw e;
        }
    }

    /**
     * Waits at most {@code timeout} for the answer to attempt {@code attempt} of this trial at {@code epoch}.
     *
     * @return the answer, or nothing when none came in time
     */
    public Optional<RungDecision> await(int attempt, int epoch, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                if (trialId.equals(record.key())) {
                    Optional<RungDecision> decision = RungDecision.fromJson(record.value())
                            .filter(d -> d.answers(trialId, attempt, epoch));
                    if (decision.isPresent()) {
                        return decision;
                    }
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
