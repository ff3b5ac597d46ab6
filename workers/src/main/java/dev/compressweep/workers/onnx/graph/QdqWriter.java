package dev.compressweep.workers.onnx.graph;

import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import dev.compressweep.workers.quant.Granularity;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the QDQ form into a {@link GraphEdit}, as ONNX Runtime's {@code quantize_static} does: a
 * QuantizeLinear/DequantizeLinear pair on an activation (its readers read the pair's output), int8 weights
 * behind DequantizeLinear, and int32 biases behind DequantizeLinear with scale {@code input scale * weight
 * scale} and zero point 0.
 *
 * <p>Biases are int32 because that is the pattern ONNX Runtime fuses into QLinearConv and QGemm (with a float
 * bias the Conv or Gemm would stay a float operator fed by dequantized weights); the rounding error,
 * at most half of {@code input scale * weight scale}, is far below the activation's own quantization step.
 * A bias stays float where that scale does not hold: a Gemm with {@code alpha} or {@code beta} other than 1,
 * or a bias that is not one value per output channel. Not thread-safe; one writer per edit.
 */
final class QdqWriter {

    private final GraphEdit edit;
    private final Granularity granularity;
    private final Map<String, Written> weights = new HashMap<>();

    /** A weight written once, however many nodes read it. */
    private record Written(String dequantized, Int8Weight weight) {}

    QdqWriter(GraphEdit edit, Granularity granularity) {
        this.edit = edit;
        this.granularity = granularity;
    }

    /** Puts a QuantizeLinear/DequantizeLinear pair with {@code params} between {@code tensor} and its readers. */
    void activation(String tensor, QdqParams params) {
        String scale = edit.fresh(tensor + "_scale");
        edit.putInitializer(Tensors.scalar(scale, params.scale()));
        String zero = edit.fresh(tensor + "_zero_point");
        edit.putInitializer(Tensors.bytes(zero, params.type(), new long[0], new byte[] {(byte) params.zeroPoint()}));
        String dequantized = edit.fresh(tensor + "_dequantized");
        edit.redirectConsumers(tensor, dequantized);
        String quantized = edit.node("QuantizeLinear", List.of(tensor, scale, zero), edit.fresh(tensor + "_quantized"));
        edit.node("DequantizeLinear", List.of(quantized, scale, zero), dequantized);
    }

    /** Makes {@code layer} read its weight as int8 behind DequantizeLinear, and returns the int8 weight. */
    Int8Weight weight(WeightedLayer layer) {
        Written written = weights.computeIfAbsent(layer.weight() + "@" + layer.outputAxis(), k -> write(layer));
        edit.graph().getNodeBuilder(layer.index()).setInput(1, written.dequantized());
        return written.weight();
    }

    /**
     * Makes {@code layer} read its bias as int32 behind DequantizeLinear when the scale {@code input scale *
     * weight scale} holds for it.
     *
     * @return whether the bias became int32
     */
    boolean bias(WeightedLayer layer, Int8Weight weight, QdqParams input) {
        NodeProto node = edit.graph().getNode(layer.index());
        Optional<TensorProto> bias = layer.bias().isEmpty() ? Optional.empty() : edit.initializer(layer.bias());
        boolean scaled = !layer.op().equals("Gemm")
                || Attributes.real(node, "alpha", 1f) == 1f && Attributes.real(node, "beta", 1f) == 1f;
        if (bias.isEmpty() || !scaled || bias.get().getDataType() != DataType.FLOAT.getNumber()
                || bias.get().getDimsCount() != 1 || bias.get().getDims(0) != layer.outputs()) {
            return false;
        }
        float[] values = Tensors.floats(bias.get());
        float[] scales = weight.scales();
        int[] integers = new int[values.length];
        for (int g = 0; g < scales.length; g++) {
            scales[g] *= input.scale();
        }
        for (int c = 0; c < values.length; c++) {
            double v = Math.rint(values[c] / (double) scales[scales.length == 1 ? 0 : c]);
            integers[c] = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
        }
        String name = layer.bias();
        String data = edit.fresh(name + "_quantized");
        edit.putInitializer(Tensors.int32(data, new long[] {values.length}, integers));
        edit.graph().getNodeBuilder(layer.index()).setInput(2, dequantize(name, data, scales, DataType.INT32, 0));
        return true;
    }

    private Written write(WeightedLayer layer) {
        TensorProto w = edit.initializer(layer.weight()).orElseThrow();
        long[] dims = Tensors.dims(w);
        Int8Weight q = Int8Weight.of(Tensors.floats(w), dims, layer.outputAxis(), granularity);
        String data = edit.fresh(layer.weight() + "_quantized");
        edit.putInitializer(Tensors.bytes(data, DataType.INT8, dims, q.data()));
        return new Written(dequantize(layer.weight(), data, q.scales(), DataType.INT8, layer.outputAxis()), q);
    }

    /** A DequantizeLinear of {@code data} with {@code scales} (one: per tensor) and zero points 0. */
    private String dequantize(String name, String data, float[] scales, DataType type, int axis) {
        boolean perChannel = scales.length > 1 || granularity == Granularity.PER_CHANNEL;
        long[] dims = perChannel ? new long[] {scales.length} : new long[0];
        String scale = edit.fresh(name + "_scale");
        edit.putInitializer(perChannel ? Tensors.floats(scale, dims, scales) : Tensors.scalar(scale, scales[0]));
        String zero = edit.fresh(name + "_zero_point");
        edit.putInitializer(type == DataType.INT32 ? Tensors.int32(zero, dims, new int[scales.length])
                : Tensors.bytes(zero, type, dims, new byte[scales.length]));
        String out = edit.fresh(name + "_dequantized");
        List<String> inputs = List.of(data, scale, zero);
        return perChannel ? edit.node("DequantizeLinear", inputs, out, Attributes.integer("axis", axis))
                : edit.node("DequantizeLinear", inputs, out);
    }
}
