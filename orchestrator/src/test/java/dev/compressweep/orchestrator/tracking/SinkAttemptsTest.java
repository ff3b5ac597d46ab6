package dev.compressweep.orchestrator.tracking;

import static dev.compressweep.orchestrator.tracking.SinkFixture.WAIT;
import static dev.compressweep.orchestrator.tracking.SinkFixture.attempt;
import static dev.compressweep.orchestrator.tracking.SinkFixture.runId;
import static dev.compressweep.orchestrator.tracking.SinkFixture.status;
import static dev.compressweep.orchestrator.tracking.SinkFixture.tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.compressweep.orchestrator.fixtures.MlflowRest;
import dev.compressweep.orchestrator.fixtures.TrialEvents;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SinkAttemptsTest {

    @TempDir
    Path tmp;

    private SinkFixture sweep;
    private TrialEvents trial;

    @BeforeEach
    void setUp() {
        sweep = new SinkFixture(tmp, 1);
        trial = TrialEvents.trial(sweep.sweepId, 3, List.of("prune"), Map.of("prune.sparsity", 0.5));
    }

    @AfterEach
    void tearDown() {
        sweep.close();
    }

    @Test
    void shouldGiveAnAttemptItsOwnRunAndEndThePartialOneSupersededIgnoringItsLateEvents() throws Exception {
        MlflowSink sink = sweep.start("sink-test-" + sweep.sweepId);
        sweep.publish(List.of(attempt(trial.started(), 1), attempt(trial.progress(1, 0.9), 1),
                attempt(trial.progress(2, 0.7), 1)));

        sweep.publish(List.of(attempt(trial.started(), 2), attempt(trial.progress(1, 0.8), 2),
                attempt(trial.progress(3, 0.6), 1), attempt(trial.progress(2, 0.5), 2),
                attempt(trial.finished(Map.of("accuracy", 0.9), null), 1),
                attempt(trial.finished(Map.of("accuracy", 0.88), null), 2)));

        assertTrue(sink.awaitTerminal(Set.of(trial.trialId()), WAIT));
        assertEquals(2, sweep.runsOf(trial.trialId()).size(), "one run per attempt");
        JsonNode first = sweep.only(attemptFilter(1));
        assertEquals("KILLED", status(first));
        assertEquals("2", tag(first, "compressweep.superseded_by"));
        assertEquals("superseded", tag(first, "compressweep.kind"));
        assertEquals(List.of(1L, 2L), sweep.steps(first, "loss"), "the late point of attempt 1 is not written");
        JsonNode current = sweep.only("tags.`compressweep.kind` = 'trial'");
        assertEquals("2", tag(current, "compressweep.attempt"));
        assertEquals("003-prune (attempt 2)", current.path("info").path("run_name").asText());
        assertEquals("FINISHED", status(current));
        assertEquals("0.88", MlflowRest.value(current, "metrics", "accuracy"));
        assertEquals(List.of(1L, 2L), sweep.steps(current, "loss"), "no point twice");
        assertEquals(runId(current), sink.runId(trial.trialId()).orElseThrow());
        assertEquals(runId(current), sweep.tracker.findTrialRun(sweep.experimentId(), trial.trialId())
                .orElseThrow().runId());
        assertEquals(new MlflowSink.Stats(7, 2, 0), sink.stats());
    }

    @Test
    void shouldRebuildAttemptsFromMlflowWhenASinkStartsOverAndSupersedeARunLeftCurrent() throws Exception {
        MlflowSink before = sweep.start("sink-test-" + sweep.sweepId);
        sweep.publish(List.of(attempt(trial.started(), 1), attempt(trial.progress(1, 0.9), 1),
                attempt(trial.progress(2, 0.7), 1), attempt(trial.started(), 2), attempt(trial.progress(1, 0.8), 2)));
        SinkFixture.awaitHandled(before, 5);
        before.close(Duration.ofSeconds(10));
        String firstRun = runId(sweep.only(attemptFilter(1)));
        leaveCurrent(firstRun);

        sweep.publish(List.of(attempt(trial.progress(3, 0.6), 1), attempt(trial.progress(2, 0.5), 2),
                attempt(trial.finished(Map.of("accuracy", 0.88), null), 2)));
        MlflowSink after = sweep.start("sink-test-fresh-" + sweep.sweepId);

        assertTrue(after.awaitTerminal(Set.of(trial.trialId()), WAIT));
        assertEquals(2, sweep.runsOf(trial.trialId()).size(), "no run made again");
        JsonNode first = sweep.only(attemptFilter(1));
        assertEquals(firstRun, runId(first));
        assertEquals("KILLED", status(first));
        assertEquals("superseded", tag(first, "compressweep.kind"));
        assertEquals(List.of(1L, 2L), sweep.steps(first, "loss"));
        JsonNode current = sweep.only("tags.`compressweep.kind` = 'trial'");
        assertEquals("FINISHED", status(current));
        assertEquals(List.of(1L, 2L), sweep.steps(current, "loss"));
        assertEquals(new MlflowSink.Stats(4, 4, 0), after.stats());
    }

    private String attemptFilter(int attempt) {
        return "tags.`compressweep.trial_id` = '" + trial.trialId() + "' and tags.`compressweep.attempt` = '"
                + attempt + "'";
    }

    /** Makes the run current and running again, as a sink that stopped while superseding it would leave it. */
    private void leaveCurrent(String runId) {
        sweep.rest.post("runs/delete-tag", "{\"run_id\": \"" + runId + "\", \"key\": \"compressweep.superseded_by\"}");
        sweep.rest.post("runs/set-tag",
                "{\"run_id\": \"" + runId + "\", \"key\": \"compressweep.kind\", \"value\": \"trial\"}");
        sweep.rest.post("runs/update", "{\"run_id\": \"" + runId + "\", \"status\": \"RUNNING\"}");
    }
}
