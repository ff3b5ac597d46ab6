package dev.compressweep.workers.event;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Opens the publisher a trial's event address names: {@code file:<path>} appends JSON lines to a local
 * file ({@link JsonLinesEventPublisher}); anything else is a Kafka bootstrap server list
 * ({@link KafkaEventPublisher}). The caller owns and closes the publisher.
 */
public final class EventPublishers {

    /** The prefix of a file event address. */
    public static final String FILE_PREFIX = "file:";

    private EventPublishers() {}

    /**
     * @param address Kafka bootstrap servers, or {@code file:<path>}
     * @param topic the Kafka topic (unused for files)
     */
    public static EventPublisher open(String address, String topic) {
        Objects.requireNonNull(address, "event address (kafkaBootstrap) must be set");
        if (address.startsWith(FILE_PREFIX)) {
            return new JsonLinesEventPublisher(Path.of(address.substring(FILE_PREFIX.length())));
        }
        return new KafkaEventPublisher(address, Objects.requireNonNull(topic, "topic"));
    }
}
