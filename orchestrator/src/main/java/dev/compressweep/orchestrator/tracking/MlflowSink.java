package dev.compressweep.orchestrator.tracking;

import dev.compressweep.orchestrator.events.TopicSettings;
import dev.compressweep.workers.event.KafkaClientProperties;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes every partition of a sweep's event topic and writes every event to the experiment tracker, on one
 * thread, which writes the trials of each batch side by side on {@value #WRITERS} writers, each trial's events in
 * order and the next batch only once every trial of this one is written. A batch is what a poll reads and, while a
 * trial read is still open, what the next polls read for up to {@code LINGER} ({@link OpenTrials}). A trial's events
 * read in one batch are written together ({@link EventDelivery#deliver}): a trial whose STARTED, progress and
 * FINISHED arrive within that time costs a run's creation, one batch of metrics and tags, its end and its model's
 * upload; a longer one shows in MLflow at most that much later.
 *
 * <p>Nothing is dropped: offsets are committed only once an event is written, deliberately ignored (an older
 * attempt's, a FAILED after FINISHED), or kept on the dead-letter topic {@code <topic>.dead-letter} because it
 * cannot be read or MLflow would not take it despite {@link Retry}; {@link #stats()} and {@link #deadLetters()}
 * report those, and {@link DeadLetterReplay} writes them later. Writes are idempotent, so a replay duplicates
 * nothing. The partitions are assigned, not subscribed: no other sink rebalances this one, and the group only keeps
 * its offsets. The sink never owns the tracker. Thread-safe.
 */
public final class MlflowSink implements AutoCloseable {

    /**
     * How long the sink keeps trying to write an event before it sends it to the dead-letter topic.
     *
     * @param refusedTries tries of a write MLflow refuses, or that fails otherwise (>= 1)
     * @param firstBackoff the wait after the first failed try, doubled after each one
     * @param maxBackoff the longest wait between tries
     * @param patience how long a write that may pass (MLflow down or overloaded) is tried
     */
    public record Retry(int refusedTries, Duration firstBackoff, Duration maxBackoff, Duration patience) {

        /** 3 tries of a refused write, waits from 0.5 s up to 10 s, 10 minutes of patience with a server down. */
        public static final Retry DEFAULT =
                new Retry(3, Duration.ofMillis(500), Duration.ofSeconds(10), Duration.ofMinutes(10));

        public Retry {
            Objects.requireNonNull(firstBackoff, "firstBackoff");
            Objects.requireNonNull(maxBackoff, "maxBackoff");
            Objects.requireNonNull(patience, "patience");
            if (refusedTries < 1 || firstBackoff.isNegative() || maxBackoff.compareTo(firstBackoff) < 0
                    || patience.isNegative()) {
                throw new IllegalArgumentException("a retry needs tries >= 1 and 0 <= firstBackoff <= maxBackoff and"
                        + " patience >= 0, but got tries=" + refusedTries + ", firstBackoff=" + firstBackoff
                        + ", maxBackoff=" + maxBackoff + ", patience=" + patience);
            }
        }

        /** The wait after failed try {@code tries} (1, 2, ...). */
        Duration backoff(int tries) {
            Duration wait = firstBackoff.multipliedBy(1L << Math.min(tries - 1, 20));
            return wait.compareTo(maxBackoff) < 0 ? wait : maxBackoff;
        }
    }

    /**
     * Where and as whom the sink reads, where it writes, and from where it uploads models.
     *
     * @param bootstrapServers the Kafka cluster
     * @param topic the sweep's event topic; every partition is read
     * @param experimentName the experiment the events are written to
     * @param groupId the consumer group that keeps the sink's offsets: one per sweep ({@link #forSweep})
     * @param uploadFolders the only folders models are uploaded from (an event naming another file is refused)
     * @param deadLetterTopic how the dead-letter topic is made: like the sweep's topic
     * @param retry how long a write is tried before its event is dead-lettered
     */
    public record Config(String bootstrapServers, String topic, String experimentName, String groupId,
            List<Path> uploadFolders, TopicSettings deadLetterTopic, Retry retry) {

        /** The prefix of the consumer group of a sweep's sink; the sweep id follows. */
        public static final String GROUP_PREFIX = "compressweep-mlflow-sink-";

        public Config {
            Objects.requireNonNull(bootstrapServers, "bootstrapServers");
            Objects.requireNonNull(topic, "topic");
            Objects.requireNonNull(experimentName, "experimentName");
            Objects.requireNonNull(groupId, "groupId");
            Objects.requireNonNull(deadLetterTopic, "deadLetterTopic");
            Objects.requireNonNull(retry, "retry");
            uploadFolders = List.copyOf(uploadFolders);
            for (Path folder : uploadFolders) {
                if (!folder.isAbsolute()) {
                    throw new IllegalArgumentException("an upload folder must be absolute, but got " + folder);
                }
            }
        }

        /**
         * The sink of one sweep: its own consumer group ({@value #GROUP_PREFIX}{@code <sweepId>}), models uploaded
         * from the sweep's folder only, the dead-letter topic made like the sweep's, the default retry.
         */
        public static Config forSweep(String bootstrapServers, String topic, String experimentName, String sweepId,
                Path sweepFolder, TopicSettings topicSettings) {
            return new Config(bootstrapServers, topic, experimentName, GROUP_PREFIX + sweepId,
                    List.of(sweepFolder.toAbsolutePath()), topicSettings, Retry.DEFAULT);
        }

        /** The topic the sink keeps the events it cannot write on. */
        public String deadLetterTopicName() {
            return DeadLetter.topicFor(topic);
        }
    }

    /**
     * Counts of events since the sink started.
     *
     * @param written written to the tracker
     * @param ignored not written on purpose: an attempt older than the trial's newest, a FAILED after FINISHED
     * @param deadLettered sent to the dead-letter topic: unreadable, or not taken by the tracker
     */
    public record Stats(long written, long ignored, long deadLettered) {}

    private static final Logger LOG = LoggerFactory.getLogger(MlflowSink.class);
    private static final Duration POLL = Duration.ofMillis(250);
    /** How long a batch waits for the open trials it read to end. */
    private static final Duration LINGER = Duration.ofSeconds(1);
    /** Trials written at once: MLflow calls wait mostly on the server. */
    private static final int WRITERS = 4;
    /** The most events a poll reads, and about the most a batch holds. */
    private static final int MAX_POLL_RECORDS = 2000;

    private final Consumer<String, String> consumer;
    private final Config config;
    private final DeadLetters deadLetters;
    private final ExecutorService writers;
    private final EventDelivery delivery;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final Thread thread;

    private MlflowSink(Config config, ExperimentTracker tracker) {
        Properties props = KafkaClientProperties.forConsumer(config.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS);
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        this.config = config;
        this.deadLetters = new DeadLetters(config.bootstrapServers(), config.topic(), config.deadLetterTopic());
        this.writers = Executors.newFixedThreadPool(WRITERS, runnable -> {
            Thread writer = new Thread(runnable, "mlflow-sink-writer-" + config.topic());
            writer.setDaemon(true);
            return writer;
        });
        this.delivery = new EventDelivery(tracker, config.uploadFolders(), config.retry(), deadLetters, stopping);
        this.thread = new Thread(this::run, "mlflow-sink-" + config.topic());
        this.thread.setDaemon(true);
    }

    /** Starts consuming every partition of {@code config.topic()} from the group's offsets (else from the start). */
    public static MlflowSink start(Config config, ExperimentTracker tracker) {
        MlflowSink sink = new MlflowSink(config, tracker);
        sink.thread.start();
        return sink;
    }

    /** The tracker's run id of the newest attempt at a trial whose events this sink has written. */
    public Optional<String> runId(String trialId) {
        return delivery.runId(config.experimentName(), trialId);
    }

    /** How many events were written, ignored and dead-lettered so far. */
    public Stats stats() {
        return delivery.stats();
    }

    /**
     * One line per event sent to the dead-letter topic so far: where it was read, what it was, why it was not
     * written; {@code compressweep sink replay} writes them once the cause is fixed.
     */
    public List<String> deadLetters() {
        return delivery.deadLetterLines();
    }

    /**
     * Waits until the newest attempt at every trial in {@code trialIds} has had its terminal event (finished or
     * failed) handled by this sink: written, ignored, or dead-lettered.
     *
     * @return whether all were handled before {@code timeout}
     * @throws TrackingException when the sink stopped on an error it cannot recover from
     */
    public boolean awaitTerminal(Set<String> trialIds, Duration timeout) throws InterruptedException {
        return delivery.terminal().await(trialIds, timeout);
    }

    /**
     * Stops consuming, waiting at most {@code timeout} for the event being written. Events not yet handled stay
     * uncommitted and are read again by the next sink of the same group.
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
        try {
            consume();
        } finally {
            writers.shutdownNow();
        }
    }

    private void consume() {
        String topic = config.topic();
        try (consumer; deadLetters) {
            consumer.assign(partitions());
            int failures = 0;
            while (stopping.getCount() > 0) {
                boolean again = handle(batch());
                failures = again ? failures + 1 : 0;
                if (again) {
                    stopping.await(config.retry().backoff(failures).toMillis(), TimeUnit.MILLISECONDS);
                }
            }
        } catch (WakeupException e) {
            LOG.debug("MLflow sink of {} woken up to stop", topic);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("MLflow sink of topic {} stopped", topic, e);
            delivery.terminal().fail(
                    new TrackingException("the MLflow sink of topic " + topic + " stopped: " + e, e, false));
            return;
        }
        delivery.terminal().fail(new TrackingException("the MLflow sink of topic " + topic + " was closed"));
    }

    /** Every partition of the topic, once it has some (it is made by the session, maybe after the sink starts). */
    private List<TopicPartition> partitions() throws InterruptedException {
        while (stopping.getCount() > 0) {
            try {
                List<PartitionInfo> infos = consumer.partitionsFor(config.topic(), POLL.multipliedBy(20));
                if (infos != null && !infos.isEmpty()) {
                    return infos.stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
                }
                LOG.info("topic {} has no partitions yet; the MLflow sink waits for it", config.topic());
            } catch (TimeoutException e) {
                LOG.warn("Kafka at {} did not say which partitions topic {} has; asking again",
                        config.bootstrapServers(), config.topic());
            }
            stopping.await(POLL.multipliedBy(4).toMillis(), TimeUnit.MILLISECONDS);
        }
        return List.of();
    }

    /**
     * A poll's records and, while some trial read is open and the batch is not full, those of the polls that follow
     * it, for up to {@link #LINGER} after the first.
     */
    private List<ConsumerRecord<String, String>> batch() {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        OpenTrials open = new OpenTrials();
        long deadline = 0;
        do {
            long left = records.isEmpty() ? POLL.toNanos() : deadline - System.nanoTime();
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofNanos(Math.max(0, left)))) {
                records.add(record);
                open.read(record);
            }
            if (deadline == 0 && !records.isEmpty()) {
                deadline = System.nanoTime() + LINGER.toNanos();
            }
        } while (open.any() && records.size() < MAX_POLL_RECORDS && System.nanoTime() < deadline
                && stopping.getCount() > 0);
        return records;
    }

    /**
     * Delivers a batch's events, each trial's in order; true when an event must be read again (it and every later
     * one of its partition are, and events handled after it are written again, which changes nothing).
     */
    private boolean handle(List<ConsumerRecord<String, String>> records) throws InterruptedException {
        if (records.isEmpty()) {
            return false;
        }
        PollBatch batch = new PollBatch(records, config.experimentName());
        EventDelivery.Step step = delivery.deliver(batch.events(), batch::handled, writers);
        commit(batch.committable());
        if (step == EventDelivery.Step.AGAIN) {
            batch.unhandled().forEach(consumer::seek);
            return stopping.getCount() > 0;
        }
        return false;
    }

    private void commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        if (offsets.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(offsets);
        } catch (WakeupException e) {
            throw e;
        } catch (KafkaException e) {
            LOG.warn("cannot commit the MLflow sink's offsets of {}; those events will be written again",
                    config.topic(), e);
        }
    }
}
