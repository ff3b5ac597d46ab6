package dev.compressweep.workers.onnx;

import ai.onnx.proto.OnnxMl;
import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import com.google.protobuf.ByteString;
import dev.compressweep.workers.data.ImageShape;
import dev.compressweep.workers.quant.Granularity;
import dev.compressweep.workers.quant.QuantizedTensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXInitializer;
import org.tribuo.util.onnx.ONNXOperator;
import org.tribuo.util.onnx.ONNXOperators;
import org.tribuo.util.onnx.ONNXRef;

/**
 * Writes one network as an ONNX graph with Tribuo's {@link ONNXContext}, in float or QDQ int8 form.
 *
 * <p>The graph mirrors {@code Architecture.build}: the flat input is reshaped to an image (cnn), each
 * block is Conv, Relu, MaxPool, then a flatten, and each dense layer is MatMul then Add (and Relu for
 * hidden ones). Activations are quantized at named points: {@code input}, {@code conv<i>} (after the
 * block's ReLU), {@code matmul<j>} (the product before its bias) and {@code dense<j>} (a hidden dense
 * layer's ReLU output). In QDQ form each point is a QuantizeLinear/DequantizeLinear pair, pooling and
 * flattening are wrapped in a pair with the same parameters, weights are int8 initializers behind
 * DequantizeLinear and convolution biases are int32 with scale {@code input scale * weight scale}:
 * the patterns ONNX Runtime turns into QLinearConv and QLinearMatMul. Each MatMul gets its own pair so
 * that it is not fused with its Add into a float Gemm. In float form with probes, each point is also a
 * graph output, for calibration.
 *
 * <p>{@link ONNXContext} creates only float, int32 and int64 initializers: int8 ones are declared as int32
 * and rewritten once the graph is built. Not thread-safe; one builder per graph.
 */
final class GraphBuilder {

    /** The input's name: {@code [batch, channels * height * width]} float pixels. */
    static final String INPUT = "pixels";
    /** The output's name: {@code [batch, classes]} float logits. */
    static final String OUTPUT = "logits";

    private static final int IR_VERSION = 8;

    private final ONNXContext context = new ONNXContext();
    private final Map<String, Retyped> retyped = new HashMap<>();
    private final Map<String, String> probes = new LinkedHashMap<>();
    private final Map<String, QuantizedTensor> weights;
    private final Map<String, ActivationQuant> activations;
    private final boolean quantized;
    private ActivationQuant current;
    private ONNXRef<?> currentScale;
    private ONNXRef<?> currentZeroPoint;

    /** An int32 initializer to rewrite with another integer type and shape. */
    private record Retyped(DataType type, int[] dims, int[] values) {}

    private GraphBuilder(Map<String, QuantizedTensor> weights, Map<String, ActivationQuant> activations,
            boolean quantized) {
        this.weights = Map.copyOf(weights);
        this.activations = Map.copyOf(activations);
        this.quantized = quantized;
    }

    /** A float graph; with {@code probes}, each quantization point is also an output. */
    static OnnxModel floatGraph(ImageShape shape, int classes, List<Layer> layers, boolean probes) {
        return new GraphBuilder(Map.of(), Map.of(), false).build(shape, classes, layers, probes);
    }

    /**
     * A QDQ graph whose weights are {@code weights} (by weight name; int8 or int4 values, held as int8)
     * and whose activation points use {@code activations}.
     *
     * @throws IllegalArgumentException when a weight or a point has no parameters
     */
    static OnnxModel qdqGraph(ImageShape shape, int classes, List<Layer> layers,
            Map<String, QuantizedTensor> weights, Map<String, ActivationQuant> activations) {
        return new GraphBuilder(weights, activations, true).build(shape, classes, layers, false);
    }

