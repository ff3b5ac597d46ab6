package dev.compressweep.workers.event;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes events to one Kafka topic, keyed by trial id, with an idempotent producer (acks=all) that keeps
 * retrying through a broker outage for the delivery timeout ({@link #DEFAULT_DELIVERY_TIMEOUT}). Events offered
 * ({@link #offer}) are sent in the background and flushed, for at most 10 s, on close.
 * Not thread-safe for concurrent {@link #close()}; {@link #publish} may be called from any thread.
 */
public final class KafkaEventPublisher implements EventPublisher {

    /**
     * How long a publish keeps retrying through a broker outage unless the system property {@value #TIMEOUT_PROPERTY}
     * (seconds) says otherwise: 5 minutes.
     */
    public static final Duration DEFAULT_DELIVERY_TIMEOUT = Duration.ofMinutes(5);
    /** The system property that sets the delivery timeout, in seconds. */
    public static final String TIMEOUT_PROPERTY = "compressweep.kafka.delivery_timeout_s";

    private static final Logger LOG = LoggerFactory.getLogger(KafkaEventPublisher.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);
    /** How long a send may wait for the topic's metadata (a broker that is down): training must not stall. */
    private static final Duration MAX_BLOCK = Duration.ofSeconds(5);

    private final Producer<String, String> producer;
    private final String topic;
    private final Duration deliveryTimeout;
    private volatile Future<RecordMetadata> lastOffered;

    /** Connects to {@code bootstrapServers}; the topic must exist (the orchestrator creates it). */
    public KafkaEventPublisher(String bootstrapServers, String topic) {
        this.deliveryTimeout = Duration.ofSeconds(Long.getLong(TIMEOUT_PROPERTY,
                DEFAULT_DELIVERY_TIMEOUT.toSeconds()));
        Properties props = KafkaClientProperties.forProducer(bootstrapServers);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) MAX_BLOCK.toMillis());
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) deliveryTimeout.toMillis());
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        this.topic = topic;
    }

    /** Sends without waiting; a failure (after the producer's own retries) is logged, never thrown. */
    @Override
    public void offer(TrialEvent event) {
        try {
            lastOffered = producer.send(new ProducerRecord<>(topic, event.trialId(), EventCodec.encode(event)),
                    (meta, error) -> {
                if (error != null) {
                    LOG.warn("{} of trial {} not published to {}: {}", event.type(), event.trialId(), topic,
                            error.getMessage());
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("{} of trial {} not published to {}: {}", event.type(), event.trialId(), topic, e.getMessage());
        }
    }

    @Override
    public void publish(TrialEvent event) {
        ProducerRecord<String, String> record =
                new ProducerRecord<>(topic, event.trialId(), EventCodec.encode(event));
        try {
            producer.send(record).get(deliveryTimeout.toMillis() + CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new EventPublishException("cannot publish " + event.type() + " of trial "
                    + event.trialId() + " to Kafka topic " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventPublishException("interrupted while publishing trial " + event.trialId(), e);
        }
    }

    /**
     * Waits, for at most 10 s, until the last event offered is delivered or has failed: with it, every event offered
     * before it for the same trial (they share a partition).
     */
    @Override
    public void flush() {
        Future<RecordMetadata> last = lastOffered;
        if (last == null) {
            return;
        }
        try {
            last.get(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("events offered to {} may not be delivered yet: {}", topic, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        producer.close(CLOSE_TIMEOUT);
    }
}
