package dev.compressweep.orchestrator.tracking;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The events of one or more consecutive polls of the sink, and which of them were handled: events may be handled
 * out of their partition's order (a trial's events together), so a partition's offset moves only up to its first
 * event not handled.
 * {@link #handled} may be called from any thread; the rest by one.
 */
final class PollBatch {

    private final Map<TopicPartition, List<RawEvent>> byPartition = new LinkedHashMap<>();
    private final Set<RawEvent> handled = ConcurrentHashMap.newKeySet();

    /** The records of consecutive polls, in the order they were read, every one for {@code experiment}. */
    PollBatch(List<ConsumerRecord<String, String>> records, String experiment) {
        for (ConsumerRecord<String, String> record : records) {
            byPartition.computeIfAbsent(new TopicPartition(record.topic(), record.partition()),
                    partition -> new ArrayList<>()).add(new RawEvent(record.topic(), record.partition(),
                    record.offset(), record.key(), record.value() == null ? "" : record.value(), experiment));
        }
    }

    /** Every event, each partition's in order. */
    List<RawEvent> events() {
        List<RawEvent> events = new ArrayList<>();
        byPartition.values().forEach(events::addAll);
        return events;
    }

    /** Notes {@code event} handled: written, ignored or dead-lettered. */
    void handled(RawEvent event) {
        handled.add(event);
    }

    /** The offset to commit in each partition where events were handled from its first on. */
    Map<TopicPartition, OffsetAndMetadata> committable() {
        Map<TopicPartition, OffsetAndMetadata> offsets = new LinkedHashMap<>();
        byPartition.forEach((partition, events) -> {
            long next = next(events);
            if (next > events.get(0).offset()) {
                offsets.put(partition, new OffsetAndMetadata(next));
            }
        });
        return offsets;
    }

    /** Where each partition must be read again from: its first event not handled, if it has one. */
    Map<TopicPartition, Long> unhandled() {
        Map<TopicPartition, Long> offsets = new LinkedHashMap<>();
        byPartition.forEach((partition, events) -> {
            long next = next(events);
            if (next <= events.get(events.size() - 1).offset()) {
                offsets.put(partition, next);
            }
        });
        return offsets;
    }

    /** The offset of the first event not handled, or the one after the last. */
    private long next(List<RawEvent> events) {
        for (RawEvent event : events) {
            if (!handled.contains(event)) {
                return event.offset();
            }
        }
        return events.get(events.size() - 1).offset() + 1;
    }
}
