package dev.compressweep.workers.onnx;

import dev.compressweep.workers.compress.CompressedModel;
import dev.compressweep.workers.compress.NamedTensor;
import java.util.List;
import java.util.Map;

/**
 * Exports networks to ONNX: a float graph, a float graph that exposes its activations for calibration,
 * and a QDQ int8 graph. Any {@link dev.compressweep.workers.model.Topology} is written: the model zoo's
 * mlp, cnn and resnet, and what pruning or low-rank decomposition made of them. Batch normalisation is
 * folded into the convolution before it ({@link BatchNormFolding}), in both forms.
 *
 * <p>The int8 graph holds the model's own quantized weights ({@link CompressedModel#quantized()}): their
 * integers with per-tensor or per-channel scales and zero points (0 when symmetric) as the quantize step
 * chose them; ONNX Runtime's QLinearConv and QGemm take all four combinations. Int4 weights (in
 * {@code [-8, 7]}) are stored and executed as int8, since ONNX Runtime's CPU provider has no int4
 * convolution or matrix product for them. Biases become int32. Activations are uint8 with parameters
 * from {@link Calibrator}. A convolution on the image as first layer stays float, holding the
 * dequantized weights (see {@link PointPlan}). Stateless and thread-safe.
 */
public final class OnnxExport {

    private OnnxExport() {}

    /** A float graph of the model's current weights (the dequantized ones when it is quantized). */
    public static OnnxModel floatModel(CompressedModel model) {
        return floatModel(model, model.tensors());
    }

    /**
     * A float graph of the model's layers holding {@code tensors} instead of its own, e.g. the weights it
     * had before quantization.
     *
     * @throws IllegalArgumentException when the tensors do not match the model's layers
     */
    public static OnnxModel floatModel(CompressedModel model, List<NamedTensor> tensors) {
        return GraphBuilder.floatGraph(model.topology(), model.inputShape(), model.classes(), tensors, false);
    }

    /**
     * A float graph of the model's current weights whose activation points are also outputs, named in
     * {@link OnnxModel#probes()}.
     */
    public static OnnxModel calibrationModel(CompressedModel model) {
        return GraphBuilder.floatGraph(model.topology(), model.inputShape(), model.classes(), model.tensors(), true);
    }

    /**
     * The QDQ int8 graph of a quantized model with the activation parameters {@code activations} (by
     * point name, as {@link Calibrator#calibrate} returns them).
     *
     * @throws IllegalArgumentException when a weight is not quantized or a point has no parameters
     */
    public static OnnxModel int8Model(CompressedModel model, Map<String, ActivationQuant> activations) {
        return GraphBuilder.qdqGraph(model.topology(), model.inputShape(), model.classes(), model.tensors(),
                model.quantized(), activations);
    }
}