    private OnnxModel build(ImageShape shape, int classes, List<Layer> layers, boolean withProbes) {
        context.setName("compressweep");
        ONNXRef<?> x = context.floatInput(INPUT, shape.pixels());
        long convs = layers.stream().filter(l -> l.kind() == Layer.Kind.CONV).count();
        if (convs > 0) {
            x = op(OnnxOps.RESHAPE, List.of(x, context.array("image_shape",
                    new long[] {-1, shape.channels(), shape.height(), shape.width()})), "image", Map.of());
        }
        x = point(x, "input");
        int conv = 0;
        int dense = 0;
        for (Layer layer : layers) {
            if (layer.kind() == Layer.Kind.CONV) {
                x = op(OnnxOps.CONV, List.of(x, weight(layer, 0), convBias(layer)), "conv",
                        Map.of("kernel_shape", new int[] {3, 3}, "pads", new int[] {1, 1, 1, 1}));
                x = point(op(OnnxOps.RELU, List.of(x), "conv_relu", Map.of()), "conv" + conv);
                x = requantize(op(OnnxOps.MAX_POOL, List.of(x), "pool",
                        Map.of("kernel_shape", new int[] {2, 2}, "strides", new int[] {2, 2})));
                if (++conv == convs) {
                    x = requantize(op(OnnxOps.RESHAPE, List.of(x,
                            context.array("flat_shape", new long[] {-1, layer.outputs()
                                    * (shape.height() >> conv) * (shape.width() >> conv)})), "flat", Map.of()));
                }
            } else {
                x = point(op(OnnxOps.MAT_MUL, List.of(x, weight(layer, 1)), "matmul", Map.of()), "matmul" + dense);
                x = op(ONNXOperators.ADD, List.of(x, context.array(layer.bias().name(), layer.bias().values())), "dense", Map.of());
                if (layer != layers.get(layers.size() - 1)) {
                    x = point(op(OnnxOps.RELU, List.of(x), "dense_relu", Map.of()), "dense" + dense);
                }
                dense++;
            }
        }
        context.assignTo(x, context.floatOutput(OUTPUT, classes));
        return new OnnxModel(model(withProbes).toByteArray(), withProbes ? probes : Map.of());
    }

