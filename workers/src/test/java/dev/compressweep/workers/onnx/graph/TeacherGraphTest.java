package dev.compressweep.workers.onnx.graph;

import static dev.compressweep.workers.onnx.graph.TestGraphs.BATCH;
import static dev.compressweep.workers.onnx.graph.TestGraphs.OPEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import dev.compressweep.workers.data.ImageShape;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TeacherGraphTest {

    static final ImageShape RGB = new ImageShape(3, 8, 8);
    static final int CLASSES = 5;
    static final int ROWS = 16;
    static final float[] PIXELS = TestGraphs.pixels(new Random(11), ROWS, RGB.pixels());

    @Test
    void shouldGiveAnNhwcConvNetTheSamePredictionsAsWhenFedChannelsLast() {
        ModelProto file = TestGraphs.nhwcConvNet(3, 8, 8, CLASSES, 1);
        float[] own = TestGraphs.run(file, "input_1", TestGraphs.channelsLast(PIXELS, ROWS, 3, 8, 8),
                new long[] {ROWS, 8, 8, 3}, "output");

        AdaptedTeacher adapted = TeacherGraph.adapt(file, RGB, CLASSES, TeacherHints.NONE);

        assertEquals(InputLayout.NHWC, adapted.layout());
        assertEquals(OutputKind.LOGITS, adapted.outputs());
        assertTrue(TestGraphs.maxAbsDifference(own, TestGraphs.logits(adapted.model(), PIXELS, ROWS)) < 1e-5);
    }

    @Test
    void shouldGiveAnNchwConvNetTheSamePredictionsAsWhenFedItsOwnLayout() {
        ModelProto file = TestGraphs.nchwConvNet(3, 8, 8, CLASSES, 2, BATCH, 3, 8, 8);
        float[] own = TestGraphs.run(file, "input", PIXELS, new long[] {ROWS, 3, 8, 8}, "scores");

        AdaptedTeacher adapted = TeacherGraph.adapt(file, RGB, CLASSES, TeacherHints.NONE);

        assertEquals(InputLayout.NCHW, adapted.layout());
        assertEquals("scores", adapted.sourceOutput());
        assertTrue(TestGraphs.maxAbsDifference(own, TestGraphs.logits(adapted.model(), PIXELS, ROWS)) < 1e-5);
    }

    @Test
    void shouldRunBatchesThroughAFileExportedWithABatchOfOne() {
        ModelProto batchOfOne = TestGraphs.nchwConvNet(3, 8, 8, CLASSES, 2, 1, 3, 8, 8);
        ModelProto file = batchOfOne.toBuilder().setGraph(batchOfOne.getGraph().toBuilder()
                .addValueInfo(TestGraphs.floats("relu", 1, 6, 6, 6))
                .setOutput(0, TestGraphs.floats("scores", 1, CLASSES))).build();

        AdaptedTeacher adapted = TeacherGraph.adapt(file, RGB, CLASSES, TeacherHints.NONE);

        float[] batched = TestGraphs.run(TestGraphs.nchwConvNet(3, 8, 8, CLASSES, 2, BATCH, 3, 8, 8), "input", PIXELS,
                new long[] {ROWS, 3, 8, 8}, "scores");
        assertTrue(TestGraphs.maxAbsDifference(batched, TestGraphs.logits(adapted.model(), PIXELS, ROWS)) < 1e-5);
    }

    @Test
    void shouldFeedAGreyThreeDimensionalInputAndKeepAFlatOne() {
        ImageShape grey = new ImageShape(1, 6, 6);
        float[] pixels = TestGraphs.pixels(new Random(3), 4, 36);
        ModelProto threeD = TestGraphs.greyNet(6, 6, CLASSES, 3);
        ModelProto flat = TestGraphs.matMulMlp(36, 8, CLASSES, 4);

        AdaptedTeacher greyAdapted = TeacherGraph.adapt(threeD, grey, CLASSES, TeacherHints.NONE);
        AdaptedTeacher flatAdapted = TeacherGraph.adapt(flat, grey, CLASSES, TeacherHints.NONE);

        assertTrue(TestGraphs.maxAbsDifference(TestGraphs.run(threeD, "grey", pixels, new long[] {4, 6, 6}, "scores"),
                TestGraphs.logits(greyAdapted.model(), pixels, 4)) < 1e-5);
        assertEquals(InputLayout.FLAT, flatAdapted.layout());
        assertTrue(TestGraphs.maxAbsDifference(TestGraphs.run(flat, "x", pixels, new long[] {4, 36}, "out"),
                TestGraphs.logits(flatAdapted.model(), pixels, 4)) < 1e-6);
        assertEquals(0, flatAdapted.model().getGraph().getNodeList().stream()
                .filter(n -> n.getOpType().equals("Reshape")).count(), "a flat input needs no Reshape");
    }

    @Test
    void shouldTakeTheDeclaredLayoutWhereTheDimensionsFitBoth() {
        ImageShape cube = new ImageShape(3, 3, 3);
        ModelProto file = TestGraphs.nchwConvNet(3, 3, 3, CLASSES, 10, BATCH, 3, 3, 3);
        float[] pixels = TestGraphs.pixels(new Random(12), 4, 27);

        AdaptedTeacher read = TeacherGraph.adapt(file, cube, CLASSES, TeacherHints.NONE);
        AdaptedTeacher declared = TeacherGraph.adapt(file, cube, CLASSES, TeacherHints.of(null, "nhwc", null));

        assertEquals(InputLayout.NCHW, read.layout());
        assertEquals(InputLayout.NHWC, declared.layout());
        assertTrue(TestGraphs.maxAbsDifference(TestGraphs.run(file, "input", TestGraphs.channelsLast(pixels, 4, 3, 3,
                3), new long[] {4, 3, 3, 3}, "scores"), TestGraphs.logits(declared.model(), pixels, 4)) < 1e-5);
    }

    @Test
    void shouldFeedAFlatInputDeclaredNhwcItsPixelsChannelsLast() {
        ModelProto file = TestGraphs.matMulMlp(RGB.pixels(), 8, CLASSES, 5);
        float[] own = TestGraphs.run(file, "x", TestGraphs.channelsLast(PIXELS, ROWS, 3, 8, 8),
                new long[] {ROWS, RGB.pixels()}, "out");

        AdaptedTeacher adapted = TeacherGraph.adapt(file, RGB, CLASSES, TeacherHints.of(null, "nhwc", null));

        assertTrue(TestGraphs.maxAbsDifference(own, TestGraphs.logits(adapted.model(), PIXELS, ROWS)) < 1e-5);
    }

    @Test
    void shouldUseTheDeclaredInputShapeWhereTheFileLeavesDimensionsOpen() {
        ModelProto file = TestGraphs.nchwConvNet(3, 8, 8, CLASSES, 6, BATCH, 3, OPEN, OPEN);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TeacherGraph.adapt(file, RGB, CLASSES, TeacherHints.NONE));
        AdaptedTeacher adapted = TeacherGraph.adapt(file, RGB, CLASSES, TeacherHints.of(List.of(3, 8, 8), null, null));

        assertEquals("the file's input input float [?,3,?,?] leaves dimensions open; declare the teacher's input_shape "
                + "without the batch dimension, e.g. [3, 8, 8]", e.getMessage());
        assertEquals(InputLayout.NCHW, adapted.layout());
        assertEquals(CLASSES * ROWS, TestGraphs.logits(adapted.model(), PIXELS, ROWS).length);
    }

    @Test
    void shouldTurnSoftmaxProbabilitiesIntoLogProbabilitiesAndDropTheInt64Label() {
        ModelProto file = TestGraphs.sklearnMlp(RGB.pixels(), 16, CLASSES, 7);
        float[] probabilities = TestGraphs.run(file, "x", PIXELS, new long[] {ROWS, RGB.pixels()}, "probabilities");

        AdaptedTeacher adapted = TeacherGraph.adapt(file, RGB, CLASSES, TeacherHints.NONE);
        float[] logits = TestGraphs.logits(adapted.model(), PIXELS, ROWS);

        assertEquals(OutputKind.PROBABILITIES, adapted.outputs());
        assertEquals("softmax", adapted.evidence());
        assertEquals("probabilities", adapted.sourceOutput());
        for (int i = 0; i < logits.length; i++) {
            assertEquals(Math.log(Math.max(probabilities[i], 1e-12)), logits[i], 1e-4, "value " + i);
        }
        assertEquals(1, adapted.model().getGraph().getOutputCount());
        assertTrue(adapted.model().getGraph().getNodeList().stream().map(NodeProto::getOpType)
                .noneMatch("ArgMax"::equals), "the label's ArgMax is dropped");
    }

    @Test
    void shouldDetectProbabilitiesFromSampleRowsWhenNoSoftmaxNodeShowsThem() {
        ModelProto file = TestGraphs.handWrittenSoftmaxMlp(RGB.pixels(), 16, CLASSES, 8);

        AdaptedTeacher blind = TeacherGraph.adapt(file, RGB, CLASSES, TeacherHints.NONE);
        AdaptedTeacher sampled = TeacherGraph.adapt(file, RGB, CLASSES, TeacherHints.NONE, PIXELS);
        AdaptedTeacher declared = TeacherGraph.adapt(file, RGB, CLASSES, TeacherHints.of(null, null, "probabilities"));

        assertEquals(OutputKind.LOGITS, blind.outputs());
        assertEquals("assumed", blind.evidence());
        assertEquals(OutputKind.PROBABILITIES, sampled.outputs());
        assertEquals("sample", sampled.evidence());
        assertEquals("declared", declared.evidence());
        float[] logProbabilities = TestGraphs.logits(sampled.model(), PIXELS, ROWS);
        for (int r = 0; r < ROWS; r++) {
            double sum = 0;
            for (int c = 0; c < CLASSES; c++) {
                sum += Math.exp(logProbabilities[r * CLASSES + c]);
            }
            assertEquals(1, sum, 1e-4, "row " + r);
        }
    }

    @Test
    void shouldTellProbabilityRowsFromLogitRows() {
        assertEquals(OutputKind.PROBABILITIES, OutputKind.ofRows(new float[] {0.2f, 0.8f, 1f, 0f}, 2));
        assertEquals(OutputKind.LOGITS, OutputKind.ofRows(new float[] {0.2f, 0.8f, 0.5f, 0.4f}, 2));
        assertEquals(OutputKind.LOGITS, OutputKind.ofRows(new float[] {1.5f, -0.5f}, 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OutputKind.ofRows(new float[] {0.5f, 0.5f, 1f}, 2));
        assertEquals("sample outputs must be whole rows of 2 >= 1 classes, but got 3 values", e.getMessage());
    }

    @Test
    void shouldRenameTensorsThatAlreadyUseTheReservedNames() {
        ModelProto file = TestGraphs.nchwConvNet(3, 8, 8, CLASSES, 9, BATCH, 3, 8, 8);
        GraphEdit edit = new GraphEdit(file);
        edit.rename("input", "pixels");
        edit.rename("relu", "logits");
        ModelProto clashing = edit.build();
        float[] own = TestGraphs.run(clashing, "pixels", PIXELS, new long[] {ROWS, 3, 8, 8}, "scores");

        AdaptedTeacher adapted = TeacherGraph.adapt(clashing, RGB, CLASSES, TeacherHints.NONE);

        assertTrue(TestGraphs.maxAbsDifference(own, TestGraphs.logits(adapted.model(), PIXELS, ROWS)) < 1e-5);
    }

    @Test
    void shouldDescribeTheFileForMessagesAndTags() {
        GraphDescription d = GraphDescription.of(TestGraphs.sklearnMlp(RGB.pixels(), 16, CLASSES, 7));

        assertEquals("inputs x float [?,192]; outputs label int64 [?], probabilities float [?,5]; opset 13; producer "
                + "skl2onnx 1.0; weighted layers MatMul mul_0_node coef_0[192,16], MatMul mul_1_node coef_1[16,5]",
                d.toString());
        assertEquals("MatMul:2", d.tags().get("weighted_layers"));
        assertEquals("13", d.tags().get("opset"));
        assertEquals(1, d.layers().get(0).outputAxis());
    }
}
