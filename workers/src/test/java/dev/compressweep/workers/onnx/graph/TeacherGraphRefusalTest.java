package dev.compressweep.workers.onnx.graph;

import static dev.compressweep.workers.onnx.graph.TestGraphs.BATCH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import dev.compressweep.workers.data.ImageShape;
import java.util.List;
import org.junit.jupiter.api.Test;

class TeacherGraphRefusalTest {

    static final ImageShape RGB = TeacherGraphTest.RGB;
    static final int CLASSES = TeacherGraphTest.CLASSES;

    @Test
    void shouldRefuseAModelWithTwoInputs() {
        ModelProto file = withGraph(TestGraphs.matMulMlp(192, 8, CLASSES, 1),
                g -> g.addInput(TestGraphs.floats("mask", BATCH, 1)));

        assertEquals("a teacher model must take exactly one input (the image), but the file has 2: [x float [?,192], "
                + "mask float [?,1]]", refusal(file, TeacherHints.NONE));
    }

    @Test
    void shouldRefuseAnInputThatIsNotFloat() {
        ModelProto file = withGraph(TestGraphs.matMulMlp(192, 8, CLASSES, 1),
                g -> g.setInput(0, TestGraphs.value("x", DataType.INT64, BATCH, 192)));

        assertEquals("the teacher's input must be a float tensor (the data are float pixels), but the file's input is "
                + "x int64 [?,192]", refusal(file, TeacherHints.NONE));
    }

    @Test
    void shouldRefuseAnInputOfAnotherSizeThanTheImages() {
        assertEquals("the teacher's input x [?,100] takes 100 values per example, but the data's images are 3x8x8 = "
                + "192 values", refusal(TestGraphs.matMulMlp(100, 8, CLASSES, 1), TeacherHints.NONE));
    }

    @Test
    void shouldRefuseAnImageInputArrangedUnlikeTheData() {
        assertEquals("the teacher's input input [?,3,4,16] fits neither NCHW [3,8,8] nor NHWC [8,8,3] for the data's "
                + "3x8x8 images", refusal(TestGraphs.nchwConvNet(3, 4, 16, CLASSES, 1, BATCH, 3, 4, 16),
                        TeacherHints.NONE));
    }

    @Test
    void shouldRefuseADeclaredLayoutOrShapeTheFileContradicts() {
        ModelProto file = TestGraphs.nchwConvNet(3, 8, 8, CLASSES, 1, BATCH, 3, 8, 8);

        assertEquals("the declared layout nhwc contradicts the file's input input [?,3,8,8], which is nchw for the "
                + "data's 3x8x8 images", refusal(file, TeacherHints.of(null, "nhwc", null)));
        assertEquals("the declared input_shape [8, 8, 3] contradicts the file's input input float [?,3,8,8]",
                refusal(file, TeacherHints.of(List.of(8, 8, 3), null, null)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TeacherHints.of(null, "hwc", null));
        assertEquals("a teacher's layout must be one of nchw, nhwc, flat (or absent to read it from the file), but got "
                + "'hwc'", e.getMessage());
    }

    @Test
    void shouldRefuseAModelWithoutAnOutputOfOneScorePerClass() {
        ModelProto file = TestGraphs.nchwConvNet(3, 8, 8, CLASSES, 1, BATCH, 3, 8, 8);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TeacherGraph.adapt(file, RGB, 10, TeacherHints.NONE));

        assertEquals("the teacher needs a float output [batch, 10] (one score per class of the data), but the file's "
                + "outputs are [scores float [?,5]]", e.getMessage());
    }

    @Test
    void shouldRefuseZipMapOutputsSayingToExportWithZipMapDisabled() {
        ModelProto mlp = TestGraphs.sklearnMlp(192, 8, CLASSES, 1);
        TypeProto mapType = TypeProto.newBuilder().setMapType(TypeProto.Map.newBuilder()
                .setKeyType(DataType.INT64.getNumber()).setValueType(TypeProto.newBuilder().setTensorType(
                        TypeProto.Tensor.newBuilder().setElemType(DataType.FLOAT.getNumber())))).build();
        ModelProto file = withGraph(mlp, g -> g
                .addNode(TestGraphs.node("ZipMap", List.of("probabilities"), "output_probability").toBuilder()
                        .setDomain("ai.onnx.ml").addAttribute(Attributes.integers("classlabels_int64s", 0, 1, 2, 3, 4)))
                .removeOutput(1)
                .addOutput(ValueInfoProto.newBuilder().setName("output_probability").setType(TypeProto.newBuilder()
                        .setSequenceType(TypeProto.Sequence.newBuilder().setElemType(mapType)))))
                .toBuilder().addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("ai.onnx.ml").setVersion(1))
                .build();

        assertEquals("the teacher's outputs [label int64 [?], output_probability sequence<map<int64,float>>] give "
                + "class scores as a sequence of maps (ZipMap), not a float [batch, 5] tensor; export the model with "
                + "zipmap disabled, e.g. skl2onnx's options={id(model): {'zipmap': False}}",
                refusal(file, TeacherHints.NONE));
    }

    @Test
    void shouldRefuseAnOperatorTheFilesOpsetLacks() {
        ModelProto conv = TestGraphs.nchwConvNet(3, 8, 8, CLASSES, 1, BATCH, 3, 8, 8);
        ModelProto opset4 = conv.toBuilder().setOpsetImport(0, OperatorSetIdProto.newBuilder().setVersion(4)).build();
        ModelProto mlp = TestGraphs.matMulMlp(192, 8, CLASSES, 1);
        ModelProto opset7 = mlp.toBuilder().setOpsetImport(0, OperatorSetIdProto.newBuilder().setVersion(7)).build();

        assertEquals("feeding pixels to the teacher's nchw input (Reshape with a shape input) needs opset >= 5, but "
                + "the model imports opset 4", refusal(opset4, TeacherHints.NONE));
        assertEquals("turning the teacher's probabilities into log-probabilities (Max with a broadcast scalar, then "
                + "Log) needs opset >= 8, but the model imports opset 7",
                refusal(opset7, TeacherHints.of(null, null, "probabilities")));
    }

    @Test
    void shouldRefuseFewerThanTwoClassesAndSamplesOfPartialExamples() {
        ModelProto file = TestGraphs.matMulMlp(192, 8, CLASSES, 1);

        IllegalArgumentException classes = assertThrows(IllegalArgumentException.class,
                () -> TeacherGraph.adapt(file, RGB, 1, TeacherHints.NONE));
        IllegalArgumentException sample = assertThrows(IllegalArgumentException.class,
                () -> TeacherGraph.adapt(file, RGB, CLASSES, TeacherHints.NONE, new float[100]));

        assertEquals("a teacher scores >= 2 classes, but the data have 1", classes.getMessage());
        assertEquals("sample pixels must hold whole examples of 192 values, but got 100", sample.getMessage());
    }

    private static String refusal(ModelProto file, TeacherHints hints) {
        return assertThrows(IllegalArgumentException.class, () -> TeacherGraph.adapt(file, RGB, CLASSES, hints))
                .getMessage();
    }

    private static ModelProto withGraph(ModelProto model, java.util.function.UnaryOperator<GraphProto.Builder> edit) {
        return model.toBuilder().setGraph(edit.apply(model.getGraph().toBuilder())).build();
    }
}