    private OnnxMl.ModelProto model(boolean withProbes) {
        OnnxMl.GraphProto.Builder graph = context.buildGraph().toBuilder();
        for (int i = 0; i < graph.getInitializerCount(); i++) {
            Retyped r = retyped.get(graph.getInitializer(i).getName());
            if (r != null) {
                graph.setInitializer(i, tensor(graph.getInitializer(i).getName(), r));
            }
        }
        if (withProbes) {
            OnnxMl.TypeProto floats = OnnxMl.TypeProto.newBuilder().setTensorType(OnnxMl.TypeProto.Tensor.newBuilder()
                    .setElemType(DataType.FLOAT.getNumber())).build();
            probes.values().forEach(name -> graph.addOutput(
                    OnnxMl.ValueInfoProto.newBuilder().setName(name).setType(floats)));
        }
        return OnnxMl.ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .setProducerName("compressweep")
                .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(OnnxOps.OPSET))
                .setGraph(graph)
                .build();
    }

    /** A quantization point: a probe in float form, a Q/DQ pair with the point's parameters in QDQ form. */
    private ONNXRef<?> point(ONNXRef<?> x, String name) {
        if (!quantized) {
            probes.put(name, x.getReference());
            return x;
        }
        current = activations.get(name);
        if (current == null) {
            throw new IllegalArgumentException("int8 export needs calibrated parameters for activation point '" + name
                    + "', but got them for " + activations.keySet());
        }
        currentScale = context.constant(name + "_scale", current.scale());
        currentZeroPoint = integers(name + "_zero_point", DataType.UINT8, new int[0], new int[] {current.zeroPoint()});
        return requantize(x);
    }

    /** A Q/DQ pair with the last point's parameters (QDQ form), or {@code x} itself (float form). */
    private ONNXRef<?> requantize(ONNXRef<?> x) {
        if (!quantized) {
            return x;
        }
        ONNXRef<?> q = op(OnnxOps.QUANTIZE_LINEAR, List.of(x, currentScale, currentZeroPoint), "q", Map.of());
        return op(OnnxOps.DEQUANTIZE_LINEAR, List.of(q, currentScale, currentZeroPoint), "dq", Map.of());
    }

    /** The layer's weight, transposed to {@code [in, out]} for dense layers; {@code axis} is its output axis. */
    private ONNXRef<?> weight(Layer layer, int axis) {
        int[] dims = layer.weight().shape();
        if (layer.kind() == Layer.Kind.DENSE) {
            dims = new int[] {dims[1], dims[0]};
        }
        String name = layer.weight().name();
        if (!quantized) {
            float[] values = layer.weight().values();
            float[] out = layer.kind() == Layer.Kind.DENSE ? transpose(values, dims[1], dims[0]) : values;
            return context.floatTensor(name, List.of(box(dims)), buffer -> buffer.put(out));
        }
        QuantizedTensor q = weightOf(layer);
        int[] values = layer.kind() == Layer.Kind.DENSE ? transpose(q.values(), dims[1], dims[0]) : q.values();
        boolean perChannel = q.scheme().granularity() == Granularity.PER_CHANNEL;
        ONNXRef<?> data = integers(name + "_quantized", DataType.INT8, dims, values);
        ONNXRef<?> scale = perChannel ? context.array(name + "_scale", q.scales())
                : context.constant(name + "_scale", q.scales()[0]);
        ONNXRef<?> zeroPoint = integers(name + "_zero_point", DataType.INT8,
                perChannel ? new int[] {q.zeroPoints().length} : new int[0], q.zeroPoints());
        return op(OnnxOps.DEQUANTIZE_LINEAR, List.of(data, scale, zeroPoint), "weight",
                perChannel ? Map.of("axis", axis) : Map.of());
    }

    /** A convolution's bias: float, or int32 with scale {@code input scale * weight scale} and zero point 0. */
    private ONNXRef<?> convBias(Layer layer) {
        String name = layer.bias().name();
        float[] bias = layer.bias().values();
        if (!quantized) {
            return context.array(name, bias);
        }
        float[] weightScales = weightOf(layer).scales();
        float[] scales = new float[weightScales.length];
        for (int g = 0; g < scales.length; g++) {
            scales[g] = current.scale() * weightScales[g];
        }
        int[] values = new int[bias.length];
        for (int c = 0; c < bias.length; c++) {
            double v = Math.rint(bias[c] / (double) scales[scales.length == 1 ? 0 : c]);
            values[c] = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
        }
        boolean perChannel = weightOf(layer).scheme().granularity() == Granularity.PER_CHANNEL;
        int[] groupDims = perChannel ? new int[] {scales.length} : new int[0];
        ONNXRef<?> data = integers(name + "_quantized", DataType.INT32, new int[] {bias.length}, values);
        ONNXRef<?> scale = perChannel ? context.array(name + "_scale", scales) : context.constant(name + "_scale", scales[0]);
        ONNXRef<?> zeroPoint = integers(name + "_zero_point", DataType.INT32, groupDims, new int[scales.length]);
        return op(OnnxOps.DEQUANTIZE_LINEAR, List.of(data, scale, zeroPoint), "bias",
                perChannel ? Map.of("axis", 0) : Map.of());
    }

    private QuantizedTensor weightOf(Layer layer) {
        QuantizedTensor q = weights.get(layer.weight().name());
        if (q == null) {
            throw new IllegalArgumentException("int8 export needs every weight quantized, but "
                    + layer.weight().name() + " is float");
        }
        return q;
    }

    /** An integer initializer of any type, declared as int32 and rewritten when the graph is built. */
    private ONNXInitializer integers(String name, DataType type, int[] dims, int[] values) {
        ONNXInitializer ref = context.array(name, values);
        retyped.put(ref.getReference(), new Retyped(type, dims.clone(), values.clone()));
        return ref;
    }

    private ONNXRef<?> op(ONNXOperator operator, List<ONNXRef<?>> inputs, String output, Map<String, Object> attributes) {
        return context.operation(operator, inputs, output, attributes);
    }

    private static OnnxMl.TensorProto tensor(String name, Retyped r) {
        int width = r.type() == DataType.INT32 ? 4 : 1;
        ByteBuffer raw = ByteBuffer.allocate(r.values().length * width).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : r.values()) {
            if (width == 4) {
                raw.putInt(v);
            } else {
                raw.put((byte) v);
            }
        }
        OnnxMl.TensorProto.Builder out = OnnxMl.TensorProto.newBuilder()
                .setName(name)
                .setDataType(r.type().getNumber())
                .setRawData(ByteString.copyFrom(raw.array()));
        for (int d : r.dims()) {
            out.addDims(d);
        }
        return out.build();
    }

    private static float[] transpose(float[] values, int rows, int cols) {
        float[] out = new float[values.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[c * rows + r] = values[r * cols + c];
            }
        }
        return out;
    }

    private static int[] transpose(int[] values, int rows, int cols) {
        int[] out = new int[values.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[c * rows + r] = values[r * cols + c];
            }
        }
        return out;
    }

    private static Integer[] box(int[] dims) {
        Integer[] out = new Integer[dims.length];
        for (int i = 0; i < dims.length; i++) {
            out[i] = dims[i];
        }
        return out;
    }
}
