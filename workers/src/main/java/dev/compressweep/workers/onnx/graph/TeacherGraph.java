package dev.compressweep.workers.onnx.graph;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import dev.compressweep.workers.data.ImageShape;
import dev.compressweep.workers.onnx.OnnxRunner;
import java.util.List;

/**
 * Adapts a model the user trained elsewhere (PyTorch, tf2onnx, skl2onnx…) to the project's contract: one input
 * {@value #PIXELS}, float {@code [batch, C*H*W]} with each example channels first and normalised as the data
 * set defines, and one output {@value #LOGITS}, float {@code [batch, classes]}.
 *
 * <ul>
 *   <li>Input: {@link InputPlan} reads the layout and checks the size against the data; a Reshape (and a
 *       Transpose for NHWC) in front feeds the original input.
 *   <li>Output: {@link OutputPlan} picks the float output of {@code classes} scores and drops the others
 *       (and the nodes only they need).
 *   <li>Probabilities (declared; produced by Softmax; or, with sample pixels, every sample row in [0, 1]
 *       summing to 1, see {@link OutputKind#ofRows}) become {@code Log(Max(p, 1e-12))}.
 * </ul>
 *
 * <p>The file's opset is kept (a model that imports only {@code ai.onnx.ml} gets the default domain at
 * {@value #DEFAULT_OPSET}); an operator it lacks is refused. The file's value infos are dropped (ONNX Runtime
 * infers them): exported with a fixed batch of 1, they would contradict larger batches. Names {@value #PIXELS} and {@value #LOGITS}
 * already used inside the graph are renamed first. Every mismatch is an {@link IllegalArgumentException}
 * whose one-line message names both sides. Stateless and thread-safe.
 */
public final class TeacherGraph {

    /** The adapted model's input. */
    public static final String PIXELS = "pixels";
    /** The adapted model's output. */
    public static final String LOGITS = "logits";
    /** The default-domain opset imported by a model that imports none. */
    public static final int DEFAULT_OPSET = 13;

    private TeacherGraph() {}

    /**
     * Adapts {@code model} without a sample run: outputs not declared count as probabilities only when a
     * Softmax produces them.
     *
     * @throws IllegalArgumentException when the model does not fit the data or the hints, naming both sides
     */
    public static AdaptedTeacher adapt(ModelProto model, ImageShape shape, int classes, TeacherHints hints) {
        return adapt(model, shape, classes, hints, new float[0]);
    }

    /**
     * Adapts {@code model}; when the outputs are not declared and no Softmax produces them, runs the adapted
     * model on {@code samplePixels} (whole examples of the data, e.g. from the training split; none to skip)
     * and treats the outputs as probabilities when {@link OutputKind#ofRows} says so.
     *
     * @throws IllegalArgumentException when the model does not fit the data or the hints, naming both sides,
     *     or the sample does not hold whole examples
     * @throws dev.compressweep.workers.onnx.OnnxException when ONNX Runtime cannot run the model on the sample
     */
    public static AdaptedTeacher adapt(ModelProto model, ImageShape shape, int classes, TeacherHints hints,
            float[] samplePixels) {
        if (classes < 2) {
            throw new IllegalArgumentException("a teacher scores >= 2 classes, but the data have " + classes);
        }
        if (samplePixels.length % shape.pixels() != 0) {
            throw new IllegalArgumentException("sample pixels must hold whole examples of " + shape.pixels()
                    + " values, but got " + samplePixels.length);
        }
        GraphDescription source = GraphDescription.of(model);
        ModelProto clear = withoutReservedNames(model);
        GraphDescription file = GraphDescription.of(clear);
        InputPlan input = InputPlan.of(file, shape, hints);
        OutputPlan output = OutputPlan.of(file, clear.getGraph(), classes);
        OutputKind declared = hints.outputs();
        if (declared != OutputKind.AUTO) {
            return rewrite(clear, source, input, output, shape, classes, declared, "declared");
        }
        if (output.softmax()) {
            return rewrite(clear, source, input, output, shape, classes, OutputKind.PROBABILITIES, "softmax");
        }
        AdaptedTeacher logits = rewrite(clear, source, input, output, shape, classes, OutputKind.LOGITS, "assumed");
        if (samplePixels.length > 0 && OutputKind.ofRows(sample(logits, samplePixels, shape, classes), classes)
                == OutputKind.PROBABILITIES) {
            return rewrite(clear, source, input, output, shape, classes, OutputKind.PROBABILITIES, "sample");
        }
        return logits;
    }

    private static AdaptedTeacher rewrite(ModelProto model, GraphDescription source, InputPlan input,
            OutputPlan output, ImageShape shape, int classes, OutputKind kind, String evidence) {
        GraphEdit edit = new GraphEdit(model);
        edit.importDefaultDomain(DEFAULT_OPSET);
        input.feed(edit, PIXELS, shape);
        output.emit(edit, LOGITS, classes, kind == OutputKind.PROBABILITIES);
        edit.graph().clearInput().addInput(floatRows(PIXELS, shape.pixels()))
                .clearOutput().addOutput(floatRows(LOGITS, classes)).clearValueInfo();
        return new AdaptedTeacher(edit.build(), source, output.output().name(), input.layout(), kind, evidence);
    }

    /** The model with tensors already called {@value #PIXELS} or {@value #LOGITS} renamed. */
    private static ModelProto withoutReservedNames(ModelProto model) {
        GraphEdit edit = new GraphEdit(model);
        boolean clash = false;
        for (String reserved : List.of(PIXELS, LOGITS)) {
            if (edit.uses(reserved)) {
                edit.rename(reserved, edit.fresh(reserved + "_original"));
                clash = true;
            }
        }
        return clash ? edit.build() : model;
    }

    private static float[] sample(AdaptedTeacher teacher, float[] pixels, ImageShape shape, int classes) {
        int count = pixels.length / shape.pixels();
        try (OnnxRunner runner = OnnxRunner.open(teacher.onnx(), 1)) {
            float[] rows = runner.predict(pixels, count);
            if (rows.length != (long) count * classes) {
                throw new IllegalArgumentException("the teacher's output " + teacher.sourceOutput() + " gave "
                        + rows.length / count + " values per example, but the data have " + classes + " classes");
            }
            return rows;
        }
    }

    /**
     * The width of an adapted model's input {@value #PIXELS} ({@code C*H*W}).
     *
     * @throws IllegalArgumentException when the model does not take {@value #PIXELS} float {@code [batch, width]}
     */
    static int pixelsWidth(ModelProto model) {
        List<TensorSignature> inputs = GraphDescription.of(model).inputs();
        if (inputs.size() != 1 || !inputs.get(0).name().equals(PIXELS) || !inputs.get(0).isFloatTensor()
                || inputs.get(0).dims().size() != 2 || inputs.get(0).dims().get(1) < 1) {
            throw new IllegalArgumentException("a graph to compress must take only " + PIXELS + " float [batch, C*H*W] "
                    + "(as TeacherGraph.adapt makes it), but its inputs are " + inputs);
        }
        return Math.toIntExact(inputs.get(0).dims().get(1));
    }

    /** A float {@code [batch, width]} graph input or output. */
    private static ValueInfoProto floatRows(String name, long width) {
        TensorShapeProto shape = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("batch"))
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(width)).build();
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(DataType.FLOAT.getNumber()).setShape(shape))).build();
    }
}
