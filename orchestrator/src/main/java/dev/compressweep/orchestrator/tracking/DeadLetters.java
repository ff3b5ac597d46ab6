package dev.compressweep.orchestrator.tracking;

import dev.compressweep.orchestrator.events.TopicSettings;
import dev.compressweep.orchestrator.events.Topics;
import dev.compressweep.workers.event.KafkaClientProperties;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends {@link DeadLetter}s to a sweep's dead-letter topic, keyed like the event (by trial), each acknowledged by
 * every replica before {@link #send} returns. The topic is created, like the sweep's, on the first letter. Owns
 * its producer (made on the first letter); thread-safe.
 */
final class DeadLetters implements AutoCloseable {

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final String bootstrapServers;
    private final String topic;
    private final TopicSettings settings;
    private Producer<String, String> producer;

    /**
     * Sends the dead letters of the sweep topic {@code sweepTopic}.
     *
     * @param settings how the dead-letter topic is made if missing; null when it exists
     */
    DeadLetters(String bootstrapServers, String sweepTopic, TopicSettings settings) {
        this.bootstrapServers = bootstrapServers;
        this.topic = DeadLetter.topicFor(sweepTopic);
        this.settings = settings;
    }

    /**
     * Sends one letter and waits for the broker to keep it.
     *
     * @throws RuntimeException when the broker did not take it (the caller keeps the event and tries later)
     */
    synchronized void send(DeadLetter letter) {
        if (producer == null) {
            if (settings != null) {
                Topics.ensure(bootstrapServers, topic, settings);
            }
            producer = newProducer();
        }
        try {
            producer.send(new ProducerRecord<>(topic, letter.event().key(), letter.encode()))
                    .get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaException("cannot send the dead letter of " + letter.event().coordinates() + " to " + topic
                    + ": " + (e.getCause() == null ? e : e.getCause()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while sending a dead letter to " + topic, e);
        }
    }

    private Producer<String, String> newProducer() {
        Properties props = KafkaClientProperties.forProducer(bootstrapServers);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) SEND_TIMEOUT.toMillis());
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) SEND_TIMEOUT.toMillis());
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(10));
        }
    }
}
