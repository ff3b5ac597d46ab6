package dev.compressweep.orchestrator.events;

import dev.compressweep.workers.event.EventCodec;
import dev.compressweep.workers.event.IncompatibleEventException;
import dev.compressweep.workers.event.TrialEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a sweep's event topic from its beginning, so that the sweep's state is rebuilt from the log
 * before new trials start (resume) and then follows new events. No consumer group: every reader sees
 * the whole log. Not thread-safe: one thread (the sweep loop) owns it.
 */
public final class EventFeed implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventFeed.class);

    private final KafkaConsumer<String, String> consumer;
    private final TopicPartition partition;

    public EventFeed(String bootstrapServers, String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        this.partition = new TopicPartition(topic, 0);
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
    }

    /** Every event already in the log when this is called, in log order. */
    public List<TrialEvent> replay() {
        long end = consumer.endOffsets(List.of(partition)).getOrDefault(partition, 0L);
        List<TrialEvent> events = new ArrayList<>();
        while (consumer.position(partition) < end) {
            events.addAll(poll(Duration.ofMillis(500)));
        }
        return events;
    }

    /** The events that arrived within {@code timeout} (possibly none), in log order. */
    public List<TrialEvent> poll(Duration timeout) {
        List<TrialEvent> events = new ArrayList<>();
        for (ConsumerRecord<String, String> record : consumer.poll(timeout)) {
            try {
                events.add(EventCodec.decode(record.value()));
            } catch (IncompatibleEventException e) {
                LOG.warn("skipping event at offset {} of {}: {}", record.offset(), partition, e.getMessage());
            }
        }
        return events;
    }

    /** How far this feed has read, for diagnostics. */
    public Map<TopicPartition, Long> position() {
        return Map.of(partition, consumer.position(partition));
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
