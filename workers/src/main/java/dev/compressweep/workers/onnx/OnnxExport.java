package dev.compressweep.workers.onnx;

import dev.compressweep.workers.compress.CompressedModel;
import dev.compressweep.workers.compress.NamedTensor;
import dev.compressweep.workers.data.ImageShape;
import dev.compressweep.workers.model.Architecture;
import java.util.List;
import java.util.Map;

/**
 * Exports networks of the model zoo (mlp and cnn, as {@code Architecture.build} makes them) to ONNX: a
 * float graph, a float graph that exposes its activations for calibration, and a QDQ int8 graph.
 *
 * <p>The int8 graph holds the model's own quantized weights ({@link CompressedModel#quantized()}): their
 * integers, per-tensor or per-channel scales and zero points (0 when symmetric) as the quantize step chose
 * them. Int4 weights (in {@code [-8, 7]}) are stored and executed as int8, since ONNX Runtime's CPU
 * provider has no int4 convolution or matrix product for them. Biases of dense layers stay float;
 * those of convolutions become int32. Activations are uint8 with calibrated parameters
 * ({@link Calibrator}). Stateless and thread-safe.
 */
public final class OnnxExport {

    private OnnxExport() {}

    /** Whether the exporter can write {@code model} (its tensors are those its architecture builds). */
    public static boolean supports(CompressedModel model) {
        try {
            Layer.of(model.architecture(), model.classes(), model.inputShape(), model.tensors());
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A float graph of the model's current weights (the dequantized ones when it is quantized). */
    public static OnnxModel floatModel(CompressedModel model) {
        return floatModel(model.architecture(), model.classes(), model.inputShape(), model.tensors());
    }

    /**
     * A float graph of {@code tensors}, e.g. the weights a model had before quantization.
     *
     * @throws IllegalArgumentException when the tensors are not those {@code architecture} builds
     */
    public static OnnxModel floatModel(Architecture architecture, int classes, ImageShape shape,
            List<NamedTensor> tensors) {
        return GraphBuilder.floatGraph(shape, classes, Layer.of(architecture, classes, shape, tensors), false);
    }

    /**
     * A float graph of the model's current weights whose activation points are also outputs, named in
     * {@link OnnxModel#probes()}.
     */
    public static OnnxModel calibrationModel(CompressedModel model) {
        return GraphBuilder.floatGraph(model.inputShape(), model.classes(), layers(model), true);
    }

    /**
     * The QDQ int8 graph of a quantized model with the activation parameters {@code activations} (by
     * point name, as {@link Calibrator#calibrate} returns them).
     *
     * @throws IllegalArgumentException when a weight is not quantized or a point has no parameters
     */
    public static OnnxModel int8Model(CompressedModel model, Map<String, ActivationQuant> activations) {
        return GraphBuilder.qdqGraph(model.inputShape(), model.classes(), layers(model),
                model.quantized(), activations);
    }

    private static List<Layer> layers(CompressedModel model) {
        return Layer.of(model.architecture(), model.classes(), model.inputShape(), model.tensors());
    }
}
