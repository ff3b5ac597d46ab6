package dev.compressweep.orchestrator.tracking;

import dev.compressweep.workers.event.KafkaClientProperties;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Writes the events a sweep's sink sent to its dead-letter topic ({@code <topic>.dead-letter}), once what stopped
 * them is fixed: reads the topic from where the previous replay stopped (the consumer group
 * {@value #GROUP_PREFIX}{@code <topic>}) to its end at the call, delivers each event as the sink does (same attempts
 * rule, retries and upload folders), and sends those that fail again to the end of the topic with the new reason,
 * for a later replay. The caller owns the tracker; not thread-safe.
 */
public final class DeadLetterReplay {

    /** The prefix of the replay's consumer group; the sweep's topic follows. */
    public static final String GROUP_PREFIX = "compressweep-dead-letter-replay-";

    /**
     * What a replay did.
     *
     * @param stats events written, ignored (an attempt replaced since), and dead-lettered again
     * @param notWritten one line per event dead-lettered again (where it was first read, what it is, why), and per
     *     record of the dead-letter topic that is not a dead letter
     */
    public record Result(MlflowSink.Stats stats, List<String> notWritten) {
        public Result {
            notWritten = List.copyOf(notWritten);
        }
    }

    private static final Duration POLL = Duration.ofMillis(500);

    private DeadLetterReplay() {}

    /**
     * Replays the dead letters of the sweep topic {@code topic}.
     *
     * @param uploadFolders the only folders models are uploaded from (the sweep's folder)
     * @throws TrackingException when the dead-letter topic does not take an event that failed again (nothing after
     *     it is replayed; the next replay starts there)
     */
    public static Result replay(String bootstrapServers, String topic, List<Path> uploadFolders, MlflowSink.Retry retry,
            ExperimentTracker tracker) throws InterruptedException {
        String deadLetterTopic = DeadLetter.topicFor(topic);
        Properties props = KafkaClientProperties.forConsumer(bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP_PREFIX + topic);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer =
                        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
                DeadLetters deadLetters = new DeadLetters(bootstrapServers, topic, null)) {
            List<PartitionInfo> infos = consumer.partitionsFor(deadLetterTopic);
            List<TopicPartition> partitions = infos == null ? List.of()
                    : infos.stream().map(info -> new TopicPartition(deadLetterTopic, info.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            EventDelivery delivery =
                    new EventDelivery(tracker, uploadFolders, retry, deadLetters, new CountDownLatch(1));
            List<String> notLetters = new ArrayList<>();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= end.get(partition)) {
                        continue;
                    }
                    replay(record, delivery, notLetters);
                    consumer.commitSync(Map.of(partition, new OffsetAndMetadata(record.offset() + 1)));
                }
            }
            List<String> notWritten = new ArrayList<>(delivery.deadLetterLines());
            notWritten.addAll(notLetters);
            return new Result(delivery.stats(), notWritten);
        }
    }

    private static void replay(ConsumerRecord<String, String> record, EventDelivery delivery, List<String> notLetters)
            throws InterruptedException {
        DeadLetter letter;
        try {
            letter = DeadLetter.decode(record.value() == null ? "" : record.value());
        } catch (IllegalArgumentException e) {
            notLetters.add(record.topic() + "-" + record.partition() + "@" + record.offset() + " is not a dead letter: "
                    + e.getMessage());
            return;
        }
        if (delivery.deliver(letter.event()) == EventDelivery.Step.AGAIN) {
            throw new TrackingException("the dead-letter topic " + record.topic() + " did not take back the event "
                    + letter.event().coordinates() + "; replay again later");
        }
    }
}
