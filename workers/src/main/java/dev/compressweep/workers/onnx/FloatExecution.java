package dev.compressweep.workers.onnx;

import dev.compressweep.workers.compress.CompressedModel;
import dev.compressweep.workers.data.ImageDataset;
import dev.compressweep.workers.eval.Evaluation;
import dev.compressweep.workers.eval.EvaluationSettings;
import dev.compressweep.workers.eval.Evaluator;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Deploys and measures a model that is not executed in int8 (the teacher, and every trial whose chain does not end
 * in int8 quantization): exports its float graph to ONNX and measures that file on ONNX Runtime, like every other
 * model of the sweep. Pruned weights stay as zeros in dense tensors (what runs); the smaller storage form is
 * reported separately. The same network on DJL is timed too ({@value Evaluation#DJL_LATENCY_P50_MS}). Not
 * thread-safe: one evaluation at a time.
 */
public final class FloatExecution {

    private final EvaluationSettings settings;
    private final int threads;

    /** Measures with {@code settings}, running ONNX Runtime with {@code threads} intra-op threads. */
    public FloatExecution(EvaluationSettings settings, int threads) {
        this.settings = Objects.requireNonNull(settings, "settings");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, but got " + threads);
        }
        this.threads = threads;
    }

    /** Exports {@code model} to {@code onnxFile} and measures it on {@code data}'s validation and test splits. */
    public OnnxMeasurement evaluate(CompressedModel model, ImageDataset data, Path onnxFile) {
        Evaluator evaluator = new Evaluator(settings);
        double djl = evaluator.latencyP50Ms(Evaluator.djl(model, data.shape()), data.validation());
        return OnnxMeasurement.measure(evaluator, model, OnnxExport.floatModel(model), onnxFile, data, threads,
                Map.of(Evaluation.DJL_LATENCY_P50_MS, djl), Map.of("deployed_precision", "float32"));
    }
}
