package dev.compressweep.orchestrator.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.compressweep.orchestrator.events.TopicSettings;
import dev.compressweep.orchestrator.events.Topics;
import dev.compressweep.orchestrator.fixtures.MlflowRest;
import dev.compressweep.orchestrator.fixtures.RealServices;
import dev.compressweep.workers.event.KafkaEventPublisher;
import dev.compressweep.workers.event.TrialEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A fresh sweep for the sink's tests on the real broker and MLflow server: its topic, experiment, results folder
 * (the only folder models are uploaded from) and the sinks started on it, closed with the fixture.
 */
final class SinkFixture implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(60);
    /** Quick tries, so that a refused write is dead-lettered within a second. */
    static final MlflowSink.Retry QUICK =
            new MlflowSink.Retry(2, Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofSeconds(30));

    final String bootstrap = RealServices.kafka();
    final String sweepId = "sweep-" + UUID.randomUUID().toString().substring(0, 8);
    final String topic = "sink-test-" + sweepId;
    final String experiment = "sink-test-" + sweepId;
    final MlflowRest rest = new MlflowRest(RealServices.mlflow());
    final MlflowTracker tracker = new MlflowTracker(RealServices.mlflow());
    final Path folder;
    private final List<MlflowSink> sinks = new ArrayList<>();

    /** A sweep whose topic has {@code partitions} partitions and whose results folder is {@code tmp/<sweep>}. */
    SinkFixture(Path tmp, int partitions) {
        Topics.ensure(bootstrap, topic, new TopicSettings(partitions, (short) 1, -1));
        try {
            folder = Files.createDirectories(tmp.resolve(sweepId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sweep's sink config, reading as {@code groupId}, with quick retries. */
    MlflowSink.Config config(String groupId) {
        return new MlflowSink.Config(bootstrap, topic, experiment, groupId, List.of(folder), TopicSettings.DEFAULTS,
                QUICK);
    }

    MlflowSink start(String groupId) {
        return start(config(groupId), tracker);
    }

    MlflowSink start(MlflowSink.Config config, ExperimentTracker through) {
        MlflowSink sink = MlflowSink.start(config, through);
        sinks.add(sink);
        return sink;
    }

    void publish(List<TrialEvent> events) {
        try (KafkaEventPublisher publisher = new KafkaEventPublisher(bootstrap, topic)) {
            events.forEach(publisher::publish);
        }
    }

    /** A file in the sweep's folder. */
    Path artifact(String name, String content) throws IOException {
        return Files.writeString(folder.resolve(name), content);
    }

    String experimentId() {
        return rest.get("experiments/get-by-name", "experiment_name", experiment).path("experiment")
                .path("experiment_id").asText();
    }

    List<JsonNode> runs(String filter) {
        return rest.runs(experimentId(), filter);
    }

    /** The runs of every attempt at a trial. */
    List<JsonNode> runsOf(String trialId) {
        return runs("tags.`compressweep.trial_id` = '" + trialId + "'");
    }

    /** The one run matching {@code filter}. */
    JsonNode only(String filter) {
        List<JsonNode> runs = runs(filter);
        assertEquals(1, runs.size(), "expected exactly one run where " + filter + ", but got " + runs);
        return runs.get(0);
    }

    /** The steps of every point of a metric's history, in order. */
    List<Long> steps(JsonNode run, String metric) {
        JsonNode history = rest.get("metrics/get-history", "run_id", runId(run), "metric_key", metric);
        return StreamSupport.stream(history.path("metrics").spliterator(), false)
                .map(point -> point.path("step").asLong()).sorted().toList();
    }

    /** The values of every record on the sweep's dead-letter topic. */
    List<String> deadLetters() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        String deadLetterTopic = topic + ".dead-letter";
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(deadLetterTopic).stream()
                    .map(info -> new TopicPartition(deadLetterTopic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<String> values = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
            return values;
        }
    }

    /** Waits until the sink has handled (written, ignored or dead-lettered) {@code events} events. */
    static void awaitHandled(MlflowSink sink, long events) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (handled(sink.stats()) < events && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(events, handled(sink.stats()), "events handled: " + sink.stats());
    }

    private static long handled(MlflowSink.Stats stats) {
        return stats.written() + stats.ignored() + stats.deadLettered();
    }

    static String runId(JsonNode run) {
        return run.path("info").path("run_id").asText();
    }

    static String status(JsonNode run) {
        return run.path("info").path("status").asText();
    }

    static String tag(JsonNode run, String key) {
        return MlflowRest.value(run, "tags", key);
    }

    /** The event as attempt {@code attempt} sends it: tagged, and half an hour later per attempt. */
    static TrialEvent attempt(TrialEvent event, int attempt) {
        Map<String, String> tags = new LinkedHashMap<>(event.tags());
        tags.put(TrialEvent.ATTEMPT_TAG, Integer.toString(attempt));
        return new TrialEvent(event.schemaVersion(), event.sweepId(), event.trialId(), event.trialIndex(),
                event.role(), event.type(), event.timestamp().plus(Duration.ofMinutes(30L * (attempt - 1))),
                event.chain(), event.params(), event.metrics(), tags, event.artifactUri(), event.error());
    }

    @Override
    public void close() {
        sinks.forEach(sink -> sink.close(Duration.ofSeconds(10)));
        tracker.close();
    }
}
