package dev.compressweep.orchestrator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.compressweep.orchestrator.fixtures.MlflowRest;
import dev.compressweep.orchestrator.fixtures.RealServices;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real sweep with early stopping and a stop rule (resources {@code sweeps/early-stopping.yaml}: three
 * distillations of a Fashion-MNIST subset, one at a time) through local Spark, a real Kafka broker and a real MLflow
 * server: trial #1 is stopped at its first rung by the orchestrator's decision, which reaches its trial process
 * through the control topic; the sweep then stops before trial #2; a resumed sweep knows it stopped.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EarlyStoppingEndToEndTest {

    private static final String NAME = "early-it";

    @TempDir
    static Path out;

    private static String kafka;
    private static String mlflow;
    private static MlflowRest rest;
    private static String experimentId;
    private static String printed;

    @BeforeAll
    static void runTheSweep() {
        kafka = RealServices.kafka();
        mlflow = RealServices.mlflow();
        rest = new MlflowRest(mlflow);
        Path sweep = Path.of(System.getProperty("compressweep.home"), "orchestrator", "src", "test", "resources",
                "sweeps", "early-stopping.yaml");

        printed = captured(() -> assertEquals(0, Main.run("run", sweep.toString(), "--kafka", kafka, "--mlflow",
                mlflow, "--out", out.toString())));

        experimentId = rest.get("experiments/get-by-name", "experiment_name", NAME).path("experiment").path(
                "experiment_id").asText();
    }

    /** What {@code command} prints on standard output, which is also passed through. */
    private static String captured(Runnable command) {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            command.run();
        } finally {
            System.setOut(original);
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        System.out.print(text);
        return text;
    }

    private static List<JsonNode> runs(String kind) {
        return rest.runs(experimentId, "tags.`compressweep.kind` = '" + kind + "'");
    }

    private static JsonNode trialRun(int index) {
        return runs("trial").stream().filter(r -> String.valueOf(index).equals(MlflowRest.value(r, "tags",
                "compressweep.trial_index"))).findFirst().orElseThrow(() -> new AssertionError("no run of #" + index));
    }

    @Test
    @Order(1)
    void shouldStopTheDominatedTrialAtItsFirstRungKeepingItsMeasuredValues() {
        JsonNode stopped = trialRun(1);

        assertEquals("FINISHED", stopped.path("info").path("status").asText());
        assertEquals("1", MlflowRest.value(stopped, "tags", "stopped_at_epoch"));
        assertTrue(MlflowRest.value(stopped, "tags", "early_stopping.decision").contains("stopped at epoch 1"),
                stopped.toString());
        assertNotNull(MlflowRest.value(stopped, "metrics", "accuracy"), "its accuracy at the rung: " + stopped);
        assertNotNull(MlflowRest.value(stopped, "metrics", "epoch_accuracy"), stopped.toString());
        assertEquals("false", MlflowRest.value(stopped, "tags", "compressweep.pareto"));
        assertTrue(printed.contains("trial #1 distill stopped at epoch 1"), printed);
    }

    @Test
    @Order(2)
    void shouldTrainTheBetterTrialToTheEndPastItsRungs() {
        JsonNode complete = trialRun(0);

        assertNull(MlflowRest.value(complete, "tags", "stopped_at_epoch"));
        assertEquals("true", MlflowRest.value(complete, "tags", "compressweep.pareto"));
        assertNotNull(MlflowRest.value(complete, "metrics", "latency_p50_ms"), complete.toString());
        assertTrue(printed.contains("trial 0 goes on at epoch 1") && printed.contains("trial 0 goes on at epoch 2"),
                printed);
    }

    @Test
    @Order(3)
    void shouldStopTheSweepBeforeItsBudgetAndRecordWhyOnItsRun() throws IOException {
        JsonNode sweep = runs("sweep").get(0);

        assertEquals(2, runs("trial").size(), "trial #2 never starts");
        String reason = MlflowRest.value(sweep, "tags", "compressweep.stop_reason");
        assertTrue(reason.startsWith("the feasible front's hypervolume grew by 0.00%"), reason);
        assertTrue(printed.contains("stopping the sweep: " + reason), printed);
        JsonNode front = new ObjectMapper().readTree(Files.readString(sweepDir().resolve("front.json")));
        assertEquals(1, front.path("front").size(), front.toString());
        assertFalse(front.path("best").asText().endsWith("t001"), front.toString());
    }

    @Test
    @Order(4)
    void shouldKnowOnResumeThatTheSweepStopped() throws IOException {
        Path sweep = sweepDir().resolve("sweep.yaml");

        String again = captured(() -> assertEquals(0, Main.run("run", sweep.toString(), "--kafka", kafka,
                "--mlflow", mlflow, "--out", out.toString())));

        assertTrue(again.contains("this sweep stopped in an earlier run (the feasible front's hypervolume"), again);
        assertEquals(2, runs("trial").size());
    }

    private static Path sweepDir() throws IOException {
        try (var dirs = Files.list(out)) {
            return dirs.filter(Files::isDirectory).findFirst().orElseThrow();
        }
    }
}
