package dev.compressweep.orchestrator.tracking;

import static dev.compressweep.orchestrator.tracking.SinkFixture.QUICK;
import static dev.compressweep.orchestrator.tracking.SinkFixture.WAIT;
import static dev.compressweep.orchestrator.tracking.SinkFixture.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.compressweep.orchestrator.fixtures.MlflowRest;
import dev.compressweep.orchestrator.fixtures.Topics;
import dev.compressweep.orchestrator.fixtures.TrialEvents;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SinkDeadLetterTest {

    @TempDir
    Path tmp;

    private SinkFixture sweep;

    @AfterEach
    void tearDown() {
        sweep.close();
    }

    @Test
    void shouldRetryARefusedWriteThenDeadLetterAndReportItAndReplayItOnceMlflowTakesIt() throws Exception {
        sweep = new SinkFixture(tmp, 1);
        TrialEvents trial = TrialEvents.trial(sweep.sweepId, 0, List.of("distill"), Map.of());
        MlflowSink sink = sweep.start("sink-test-" + sweep.sweepId);
        sweep.publish(List.of(trial.started(), trial.progress(1, 0.9)));
        SinkFixture.awaitHandled(sink, 2);
        String runId = sink.runId(trial.trialId()).orElseThrow();
        sweep.rest.post("runs/delete", "{\"run_id\": \"" + runId + "\"}");

        sweep.publish(List.of(trial.progress(2, 0.5), trial.finished(Map.of("accuracy", 0.8), null)));

        assertTrue(sink.awaitTerminal(Set.of(trial.trialId()), WAIT), "a dead-lettered end is handled");
        assertEquals(new MlflowSink.Stats(2, 0, 2), sink.stats());
        List<String> reasons = sink.deadLetters();
        assertEquals(2, reasons.size());
        assertTrue(reasons.get(0).startsWith(sweep.topic + "-0@2 PROGRESS of trial " + trial.trialId()
                + " (attempt 1): writing it failed 2 times: "), reasons.get(0));
        assertTrue(reasons.get(0).contains("must be in the 'active' state"), reasons.get(0));
        assertTrue(reasons.get(1).startsWith(sweep.topic + "-0@3 FINISHED of trial "), reasons.get(1));
        assertEquals(2, sweep.deadLetters().size());

        sweep.rest.post("runs/restore", "{\"run_id\": \"" + runId + "\"}");
        DeadLetterReplay.Result replayed = DeadLetterReplay.replay(sweep.bootstrap, sweep.topic, List.of(sweep.folder),
                QUICK, sweep.tracker);

        assertEquals(new DeadLetterReplay.Result(new MlflowSink.Stats(2, 0, 0), List.of()), replayed);
        JsonNode run = sweep.only("tags.`compressweep.trial_id` = '" + trial.trialId() + "'");
        assertEquals(runId, SinkFixture.runId(run));
        assertEquals("FINISHED", status(run));
        assertEquals("0.8", MlflowRest.value(run, "metrics", "accuracy"));
        assertEquals(List.of(1L, 2L), sweep.steps(run, "loss"));
        assertEquals(new DeadLetterReplay.Result(new MlflowSink.Stats(0, 0, 0), List.of()),
                DeadLetterReplay.replay(sweep.bootstrap, sweep.topic, List.of(sweep.folder), QUICK, sweep.tracker),
                "a second replay starts where the first stopped");
    }

    @Test
    void shouldKeepAnEventThatStillCannotBeWrittenForALaterReplay() throws Exception {
        sweep = new SinkFixture(tmp, 1);
        MlflowSink sink = sweep.start("sink-test-" + sweep.sweepId);
        Topics.sendRaw(sweep.bootstrap, sweep.topic, "garbage", "this is not JSON");
        SinkFixture.awaitHandled(sink, 1);

        DeadLetterReplay.Result replayed = DeadLetterReplay.replay(sweep.bootstrap, sweep.topic, List.of(sweep.folder),
                QUICK, sweep.tracker);

        assertEquals(new MlflowSink.Stats(0, 0, 1), replayed.stats());
        assertEquals(1, replayed.notWritten().size());
        assertTrue(replayed.notWritten().get(0).startsWith(sweep.topic + "-0@0 an unreadable event (key garbage)"),
                replayed.notWritten().get(0));
        List<String> letters = sweep.deadLetters();
        assertEquals(2, letters.size(), "kept again at the end of the dead-letter topic");
        assertEquals(DeadLetter.decode(letters.get(0)).event(), DeadLetter.decode(letters.get(1)).event());
        assertEquals(new MlflowSink.Stats(0, 0, 1), DeadLetterReplay.replay(sweep.bootstrap, sweep.topic,
                List.of(sweep.folder), QUICK, sweep.tracker).stats(), "the next replay tries it again");
    }
}
