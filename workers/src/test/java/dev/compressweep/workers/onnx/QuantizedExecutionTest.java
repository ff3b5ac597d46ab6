package dev.compressweep.workers.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.compressweep.workers.compress.CompressedModel;
import dev.compressweep.workers.compress.StepParams;
import dev.compressweep.workers.eval.Evaluation;
import dev.compressweep.workers.eval.EvaluationSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuantizedExecutionTest {

    static final StepParams DEFAULTS = new StepParams(Map.of());
    static final QuantizedExecution EXECUTION = new QuantizedExecution(new EvaluationSettings(5, 20, 250), 1);

    @TempDir
    Path dir;

    @Test
    void shouldApplyOnlyWhenTheChainEndsWithQuantizeAndActivationsAreQuantizedToo() {
        try (CompressedModel quantized = TrainedModels.quantized(TrainedModels.MLP, Map.of());
                CompressedModel floats = TrainedModels.trained(TrainedModels.MLP)) {
            assertTrue(QuantizedExecution.appliesTo(List.of("distill", "quantize"), DEFAULTS, quantized));
            assertFalse(QuantizedExecution.appliesTo(List.of("quantize", "distill"), DEFAULTS, quantized));
            assertFalse(QuantizedExecution.appliesTo(List.of("quantize"),
                    new StepParams(Map.of("quantize.weights_only", true)), quantized));
            assertFalse(QuantizedExecution.appliesTo(List.of("quantize"), DEFAULTS, floats));
        }
    }

    @Test
    void shouldMeasureTheDeployedInt8FileBesideTheFloatNetworkItCameFrom() throws IOException {
        try (CompressedModel model = TrainedModels.quantized(TrainedModels.CNN, Map.of())) {
            Path onnx = dir.resolve("trial-7.onnx");

            OnnxMeasurement result = EXECUTION.evaluate(model, TrainedModels.DATA, onnx,
                    new StepParams(Map.of("quantize.calibration_samples", 64)), 3L);

            Evaluation e = result.evaluation();
            assertEquals(Files.size(onnx), e.sizeBytes());
            assertTrue(e.accuracy() > 0.5 && e.latencyP50Ms() > 0 && e.throughput() > 0, e.toString());
            assertEquals(onnx, result.onnxFile());
            Map<String, Double> metrics = result.metrics();
            assertTrue(metrics.get(Evaluation.FLOAT_LATENCY_P50_MS) > 0, metrics.toString());
            assertTrue(metrics.get(Evaluation.DJL_FLOAT_LATENCY_P50_MS) > 0, metrics.toString());
            assertTrue(metrics.get("test_accuracy") > 0.5, metrics.toString());
            assertEquals("onnxruntime_int8", result.tags().get("quantized_execution"));
            assertEquals("onnxruntime-1.28.0", result.tags().get("runtime"));
            assertEquals("false", result.tags().get("weights_only_quantization"));
            assertEquals("1", result.tags().get("float_layers"));
            assertFalse(result.tags().containsKey("int4_executed_as"));
        }
    }

    @Test
    void shouldRunInt4WeightsAsInt8AndSaySo() {
        try (CompressedModel model = TrainedModels.quantized(TrainedModels.MLP, Map.of("quantize.bits", 4))) {
            OnnxMeasurement result = EXECUTION.evaluate(model, TrainedModels.DATA, dir.resolve("trial-4.onnx"),
                    DEFAULTS, 3L);

            assertEquals("int8", result.tags().get("int4_executed_as"));
            assertEquals("0", result.tags().get("float_layers"));
            assertTrue(result.evaluation().accuracy() > 0.5, result.evaluation().toString());
        }
    }
}
