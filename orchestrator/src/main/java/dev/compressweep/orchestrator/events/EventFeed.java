package dev.compressweep.orchestrator.events;

import dev.compressweep.workers.event.EventCodec;
import dev.compressweep.workers.event.IncompatibleEventException;
import dev.compressweep.workers.event.KafkaClientProperties;
import dev.compressweep.workers.event.TrialEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * before new trials start (resume) and then follows new events, on every partition (each trial's events are in
 * order on its partition). No consumer group: every reader sees the whole log. Not thread-safe: one thread (the sweep loop) owns it.
 */
public final class EventFeed implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventFeed.class);

    private final KafkaConsumer<String, String> consumer;
    private final List<TopicPartition> partitions;

    public EventFeed(String bootstrapServers, String topic) {
        Properties props = KafkaClientProperties.forConsumer(bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        this.partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Every event already in the log when this is called, in log order. */
    public List<TrialEvent> replay() {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        List<TrialEvent> events = new ArrayList<>();
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.getOrDefault(p, 0L))) {
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
                LOG.warn("skipping event at offset {} of {}-{}: {}", record.offset(), record.topic(), record.partition(),
                        e.getMessage());
            }
        }
        return events;
    }

    /** How far this feed has read, for diagnostics. */
    public Map<TopicPartition, Long> position() {
        Map<TopicPartition, Long> positions = new LinkedHashMap<>();
        partitions.forEach(p -> positions.put(p, consumer.position(p)));
        return positions;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
