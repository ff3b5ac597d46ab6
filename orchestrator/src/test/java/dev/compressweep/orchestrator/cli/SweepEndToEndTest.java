package dev.compressweep.orchestrator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.compressweep.orchestrator.fixtures.MlflowRest;
import dev.compressweep.orchestrator.fixtures.RealServices;
import dev.compressweep.orchestrator.fixtures.VenvPython;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real sweep (6 trials of every method on a subset of Fashion-MNIST) through local Spark, a real Kafka broker and a
 * real MLflow server, read back through MLflow's REST API.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SweepEndToEndTest {

    private static final String TINY = "tiny-it";

    @TempDir
    static Path out;

    private static String kafka;
    private static String mlflow;
    private static MlflowRest rest;
    private static String experimentId;

    @BeforeAll
    static void runTheSweep() throws IOException {
        kafka = RealServices.kafka();
        mlflow = RealServices.mlflow();
        rest = new MlflowRest(mlflow);
        Path sweep = Path.of(System.getProperty("compressweep.home"), "orchestrator", "src", "test", "resources",
                "sweeps", "tiny.yaml");

        assertEquals(0, Main.run("run", sweep.toString(), "--kafka", kafka, "--mlflow", mlflow, "--out",
                out.toString()));
        experimentId = rest.get("experiments/get-by-name", "experiment_name", TINY).path("experiment").path(
                "experiment_id").asText();
    }

    private static List<JsonNode> runs(String kind) {
        return rest.runs(experimentId, "tags.`compressweep.kind` = '" + kind + "'");
    }

    @Test
    @Order(1)
    void shouldLogOneChildRunPerTrialAndOneForTheTeacherUnderTheSweepRun() {
        List<JsonNode> sweeps = runs("sweep");
        List<JsonNode> teachers = runs("teacher");
        List<JsonNode> trials = runs("trial");

        assertEquals(1, sweeps.size());
        assertEquals(1, teachers.size());
        assertEquals(6, trials.size());
        String parent = sweeps.get(0).path("info").path("run_id").asText();
        for (JsonNode run : concat(teachers, trials)) {
            assertEquals(parent, MlflowRest.value(run, "tags", "mlflow.parentRunId"));
            assertEquals("FINISHED", run.path("info").path("status").asText());
        }
        assertEquals("FINISHED", sweeps.get(0).path("info").path("status").asText());
    }

    @Test
    @Order(2)
    void shouldLogEachTrialsSettingsAndMeasuredMetrics() {
        for (JsonNode run : runs("trial")) {
            String chain = MlflowRest.value(run, "params", "chain");
            assertNotNull(chain);
            assertEquals(chain.contains("distill"), MlflowRest.value(run, "params", "distill.temperature") != null);
            assertEquals(chain.contains("quantize"), MlflowRest.value(run, "params", "quantize.bits") != null);
            assertEquals(chain.contains("prune"), MlflowRest.value(run, "params", "prune.sparsity") != null);
            for (String metric : List.of("accuracy", "f1_macro", "size_bytes", "params", "latency_p50_ms",
                    "latency_p95_ms", "throughput", "accuracy_drop", "compression_ratio", "macs", "peak_memory_bytes")) {
                String value = MlflowRest.value(run, "metrics", metric);
                assertNotNull(value, metric + " missing in " + run);
                assertTrue(Double.isFinite(Double.parseDouble(value)), metric + "=" + value);
            }
        }
    }

    @Test
    @Order(3)
    void shouldStoreEachModelWhoseByteLengthIsItsSizeMetric() {
        for (JsonNode run : runs("trial")) {
            String trialId = MlflowRest.value(run, "tags", "compressweep.trial_id");
            byte[] model = rest.artifact(run.path("info").path("artifact_uri").asText(), "model/" + trialId + ".onnx");
            assertEquals(Double.parseDouble(MlflowRest.value(run, "metrics", "size_bytes")), model.length, trialId);
        }
    }

    @Test
    @Order(4)
    void shouldRegisterTheBestModelWithALinkToItsTrialRun() throws IOException {
        JsonNode front = new ObjectMapper().readTree(Files.readString(sweepDir().resolve("front.json")));
        String best = front.path("best").asText();
        JsonNode versions = rest.get("model-versions/search", "filter", "name='" + TINY + "'");

        assertFalse(best.isBlank() || best.equals("null"), "the tiny sweep's constraints are loose: a best exists");
        assertEquals(1, versions.path("model_versions").size());
        String runId = versions.path("model_versions").get(0).path("run_id").asText();
        JsonNode bestRun = rest.get("runs/get", "run_id", runId).path("run");
        assertEquals(best, MlflowRest.value(bestRun, "tags", "compressweep.trial_id"));
        assertEquals("true", MlflowRest.value(bestRun, "tags", "compressweep.pareto"));
        assertTrue(Files.exists(sweepDir().resolve("deploy").resolve("model-card.json")));
        JsonNode champion = rest.get("registered-models/alias", "name", TINY, "alias", "champion");
        assertEquals(runId, champion.path("model_version").path("run_id").asText());
        JsonNode card = new ObjectMapper().readTree(Files.readString(sweepDir().resolve("deploy/model-card.json")));
        assertEquals(runId, card.path("run_id").asText());
        assertTrue(champion.path("model_version").path("description").asText().contains("\"trial_id\" : \"" + best),
                champion.toString());
    }

    @Test
    @Order(5)
    void shouldDeployTheMeasuredFileWhichPythonScoresAtTheTrialsTestAccuracy() throws IOException {
        JsonNode front = new ObjectMapper().readTree(Files.readString(sweepDir().resolve("front.json")));
        String best = front.path("best").asText();
        JsonNode trial = null;
        for (JsonNode t : front.path("front")) {
            trial = best.equals(t.path("trial_id").asText()) ? t : trial;
        }
        Path deployed = sweepDir().resolve("deploy/model/model.onnx");
        Path fashion = Path.of("/usr/share/datasets/fashion-mnist");

        String scored = VenvPython.run("score_onnx.py", List.of(deployed.toString(),
                fashion.resolve("t10k-images-idx3-ubyte.gz").toString(),
                fashion.resolve("t10k-labels-idx1-ubyte.gz").toString(), "500"), Map.of());

        assertEquals(trial.path("metrics").path("size_bytes").asDouble(), Files.size(deployed), scored);
        double accuracy = Double.parseDouble(scored.strip().replaceAll("(?s).*accuracy ", ""));
        assertEquals(trial.path("metrics").path("test_accuracy").asDouble(), accuracy, 1e-4, scored);
    }

    @Test
    @Order(6)
    void shouldResumeAFinishedSweepWithoutRunningOrLoggingAnythingTwice() throws IOException {
        Path sweep = sweepDir().resolve("sweep.yaml");

        assertEquals(0, Main.run("run", sweep.toString(), "--kafka", kafka, "--mlflow", mlflow, "--out",
                out.toString()));

        assertEquals(6, runs("trial").size());
        assertEquals(1, runs("teacher").size());
        assertEquals(1, runs("sweep").size());
        assertEquals(1, rest.get("model-versions/search", "filter", "name='" + TINY + "'")
                .path("model_versions").size());
    }

    @Test
    @Order(7)
    void shouldReportOneRowPerMethodAgainstTheTeacher() throws IOException {
        Path json = out.resolve("report.json");

        assertEquals(0, Main.run("report", sweepDir().toString(), "--json", json.toString()));

        JsonNode report = new ObjectMapper().readTree(Files.readString(json));
        assertTrue(report.path("teacher").path("accuracy").asDouble() > 0.1, report.toString());
        List<String> chains = new java.util.ArrayList<>();
        List<String> methods = new java.util.ArrayList<>();
        report.path("rows").forEach(row -> chains.add(row.path("chain").asText()));
        report.path("rows").forEach(row -> methods.add(row.path("method").asText()));
        assertEquals(methods.stream().distinct().count(), methods.size(), "one row per method: " + methods);
        for (int i = 0; i < methods.size(); i++) {
            assertEquals(chains.get(i), methods.get(i).replaceAll("\\[[a-z0-9]+]", ""), methods.toString());
        }
        for (JsonNode run : runs("trial")) {
            assertTrue(chains.contains(MlflowRest.value(run, "params", "chain")), chains.toString());
        }
        for (JsonNode row : report.path("rows")) {
            assertTrue(row.path("size_bytes").asDouble() > 0 && row.path("latency_p50_ms").asDouble() > 0, row.toString());
            assertTrue(row.has("int8") && row.has("float_latency_p50_ms") && row.has("f1"), row.toString());
        }
    }

    private static Path sweepDir() throws IOException {
        try (var dirs = Files.list(out)) {
            return dirs.filter(Files::isDirectory).findFirst().orElseThrow();
        }
    }

    private static List<JsonNode> concat(List<JsonNode> a, List<JsonNode> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).collect(Collectors.toList());
    }
}
