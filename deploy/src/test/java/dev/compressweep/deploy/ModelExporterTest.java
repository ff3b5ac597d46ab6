package dev.compressweep.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.compressweep.deploy.mlmodel.ServingEnvironment;
import dev.compressweep.workers.compress.CompressedModel;
import dev.compressweep.workers.data.ImageShape;
import dev.compressweep.workers.model.Architecture;
import dev.compressweep.workers.onnx.OnnxExport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelExporterTest {

    private static final ServingEnvironment ENVIRONMENT = ServingEnvironment.pinned("3.11.7");

    @TempDir
    Path tmp;

    private Path onnx() {
        Path file = tmp.resolve("sweep1-t007.onnx");
        try (CompressedModel model = CompressedModel.create(Architecture.of("mlp", 4, 1), 3,
                new ImageShape(1, 2, 2), 1L)) {
            OnnxExport.floatModel(model).write(file);
        }
        return file;
    }

    private static ModelCard card(Path artifact) {
        Candidate chosen = new Candidate("sweep1-t007", "run42", List.of("distill", "quantize"),
                Map.of("quantize.bits", 8L, "distill.temperature", 4.0),
                Map.of("accuracy", 0.91, "test_accuracy", 0.9, "size_bytes", 12_345.0), artifact);
        return new ModelCard(chosen, null, Map.of("accuracy", 0.92, "test_accuracy", 0.915),
                List.of("accuracy_drop <= 0.02"), "knee", "knee of the feasible front", "#3 sweep1-t003",
                Map.of("seed", "7"), Optional.empty());
    }

    @Test
    void shouldExportTheMeasuredFileAsAnMlflowModelBesideItsCard() throws IOException {
        Path artifact = onnx();
        Path preprocessing = Files.writeString(tmp.resolve("preprocessing.json"), "{}");

        ExportedModel export = new ModelExporter().export(card(artifact), new float[4], 1, List.of(preprocessing),
                ENVIRONMENT, tmp.resolve("export"));

        assertArrayEquals(Files.readAllBytes(artifact), Files.readAllBytes(export.model().resolve("model.onnx")));
        assertTrue(Files.readString(export.model().resolve("MLmodel")).contains("loader_module: \"mlflow.onnx\""));
        assertEquals("{}", Files.readString(export.model().resolve("preprocessing.json")));
        JsonNode card = new ObjectMapper().readTree(export.card().toFile());
        assertEquals("sweep1-t007", card.path("trial_id").asText());
        assertEquals("run42", card.path("run_id").asText());
        assertEquals(0.91, card.path("validation_metrics").path("accuracy").asDouble());
        assertEquals(0.9, card.path("test_metrics").path("test_accuracy").asDouble());
        assertEquals(0.915, card.path("teacher").path("test_metrics").path("test_accuracy").asDouble());
        assertEquals("accuracy_drop <= 0.02", card.path("constraints").get(0).asText());
        assertEquals("#3 sweep1-t003", card.path("selection").path("runner_up").asText());
        assertEquals("model/model.onnx", card.path("model").asText());
        assertTrue(card.path("registered").isNull());
    }

    @Test
    void shouldNameTheRegisteredVersionInTheCardAndReplaceAnEarlierExport() throws IOException {
        Path target = tmp.resolve("export");
        Files.createDirectories(target.resolve("model"));
        Files.writeString(target.resolve("model/stale.bin"), "old");
        ModelExporter exporter = new ModelExporter();
        ModelCard card = card(onnx());

        exporter.export(card, new float[4], 1, List.of(), ENVIRONMENT, target);
        Path written = exporter.writeCard(card.withRegistered(new RegisteredVersion("fashion", 3, "run42",
                "mlflow-artifacts:/1/run42/artifacts/model", "http://mlflow/#/experiments/1/runs/run42",
                ModelRegistry.CHAMPION)), target);

        assertFalse(Files.exists(target.resolve("model/stale.bin")), "an earlier export's files must go");
        JsonNode json = new ObjectMapper().readTree(written.toFile());
        assertEquals(3, json.path("registered").path("version").asInt());
        assertEquals("champion", json.path("registered").path("alias").asText());
        assertEquals("http://mlflow/#/experiments/1/runs/run42", json.path("run_link").asText());
        assertTrue(card.description("model/model.onnx").startsWith("Trial sweep1-t007 (distill > quantize), chosen"
                + " by knee selection: knee of the feasible front. Validation accuracy 0.9100, test accuracy 0.9000"),
                card.description("model/model.onnx"));
    }

    @Test
    void shouldRefuseACandidateWithoutAModelFile() {
        DeployException e = assertThrows(DeployException.class, () -> new ModelExporter()
                .export(card(null), new float[4], 1, List.of(), ENVIRONMENT, tmp.resolve("export")));

        assertEquals("cannot export trial sweep1-t007: its model file was never written", e.getMessage());
    }
}
