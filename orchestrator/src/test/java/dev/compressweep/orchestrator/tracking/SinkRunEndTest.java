package dev.compressweep.orchestrator.tracking;

import static dev.compressweep.orchestrator.tracking.SinkFixture.WAIT;
import static dev.compressweep.orchestrator.tracking.SinkFixture.runId;
import static dev.compressweep.orchestrator.tracking.SinkFixture.status;
import static dev.compressweep.orchestrator.tracking.SinkFixture.tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.compressweep.orchestrator.fixtures.MlflowRest;
import dev.compressweep.orchestrator.fixtures.TrialEvents;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SinkRunEndTest {

    @TempDir
    Path tmp;

    private SinkFixture sweep;
    private MlflowSink sink;

    @BeforeEach
    void setUp() {
        sweep = new SinkFixture(tmp, 1);
        sink = sweep.start("sink-test-" + sweep.sweepId);
    }

    @AfterEach
    void tearDown() {
        sweep.close();
    }

    @Test
    void shouldFinishTheRunAndTagTheUploadErrorWhenTheModelCannotBeUploaded() throws Exception {
        TrialEvents trial = TrialEvents.trial(sweep.sweepId, 0, List.of("quantize"), Map.of());
        Path model = sweep.artifact("weights#1.onnx", "MLflow refuses a '#' in an artifact path");

        sweep.publish(List.of(trial.started(), trial.finished(Map.of("accuracy", 0.8), model)));

        assertTrue(sink.awaitTerminal(Set.of(trial.trialId()), WAIT));
        JsonNode run = sweep.only("tags.`compressweep.kind` = 'trial'");
        assertEquals("FINISHED", status(run));
        assertEquals("0.8", MlflowRest.value(run, "metrics", "accuracy"));
        assertEquals("PyTorch 2.7.1", tag(run, "engine"), "tags are written before the upload");
        String error = tag(run, "compressweep.upload_error");
        assertTrue(error != null && error.contains("HTTP 400"), "upload_error: " + error);
        assertEquals(new MlflowSink.Stats(2, 0, 0), sink.stats());
    }

    @Test
    void shouldNotDowngradeAFinishedAttemptWhenItsFailedArrivesLater() throws Exception {
        TrialEvents trial = TrialEvents.trial(sweep.sweepId, 1, List.of("prune"), Map.of());

        sweep.publish(List.of(trial.started(), trial.finished(Map.of("accuracy", 0.7), null),
                trial.failed("the executor was lost")));

        assertTrue(sink.awaitTerminal(Set.of(trial.trialId()), WAIT));
        SinkFixture.awaitHandled(sink, 3);
        JsonNode run = sweep.only("tags.`compressweep.kind` = 'trial'");
        assertEquals("FINISHED", status(run));
        assertNull(tag(run, "compressweep.error"));
        assertEquals(new MlflowSink.Stats(2, 1, 0), sink.stats());
    }

    @Test
    void shouldNotUploadAFileOutsideTheSweepFolderNorOneLinkedFromIt() throws Exception {
        Path secret = Files.writeString(Files.createDirectories(tmp.resolve("elsewhere")).resolve("secret.onnx"),
                "not the sweep's");
        Path link = Files.createSymbolicLink(sweep.folder.resolve("link.onnx"), secret);
        Path climbing = sweep.folder.resolve("..").resolve("elsewhere").resolve("secret.onnx");
        List<Path> artifacts = List.of(secret, link, climbing);

        for (int index = 0; index < artifacts.size(); index++) {
            TrialEvents trial = TrialEvents.trial(sweep.sweepId, index, List.of("prune"), Map.of());
            sweep.publish(List.of(trial.started(), trial.finished(Map.of("accuracy", 0.7), artifacts.get(index))));
            assertTrue(sink.awaitTerminal(Set.of(trial.trialId()), WAIT));
        }

        for (JsonNode run : sweep.runs("tags.`compressweep.kind` = 'trial'")) {
            assertEquals("FINISHED", status(run));
            String index = tag(run, "compressweep.trial_index");
            assertEquals(artifacts.get(Integer.parseInt(index)).toString(), tag(run, "compressweep.artifact_refused"));
            JsonNode listed = sweep.rest.get("artifacts/list", "run_id", runId(run));
            assertEquals(0, listed.path("files").size(), "nothing uploaded for trial " + index + ": " + listed);
        }
        assertEquals(new MlflowSink.Stats(6, 0, 0), sink.stats());
    }
}
