package dev.compressweep.workers.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.compressweep.workers.compress.CompressedModel;
import dev.compressweep.workers.compress.NamedTensor;
import dev.compressweep.workers.data.ImageSplit;
import dev.compressweep.workers.model.Architecture;
import dev.compressweep.workers.model.Inference;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxExportTest {

    static final ImageSplit TEST = TrainedModels.DATA.test();
    static final Calibration MINMAX = new Calibration(Calibration.Method.MINMAX, 256);

    @TempDir
    Path dir;

    @Test
    void shouldComputeTheSameLogitsAsDjlWithTheFloatGraph() {
        for (Architecture architecture : List.of(TrainedModels.CNN, TrainedModels.MLP)) {
            try (CompressedModel model = TrainedModels.trained(architecture);
                    OnnxRunner runner = OnnxRunner.open(OnnxExport.floatModel(model), 1)) {
                float[] djl = Inference.logits(model.model(), TEST, 10, 250);

                float[] onnx = runner.predict(TEST.images(0, TEST.size()), TEST.size());

                assertEquals(djl.length, onnx.length);
                assertTrue(maxAbsDifference(djl, onnx) < 1e-4, architecture + ": " + maxAbsDifference(djl, onnx));
            }
        }
    }

    @Test
    void shouldRunTheInt8CnnOnQLinearConvAndQGemmKernels() {
        try (CompressedModel model = TrainedModels.quantized(TrainedModels.CNN, Map.of())) {
            Map<String, Integer> operators = Int8Kernels.optimizedOperators(int8(model), dir);

            assertEquals(1, operators.get("QLinearConv"), operators.toString());
            assertEquals(2, operators.get("QGemm"), operators.toString());
            assertEquals(1, operators.getOrDefault("Conv", 0), "only the first convolution is float: " + operators);
            assertFalse(operators.containsKey("FusedGemm") || operators.containsKey("Gemm")
                    || operators.containsKey("MatMul"), operators.toString());
        }
    }

    @Test
    void shouldRunEveryLayerOfTheInt8MlpOnQGemm() {
        try (CompressedModel model = TrainedModels.quantized(TrainedModels.MLP, Map.of())) {
            Map<String, Integer> operators = Int8Kernels.optimizedOperators(int8(model), dir);

            assertEquals(2, operators.get("QGemm"), operators.toString());
            assertFalse(operators.containsKey("FusedGemm") || operators.containsKey("Gemm"), operators.toString());
        }
    }

    @Test
    void shouldAgreeWithTheDequantizedDjlModelOnAtLeast97PercentOfTestImages() {
        try (CompressedModel model = TrainedModels.quantized(TrainedModels.CNN, Map.of());
                OnnxRunner runner = OnnxRunner.open(int8(model), 1)) {
            int[] djl = Inference.argMax(Inference.logits(model.model(), TEST, 10, 250), 10);

            int[] onnx = Inference.argMax(runner.predict(TEST.images(0, TEST.size()), TEST.size()), 10);

            assertEquals(500, TEST.size());
            assertTrue(agreement(djl, onnx) >= 0.97, "agreement " + agreement(djl, onnx));
        }
    }

    @Test
    void shouldComputeExactlyWhatTheQdqGraphMeansForEveryWeightScheme() {
        List<Map<String, Object>> schemes = List.of(
                Map.of("quantize.granularity", "per_channel", "quantize.symmetric", true),
                Map.of("quantize.granularity", "per_tensor", "quantize.symmetric", true),
                Map.of("quantize.granularity", "per_channel", "quantize.symmetric", false),
                Map.of("quantize.granularity", "per_tensor", "quantize.symmetric", false),
                Map.of("quantize.bits", 4));
        float[] pixels = TEST.images(0, 100);
        for (Map<String, Object> scheme : schemes) {
            try (CompressedModel model = TrainedModels.quantized(TrainedModels.CNN, scheme)) {
                OnnxModel int8 = int8(model);
                try (OnnxRunner runner = OnnxRunner.open(int8, 1)) {
                    float[] kernels = runner.predict(pixels, 100);

                    float[] meaning = Int8Kernels.simulated(int8, pixels, 100);

                    assertTrue(maxAbsDifference(kernels, meaning) < 1e-3,
                            scheme + ": " + maxAbsDifference(kernels, meaning));
                }
            }
        }
    }

    @Test
    void shouldRefuseAnInt8GraphOfAModelWhoseWeightsAreFloat() {
        try (CompressedModel model = TrainedModels.trained(TrainedModels.MLP)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> OnnxExport.int8Model(model, Map.of("input", new ActivationQuant(0.01f, 0))));

            assertTrue(e.getMessage().startsWith("int8 export needs every weight quantized, but "), e.getMessage());
        }
    }

    @Test
    void shouldRefuseTensorsThatDoNotMatchTheLayers() {
        try (CompressedModel model = TrainedModels.trained(TrainedModels.MLP)) {
            List<NamedTensor> tensors = model.tensors().subList(0, 3);

            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> OnnxExport.floatModel(model, tensors));

            assertEquals("the topology needs a bias of shape [10] next, but got no more tensors", e.getMessage());
        }
    }

    private static OnnxModel int8(CompressedModel model) {
        int n = 256;
        return OnnxExport.int8Model(model, Calibrator.calibrate(model, TrainedModels.DATA.train().images(0, n), n,
                MINMAX, 1));
    }

    static double maxAbsDifference(float[] a, float[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    private static double agreement(int[] a, int[] b) {
        int same = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] == b[i]) {
                same++;
            }
        }
        return (double) same / a.length;
    }
}
