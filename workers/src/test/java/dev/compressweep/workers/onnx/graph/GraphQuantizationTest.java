package dev.compressweep.workers.onnx.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.compressweep.workers.compress.StepParams;
import dev.compressweep.workers.data.ImageShape;
import dev.compressweep.workers.onnx.Calibration;
import dev.compressweep.workers.onnx.OrtRuntime;
import dev.compressweep.workers.quant.Granularity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphQuantizationTest {

    static final GraphQuantization DEFAULT = new GraphQuantization(GraphQuantSettings.defaults());

    @TempDir
    Path dir;

    @Test
    void shouldWriteInt8QdqThatIsSmallerAndAgreesWithTheFloatCnn() {
        ModelProto cnn = Teachers.cnn();

        GraphResult result = DEFAULT.apply(cnn, Teachers.CALIBRATION);

        List<String> ops = Teachers.operators(result.model());
        assertTrue(ops.contains("QuantizeLinear") && ops.contains("DequantizeLinear"), ops.toString());
        long int8 = result.model().getGraph().getInitializerList().stream()
                .filter(t -> t.getDataType() == DataType.INT8.getNumber() && t.getDimsCount() > 1).count();
        assertEquals(GraphDescription.of(cnn).layers().size(), int8, "every weight is int8");
        assertEquals(0, GraphDescription.of(result.model()).layers().size(), "no float weight is left");
        assertTrue(result.model().getSerializedSize() < 0.35 * cnn.getSerializedSize(),
                result.model().getSerializedSize() + " vs " + cnn.getSerializedSize());
        double agreement = Teachers.agreement(cnn, result.model());
        assertTrue(agreement >= 0.97, "agreement " + agreement);
        assertEquals(4.0, result.metrics().get("quantized_layers"));
        assertEquals(0.0, result.metrics().get("float_biases"));
    }

    @Test
    void shouldLetOnnxRuntimeFuseTheCnnIntoInt8Kernels() throws IOException, OrtException {
        ModelProto int8 = DEFAULT.apply(Teachers.cnn(), Teachers.CALIBRATION).model();
        Path optimized = dir.resolve("optimized.onnx");

        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            options.setOptimizedModelFilePath(optimized.toString());
            OrtRuntime.environment().createSession(int8.toByteArray(), options).close();
        }

        List<String> ops = Teachers.operators(ModelProto.parseFrom(Files.readAllBytes(optimized)));
        assertEquals(2, ops.stream().filter("QLinearConv"::equals).count(), ops.toString());
        assertTrue(ops.contains("QGemm"), ops.toString());
        assertTrue(!ops.contains("Conv") && !ops.contains("FusedConv"), ops.toString());
    }

    @Test
    void shouldQuantizeMatMulWeightsAlongTheirOutputColumns() {
        ModelProto mlp = TeacherGraph.adapt(TestGraphs.sklearnMlp(64, 32, 5, 3), new ImageShape(1, 8, 8), 5,
                TeacherHints.NONE).model();
        float[] rows = TestGraphs.pixels(new Random(4), 200, 64);

        ModelProto int8 = DEFAULT.apply(mlp, rows).model();

        List<NodeProto> weights = int8.getGraph().getNodeList().stream()
                .filter(n -> n.getOpType().equals("DequantizeLinear") && n.getInput(0).startsWith("coef")).toList();
        assertEquals(2, weights.size());
        weights.forEach(n -> assertEquals(1, Attributes.integer(n, "axis", -1), n.toString()));
        int[] expected = TestGraphs.argMax(TestGraphs.logits(mlp, rows, 200), 5);
        int[] actual = TestGraphs.argMax(TestGraphs.logits(int8, rows, 200), 5);
        double agreement = TestGraphs.agreement(expected, actual);
        assertTrue(agreement >= 0.95, "agreement " + agreement);
    }

    @Test
    void shouldAgreeWithTheFloatCnnUnderEveryOtherSetting() {
        ModelProto cnn = Teachers.cnn();
        List<GraphQuantSettings> settings = List.of(
                new GraphQuantSettings(8, Granularity.PER_TENSOR, false, Calibration.Method.MINMAX, 99.99),
                new GraphQuantSettings(8, Granularity.PER_CHANNEL, true, Calibration.Method.MINMAX, 99.99),
                new GraphQuantSettings(8, Granularity.PER_CHANNEL, false, Calibration.Method.PERCENTILE, 99.9));
        for (GraphQuantSettings s : settings) {
            ModelProto int8 = new GraphQuantization(s).apply(cnn, Teachers.CALIBRATION).model();

            double agreement = Teachers.agreement(cnn, int8);

            assertTrue(agreement >= 0.95, s + ": agreement " + agreement);
        }
    }

    @Test
    void shouldReadItsSettingsFromTrialParameters() {
        GraphQuantSettings s = GraphQuantSettings.from(new StepParams(Map.of("quantize.granularity", "per_tensor",
                "quantize.activations", "int8", "quantize.calibration", "percentile", "quantize.percentile", 99.5)));

        assertEquals(new GraphQuantSettings(8, Granularity.PER_TENSOR, true, Calibration.Method.PERCENTILE, 99.5), s);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GraphQuantSettings.from(new StepParams(Map.of("quantize.activations", "int4"))));
        assertEquals("quantize.activations must be uint8 or int8, but got 'int4'", e.getMessage());
    }

    @Test
    void shouldRefuseFourBitsAndOpsetsWithoutTheQdqOperators() {
        ModelProto cnn = Teachers.cnn();
        GraphQuantization int4 = new GraphQuantization(new GraphQuantSettings(4, Granularity.PER_CHANNEL, false,
                Calibration.Method.MINMAX, 99.99));
        GraphQuantization perTensor = new GraphQuantization(new GraphQuantSettings(8, Granularity.PER_TENSOR, false,
                Calibration.Method.MINMAX, 99.99));

        assertEquals(Optional.of("quantize.bits=4 cannot apply to a user's graph: int4 QuantizeLinear/DequantizeLinear "
                + "need opset 21 and ONNX Runtime's CPU provider has no int4 Conv, Gemm or MatMul kernels to run them; "
                + "use quantize.bits=8"), int4.applicability(cnn));
        assertEquals(Optional.of("per-channel DequantizeLinear needs opset >= 13, but the graph imports opset 11; use "
                + "quantize.granularity=per_tensor"), DEFAULT.applicability(withOpset(cnn, 11)));
        assertEquals(Optional.empty(), perTensor.applicability(withOpset(cnn, 11)));
        assertEquals(Optional.of("quantize needs opset >= 10 (QuantizeLinear/DequantizeLinear), but the graph imports "
                + "opset 9"), perTensor.applicability(withOpset(cnn, 9)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> int4.apply(cnn, Teachers.CALIBRATION));
        assertEquals(int4.applicability(cnn).orElseThrow(), e.getMessage());
    }

    @Test
    void shouldRefuseAGraphAlreadyQuantizedOrWithoutWeightedLayers() {
        ModelProto int8 = DEFAULT.apply(Teachers.mlp(), Teachers.CALIBRATION).model();
        ModelProto convOnly = TeacherGraph.adapt(TestGraphs.convOnlyNet(3, 8, 8, 5, 1), TeacherGraphTest.RGB, 5,
                TeacherHints.NONE).model();
        ModelProto noWeights = TeacherGraph.adapt(TestGraphs.softmaxOnly(5), new ImageShape(1, 1, 5), 5,
                TeacherHints.NONE).model();

        assertEquals(Optional.of("quantize needs a float graph, but the graph is already quantized (it has "
                + "QuantizeLinear, DequantizeLinear nodes)"), DEFAULT.applicability(int8));
        assertEquals(Optional.empty(), DEFAULT.applicability(convOnly));
        assertEquals(Optional.of("quantize needs a Conv, Gemm or MatMul whose weight is a constant float initializer "
                + "and whose input is computed, but the graph has none"), DEFAULT.applicability(noWeights));
    }

    @Test
    void shouldRefuseCalibrationPixelsThatAreNotWholeRows() {
        ModelProto mlp = Teachers.mlp();

        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> DEFAULT.apply(mlp, new float[0]));
        IllegalArgumentException partial = assertThrows(IllegalArgumentException.class,
                () -> DEFAULT.apply(mlp, new float[1000]));

        assertEquals("calibration needs whole rows of 784 pixels from the training split, but got 0 values",
                none.getMessage());
        assertEquals("calibration needs whole rows of 784 pixels from the training split, but got 1000 values",
                partial.getMessage());
    }

    static ModelProto withOpset(ModelProto model, int opset) {
        return model.toBuilder().setOpsetImport(0, OperatorSetIdProto.newBuilder().setVersion(opset)).build();
    }
}
