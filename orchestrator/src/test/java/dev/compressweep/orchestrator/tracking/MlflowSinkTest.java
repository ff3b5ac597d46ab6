package dev.compressweep.orchestrator.tracking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.compressweep.orchestrator.fixtures.MlflowRest;
import dev.compressweep.orchestrator.fixtures.RealServices;
import dev.compressweep.orchestrator.fixtures.Topics;
import dev.compressweep.orchestrator.fixtures.TrialEvents;
import dev.compressweep.orchestrator.services.LocalPorts;
import dev.compressweep.orchestrator.services.MlflowServer;
import dev.compressweep.workers.event.KafkaEventPublisher;
import dev.compressweep.workers.event.TrialEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MlflowSinkTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path tmp;

    private String bootstrap;
    private String topic;
    private String experiment;
    private String sweepId;
    private MlflowRest rest;
    private MlflowTracker tracker;
    private final List<MlflowSink> sinks = new ArrayList<>();

    @BeforeEach
    void setUp() {
        bootstrap = RealServices.kafka();
        rest = new MlflowRest(RealServices.mlflow());
        tracker = new MlflowTracker(RealServices.mlflow());
        topic = Topics.create(bootstrap, "sink-test");
        sweepId = "sweep-" + UUID.randomUUID().toString().substring(0, 8);
        experiment = "sink-test-" + sweepId;
    }

    @AfterEach
    void tearDown() {
        sinks.forEach(sink -> sink.close(Duration.ofSeconds(10)));
        tracker.close();
    }

    private MlflowSink startSink(String groupId) {
        MlflowSink sink = MlflowSink.start(new MlflowSink.Config(bootstrap, topic, experiment, groupId), tracker);
        sinks.add(sink);
        return sink;
    }

    private void publish(List<TrialEvent> events) {
        try (KafkaEventPublisher publisher = new KafkaEventPublisher(bootstrap, topic)) {
            events.forEach(publisher::publish);
        }
    }

    private List<TrialEvent> lifeOf(TrialEvents trial, Path artifact, double accuracy) {
        return List.of(trial.started(), trial.progress(1, 0.9), trial.progress(2, 0.5),
                trial.finished(Map.of("accuracy", accuracy, "size_bytes", 1000.0 * (trial.index() + 2)), artifact));
    }

    private Path artifact(String name, String content) throws IOException {
        return Files.writeString(tmp.resolve(name), content);
    }

    private String experimentId() {
        return rest.get("experiments/get-by-name", "experiment_name", experiment)
                .path("experiment").path("experiment_id").asText();
    }

    @Test
    void shouldRecordTrialsFinishingAtTheSameTimeAsOneChildRunEach() throws Exception {
        TrialEvents teacher = TrialEvents.teacher(sweepId);
        TrialEvents first =
                TrialEvents.trial(sweepId, 0, List.of("distill", "quantize"), Map.of("quantize.bits", 8L));
        TrialEvents second = TrialEvents.trial(sweepId, 1, List.of("prune"), Map.of("prune.sparsity", 0.5));
        MlflowSink sink = startSink("sink-test-" + sweepId);
        publish(lifeOf(teacher, artifact("teacher.params", "teacher-weights"), 0.91));

        publishConcurrently(lifeOf(first, artifact("first.onnx", "first-model"), 0.90),
                lifeOf(second, artifact("second.onnx", "second-model"), 0.88));

        assertTrue(sink.awaitTerminal(Set.of(teacher.trialId(), first.trialId(), second.trialId()), WAIT));
        String experimentId = experimentId();
        List<JsonNode> sweepRuns = rest.runs(experimentId, "tags.`compressweep.kind` = 'sweep'");
        assertEquals(1, sweepRuns.size());
        String parent = sweepRuns.get(0).path("info").path("run_id").asText();
        List<JsonNode> trials = rest.runs(experimentId, "tags.`compressweep.kind` = 'trial'");
        assertEquals(2, trials.size(), "exactly one run per trial");
        JsonNode firstRun = only(rest.runs(experimentId, "tags.`compressweep.trial_id` = '" + first.trialId() + "'"));
        assertEquals(parent, MlflowRest.value(firstRun, "tags", "mlflow.parentRunId"));
        assertEquals("000-distill+quantize", firstRun.path("info").path("run_name").asText());
        assertEquals("distill+quantize", MlflowRest.value(firstRun, "tags", "compressweep.chain"));
        assertEquals("8", MlflowRest.value(firstRun, "params", "quantize.bits"));
        assertEquals("0.9", MlflowRest.value(firstRun, "metrics", "accuracy"));
        assertEquals("PyTorch 2.7.1", MlflowRest.value(firstRun, "tags", "engine"));
        assertEquals("FINISHED", firstRun.path("info").path("status").asText());
        assertEquals(firstRun.path("info").path("run_id").asText(), sink.runId(first.trialId()).orElseThrow());
        assertEquals(List.of(1L, 2L), lossSteps(firstRun));
        assertArrayEquals("first-model".getBytes(), rest.artifact(firstRun.path("info").path("artifact_uri").asText(),
                "model/first.onnx"));
        JsonNode teacherRun = only(rest.runs(experimentId, "tags.`compressweep.kind` = 'teacher'"));
        assertEquals("teacher", teacherRun.path("info").path("run_name").asText());
        assertEquals(parent, MlflowRest.value(teacherRun, "tags", "mlflow.parentRunId"));
        assertEquals(new MlflowSink.Stats(12, 0), sink.stats());
    }

    @Test
    void shouldNotDuplicateRunsOrFailWhenEventsAreReplayed() throws Exception {
        TrialEvents teacher = TrialEvents.teacher(sweepId);
        TrialEvents trial = TrialEvents.trial(sweepId, 4, List.of("lowrank"), Map.of("lowrank.rank", 16L));
        List<TrialEvent> events = new ArrayList<>(lifeOf(teacher, null, 0.91));
        events.addAll(lifeOf(trial, artifact("model.onnx", "model"), 0.87));
        MlflowSink sink = startSink("sink-test-" + sweepId);
        publish(events);
        assertTrue(sink.awaitTerminal(Set.of(teacher.trialId(), trial.trialId()), WAIT));

        TrialEvents sentinel = TrialEvents.trial(sweepId, 5, List.of("quantize"), Map.of("quantize.bits", 4L));
        List<TrialEvent> replay = new ArrayList<>(events);
        replay.addAll(List.of(sentinel.started(), sentinel.failed("out of memory")));
        publish(replay);
        assertTrue(sink.awaitTerminal(Set.of(sentinel.trialId()), WAIT), "the same sink reads the replay");
        MlflowSink fresh = startSink("sink-test-fresh-" + sweepId);
        assertTrue(fresh.awaitTerminal(Set.of(sentinel.trialId()), WAIT), "a new group replays the whole topic");

        String experimentId = experimentId();
        assertEquals(1, rest.runs(experimentId, "tags.`compressweep.kind` = 'sweep'").size());
        assertEquals(1, rest.runs(experimentId, "tags.`compressweep.kind` = 'teacher'").size());
        assertEquals(2, rest.runs(experimentId, "tags.`compressweep.kind` = 'trial'").size());
        JsonNode trialRun = only(rest.runs(experimentId, "tags.`compressweep.trial_id` = '" + trial.trialId() + "'"));
        assertEquals(List.of(1L, 2L), lossSteps(trialRun), "a replayed metric point is not a new point");
        assertEquals("16", MlflowRest.value(trialRun, "params", "lowrank.rank"));
        JsonNode failedRun =
                only(rest.runs(experimentId, "tags.`compressweep.trial_id` = '" + sentinel.trialId() + "'"));
        assertEquals("FAILED", failedRun.path("info").path("status").asText());
        assertEquals("out of memory", MlflowRest.value(failedRun, "tags", "compressweep.error"));
        assertEquals(0, sink.stats().skipped());
        assertEquals(0, fresh.stats().skipped());
        assertEquals(sink.runId(trial.trialId()), fresh.runId(trial.trialId()));
    }

    @Test
    void shouldSkipEventsItCannotReadAndKeepGoing() throws Exception {
        MlflowSink sink = startSink("sink-test-" + sweepId);
        Topics.sendRaw(bootstrap, topic, "garbage", "this is not JSON");
        Topics.sendRaw(bootstrap, topic, "future", "{\"schema_version\": 99, \"sweep_id\": \"x\"}");
        TrialEvents trial = TrialEvents.trial(sweepId, 0, List.of("prune"), Map.of());

        publish(lifeOf(trial, null, 0.8));

        assertTrue(sink.awaitTerminal(Set.of(trial.trialId()), WAIT));
        assertEquals(new MlflowSink.Stats(4, 2), sink.stats());
    }

    @Test
    void shouldKeepEventsUntilMlflowComesBack() throws Exception {
        int port = LocalPorts.free();
        String uri = "http://127.0.0.1:" + port;
        TrialEvents trial = TrialEvents.trial(sweepId, 2, List.of("distill"), Map.of("distill.temperature", 4.0));
        try (MlflowTracker offline = new MlflowTracker(uri)) {
            MlflowSink sink = MlflowSink.start(
                    new MlflowSink.Config(bootstrap, topic, experiment, "sink-test-" + sweepId), offline);
            sinks.add(sink);
            publish(lifeOf(trial, null, 0.85));
            assertFalse(sink.awaitTerminal(Set.of(trial.trialId()), Duration.ofSeconds(2)), "MLflow is not up yet");

            try (MlflowServer server = MlflowServer.start(RealServices.home().requireMlflowCommand(),
                    tmp.resolve("late-mlflow"), port, false)) {
                assertTrue(sink.awaitTerminal(Set.of(trial.trialId()), WAIT));
                assertEquals(new MlflowSink.Stats(4, 0), sink.stats());
                MlflowRest late = new MlflowRest(server.uri());
                String experimentId = late.get("experiments/get-by-name", "experiment_name", experiment)
                        .path("experiment").path("experiment_id").asText();
                assertEquals(1, late.runs(experimentId, "tags.`compressweep.kind` = 'trial'").size());
            }
        }
    }

    private void publishConcurrently(List<TrialEvent> a, List<TrialEvent> b) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (List<TrialEvent> events : List.of(a, b)) {
                done.add(pool.submit(() -> {
                    go.await();
                    publish(events);
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private List<Long> lossSteps(JsonNode run) {
        JsonNode history = rest.get("metrics/get-history", "run_id", run.path("info").path("run_id").asText(),
                "metric_key", "loss");
        return StreamSupport.stream(history.path("metrics").spliterator(), false)
                .map(point -> point.path("step").asLong()).sorted().toList();
    }

    private static JsonNode only(List<JsonNode> runs) {
        assertEquals(1, runs.size(), "expected exactly one run, but got " + runs);
        return runs.get(0);
    }
}
