package dev.compressweep.workers.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.compressweep.workers.compress.CompressedModel;
import dev.compressweep.workers.data.ImageSplit;
import dev.compressweep.workers.model.Architecture;
import dev.compressweep.workers.model.ColourImages;
import dev.compressweep.workers.model.Inference;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResNetExportTest {

    static final Architecture RESNET = Architecture.of("resnet", 8, 2);
    static final ImageSplit TEST = ColourImages.DATA.test();

    @TempDir
    Path dir;

    @Test
    void shouldComputeTheSameLogitsAsDjlWithNormalisationsFoldedAway() throws InvalidProtocolBufferException {
        try (CompressedModel model = ColourImages.trained(RESNET)) {
            OnnxModel graph = OnnxExport.floatModel(model);
            try (OnnxRunner runner = OnnxRunner.open(graph, 1)) {
                float[] djl = Inference.logits(model.model(), TEST, 4, 16);

                float[] onnx = runner.predict(TEST.images(0, TEST.size()), TEST.size());

                double difference = OnnxExportTest.maxAbsDifference(djl, onnx);
                assertTrue(difference < 1e-4, "max abs difference " + difference);
            }
            Set<String> operators = OnnxMl.ModelProto.parseFrom(graph.bytes()).getGraph().getNodeList().stream()
                    .map(OnnxMl.NodeProto::getOpType).collect(Collectors.toSet());
            assertTrue(operators.containsAll(Set.of("Conv", "Add", "GlobalAveragePool", "Gemm")), operators.toString());
            assertFalse(operators.contains("BatchNormalization"), operators.toString());
        }
    }

    @Test
    void shouldRunTheInt8ResnetOnQLinearConvAndQGemmAndAgreeWithDjl() {
        try (CompressedModel model = BatchNormFoldingTest.quantized(ColourImages.trained(RESNET), Map.of());
                OnnxRunner runner = OnnxRunner.open(int8(model), 1)) {
            Map<String, Integer> operators = Int8Kernels.optimizedOperators(int8(model), dir);
            int[] djl = Inference.argMax(Inference.logits(model.model(), TEST, 4, 16), 4);

            int[] onnx = Inference.argMax(runner.predict(TEST.images(0, TEST.size()), TEST.size()), 4);

            // the stem stays float; both convolutions of each block, the projection and the sums run int8
            assertEquals(5, operators.get("QLinearConv"), operators.toString());
            assertEquals(2, operators.get("QLinearAdd"), operators.toString());
            assertEquals(1, operators.get("QGemm"), operators.toString());
            assertEquals(1, operators.getOrDefault("Conv", 0), operators.toString());
            assertFalse(operators.containsKey("BatchNormalization"), operators.toString());
            assertTrue(agreement(djl, onnx) >= 0.9, "agreement " + agreement(djl, onnx));
        }
    }

    @Test
    void shouldComputeExactlyWhatTheQdqGraphMeansForEveryWeightSchemeAndMirroredScales() {
        float[] pixels = TEST.images(0, 32);
        for (Map<String, Object> scheme : BatchNormFoldingTest.SCHEMES) {
            try (CompressedModel model = BatchNormFoldingTest.quantized(BatchNormFoldingTest.mirrored(), scheme)) {
                OnnxModel int8 = int8(model);
                try (OnnxRunner runner = OnnxRunner.open(int8, 1)) {
                    float[] kernels = runner.predict(pixels, 32);

                    float[] meaning = Int8Kernels.simulated(int8, pixels, 32);

                    assertTrue(OnnxExportTest.maxAbsDifference(kernels, meaning) < 1e-3,
                            scheme + ": " + OnnxExportTest.maxAbsDifference(kernels, meaning));
                }
            }
        }
    }

    private static OnnxModel int8(CompressedModel model) {
        int n = 64;
        return OnnxExport.int8Model(model, Calibrator.calibrate(model, ColourImages.DATA.train().images(0, n), n,
                OnnxExportTest.MINMAX, 1));
    }

    private static double agreement(int[] a, int[] b) {
        int same = 0;
        for (int i = 0; i < a.length; i++) {
            same += a[i] == b[i] ? 1 : 0;
        }
        return (double) same / a.length;
    }
}
