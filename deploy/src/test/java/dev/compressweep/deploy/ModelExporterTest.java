package dev.compressweep.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelExporterTest {

    @TempDir
    Path tmp;

    private Candidate candidate(Path artifact) {
        return new Candidate("sweep1-t007", "run42", List.of("distill", "quantize"),
                Map.of("quantize.bits", 8L, "distill.temperature", 4.0),
                Map.of("accuracy", 0.91, "size_bytes", 12_345.0), artifact);
    }

    @Test
    void shouldCopyTheModelFileAndDescribeItInTheCard() throws IOException {
        Path artifact = Files.write(tmp.resolve("student.onnx"), new byte[] {1, 2, 3});
        RegisteredVersion version = new RegisteredVersion("fashion-cnn", 3, "run42",
                "mlflow-artifacts:/1/run42/artifacts/model", "http://127.0.0.1:5055/#/experiments/1/runs/run42",
                ModelRegistry.CHAMPION);

        Path preprocessing = Files.writeString(tmp.resolve("preprocessing.json"), "{}");

        ExportedModel export = new ModelExporter().export(candidate(artifact), Map.of("seed", "7"),
                Optional.of(version), List.of(preprocessing), tmp.resolve("export"));

        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(export.model()));
        assertEquals("{}", Files.readString(tmp.resolve("export/model/preprocessing.json")));
        assertEquals(tmp.resolve("export/model/student.onnx"), export.model());
        JsonNode card = new ObjectMapper().readTree(export.card().toFile());
        assertEquals("sweep1-t007", card.path("trial_id").asText());
        assertEquals("distill", card.path("chain").get(0).asText());
        assertEquals(8, card.path("params").path("quantize.bits").asInt());
        assertEquals(0.91, card.path("metrics").path("accuracy").asDouble());
        assertEquals("7", card.path("provenance").path("seed").asText());
        assertEquals(3, card.path("registered").path("version").asInt());
        assertEquals("champion", card.path("registered").path("alias").asText());
        assertEquals("model/student.onnx", card.path("model").asText());
    }

    @Test
    void shouldCopyAModelFolderAndReplaceAnEarlierExport() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("trial/model"));
        Files.writeString(folder.resolve("weights.params"), "w");
        Files.createDirectories(folder.resolve("sub"));
        Files.writeString(folder.resolve("sub/config.json"), "{}");
        Path target = tmp.resolve("export");
        Files.createDirectories(target.resolve("model"));
        Files.writeString(target.resolve("model/stale.bin"), "old");

        ExportedModel export = new ModelExporter().export(candidate(folder), Map.of(), Optional.empty(), List.of(), target);

        assertTrue(Files.isRegularFile(export.model().resolve("weights.params")));
        assertTrue(Files.isRegularFile(export.model().resolve("sub/config.json")));
        assertFalse(Files.exists(target.resolve("model/stale.bin")), "an earlier export's files must go");
        assertTrue(new ObjectMapper().readTree(export.card().toFile()).path("registered").isNull());
    }

    @Test
    void shouldRefuseACandidateWithoutAnArtifact() {
        DeployException e = assertThrows(DeployException.class, () -> new ModelExporter()
                .export(candidate(null), Map.of(), Optional.empty(), List.of(), tmp.resolve("export")));

        assertEquals("cannot export trial sweep1-t007: its model artifact was never written", e.getMessage());
    }
}
