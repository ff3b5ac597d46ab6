package dev.compressweep.orchestrator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.compressweep.orchestrator.fixtures.MlflowRest;
import dev.compressweep.orchestrator.fixtures.RealServices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's own model and data, end to end through local Spark, a real Kafka broker and a real MLflow server: a
 * scikit-learn MLP exported by skl2onnx as the teacher of a folder of PNG images, and text classification from a CSV
 * and a JSON Lines file. The files are made by scripts/setup.sh with packages from PyPI (scripts/fixtures).
 */
class OwnModelAndDataTest {

    @TempDir
    static Path out;

    private static String kafka;
    private static String mlflow;
    private static MlflowRest rest;

    @BeforeAll
    static void startServices() {
        kafka = RealServices.kafka();
        mlflow = RealServices.mlflow();
        rest = new MlflowRest(mlflow);
    }

    private static JsonNode run(String sweepFile, String name) throws IOException {
        Path sweep = Path.of(System.getProperty("compressweep.home"), "orchestrator", "src", "test", "resources",
                "sweeps", sweepFile);
        assertEquals(0, Main.run("run", sweep.toString(), "--kafka", kafka, "--mlflow", mlflow, "--out",
                out.toString()), sweepFile);
        try (var dirs = Files.list(out)) {
            Path dir = dirs.filter(d -> d.getFileName().toString().startsWith(name)).findFirst().orElseThrow();
            return new ObjectMapper().readTree(Files.readString(dir.resolve("front.json")));
        }
    }

    private static List<JsonNode> runs(String experiment, String kind) {
        String id = rest.get("experiments/get-by-name", "experiment_name", experiment).path("experiment")
                .path("experiment_id").asText();
        return rest.runs(id, "tags.`compressweep.kind` = '" + kind + "'");
    }

    private static void assertRegistered(String name, JsonNode front) {
        String best = front.path("best").asText();
        assertFalse(best.isBlank() || best.equals("null"), front.toString());
        JsonNode champion = rest.get("registered-models/alias", "name", name, "alias", "champion");
        JsonNode bestRun = rest.get("runs/get", "run_id", champion.path("model_version").path("run_id").asText())
                .path("run");
        assertEquals(best, MlflowRest.value(bestRun, "tags", "compressweep.trial_id"));
    }

    @Test
    void shouldCompressAnOnnxModelExportedBySkl2onnxOnAFolderOfPngImages() throws IOException {
        JsonNode front = run("own-onnx-png.yaml", "own-onnx-it");

        List<JsonNode> teacher = runs("own-onnx-it", "teacher");
        List<JsonNode> trials = runs("own-onnx-it", "trial");
        assertEquals(1, teacher.size());
        assertEquals(5, trials.size());
        trials.forEach(t -> assertEquals("FINISHED", t.path("info").path("status").asText(), t.toString()));
        assertEquals("skl2onnx", MlflowRest.value(teacher.get(0), "tags", "teacher.producer").split(" ")[0]);
        double teacherAccuracy = Double.parseDouble(MlflowRest.value(teacher.get(0), "metrics", "accuracy"));
        assertTrue(teacherAccuracy > 0.75, "the model's own accuracy on the PNG images: " + teacherAccuracy);
        List<String> chains = new ArrayList<>();
        front.path("front").forEach(t -> chains.add(t.path("chain").asText()));
        assertTrue(chains.stream().anyMatch(c -> c.startsWith("distill")), "a student on the front: " + chains);
        assertTrue(chains.stream().anyMatch(c -> c.equals("quantize") || c.equals("prune>quantize")),
                "the quantized model itself on the front: " + chains);
        for (JsonNode run : trials) {
            if (MlflowRest.value(run, "params", "chain").endsWith("quantize")) {
                assertTrue(Double.parseDouble(MlflowRest.value(run, "metrics", "compression_ratio")) > 3,
                        run.toString());
            }
        }
        assertRegistered("own-onnx-it", front);
    }

    @Test
    void shouldClassifyTextFromACsvFile() throws IOException {
        JsonNode front = run("own-csv-text.yaml", "own-csv-it");

        assertEquals(2, runs("own-csv-it", "trial").size());
        double f1 = Double.parseDouble(MlflowRest.value(runs("own-csv-it", "teacher").get(0), "metrics", "f1"));
        assertTrue(f1 > 0.7, "spam F1 of the teacher: " + f1);
        assertRegistered("own-csv-it", front);
    }

    @Test
    void shouldClassifyTextFromAJsonLinesFile() throws IOException {
        JsonNode front = run("own-jsonl-text.yaml", "own-jsonl-it");

        assertEquals(2, runs("own-jsonl-it", "trial").size());
        assertRegistered("own-jsonl-it", front);
    }
}
