package dev.compressweep.workers.trial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.compressweep.workers.event.EventType;
import dev.compressweep.workers.event.TrialEvent;
import dev.compressweep.workers.event.TrialRole;
import dev.compressweep.workers.eval.EvaluationSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A teacher no part of this project made: the scikit-learn MLP that scripts/setup.sh trains on Fashion-MNIST and
 * exports with skl2onnx, on the PNG folders it writes (.local/fixtures). Its file is adapted and measured, a student
 * is distilled from its logits, and its own graph is quantized, pruned and factorised.
 */
class ImportedTeacherTrialTest {

    private static final Path FIXTURES = Path.of(System.getProperty("compressweep.home", ".."), ".local", "fixtures");
    private static final TrialRunner RUNNER = new TrialRunner(new EvaluationSettings(5, 50, 256));

    @TempDir
    static Path work;
    static TrialEvent teacher;

    private static TrialSpec spec(String trialId, TrialRole role, List<String> chain, Map<String, Object> params) {
        DataFormat format = new DataFormat(DataFormat.IMAGE_FOLDER, List.of(), 1, List.of(), List.of(), null,
                List.of(), null, null, null, DataFormat.DEFAULT_TEST, false);
        return new TrialSpec("sweep-i", trialId, role == TrialRole.TEACHER ? -1 : 0, role, 42L, chain, params,
                new DatasetSpec("fashion-png", FIXTURES.resolve("fashion-png").toString(), 1500, 400, 0.1, format),
                new TeacherSpec("mlp", 1, 1, 1, 1e-3, 1, FIXTURES.resolve("fashion-mlp.onnx").toString(),
                        new ImportedTeacher(ImportedTeacher.ONNX, List.of(), null, null)),
                work.toString(), 1, "file:" + work.resolve("events.jsonl"), "sweep-i-events", 1);
    }

    private static TrialEvent run(String trialId, List<String> chain, Map<String, Object> params) {
        TrialEvent event = RUNNER.run(spec(trialId, TrialRole.COMPRESSION, chain, params), new RecordingPublisher());
        assertEquals(EventType.FINISHED, event.type(), "error: " + event.error());
        return event;
    }

    @BeforeAll
    static void runTheTeacher() {
        teacher = RUNNER.run(spec("sweep-i-teacher", TrialRole.TEACHER, List.of(), Map.of()),
                new RecordingPublisher());
    }

    @Test
    void shouldAdaptTheFileDetectItsProbabilitiesAndMeasureIt() throws IOException {
        assertEquals(EventType.FINISHED, teacher.type(), "error: " + teacher.error());
        assertTrue(teacher.metrics().get("accuracy") > 0.75, teacher.metrics().toString());
        assertEquals("probabilities (softmax)", teacher.tags().get("teacher.output_kind"), teacher.tags().toString());
        assertEquals(Files.size(work.resolve("teacher").resolve("teacher.onnx")),
                teacher.metrics().get("size_bytes"), 0);
        assertEquals(235_146, teacher.metrics().get("params"), 2_000, "784*256 + 256*128 + 128*10 + biases");
    }

    @Test
    void shouldDistilAStudentFromTheImportedTeachersLogits() {
        TrialEvent student = run("sweep-i-0", List.of("distill"), Map.of("distill.width", 32, "distill.epochs", 8,
                "distill.learning_rate", 0.005, "distill.batch_size", 64));

        assertTrue(student.metrics().get("accuracy") > 0.6, student.metrics().toString());
        assertTrue(student.metrics().get("compression_ratio") > 5, student.metrics().toString());
    }

    @Test
    void shouldQuantizeTheModelsOwnGraphToAQuarterOfItsSize() {
        TrialEvent int8 = run("sweep-i-1", List.of("quantize"), Map.of());

        assertEquals("int8", int8.tags().get("deployed_precision"));
        assertTrue(int8.metrics().get("compression_ratio") > 3.5, int8.metrics().toString());
        assertTrue(int8.metrics().get("accuracy_drop") < 0.03, int8.metrics().toString());
        assertTrue(int8.metrics().containsKey("float_latency_p50_ms"), int8.metrics().toString());
    }

    @Test
    void shouldPruneAndFactoriseTheModelsOwnGraph() {
        TrialEvent pruned = run("sweep-i-2", List.of("prune", "quantize"), Map.of("prune.sparsity", 0.5));
        TrialEvent lowrank = run("sweep-i-3", List.of("lowrank"), Map.of("lowrank.rank_ratio", 0.25));

        assertTrue(pruned.metrics().get("accuracy_drop") < 0.1, pruned.metrics().toString());
        assertTrue(lowrank.metrics().get("compression_ratio") > 1.5, lowrank.metrics().toString());
        assertTrue(lowrank.metrics().get("macs") < teacher.metrics().get("macs"), lowrank.metrics().toString());
    }
}
