package dev.compressweep.workers.onnx.graph;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.compressweep.workers.onnx.OnnxModel;
import dev.compressweep.workers.onnx.OnnxRunner;
import dev.compressweep.workers.onnx.OrtRuntime;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Small models as other exporters write them, built with the ONNX protobuf classes and seeded weights, and
 * ways to run them. A dimension of {@value #BATCH} is the symbolic batch dimension.
 */
final class TestGraphs {

    /** Stands for the symbolic batch dimension in {@link #value}. */
    static final long BATCH = -1;
    /** Stands for an open dimension (no value, no name) in {@link #value}. */
    static final long OPEN = -2;

    private TestGraphs() {}

    /** A model importing the default domain at {@code opset}, produced by {@code producer}. */
    static ModelProto model(int opset, String producer, GraphProto.Builder graph) {
        return ModelProto.newBuilder().setIrVersion(7).setProducerName(producer).setProducerVersion("1.0")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(opset))
                .setGraph(graph.setName("test")).build();
    }

    /** A tensor value of {@code type} and dims ({@link #BATCH}: symbolic batch, {@link #OPEN}: open). */
    static ValueInfoProto value(String name, DataType type, long... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (long d : dims) {
            TensorShapeProto.Dimension.Builder dim = shape.addDimBuilder();
            if (d == BATCH) {
                dim.setDimParam("N");
            } else if (d > 0) {
                dim.setDimValue(d);
            }
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(type.getNumber()).setShape(shape))).build();
    }

    /** A float tensor value. */
    static ValueInfoProto floats(String name, long... dims) {
        return value(name, DataType.FLOAT, dims);
    }

    /** A node of the default domain. */
    static NodeProto node(String op, List<String> inputs, String output, AttributeProto... attributes) {
        return NodeProto.newBuilder().setOpType(op).setName(output + "_node").addAllInput(inputs).addOutput(output)
                .addAllAttribute(List.of(attributes)).build();
    }

    /** A float initializer of Gaussian values times {@code scale}. */
    static TensorProto weight(String name, Random random, double scale, long... dims) {
        float[] values = new float[(int) Tensors.count(dims)];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (random.nextGaussian() * scale);
        }
        return Tensors.floats(name, dims, values);
    }

    /** {@code count} rows of {@code width} Gaussian pixels. */
    static float[] pixels(Random random, int count, int width) {
        float[] out = new float[count * width];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) random.nextGaussian();
        }
        return out;
    }

    /**
     * A conv net taking {@code [batch, H, W, C]} as tf2onnx writes it: Transpose to NCHW, Conv 3x3 (padding 1,
     * 4 channels, bias), Relu, Flatten, Gemm ({@code transB=1}) to {@code classes} logits named {@code output}.
     */
    static ModelProto nhwcConvNet(int channels, int height, int width, int classes, long seed) {
        Random random = new Random(seed);
        return model(13, "tf2onnx", GraphProto.newBuilder()
                .addInput(floats("input_1", BATCH, height, width, channels))
                .addNode(node("Transpose", List.of("input_1"), "nchw", Attributes.integers("perm", 0, 3, 1, 2)))
                .addNode(node("Conv", List.of("nchw", "conv_w", "conv_b"), "conv",
                        Attributes.integers("kernel_shape", 3, 3), Attributes.integers("pads", 1, 1, 1, 1)))
                .addNode(node("Relu", List.of("conv"), "relu"))
                .addNode(node("Flatten", List.of("relu"), "flat"))
                .addNode(node("Gemm", List.of("flat", "dense_w", "dense_b"), "output", Attributes.integer("transB", 1)))
                .addInitializer(weight("conv_w", random, 0.3, 4, channels, 3, 3))
                .addInitializer(weight("conv_b", random, 0.1, 4))
                .addInitializer(weight("dense_w", random, 0.1, classes, 4L * height * width))
                .addInitializer(weight("dense_b", random, 0.1, classes))
                .addOutput(floats("output", BATCH, classes)));
    }

    /**
     * A conv net taking {@code [batch, C, H, W]} as PyTorch writes it (input {@code input}), with the given
     * input dims, Conv 3x3 without padding, Relu, Flatten and Gemm to {@code classes} logits.
     */
    static ModelProto nchwConvNet(int channels, int height, int width, int classes, long seed, long... inputDims) {
        Random random = new Random(seed);
        return model(13, "pytorch", GraphProto.newBuilder()
                .addInput(floats("input", inputDims))
                .addNode(node("Conv", List.of("input", "conv.weight", "conv.bias"), "conv",
                        Attributes.integers("kernel_shape", 3, 3)))
                .addNode(node("Relu", List.of("conv"), "relu"))
                .addNode(node("Flatten", List.of("relu"), "flat"))
                .addNode(node("Gemm", List.of("flat", "fc.weight", "fc.bias"), "scores",
                        Attributes.integer("transB", 1)))
                .addInitializer(weight("conv.weight", random, 0.3, 6, channels, 3, 3))
                .addInitializer(weight("conv.bias", random, 0.1, 6))
                .addInitializer(weight("fc.weight", random, 0.1, classes, 6L * (height - 2) * (width - 2)))
                .addInitializer(weight("fc.bias", random, 0.1, classes))
                .addOutput(floats("scores", BATCH, classes)));
    }

    /**
     * A net of one convolution: {@code input [batch, C, H, W]}, Conv 3x3 (padding 1) to {@code classes} channels,
     * GlobalAveragePool and Flatten to {@code scores}.
     */
    static ModelProto convOnlyNet(int channels, int height, int width, int classes, long seed) {
        Random random = new Random(seed);
        return model(13, "pytorch", GraphProto.newBuilder()
                .addInput(floats("input", BATCH, channels, height, width))
                .addNode(node("Conv", List.of("input", "conv.weight"), "conv",
                        Attributes.integers("kernel_shape", 3, 3), Attributes.integers("pads", 1, 1, 1, 1)))
                .addNode(node("GlobalAveragePool", List.of("conv"), "pooled"))
                .addNode(node("Flatten", List.of("pooled"), "scores"))
                .addInitializer(weight("conv.weight", random, 0.3, classes, channels, 3, 3))
                .addOutput(floats("scores", BATCH, classes)));
    }

    /** A net without weights: {@code x [batch, classes]}, Softmax to {@code probs}. */
    static ModelProto softmaxOnly(int classes) {
        return model(13, "custom", GraphProto.newBuilder()
                .addInput(floats("x", BATCH, classes))
                .addNode(node("Softmax", List.of("x"), "probs", Attributes.integer("axis", 1)))
                .addOutput(floats("probs", BATCH, classes)));
    }

    /** A dense net taking grey images {@code grey [batch, H, W]}: Flatten, Gemm to {@code classes} {@code scores}. */
    static ModelProto greyNet(int height, int width, int classes, long seed) {
        Random random = new Random(seed);
        return model(13, "pytorch", GraphProto.newBuilder()
                .addInput(floats("grey", BATCH, height, width))
                .addNode(node("Flatten", List.of("grey"), "flat"))
                .addNode(node("Gemm", List.of("flat", "fc.weight", "fc.bias"), "scores",
                        Attributes.integer("transB", 1)))
                .addInitializer(weight("fc.weight", random, 0.1, classes, (long) height * width))
                .addInitializer(weight("fc.bias", random, 0.1, classes))
                .addOutput(floats("scores", BATCH, classes)));
    }

    /**
     * An MLP as skl2onnx writes MLPClassifier with zipmap disabled: {@code label} int64 (ArgMax) first, then
     * {@code probabilities} from MatMul+Add, Relu, MatMul+Add, Softmax.
     */
    static ModelProto sklearnMlp(int features, int hidden, int classes, long seed) {
        Random random = new Random(seed);
        return model(13, "skl2onnx", mlpLayers(GraphProto.newBuilder(), features, hidden, classes, random, "scores")
                .addNode(node("Softmax", List.of("scores"), "probabilities", Attributes.integer("axis", 1)))
                .addNode(node("ArgMax", List.of("probabilities"), "label", Attributes.integer("axis", 1),
                        Attributes.integer("keepdims", 0)))
                .addOutput(value("label", DataType.INT64, BATCH))
                .addOutput(floats("probabilities", BATCH, classes)));
    }

    /** As {@link #sklearnMlp}, but its softmax written out as Exp, ReduceSum and Div (no Softmax node). */
    static ModelProto handWrittenSoftmaxMlp(int features, int hidden, int classes, long seed) {
        Random random = new Random(seed);
        return model(13, "custom", mlpLayers(GraphProto.newBuilder(), features, hidden, classes, random, "scores")
                .addNode(node("Exp", List.of("scores"), "exp"))
                .addNode(node("ReduceSum", List.of("exp", "axes"), "sum", Attributes.integer("keepdims", 1)))
                .addNode(node("Div", List.of("exp", "sum"), "probs"))
                .addInitializer(Tensors.int64("axes", 1))
                .addOutput(floats("probs", BATCH, classes)));
    }

    /** An MLP ending in logits: input {@code x [batch, features]}, MatMul+Add, Relu, MatMul+Add to {@code logits}. */
    static ModelProto matMulMlp(int features, int hidden, int classes, long seed) {
        Random random = new Random(seed);
        return model(13, "custom", mlpLayers(GraphProto.newBuilder(), features, hidden, classes, random, "out")
                .addOutput(floats("out", BATCH, classes)));
    }

    private static GraphProto.Builder mlpLayers(GraphProto.Builder graph, int features, int hidden, int classes,
            Random random, String scores) {
        return graph.addInput(floats("x", BATCH, features))
                .addNode(node("MatMul", List.of("x", "coef_0"), "mul_0"))
                .addNode(node("Add", List.of("mul_0", "intercept_0"), "add_0"))
                .addNode(node("Relu", List.of("add_0"), "hidden"))
                .addNode(node("MatMul", List.of("hidden", "coef_1"), "mul_1"))
                .addNode(node("Add", List.of("mul_1", "intercept_1"), scores))
                .addInitializer(weight("coef_0", random, 1 / Math.sqrt(features), features, hidden))
                .addInitializer(weight("intercept_0", random, 0.1, hidden))
                .addInitializer(weight("coef_1", random, 1 / Math.sqrt(hidden), hidden, classes))
                .addInitializer(weight("intercept_1", random, 0.1, classes));
    }

    /** The float output {@code output} of {@code model} fed {@code data} of {@code shape} as {@code input}. */
    static float[] run(ModelProto model, String input, float[] data, long[] shape, String output) {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                OrtSession session = OrtRuntime.environment().createSession(model.toByteArray(), options);
                OnnxTensor tensor = OnnxTensor.createTensor(OrtRuntime.environment(), FloatBuffer.wrap(data), shape);
                OrtSession.Result result = session.run(Map.of(input, tensor))) {
            FloatBuffer out = ((OnnxTensor) result.get(output).orElseThrow()).getFloatBuffer();
            float[] values = new float[out.remaining()];
            out.get(values);
            return values;
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The logits of an adapted (or compressed) model for {@code count} rows of pixels. */
    static float[] logits(ModelProto model, float[] pixels, int count) {
        try (OnnxRunner runner = OnnxRunner.open(new OnnxModel(model.toByteArray(), Map.of()), 1)) {
            return runner.predict(pixels, count);
        }
    }

    /** Channels-first rows ({@code [count, C, H, W]}) rearranged channels last ({@code [count, H, W, C]}). */
    static float[] channelsLast(float[] rows, int count, int channels, int height, int width) {
        float[] out = new float[rows.length];
        int plane = height * width;
        for (int n = 0; n < count; n++) {
            for (int c = 0; c < channels; c++) {
                for (int p = 0; p < plane; p++) {
                    out[n * plane * channels + p * channels + c] = rows[n * plane * channels + c * plane + p];
                }
            }
        }
        return out;
    }

    /** The largest absolute difference between two arrays of equal length. */
    static double maxAbsDifference(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("arrays must have equal lengths, but got " + a.length + " and "
                    + b.length);
        }
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    /** The index of each row's largest value. */
    static int[] argMax(float[] rows, int classes) {
        int[] out = new int[rows.length / classes];
        for (int r = 0; r < out.length; r++) {
            for (int c = 1; c < classes; c++) {
                if (rows[r * classes + c] > rows[r * classes + out[r]]) {
                    out[r] = c;
                }
            }
        }
        return out;
    }

    /** The fraction of positions where two label arrays agree. */
    static double agreement(int[] a, int[] b) {
        int same = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] == b[i]) {
                same++;
            }
        }
        return (double) same / a.length;
    }
}
