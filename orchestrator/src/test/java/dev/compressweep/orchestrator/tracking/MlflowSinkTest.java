package dev.compressweep.orchestrator.tracking;

import static dev.compressweep.orchestrator.tracking.SinkFixture.WAIT;
import static dev.compressweep.orchestrator.tracking.SinkFixture.runId;
import static dev.compressweep.orchestrator.tracking.SinkFixture.status;
import static dev.compressweep.orchestrator.tracking.SinkFixture.tag;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.compressweep.orchestrator.events.TopicSettings;
import dev.compressweep.orchestrator.fixtures.MlflowRest;
import dev.compressweep.orchestrator.fixtures.RealServices;
import dev.compressweep.orchestrator.fixtures.Topics;
import dev.compressweep.orchestrator.fixtures.TrialEvents;
import dev.compressweep.orchestrator.services.LocalPorts;
import dev.compressweep.orchestrator.services.MlflowServer;
import dev.compressweep.workers.event.KafkaEventPublisher;
import dev.compressweep.workers.event.TrialEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MlflowSinkTest {

    @TempDir
    Path tmp;

    private SinkFixture sweep;

    @AfterEach
    void tearDown() {
        if (sweep != null) {
            sweep.close();
        }
    }

    private List<TrialEvent> lifeOf(TrialEvents trial, Path artifact, double accuracy) {
        return List.of(trial.started(), trial.progress(1, 0.9), trial.progress(2, 0.5),
                trial.finished(Map.of("accuracy", accuracy, "size_bytes", 1000.0 * (trial.index() + 2)), artifact));
    }

    @Test
    void shouldRecordTrialsFinishingAtTheSameTimeOnEveryPartitionAsOneChildRunEach() throws Exception {
        sweep = new SinkFixture(tmp, 3);
        TrialEvents teacher = TrialEvents.teacher(sweep.sweepId);
        TrialEvents first =
                TrialEvents.trial(sweep.sweepId, 0, List.of("distill", "quantize"), Map.of("quantize.bits", 8L));
        TrialEvents second = TrialEvents.trial(sweep.sweepId, 1, List.of("prune"), Map.of("prune.sparsity", 0.5));
        MlflowSink sink = sweep.start("sink-test-" + sweep.sweepId);
        sweep.publish(lifeOf(teacher, sweep.artifact("teacher.params", "teacher-weights"), 0.91));

        publishConcurrently(lifeOf(first, sweep.artifact("first.onnx", "first-model"), 0.90),
                lifeOf(second, sweep.artifact("second.onnx", "second-model"), 0.88));

        assertTrue(sink.awaitTerminal(Set.of(teacher.trialId(), first.trialId(), second.trialId()), WAIT));
        String parent = runId(sweep.only("tags.`compressweep.kind` = 'sweep'"));
        assertEquals(2, sweep.runs("tags.`compressweep.kind` = 'trial'").size(), "exactly one run per trial");
        JsonNode firstRun = sweep.only("tags.`compressweep.trial_id` = '" + first.trialId() + "'");
        assertEquals(parent, tag(firstRun, "mlflow.parentRunId"));
        assertEquals("000-distill+quantize", firstRun.path("info").path("run_name").asText());
        assertEquals("distill+quantize", tag(firstRun, "compressweep.chain"));
        assertEquals("1", tag(firstRun, "compressweep.attempt"));
        assertEquals("8", MlflowRest.value(firstRun, "params", "quantize.bits"));
        assertEquals("0.9", MlflowRest.value(firstRun, "metrics", "accuracy"));
        assertEquals("PyTorch 2.7.1", tag(firstRun, "engine"));
        assertEquals("FINISHED", status(firstRun));
        assertEquals(runId(firstRun), sink.runId(first.trialId()).orElseThrow());
        assertEquals(List.of(1L, 2L), sweep.steps(firstRun, "loss"));
        assertArrayEquals("first-model".getBytes(),
                sweep.rest.artifact(firstRun.path("info").path("artifact_uri").asText(), "model/first.onnx"));
        JsonNode teacherRun = sweep.only("tags.`compressweep.kind` = 'teacher'");
        assertEquals("teacher", teacherRun.path("info").path("run_name").asText());
        assertEquals(parent, tag(teacherRun, "mlflow.parentRunId"));
        assertEquals(new MlflowSink.Stats(12, 0, 0), sink.stats());
    }

    @Test
    void shouldWriteAShortTrialsEventsReadInSeveralPollsTogether() throws Exception {
        sweep = new SinkFixture(tmp, 1);
        CountingTracker counting = new CountingTracker(sweep.tracker);
        MlflowSink sink = sweep.start(sweep.config("sink-test-" + sweep.sweepId), counting);
        TrialEvents trial = TrialEvents.trial(sweep.sweepId, 0, List.of("distill"), Map.of("distill.width", 16L));
        List<TrialEvent> events = List.of(trial.started(), trial.progress(1, 0.9), trial.progress(2, 0.5),
                trial.finished(Map.of("accuracy", 0.9), sweep.artifact("model.onnx", "model")));

        try (KafkaEventPublisher publisher = new KafkaEventPublisher(sweep.bootstrap, sweep.topic)) {
            for (TrialEvent event : events) {
                publisher.publish(event);
                Thread.sleep(100);
            }
        }

        assertTrue(sink.awaitTerminal(Set.of(trial.trialId()), WAIT));
        JsonNode run = sweep.only("tags.`compressweep.trial_id` = '" + trial.trialId() + "'");
        assertEquals("FINISHED", status(run));
        assertEquals(List.of(1L, 2L), sweep.steps(run, "loss"));
        assertEquals(List.of(1, 1, 1, 1), List.of(counting.calls("createTrialRun"), counting.calls("log"),
                counting.calls("terminate"), counting.calls("uploadArtifact")),
                "one run made, one batch of params, metrics and tags, its end, its model");
    }

    @Test
    void shouldNotDuplicateRunsOrFailWhenEventsAreReplayed() throws Exception {
        sweep = new SinkFixture(tmp, 1);
        TrialEvents teacher = TrialEvents.teacher(sweep.sweepId);
        TrialEvents trial = TrialEvents.trial(sweep.sweepId, 4, List.of("lowrank"), Map.of("lowrank.rank", 16L));
        List<TrialEvent> events = new ArrayList<>(lifeOf(teacher, null, 0.91));
        events.addAll(lifeOf(trial, sweep.artifact("model.onnx", "model"), 0.87));
        MlflowSink sink = sweep.start("sink-test-" + sweep.sweepId);
        sweep.publish(events);
        assertTrue(sink.awaitTerminal(Set.of(teacher.trialId(), trial.trialId()), WAIT));

        TrialEvents sentinel = TrialEvents.trial(sweep.sweepId, 5, List.of("quantize"), Map.of("quantize.bits", 4L));
        List<TrialEvent> replay = new ArrayList<>(events);
        replay.addAll(List.of(sentinel.started(), sentinel.failed("out of memory")));
        sweep.publish(replay);
        assertTrue(sink.awaitTerminal(Set.of(sentinel.trialId()), WAIT), "the same sink reads the replay");
        MlflowSink fresh = sweep.start("sink-test-fresh-" + sweep.sweepId);
        assertTrue(fresh.awaitTerminal(Set.of(sentinel.trialId()), WAIT), "a new group replays the whole topic");

        assertEquals(1, sweep.runs("tags.`compressweep.kind` = 'sweep'").size());
        assertEquals(1, sweep.runs("tags.`compressweep.kind` = 'teacher'").size());
        assertEquals(2, sweep.runs("tags.`compressweep.kind` = 'trial'").size());
        JsonNode trialRun = sweep.only("tags.`compressweep.trial_id` = '" + trial.trialId() + "'");
        assertEquals(List.of(1L, 2L), sweep.steps(trialRun, "loss"), "a replayed metric point is not a new point");
        assertEquals("16", MlflowRest.value(trialRun, "params", "lowrank.rank"));
        JsonNode failedRun = sweep.only("tags.`compressweep.trial_id` = '" + sentinel.trialId() + "'");
        assertEquals("FAILED", status(failedRun));
        assertEquals("out of memory", tag(failedRun, "compressweep.error"));
        assertEquals(new MlflowSink.Stats(18, 0, 0), sink.stats());
        assertEquals(new MlflowSink.Stats(18, 0, 0), fresh.stats());
        assertEquals(sink.runId(trial.trialId()), fresh.runId(trial.trialId()));
    }

    @Test
    void shouldWriteEveryPointAndEveryAttemptOfTrialsReadInOnePoll() throws Exception {
        sweep = new SinkFixture(tmp, 2);
        TrialEvents first = TrialEvents.trial(sweep.sweepId, 0, List.of("distill"), Map.of("distill.width", 16L));
        TrialEvents second = TrialEvents.trial(sweep.sweepId, 1, List.of("prune"), Map.of("prune.sparsity", 0.5));
        List<TrialEvent> events = new ArrayList<>();
        events.add(first.started());
        events.add(second.started());
        for (int epoch = 1; epoch <= 30; epoch++) {
            events.add(first.progress(epoch, 1.0 / epoch));
        }
        events.add(second.failed("the executor was lost"));
        events.add(first.finished(Map.of("accuracy", 0.9), null));
        lifeOf(second, null, 0.8).forEach(event -> events.add(SinkFixture.attempt(event, 2)));
        sweep.publish(events);

        MlflowSink sink = sweep.start("sink-test-" + sweep.sweepId);

        SinkFixture.awaitHandled(sink, events.size());
        JsonNode firstRun = sweep.only("tags.`compressweep.trial_id` = '" + first.trialId() + "'");
        assertEquals("FINISHED", status(firstRun));
        assertEquals(30, sweep.steps(firstRun, "loss").size(), "every epoch's point");
        assertEquals("16", MlflowRest.value(firstRun, "params", "distill.width"));
        List<JsonNode> secondRuns = sweep.runsOf(second.trialId());
        assertEquals(2, secondRuns.size(), "one run per attempt");
        JsonNode current = secondRuns.stream().filter(run -> "2".equals(tag(run, "compressweep.attempt")))
                .findFirst().orElseThrow();
        assertEquals("FINISHED", status(current));
        assertEquals(List.of(1L, 2L), sweep.steps(current, "loss"));
        assertEquals(new MlflowSink.Stats(events.size(), 0, 0), sink.stats());
    }

    @Test
    void shouldSendEventsItCannotReadToTheDeadLetterTopicAndKeepGoing() throws Exception {
        sweep = new SinkFixture(tmp, 1);
        MlflowSink sink = sweep.start("sink-test-" + sweep.sweepId);
        Topics.sendRaw(sweep.bootstrap, sweep.topic, "garbage", "this is not JSON");
        Topics.sendRaw(sweep.bootstrap, sweep.topic, "future", "{\"schema_version\": 99, \"sweep_id\": \"x\"}");
        TrialEvents trial = TrialEvents.trial(sweep.sweepId, 0, List.of("prune"), Map.of());

        sweep.publish(lifeOf(trial, null, 0.8));

        assertTrue(sink.awaitTerminal(Set.of(trial.trialId()), WAIT));
        assertEquals(new MlflowSink.Stats(4, 0, 2), sink.stats());
        List<String> reasons = sink.deadLetters();
        assertEquals(2, reasons.size());
        assertTrue(reasons.get(0).startsWith(sweep.topic + "-0@0 an unreadable event (key garbage): it cannot be"
                + " read: event is not valid JSON"), reasons.get(0));
        assertTrue(reasons.get(1).contains("@1 an unreadable event (key future): it cannot be read: event schema"
                + " version 99 is newer than the supported 1"), reasons.get(1));
        List<String> letters = sweep.deadLetters();
        assertEquals(2, letters.size());
        assertEquals("this is not JSON", DeadLetter.decode(letters.get(0)).event().value());
    }

    @Test
    void shouldKeepEventsUntilMlflowComesBack() throws Exception {
        sweep = new SinkFixture(tmp, 1);
        int port = LocalPorts.free();
        TrialEvents trial = TrialEvents.trial(sweep.sweepId, 2, List.of("distill"), Map.of("distill.temperature", 4.0));
        try (MlflowTracker offline = new MlflowTracker("http://127.0.0.1:" + port)) {
            MlflowSink sink = sweep.start(new MlflowSink.Config(sweep.bootstrap, sweep.topic, sweep.experiment,
                    "sink-test-" + sweep.sweepId, List.of(sweep.folder), TopicSettings.DEFAULTS,
                    MlflowSink.Retry.DEFAULT), offline);
            sweep.publish(lifeOf(trial, null, 0.85));
            assertFalse(sink.awaitTerminal(Set.of(trial.trialId()), Duration.ofSeconds(2)),
                    "MLflow is not up yet");

            try (MlflowServer server = MlflowServer.start(RealServices.home().requireMlflowCommand(),
                    tmp.resolve("late-mlflow"), port, false)) {
                assertTrue(sink.awaitTerminal(Set.of(trial.trialId()), WAIT));
                assertEquals(new MlflowSink.Stats(4, 0, 0), sink.stats());
                MlflowRest late = new MlflowRest(server.uri());
                String experimentId = late.get("experiments/get-by-name", "experiment_name", sweep.experiment)
                        .path("experiment").path("experiment_id").asText();
                assertEquals(1, late.runs(experimentId, "tags.`compressweep.kind` = 'trial'").size());
            }
        }
    }

    @Test
    void shouldGiveEachSweepItsOwnConsumerGroupAndUploadFromItsFolderOnly() {
        MlflowSink.Config config = MlflowSink.Config.forSweep("127.0.0.1:9092", "compressweep.s1", "exp", "s1",
                Path.of("runs", "s1"), TopicSettings.DEFAULTS);

        assertEquals("compressweep-mlflow-sink-s1", config.groupId());
        assertEquals(List.of(Path.of("runs", "s1").toAbsolutePath()), config.uploadFolders());
        assertEquals("compressweep.s1.dead-letter", config.deadLetterTopicName());
    }

    private void publishConcurrently(List<TrialEvent> a, List<TrialEvent> b) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (List<TrialEvent> events : List.of(a, b)) {
                done.add(pool.submit(() -> {
                    go.await();
                    sweep.publish(events);
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
}
