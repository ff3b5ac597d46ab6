package dev.compressweep.workers.trial;

import ai.onnx.proto.OnnxMl.ModelProto;
import dev.compressweep.workers.compress.Quantization;
import dev.compressweep.workers.compress.StepContext;
import dev.compressweep.workers.data.ImageDataset;
import dev.compressweep.workers.eval.Evaluation;
import dev.compressweep.workers.eval.EvaluationSettings;
import dev.compressweep.workers.eval.Evaluator;
import dev.compressweep.workers.model.ModelStats;
import dev.compressweep.workers.onnx.Calibration;
import dev.compressweep.workers.onnx.OnnxMeasurement;
import dev.compressweep.workers.onnx.OnnxModel;
import dev.compressweep.workers.onnx.OnnxRunner;
import dev.compressweep.workers.onnx.graph.GraphChain;
import dev.compressweep.workers.onnx.graph.GraphResult;
import dev.compressweep.workers.onnx.graph.GraphStats;
import dev.compressweep.workers.onnx.graph.OnnxFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A compression trial on an imported teacher's own graph ({@link GraphChain}: quantize, prune and lowrank rewrite
 * the ONNX file the teacher job adapted, with no training): quantization calibrates on training examples only. The
 * result is deployed as the ONNX file that was measured, which is also its storage form; when the chain ends in
 * {@code quantize}, the same graph before quantization is timed beside it. Not thread-safe.
 */
final class GraphTrial {

    private final EvaluationSettings settings;

    GraphTrial(EvaluationSettings settings) {
        this.settings = settings;
    }

    /**
     * Applies {@code spec}'s chain to the teacher's graph in {@code dir} and measures the result.
     *
     * @throws IllegalArgumentException when a step cannot apply to the graph (the reason)
     */
    Deployed run(TrialSpec spec, ImageDataset data, WorkDir dir, StepContext context) {
        ModelProto teacher = OnnxFiles.read(dir.teacherOnnx());
        GraphChain chain = GraphChain.of(spec.chain(), context.params());
        chain.applicability(teacher).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        Calibration calibration = Calibration.of(context.params());
        float[] calibrationPixels = data.train().images(calibration.rows(data.train().size(), spec.seed()));
        List<String> steps = spec.chain();
        boolean quantized = steps.get(steps.size() - 1).equals(Quantization.NAME);
        List<String> floatSteps = quantized ? steps.subList(0, steps.size() - 1) : steps;
        GraphResult floating = floatSteps.isEmpty() ? new GraphResult(teacher, Map.of(), List.of())
                : GraphChain.of(floatSteps, context.params()).apply(teacher, calibrationPixels);
        Evaluator evaluator = new Evaluator(settings);
        Map<String, Double> extra = new LinkedHashMap<>(floating.metrics());
        List<String> notes = new ArrayList<>(floating.notes());
        GraphResult result = floating;
        if (quantized) {
            result = GraphChain.of(List.of(Quantization.NAME), context.params()).apply(floating.model(),
                    calibrationPixels);
            extra.putAll(result.metrics());
            notes.addAll(result.notes());
            try (OnnxRunner runner = OnnxRunner.open(new OnnxModel(floating.model().toByteArray(), Map.of()),
                    spec.threads())) {
                extra.put(Evaluation.FLOAT_LATENCY_P50_MS, evaluator.latencyP50Ms(runner::predict, data.validation()));
            }
        }
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("architecture", "imported " + spec.teacher().imported().format() + " graph");
        tags.put("deployed_precision", quantized ? "int8" : "float32");
        tags.put("graph.finetuned", "false");
        if (!notes.isEmpty()) {
            tags.put("graph.notes", String.join("; ", notes));
        }
        Path onnx = dir.trialOnnx(spec.trialId());
        ModelStats stats = GraphStats.of(result.model(), data.shape().pixels());
        OnnxMeasurement measurement = OnnxMeasurement.measure(evaluator, new OnnxModel(result.model().toByteArray(),
                Map.of()), onnx, data, spec.threads(), stats.parameters(), stats, extra, tags);
        return new Deployed(measurement, onnx, measurement.tags());
    }
}
