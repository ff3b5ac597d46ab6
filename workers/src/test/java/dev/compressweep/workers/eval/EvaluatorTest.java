package dev.compressweep.workers.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.compressweep.workers.Fixtures;
import dev.compressweep.workers.artifact.ModelArtifact;
import dev.compressweep.workers.compress.CompressedModel;
import dev.compressweep.workers.compress.ProgressListener;
import dev.compressweep.workers.compress.Quantization;
import dev.compressweep.workers.compress.StepContext;
import dev.compressweep.workers.compress.StepParams;
import dev.compressweep.workers.data.ImageDataset;
import dev.compressweep.workers.model.Architecture;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluatorTest {

    final ImageDataset data = Fixtures.fashion(100, 300);
    final Evaluator evaluator = new Evaluator(new EvaluationSettings(10, 50, 128));

    @TempDir
    Path dir;

    @Test
    void shouldMeasureEveryMetricAsAFiniteValue() {
        try (CompressedModel model = CompressedModel.create(Architecture.of("mlp", 32, 1), 10, data.shape(), 1L)) {
            Path file = dir.resolve("m.cwm");
            long size = ModelArtifact.write(file, model);

            Evaluation e = evaluator.evaluate(model, data.test(), file);

            Map<String, Double> metrics = Evaluation.requireFinite(e.toMetrics());
            assertEquals(List.of("accuracy", "f1_macro", "params", "size_bytes", "latency_p50_ms", "latency_p95_ms",
                    "throughput", "macs", "peak_memory_bytes"), List.copyOf(metrics.keySet()));
            assertEquals(size, e.sizeBytes());
            assertEquals(784 * 32 + 32 + 32 * 10 + 10, e.params());
            assertTrue(e.accuracy() >= 0 && e.accuracy() <= 1 && e.f1Macro() >= 0 && e.f1Macro() <= 1);
            assertTrue(e.latencyP50Ms() > 0 && e.latencyP95Ms() >= e.latencyP50Ms(), e.toString());
            assertTrue(e.throughput() > 0, e.toString());
        }
    }

    @Test
    void shouldFindInt8ArtifactsAboutFourAndInt4AboutEightTimesSmallerThanFloat() {
        long floatSize = size(Map.of(), "f.cwm");
        long int8Size = size(Map.of("quantize.bits", 8), "q8.cwm");
        long int4Size = size(Map.of("quantize.bits", 4), "q4.cwm");

        double ratio8 = (double) floatSize / int8Size;
        double ratio4 = (double) floatSize / int4Size;
        assertTrue(ratio8 > 3.8 && ratio8 <= 4.0, "int8 ratio " + ratio8);
        assertTrue(ratio4 > 7.4 && ratio4 <= 8.0, "int4 ratio " + ratio4);
    }

    private long size(Map<String, Object> quantize, String name) {
        CompressedModel model = CompressedModel.create(Architecture.of("mlp", 128, 1), 10, data.shape(), 1L);
        if (!quantize.isEmpty()) {
            model = new Quantization().apply(model,
                    new StepContext(data, null, new StepParams(quantize), 1L, ProgressListener.none()));
        }
        try (CompressedModel m = model) {
            Path file = dir.resolve(name);
            ModelArtifact.write(file, m);
            return evaluator.evaluate(m, data.test(), file).sizeBytes();
        }
    }
}
