package dev.compressweep.workers.onnx;

import dev.compressweep.workers.compress.CompressedModel;
import dev.compressweep.workers.data.ImageDataset;
import dev.compressweep.workers.eval.Evaluation;
import dev.compressweep.workers.eval.Evaluator;
import dev.compressweep.workers.model.ModelStats;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A model as it is deployed: its ONNX graph written to a file, and what ONNX Runtime measured running that very
 * file. {@code evaluation} is on the validation split (its size is the file's byte length); the test split's
 * quality is in {@code metrics} under {@value Evaluation#TEST_PREFIX} names, with any extra measurement.
 *
 * @param evaluation accuracy, F1, latency and throughput of the file on ONNX Runtime, on the validation split
 * @param metrics test-split quality and extra measurements (other runtimes' latencies)
 * @param tags how it was executed
 * @param onnxFile the file that was measured, and is uploaded, exported and registered
 */
public record OnnxMeasurement(Evaluation evaluation, Map<String, Double> metrics, Map<String, String> tags,
        Path onnxFile) {

    public OnnxMeasurement {
        Objects.requireNonNull(evaluation, "evaluation");
        Objects.requireNonNull(onnxFile, "onnxFile");
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }

    /**
     * Writes {@code graph} to {@code onnxFile} and measures that file on ONNX Runtime with {@code threads}
     * intra-op threads: validation metrics, latency and throughput, then test-split quality.
     */
    static OnnxMeasurement measure(Evaluator evaluator, CompressedModel model, OnnxModel graph, Path onnxFile,
            ImageDataset data, int threads, Map<String, Double> extra, Map<String, String> tags) {
        return measure(evaluator, graph, onnxFile, data, threads, model.parameterCount(),
                ModelStats.of(model.topology(), model.inputShape()), extra, tags);
    }

    /**
     * As above for a graph that is not one of this project's networks (a user's model, or its compressed form):
     * {@code params} and {@code stats} are counted from the graph by the caller.
     */
    public static OnnxMeasurement measure(Evaluator evaluator, OnnxModel graph, Path onnxFile, ImageDataset data,
            int threads, long params, ModelStats stats, Map<String, Double> extra, Map<String, String> tags) {
        graph.write(onnxFile);
        Map<String, Double> metrics = new LinkedHashMap<>();
        Evaluation evaluation;
        try (OnnxRunner runner = OnnxRunner.open(graph, threads)) {
            evaluation = evaluator.evaluate(runner::predict, data.validation(), onnxFile, data.classes(), params,
                    stats);
            metrics.putAll(evaluator.testMetrics(runner::predict, data.test(), data.classes()));
        }
        metrics.putAll(extra);
        Map<String, String> all = new LinkedHashMap<>(tags);
        all.put("runtime", "onnxruntime-" + OrtRuntime.version());
        all.put("timing.threads", Integer.toString(threads));
        return new OnnxMeasurement(evaluation, metrics, all, onnxFile);
    }
}
