package dev.compressweep.workers.trial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.compressweep.workers.event.ArtifactUri;
import dev.compressweep.workers.event.EventType;
import dev.compressweep.workers.event.TrialEvent;
import dev.compressweep.workers.event.TrialRole;
import dev.compressweep.workers.eval.EvaluationSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrialRunnerTest {

    static final List<String> VALIDATION_METRICS = List.of("accuracy", "f1_macro", "params", "size_bytes",
            "latency_p50_ms", "latency_p95_ms", "throughput", "macs", "peak_memory_bytes", "test_accuracy",
            "test_f1_macro");
    static final List<String> AGAINST_TEACHER = List.of("accuracy_drop", "test_accuracy_drop", "compression_ratio",
            "storage_bytes", "teacher_latency_p50_ms", "speedup");
    static final List<String> METRICS = Stream.of(VALIDATION_METRICS, List.of("djl_latency_p50_ms"), AGAINST_TEACHER)
            .flatMap(List::stream).toList();
    static final List<String> INT8_METRICS = Stream.of(VALIDATION_METRICS,
            List.of("float_latency_p50_ms", "djl_float_latency_p50_ms"), AGAINST_TEACHER).flatMap(List::stream).toList();
    static final TrialRunner RUNNER = new TrialRunner(new EvaluationSettings(10, 100, 256));

    @TempDir
    static Path work;
    static RecordingPublisher teacherEvents = new RecordingPublisher();
    static TrialEvent teacher;

    @BeforeAll
    static void runTheTeacher() {
        teacher = RUNNER.run(Specs.teacher(work), teacherEvents);
    }

    @Test
    void shouldTrainMeasureAndRecordTheTeacherOnce() {
        assertEquals(List.of(EventType.STARTED, EventType.PROGRESS, EventType.FINISHED), teacherEvents.types(),
                "error: " + teacher.error());
        assertEquals(METRICS, List.copyOf(teacher.metrics().keySet()));
        assertTrue(teacher.metric("accuracy") > 0.6, teacher.metrics().toString());
        assertEquals(784 * 128 + 128 + 1290, teacher.metric("params"));
        assertTrue(Files.isRegularFile(work.resolve("teacher/teacher.cwm")));
        assertEquals(teacher.metric("size_bytes"), fileSize(work.resolve("teacher/teacher.onnx")));
        assertEquals(work.resolve("teacher/teacher.onnx").toUri().toString(), teacher.artifactUri());
        assertTrue(teacher.metric("test_accuracy") > 0.6, teacher.metrics().toString());
        assertEquals(12 + Math.round(Specs.TRAIN * 0.9) * 10 * 4, fileSize(work.resolve("teacher/logits.bin")));
        assertEquals("false", teacher.tags().get("teacher.reused"));
        for (String tag : List.of("seed", "threads", "java.version", "os.name", "os.arch", "djl.version",
                "engine.name", "engine.version", "dataset", "dataset.train_subset", "chain")) {
            assertTrue(teacher.tags().containsKey(tag), "missing tag " + tag + " in " + teacher.tags());
        }
        assertEquals("PyTorch", teacher.tags().get("engine.name"));
    }

    @Test
    void shouldReuseTheTeacherWhenItsSpecIsUnchanged() {
        RecordingPublisher events = new RecordingPublisher();

        TrialEvent again = RUNNER.run(Specs.teacher(work), events);

        assertEquals(List.of(EventType.STARTED, EventType.FINISHED), events.types());
        assertEquals("true", again.tags().get("teacher.reused"));
        assertEquals(teacher.metrics(), again.metrics());
    }

    @Test
    void shouldDistillThenQuantizeAndMeasureAgainstTheTeacher() {
        RecordingPublisher events = new RecordingPublisher();
        Map<String, Object> params = Map.of("distill.student", "mlp", "distill.width", 32, "distill.depth", 1,
                "distill.epochs", 1, "distill.temperature", 4.0, "distill.alpha", 0.5,
                "distill.learning_rate", 2e-3, "distill.batch_size", 64, "quantize.bits", 8);

        TrialEvent end = RUNNER.run(Specs.compression(work, "sweep-t-0", List.of("distill", "quantize"), params), events);

        assertEquals(List.of(EventType.STARTED, EventType.PROGRESS, EventType.PROGRESS, EventType.FINISHED),
                events.types(), "error: " + end.error());
        assertEquals(params, events.events.get(0).params());
        assertEquals("distill", events.events.get(1).tags().get("step"));
        assertEquals("quantize", events.events.get(2).tags().get("step"));
        TrialEvent epoch = events.events.get(1);
        assertTrue(epoch.metric("epoch_accuracy") > 0.6, epoch.metrics().toString());
        assertEquals(teacher.metric("accuracy") - epoch.metric("epoch_accuracy"), epoch.metric("epoch_accuracy_drop"),
                1e-12);
        assertEquals(epoch.metric("epoch_params"), epoch.metric("epoch_size_bytes"), "int8: one byte per weight");
        assertEquals(end.metric("params"), epoch.metric("epoch_params"));
        assertEquals(end.metric("macs"), epoch.metric("epoch_macs"));
        assertEquals(1.0, epoch.metric("trained_epochs"));
        assertEquals(INT8_METRICS, List.copyOf(end.metrics().keySet()));
        assertTrue(end.metric("accuracy") > 0.6, end.metrics().toString());
        assertEquals(teacher.metric("accuracy") - end.metric("accuracy"), end.metric("accuracy_drop"), 1e-12);
        assertEquals(teacher.metric("test_accuracy") - end.metric("test_accuracy"), end.metric("test_accuracy_drop"),
                1e-12);
        assertEquals(end.metric("teacher_latency_p50_ms") / end.metric("latency_p50_ms"), end.metric("speedup"),
                1e-12);
        assertEquals(teacher.metric("size_bytes") / end.metric("size_bytes"), end.metric("compression_ratio"), 1e-12);
        assertTrue(end.metric("compression_ratio") > 12, end.metrics().toString());
        assertEquals("onnxruntime_int8", end.tags().get("quantized_execution"));
        assertEquals("false", end.tags().get("weights_only_quantization"));
        assertEquals(end.metric("storage_bytes"), fileSize(work.resolve("trials/sweep-t-0.cwm")));
        assertEquals("distill>quantize", end.tags().get("chain"));
        assertEquals(work.resolve("trials/sweep-t-0.onnx").toUri().toString(), end.artifactUri());
        assertEquals(end.metric("size_bytes"), fileSize(ArtifactUri.toPath(end.artifactUri())));
    }

    @Test
    void shouldQuantizeACopyOfTheTeacherWhenTheChainIsQuantizeAlone() {
        RecordingPublisher events = new RecordingPublisher();

        TrialEvent end = RUNNER.run(Specs.compression(work, "sweep-t-1", List.of("quantize"), Map.of()), events);

        assertEquals(EventType.FINISHED, end.type(), "error: " + end.error());
        assertEquals(teacher.metric("params"), end.metric("params"));
        assertTrue(end.metric("compression_ratio") > 3.8, end.metrics().toString());
        assertTrue(Math.abs(end.metric("accuracy_drop")) < 0.03, end.metrics().toString());
    }

    @Test
    void shouldDeployAFloatGraphOfTheDequantizedWeightsWhenOnlyWeightsAreQuantized() {
        RecordingPublisher events = new RecordingPublisher();

        TrialEvent end = RUNNER.run(Specs.compression(work, "sweep-t-5", List.of("quantize"),
                Map.of("quantize.weights_only", true)), events);

        assertEquals(EventType.FINISHED, end.type(), "error: " + end.error());
        assertEquals(METRICS, List.copyOf(end.metrics().keySet()));
        assertEquals("dequantized_float", end.tags().get("quantized_execution"));
        assertEquals("true", end.tags().get("weights_only_quantization"));
        assertEquals("float32", end.tags().get("deployed_precision"));
        assertEquals(end.metric("size_bytes"), fileSize(work.resolve("trials/sweep-t-5.onnx")));
        assertTrue(end.metric("storage_bytes") < end.metric("size_bytes"), end.metrics().toString());
    }

    @Test
    void shouldFailWithAOneLineReasonForAnInvalidParameter() {
        RecordingPublisher events = new RecordingPublisher();

        TrialEvent end = RUNNER.run(Specs.compression(work, "sweep-t-2", List.of("distill"),
                Map.of("distill.alpha", 2.0)), events);

        assertEquals(List.of(EventType.STARTED, EventType.FAILED), events.types());
        assertEquals("distillation alpha must lie in [0, 1], but got 2.0", end.error());
        assertNull(end.artifactUri());
        assertFalse(Files.exists(work.resolve("trials/sweep-t-2.cwm")));
    }

    @Test
    void shouldFailWhenTheTeacherHasNotBeenRun(@TempDir Path empty) {
        RecordingPublisher events = new RecordingPublisher();

        TrialEvent end = RUNNER.run(Specs.compression(empty, "sweep-t-3", List.of("quantize"), Map.of()), events);

        assertEquals(EventType.FAILED, end.type());
        assertTrue(end.error().startsWith("teacher artifacts not found in " + empty.resolve("teacher")), end.error());
    }

    @Test
    void shouldFailWhenTheDataSetIsMissing() {
        RecordingPublisher events = new RecordingPublisher();
        TrialSpec spec = Specs.spec(work, "sweep-t-4", 0, TrialRole.COMPRESSION,
                List.of("quantize"), Map.of(), Path.of("/no/such/data"));

        TrialEvent end = RUNNER.run(spec, events);

        assertEquals(List.of(EventType.STARTED, EventType.FAILED), events.types());
        assertTrue(end.error().startsWith("Fashion-MNIST not found in /no/such/data (no such folder)"), end.error());
        assertFalse(end.error().contains("\n"));
    }

    private static long fileSize(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
