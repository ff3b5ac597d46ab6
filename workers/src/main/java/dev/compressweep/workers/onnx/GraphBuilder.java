package dev.compressweep.workers.onnx;

import ai.onnx.proto.OnnxMl;
import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import com.google.protobuf.ByteString;
import dev.compressweep.workers.compress.NamedTensor;
import dev.compressweep.workers.data.ImageShape;
import dev.compressweep.workers.model.LayerSpec;
import dev.compressweep.workers.model.Topology;
import dev.compressweep.workers.quant.Granularity;
import dev.compressweep.workers.quant.QuantizedTensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
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
 * <p>The graph follows the network's {@link Topology} layer by layer, once its batch normalisations are
 * folded into their convolutions ({@link BatchNormFolding}): the flat input is reshaped to an image unless
 * the first layer flattens it; convolutions become Conv, dense layers Gemm (with the weight as DJL stores
 * it, {@code transB=1}), ReLU, max pooling and flattening their ONNX operators, global average pooling a
 * GlobalAveragePool reshaped to features, and a residual its two paths joined by Add.
 * Activations are quantized where the {@link PointPlan} says. In QDQ form each point is a
 * QuantizeLinear/DequantizeLinear pair, pooling and flattening between int8 layers are wrapped in a pair
 * with the same parameters, weights are int8 initializers behind DequantizeLinear and biases are int32
 * with scale {@code input scale * weight scale} (the scale of the point the layer reads, inside a residual
 * too): the patterns ONNX Runtime turns into QLinearConv (ReLU fused), QGemm (bias and ReLU fused; float
 * output for the logits) and QLinearAdd (a residual's sum of two points, quantized after its ReLU). A float
 * first layer holds the dequantized weights. In float form with probes, each point is also a graph output,
 * for calibration.
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
    private Point current;
    /** Whether the tensor being built is still an image {@code (N, C, H, W)} rather than features. */
    private boolean image;

    /** An int32 initializer to rewrite with another integer type and shape. */
    private record Retyped(DataType type, int[] dims, int[] values) {}

    /** The parameters of the last quantization point, and their initializers. */
    private record Point(ActivationQuant quant, ONNXRef<?> scale, ONNXRef<?> zeroPoint) {}

    private GraphBuilder(Map<String, QuantizedTensor> weights, Map<String, ActivationQuant> activations,
            boolean quantized) {
        this.weights = Map.copyOf(weights);
        this.activations = Map.copyOf(activations);
        this.quantized = quantized;
    }

    /**
     * A float graph of {@code topology} holding {@code tensors} (weight, then bias, per weighted layer);
     * with {@code probes}, each quantization point is also an output.
     *
     * @throws IllegalArgumentException when the tensors do not match the topology or it does not fit
     *     {@code shape}
     */
    static OnnxModel floatGraph(Topology topology, ImageShape shape, int classes, List<NamedTensor> tensors,
            boolean probes) {
        BatchNormFolding.Folded folded = BatchNormFolding.fold(topology, shape, tensors, Map.of());
        return new GraphBuilder(Map.of(), Map.of(), false).build(folded.topology(), shape, classes, folded.tensors(),
                probes);
    }

    /**
     * A QDQ graph whose weights are {@code weights} (by tensor name; int8 or int4 values, held as int8),
     * whose biases (and float first layer) come from {@code tensors} and whose activation points use
     * {@code activations}.
     *
     * @throws IllegalArgumentException as {@link #floatGraph}, and when a weight or a point has no parameters
     */
    static OnnxModel qdqGraph(Topology topology, ImageShape shape, int classes, List<NamedTensor> tensors,
            Map<String, QuantizedTensor> weights, Map<String, ActivationQuant> activations) {
        BatchNormFolding.Folded folded = BatchNormFolding.fold(topology, shape, tensors, weights);
        return new GraphBuilder(folded.weights(), activations, true).build(folded.topology(), shape, classes,
                folded.tensors(), false);
    }

    private OnnxModel build(Topology topology, ImageShape shape, int classes, List<NamedTensor> tensors,
            boolean withProbes) {
        context.setName("compressweep");
        PointPlan plan = PointPlan.of(topology);
        Iterator<NamedTensor> params = tensors.iterator();
        ONNXRef<?> x = context.floatInput(INPUT, shape.pixels());
        image = !(topology.layers().get(0) instanceof LayerSpec.Flatten);
        if (image) {
            x = reshape(x, "image_shape", new long[] {-1, shape.channels(), shape.height(), shape.width()});
        }
        if (plan.quantizesInput()) {
            x = point(x, PointPlan.INPUT);
        }
        x = path(plan, new int[] {shape.channels(), shape.height(), shape.width()}, x, params);
        if (params.hasNext()) {
            throw new IllegalArgumentException("the topology " + topology + " has fewer parameter tensors than the "
                    + tensors.size() + " given");
        }
        context.assignTo(x, context.floatOutput(OUTPUT, classes));
        return new OnnxModel(model(withProbes).toByteArray(), withProbes ? probes : Map.of());
    }

    /** The graph of the plan's layers applied to {@code x}, of shape {@code input}. */
    private ONNXRef<?> path(PointPlan plan, int[] input, ONNXRef<?> x, Iterator<NamedTensor> params) {
        List<LayerSpec> layers = plan.layers();
        int[] shape = input;
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec layer = layers.get(i);
            int[] in = shape;
            shape = layer.outputShape(in);
            if (layer instanceof LayerSpec.Weighted weighted) {
                x = weighted(weighted, in, x, params, plan.isFloat(i));
            } else if (layer instanceof LayerSpec.Residual) {
                Point entry = current;
                ONNXRef<?> main = path(plan.main(i), in, x, params);
                current = entry;
                ONNXRef<?> shortcut = path(plan.shortcut(i), in, x, params);
                x = op(ONNXOperators.ADD, List.of(main, shortcut), "add", Map.of());
            } else if (layer instanceof LayerSpec.Relu) {
                x = op(OnnxOps.RELU, List.of(x), "relu", Map.of());
            } else if (layer instanceof LayerSpec.MaxPool pool) {
                x = op(OnnxOps.MAX_POOL, List.of(x), "pool", Map.of(
                        "kernel_shape", new int[] {pool.size(), pool.size()},
                        "strides", new int[] {pool.size(), pool.size()}));
            } else if (layer instanceof LayerSpec.GlobalAvgPool) {
                x = op(OnnxOps.GLOBAL_AVERAGE_POOL, List.of(x), "global_pool", Map.of());
                x = reshape(x, "flat_shape", new long[] {-1, shape[0]});
                image = false;
            } else if (image) {
                x = reshape(x, "flat_shape", new long[] {-1, shape[0]});
                image = false;
            } else {
                continue;
            }
            if (plan.quantizesAfter(i)) {
                x = point(x, plan.name(i));
            } else if (!(layer instanceof LayerSpec.Weighted || layer instanceof LayerSpec.Relu
                    || layer instanceof LayerSpec.Residual)) {
                x = requantize(x);
            }
        }
        return x;
    }

    /** A convolution (Conv) or dense layer (Gemm) on {@code x}, with its weight and bias from {@code params}. */
    private ONNXRef<?> weighted(LayerSpec.Weighted layer, int[] input, ONNXRef<?> x, Iterator<NamedTensor> params,
            boolean inFloat) {
        NamedTensor weight = next(params, layer.weightShape(input), true);
        List<ONNXRef<?>> inputs = new ArrayList<>(List.of(x, weight(weight, inFloat)));
        if (layer.bias()) {
            inputs.add(bias(next(params, new int[] {layer.outputs()}, false), weight, inFloat));
        }
        if (!(layer instanceof LayerSpec.Conv conv)) {
            return op(ONNXOperators.GEMM, inputs, "gemm", Map.of("transB", 1));
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("kernel_shape", new int[] {conv.kernel(), conv.kernel()});
        attributes.put("pads", new int[] {conv.padding(), conv.padding(), conv.padding(), conv.padding()});
        if (conv.stride() != 1) {
            attributes.put("strides", new int[] {conv.stride(), conv.stride()});
        }
        return op(OnnxOps.CONV, inputs, "conv", attributes);
    }

    /** The next tensor, which must be a weight (or bias) of {@code shape}. */
    static NamedTensor next(Iterator<NamedTensor> params, int[] shape, boolean weight) {
        NamedTensor t = params.hasNext() ? params.next() : null;
        if (t == null || t.weight() != weight || !Arrays.equals(t.shape(), shape)) {
            throw new IllegalArgumentException("the topology needs a " + (weight ? "weight" : "bias") + " of shape "
                    + Arrays.toString(shape) + " next, but got " + (t == null ? "no more tensors"
                    : t.name() + Arrays.toString(t.shape())));
        }
        return t;
    }

    private ONNXRef<?> reshape(ONNXRef<?> x, String name, long[] shape) {
        return op(OnnxOps.RESHAPE, List.of(x, context.array(name, shape)), "reshape", Map.of());
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
        ActivationQuant quant = activations.get(name);
        if (quant == null) {
            throw new IllegalArgumentException("int8 export needs calibrated parameters for activation point '" + name
                    + "', but got them for " + activations.keySet());
        }
        current = new Point(quant, context.constant(name + "_scale", quant.scale()),
                integers(name + "_zero_point", DataType.UINT8, new int[0], new int[] {quant.zeroPoint()}));
        return requantize(x);
    }

    /** A Q/DQ pair with the last point's parameters (QDQ form after a point), or {@code x} itself. */
    private ONNXRef<?> requantize(ONNXRef<?> x) {
        if (current == null) {
            return x;
        }
        ONNXRef<?> q = op(OnnxOps.QUANTIZE_LINEAR, List.of(x, current.scale(), current.zeroPoint()), "q", Map.of());
        return op(OnnxOps.DEQUANTIZE_LINEAR, List.of(q, current.scale(), current.zeroPoint()), "dq", Map.of());
    }

    /** A weight as DJL stores it (first dimension = outputs): float, or int8 behind DequantizeLinear. */
    private ONNXRef<?> weight(NamedTensor weight, boolean inFloat) {
        String name = weight.name();
        if (!quantized || inFloat) {
            float[] values = weight.values();
            return context.floatTensor(name, Arrays.stream(weight.shape()).boxed().toList(), b -> b.put(values));
        }
        QuantizedTensor q = weightOf(weight);
        boolean perChannel = q.scheme().granularity() == Granularity.PER_CHANNEL;
        ONNXRef<?> data = integers(name + "_quantized", DataType.INT8, weight.shape(), q.values());
        ONNXRef<?> scale = perChannel ? context.array(name + "_scale", q.scales())
                : context.constant(name + "_scale", q.scales()[0]);
        ONNXRef<?> zeroPoint = integers(name + "_zero_point", DataType.INT8,
                perChannel ? new int[] {q.zeroPoints().length} : new int[0], q.zeroPoints());
        return op(OnnxOps.DEQUANTIZE_LINEAR, List.of(data, scale, zeroPoint), "weight",
                perChannel ? Map.of("axis", 0) : Map.of());
    }

    /** A bias: float, or int32 with scale {@code input scale * weight scale} and zero point 0. */
    private ONNXRef<?> bias(NamedTensor bias, NamedTensor weight, boolean inFloat) {
        String name = bias.name();
        float[] values = bias.values();
        if (!quantized || inFloat) {
            return context.array(name, values);
        }
        QuantizedTensor q = weightOf(weight);
        boolean perChannel = q.scheme().granularity() == Granularity.PER_CHANNEL;
        float[] scales = q.scales();
        for (int g = 0; g < scales.length; g++) {
            scales[g] *= current.quant().scale();
        }
        int[] integers = new int[values.length];
        for (int c = 0; c < values.length; c++) {
            double v = Math.rint(values[c] / (double) scales[perChannel ? c : 0]);
            integers[c] = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
        }
        ONNXRef<?> data = integers(name + "_quantized", DataType.INT32, new int[] {values.length}, integers);
        ONNXRef<?> scale = perChannel ? context.array(name + "_scale", scales)
                : context.constant(name + "_scale", scales[0]);
        ONNXRef<?> zeroPoint = integers(name + "_zero_point", DataType.INT32,
                perChannel ? new int[] {scales.length} : new int[0], new int[scales.length]);
        return op(OnnxOps.DEQUANTIZE_LINEAR, List.of(data, scale, zeroPoint), "bias",
                perChannel ? Map.of("axis", 0) : Map.of());
    }

    private QuantizedTensor weightOf(NamedTensor weight) {
        QuantizedTensor q = weights.get(weight.name());
        if (q == null) {
            throw new IllegalArgumentException("int8 export needs every weight quantized, but " + weight.name()
                    + " is float");
        }
        return q;
    }

    /** An integer initializer of any type, declared as int32 and rewritten when the graph is built. */
    private ONNXInitializer integers(String name, DataType type, int[] dims, int[] values) {
        ONNXInitializer ref = context.array(name, values);
        retyped.put(ref.getReference(), new Retyped(type, dims.clone(), values.clone()));
        return ref;
    }

    private ONNXRef<?> op(ONNXOperator operator, List<ONNXRef<?>> inputs, String output,
            Map<String, Object> attributes) {
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
}
