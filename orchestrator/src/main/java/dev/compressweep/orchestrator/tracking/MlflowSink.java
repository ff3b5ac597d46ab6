package dev.compressweep.orchestrator.tracking;

import dev.compressweep.workers.event.EventCodec;
import dev.compressweep.workers.event.IncompatibleEventException;
import dev.compressweep.workers.event.TrialEvent;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes a sweep's event topic and writes every event to the experiment tracker, on one thread,
 * so that trials finishing at the same moment never race in MLflow.
 *
 * <p>Offsets are committed only after the events are written (at least once); writes are
 * idempotent, so a replay duplicates nothing. A write the tracker may accept later (server down)
 * is retried with back-off; an event it refuses, or one this version cannot read, is logged,
 * counted in {@link #stats()} and skipped. The sink never owns the tracker. Thread-safe.
 */
public final class MlflowSink implements AutoCloseable {

    /** Where and as whom the sink reads. */
    public record Config(String bootstrapServers, String topic, String experimentName, String groupId) {
        /** The consumer group of the MLflow sink. */
        public static final String DEFAULT_GROUP_ID = "compressweep-mlflow-sink";

        public Config {
            Objects.requireNonNull(bootstrapServers, "bootstrapServers");
            Objects.requireNonNull(topic, "topic");
            Objects.requireNonNull(experimentName, "experimentName");
            Objects.requireNonNull(groupId, "groupId");
        }

        /** Reads as the group {@value #DEFAULT_GROUP_ID}. */
        public Config(String bootstrapServers, String topic, String experimentName) {
            this(bootstrapServers, topic, experimentName, DEFAULT_GROUP_ID);
        }
    }

    /** Counts of events, since the sink started: written to the tracker, and skipped. */
    public record Stats(long written, long skipped) {}

    private static final Logger LOG = LoggerFactory.getLogger(MlflowSink.class);
    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final Consumer<String, String> consumer;
    private final String topic;
    private final EventRecorder recorder;
    private final TerminalTrials terminal = new TerminalTrials();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final Thread thread;

    private MlflowSink(Config config, ExperimentTracker tracker) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100);
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        this.topic = config.topic();
        this.recorder = new EventRecorder(tracker, config.experimentName());
        this.thread = new Thread(this::run, "mlflow-sink-" + config.topic());
        this.thread.setDaemon(true);
    }

    /** Starts consuming {@code config.topic()} from the group's committed offsets (else the start). */
    public static MlflowSink start(Config config, ExperimentTracker tracker) {
        MlflowSink sink = new MlflowSink(config, tracker);
        sink.thread.start();
        return sink;
    }

    /** The tracker's run id of a trial whose events this sink has written. */
    public Optional<String> runId(String trialId) {
        return recorder.runId(trialId);
    }

    /** How many events were written and skipped so far. */
    public Stats stats() {
        return new Stats(written.get(), skipped.get());
    }

    /**
     * Waits until every trial in {@code trialIds} has had its terminal event (finished or failed)
     * handled by this sink: written, or skipped because the tracker refused it.
     *
     * @return whether all were handled before {@code timeout}
     * @throws TrackingException when the sink stopped on an error it cannot recover from
     */
    public boolean awaitTerminal(Set<String> trialIds, Duration timeout) throws InterruptedException {
        return terminal.await(trialIds, timeout);
    }

    /**
     * Stops consuming, waiting at most {@code timeout} for the event being written. Events not yet
     * written stay uncommitted and are read again by the next sink of the same group.
     */
    public void close(Duration timeout) {
        stopping.countDown();
        if (thread.isAlive()) {
            consumer.wakeup();
        }
        try {
            thread.join(Math.max(1, timeout.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(30));
    }

    private void run() {
        try (consumer) {
            consumer.subscribe(List.of(topic));
            int failures = 0;
            while (stopping.getCount() > 0) {
                ConsumerRecords<String, String> records = consumer.poll(POLL);
                boolean retry = handle(records);
                failures = retry ? failures + 1 : 0;
                if (retry) {
                    long backoff = Math.min(MAX_BACKOFF.toMillis(), 500L << Math.min(failures, 5));
                    stopping.await(backoff, TimeUnit.MILLISECONDS);
                }
            }
        } catch (WakeupException e) {
            LOG.debug("MLflow sink of {} woken up to stop", topic);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("MLflow sink of topic {} stopped", topic, e);
            terminal.fail(new TrackingException("the MLflow sink of topic " + topic + " stopped: " + e, e, false));
            return;
        }
        terminal.fail(new TrackingException("the MLflow sink of topic " + topic + " was closed"));
    }

    /** Writes a batch in order; returns true when a write must be retried (the rest is re-read). */
    private boolean handle(ConsumerRecords<String, String> records) {
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<String, String> record : records.records(partition)) {
                if (stopping.getCount() == 0 || !write(record)) {
                    rewind(records, done);
                    commit(done);
                    return stopping.getCount() > 0;
                }
                done.put(partition, new OffsetAndMetadata(record.offset() + 1));
            }
        }
        commit(done);
        return false;
    }

    /** Writes one event; false when the tracker may accept it later. */
    private boolean write(ConsumerRecord<String, String> record) {
        TrialEvent event;
        try {
            event = EventCodec.decode(record.value() == null ? "" : record.value());
        } catch (IncompatibleEventException e) {
            skipped.incrementAndGet();
            LOG.warn("skipping the event at {}-{}@{} (key {}): {}", record.topic(), record.partition(),
                    record.offset(), record.key(), e.getMessage());
            return true;
        }
        try {
            recorder.record(event);
            written.incrementAndGet();
        } catch (TrackingException e) {
            if (e.isRetriable()) {
                LOG.warn("MLflow cannot take {} of trial {} now, retrying: {}", event.type(), event.trialId(),
                        e.getMessage());
                return false;
            }
            skipped.incrementAndGet();
            LOG.error("MLflow refused {} of trial {}; skipping it: {}", event.type(), event.trialId(),
                    e.getMessage(), e);
        } catch (RuntimeException e) {
            skipped.incrementAndGet();
            LOG.error("cannot write {} of trial {} to MLflow; skipping it", event.type(), event.trialId(), e);
        }
        if (event.type().isTerminal()) {
            terminal.add(event.trialId());
        }
        return true;
    }

    /** Seeks every partition of the batch back to its first event not yet written. */
    private void rewind(ConsumerRecords<String, String> records, Map<TopicPartition, OffsetAndMetadata> done) {
        for (TopicPartition partition : records.partitions()) {
            OffsetAndMetadata next = done.get(partition);
            consumer.seek(partition, next != null ? next.offset() : records.records(partition).get(0).offset());
        }
    }

    private void commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        if (offsets.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(offsets);
        } catch (CommitFailedException e) {
            LOG.warn("cannot commit the MLflow sink's offsets of {}; those events will be written again", topic, e);
        }
    }
}
