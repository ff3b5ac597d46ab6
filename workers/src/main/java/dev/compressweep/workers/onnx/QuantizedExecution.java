package dev.compressweep.workers.onnx;

import dev.compressweep.workers.compress.CompressedModel;
import dev.compressweep.workers.compress.NamedTensor;
import dev.compressweep.workers.compress.Quantization;
import dev.compressweep.workers.compress.StepParams;
import dev.compressweep.workers.data.ImageDataset;
import dev.compressweep.workers.data.ImageSplit;
import dev.compressweep.workers.eval.Evaluation;
import dev.compressweep.workers.eval.EvaluationSettings;
import dev.compressweep.workers.eval.Evaluator;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Measures a quantized model as it runs on int8 kernels: calibrates its activations on a sample of the
 * training split, exports the QDQ int8 graph (the file that is deployed) and evaluates that file on ONNX Runtime. For comparison on the same machine and in the same process it also
 * times the network before quantization: exported as a float graph on ONNX Runtime, and on DJL.
 *
 * <p>It applies when the chain ends with {@code quantize} and {@code quantize.weights_only} is false (the
 * default); with {@code quantize.weights_only=true} activations stay float and the model is evaluated
 * on DJL with dequantized weights, as before. Not thread-safe: one evaluation at a time.
 */
public final class QuantizedExecution {

    /** Trial parameter: keep activations float and evaluate the dequantized model on DJL. */
    public static final String WEIGHTS_ONLY = "quantize.weights_only";

    private final EvaluationSettings settings;
    private final int threads;

    /** Measures with {@code settings}, running ONNX Runtime with {@code threads} intra-op threads. */
    public QuantizedExecution(EvaluationSettings settings, int threads) {
        this.settings = Objects.requireNonNull(settings, "settings");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, but got " + threads);
        }
        this.threads = threads;
    }

    /**
     * Whether a trial's result runs on int8 kernels: its chain ends with {@code quantize}, activations are
     * not left float by {@value #WEIGHTS_ONLY}, and the model kept its float weights for comparison.
     */
    public static boolean appliesTo(List<String> chain, StepParams params, CompressedModel model) {
        return !chain.isEmpty() && chain.get(chain.size() - 1).equals(Quantization.NAME)
                && !params.flag(WEIGHTS_ONLY, false)
                && model.isQuantized() && !model.beforeQuantization().isEmpty();
    }

    /**
     * The bytes one weight of a trial with {@code chain} and {@code params} takes in the file it deploys, known
     * before the model is: 1 when it will run on int8 kernels (as {@link #appliesTo} decides once quantized; 4-bit
     * weights execute as int8 too), 4 for a float graph.
     */
    public static int bytesPerWeight(List<String> chain, StepParams params) {
        boolean int8 = !chain.isEmpty() && chain.get(chain.size() - 1).equals(Quantization.NAME)
                && !params.flag(WEIGHTS_ONLY, false);
        return int8 ? 1 : Float.BYTES;
    }

    /**
     * Deploys {@code model} as int8 and measures it: calibrates on a sample of {@code data.train()} drawn with
     * {@code seed} as the calibration {@code params} ask, writes the QDQ graph to {@code onnxFile} and measures
     * that file on ONNX Runtime (validation and test splits); the network before quantization is timed too, as a
     * float graph on ONNX Runtime and on DJL.
     *
     * @throws IllegalArgumentException when {@link #appliesTo} does not hold for the model or a parameter
     *     is invalid
     */
    public OnnxMeasurement evaluate(CompressedModel model, ImageDataset data, Path onnxFile, StepParams params,
            long seed) {
        List<NamedTensor> original = model.beforeQuantization();
        if (!model.isQuantized() || original.isEmpty()) {
            throw new IllegalArgumentException("int8 execution needs a model quantized in this process (with its "
                    + "float weights), but got one " + (model.isQuantized() ? "without them" : "not quantized"));
        }
        Calibration calibration = Calibration.of(params);
        ImageSplit train = data.train();
        int[] sample = calibration.rows(train.size(), seed);
        Map<String, ActivationQuant> activations = Calibrator.calibrate(model, train.images(sample), sample.length,
                calibration, threads);
        Evaluator evaluator = new Evaluator(settings);
        Map<String, Double> extra = new LinkedHashMap<>();
        try (OnnxRunner runner = OnnxRunner.open(OnnxExport.floatModel(model, original), threads)) {
            extra.put(Evaluation.FLOAT_LATENCY_P50_MS, evaluator.latencyP50Ms(runner::predict, data.validation()));
        }
        try (CompressedModel floats = model.withTensors(original, Map.of())) {
            extra.put(Evaluation.DJL_FLOAT_LATENCY_P50_MS,
                    evaluator.latencyP50Ms(Evaluator.djl(floats, data.shape()), data.validation()));
        }
        return OnnxMeasurement.measure(evaluator, model, OnnxExport.int8Model(model, activations), onnxFile, data,
                threads, extra, tags(model));
    }

    private static Map<String, String> tags(CompressedModel model) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("quantized_execution", "onnxruntime_int8");
        tags.put("deployed_precision", "int8");
        tags.put("weights_only_quantization", "false");
        tags.put("activation_quantization", "uint8_" + ActivationQuant.LEVELS + "_levels");
        tags.put("float_layers", PointPlan.of(model.topology()).floatFirstLayer() ? "1" : "0");
        if (model.quantized().values().stream().anyMatch(q -> q.scheme().bits() == 4)) {
            tags.put("int4_executed_as", "int8");
        }
        return tags;
    }

    /** {@code count} distinct indices below {@code size}, drawn with {@code seed}. */
}
