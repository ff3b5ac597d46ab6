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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * Measures a quantized model as it runs on int8 kernels: calibrates its activations on a sample of the
 * training split, exports the QDQ int8 graph (written beside the artifact as {@code <name>.onnx}) and
 * evaluates it on ONNX Runtime. For comparison on the same machine and in the same process it also
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

    /**
     * The measured int8 model: its evaluation (size = the artifact's length) and the metrics and tags to
     * add to the trial's.
     *
     * @param evaluation accuracy, F1, latency and throughput of the int8 graph
     * @param metrics in this order: {@value Evaluation#FLOAT_LATENCY_P50_MS},
     *     {@value Evaluation#DJL_FLOAT_LATENCY_P50_MS}, {@value Evaluation#ONNX_SIZE_BYTES}
     * @param tags how it was executed
     * @param onnxFile where the int8 graph was written
     */
    public record Result(Evaluation evaluation, Map<String, Double> metrics, Map<String, String> tags, Path onnxFile) {

        public Result {
            Objects.requireNonNull(evaluation, "evaluation");
            Objects.requireNonNull(onnxFile, "onnxFile");
            metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
            tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        }
    }

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
     * Evaluates {@code model} as int8 on {@code data.test()}, calibrating on {@code data.train()} with the
     * calibration {@code params} ask for and {@code seed}; the model's artifact is {@code artifact}.
     *
     * @throws IllegalArgumentException when {@link #appliesTo} does not hold for the model or a parameter
     *     is invalid
     */
    public Result evaluate(CompressedModel model, ImageDataset data, Path artifact, StepParams params, long seed) {
        List<NamedTensor> original = model.beforeQuantization();
        if (!model.isQuantized() || original.isEmpty()) {
            throw new IllegalArgumentException("int8 execution needs a model quantized in this process (with its "
                    + "float weights), but got one " + (model.isQuantized() ? "without them" : "not quantized"));
        }
        Calibration calibration = Calibration.of(params);
        ImageSplit train = data.train();
        int[] sample = sample(train.size(), Math.min(calibration.samples(), train.size()), seed);
        Map<String, ActivationQuant> activations = Calibrator.calibrate(model, train.images(sample), sample.length,
                calibration, threads);
        OnnxModel int8 = OnnxExport.int8Model(model, activations);
        Path onnxFile = onnxFile(artifact);
        long onnxSize = int8.write(onnxFile);
        Evaluator evaluator = new Evaluator(settings);
        Evaluation evaluation;
        try (OnnxRunner runner = OnnxRunner.open(int8, threads)) {
            evaluation = evaluator.evaluate(model, runner::predict, data.test(), artifact);
        }
        double ortFloat;
        try (OnnxRunner runner = OnnxRunner.open(OnnxExport.floatModel(model, original), threads)) {
            ortFloat = evaluator.latencyP50Ms(runner::predict, data.test());
        }
        double djlFloat;
        try (CompressedModel floats = model.withTensors(original, Map.of())) {
            djlFloat = evaluator.latencyP50Ms(Evaluator.djl(floats, data.shape()), data.test());
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put(Evaluation.FLOAT_LATENCY_P50_MS, ortFloat);
        metrics.put(Evaluation.DJL_FLOAT_LATENCY_P50_MS, djlFloat);
        metrics.put(Evaluation.ONNX_SIZE_BYTES, (double) onnxSize);
        return new Result(evaluation, metrics, tags(model), onnxFile);
    }

    private static Map<String, String> tags(CompressedModel model) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("quantized_execution", "onnxruntime_int8");
        tags.put("runtime", "onnxruntime-" + OrtRuntime.version());
        tags.put("weights_only_quantization", "false");
        tags.put("activation_quantization", "uint8_" + ActivationQuant.LEVELS + "_levels");
        tags.put("float_layers", PointPlan.of(model.topology()).floatFirstLayer() ? "1" : "0");
        if (model.quantized().values().stream().anyMatch(q -> q.scheme().bits() == 4)) {
            tags.put("int4_executed_as", "int8");
        }
        return tags;
    }

    /** {@code artifact} with its extension replaced by {@code .onnx}. */
    static Path onnxFile(Path artifact) {
        String name = artifact.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return artifact.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".onnx");
    }

    /** {@code count} distinct indices below {@code size}, drawn with {@code seed}. */
    private static int[] sample(int size, int count, long seed) {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Random random = new Random(seed);
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(size - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] out = new int[count];
        System.arraycopy(order, 0, out, 0, count);
        return out;
    }
}
