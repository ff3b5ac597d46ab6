package dev.compressweep.workers.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.compressweep.workers.compress.CompressedModel;
import dev.compressweep.workers.compress.NamedTensor;
import dev.compressweep.workers.data.ImageDataset;
import dev.compressweep.workers.data.ImageShape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResNetTest {

    static final ImageDataset DATA = ColourImages.dataset(32, 16, 3L);

    @Test
    void shouldExpandIntoStemResidualBlocksAndPoolingWithTheParameterNamesDjlGives() {
        Topology resnet = Topology.of(Architecture.of("resnet", 8, 2), 4);

        assertEquals(List.of("conv filters=8 kernel=3 padding=1 bias=false", "batchnorm", "relu",
                "residual main=[conv filters=8 kernel=3 padding=1 bias=false; batchnorm; relu; "
                        + "conv filters=8 kernel=3 padding=1 bias=false; batchnorm] shortcut=[]", "relu",
                "residual main=[conv filters=16 kernel=3 padding=1 stride=2 bias=false; batchnorm; relu; "
                        + "conv filters=16 kernel=3 padding=1 bias=false; batchnorm] "
                        + "shortcut=[conv filters=16 kernel=1 padding=0 stride=2 bias=false; batchnorm]", "relu",
                "globalavgpool", "dense units=4 bias=true"), resnet.encode());
        List<String> names = resnet.parameterNames();
        assertEquals(List.of("01Conv2d_weight", "02BatchNorm_gamma", "02BatchNorm_beta", "02BatchNorm_runningMean",
                "02BatchNorm_runningVar", "04ResidualBlock_01main_01Conv2d_weight"), names.subList(0, 6));
        assertEquals("06ResidualBlock_02shortcut_01Conv2d_weight", names.get(names.size() - 7));
        assertEquals(List.of("09Linear_weight", "09Linear_bias"), names.subList(names.size() - 2, names.size()));
        assertEquals(names.size(), 1 + 4 + 2 * (2 + 2 * 4) + (1 + 4) + 2);
    }

    @Test
    void shouldCountResnet16x3OnColourImagesAsComputedByHand() {
        Architecture resnet = Architecture.of("resnet", 16, 3);
        ImageShape cifar = new ImageShape(3, 32, 32);

        ModelStats stats = ModelStats.of(Topology.of(resnet, 10), cifar);

        // stem 3->16 with BN; block 16->16; blocks 16->32 and 32->64 with stride 2 and a 1x1 projection
        long stem = 16 * 3 * 9 + 2 * 16;
        long block0 = 2 * (16 * 16 * 9 + 2 * 16);
        long block1 = 32 * 16 * 9 + 32 * 32 * 9 + 2 * 2 * 32 + 32 * 16 + 2 * 32;
        long block2 = 64 * 32 * 9 + 64 * 64 * 9 + 2 * 2 * 64 + 64 * 32 + 2 * 64;
        assertEquals(stem + block0 + block1 + block2 + 64 * 10 + 10, stats.parameters());
        assertEquals(78_042, stats.parameters());
        long macs = 32 * 32 * 16 * 3 * 9 + 2 * (32 * 32 * 16 * 16 * 9)
                + 16 * 16 * 32 * 16 * 9 + 16 * 16 * 32 * 32 * 9 + 16 * 16 * 32 * 16
                + 8 * 8 * 64 * 32 * 9 + 8 * 8 * 64 * 64 * 9 + 8 * 8 * 64 * 32 + 64 * 10;
        assertEquals(macs, stats.macs());
        // running statistics (two per channel and normalisation: 336 channels) and the first block: its input
        // held while its main path's 16x32x32 pairs run
        assertEquals(4L * (78_042 + 2 * 336 + 3 * 16 * 32 * 32), stats.peakMemoryBytes());
        try (CompressedModel model = CompressedModel.create(resnet, 10, cifar, 1L)) {
            assertEquals(stats.parameters(), model.parameterCount());
        }
    }

    @Test
    void shouldDoubleChannelsPerBlockUpToEightTimesTheWidth() {
        Topology resnet = Topology.of(Architecture.of("resnet", 4, 5), 10);

        // stem; block 0 (identity shortcut); blocks 1 to 4 with their projections; the classifier
        assertEquals(List.of(4, 4, 4, 8, 8, 8, 16, 16, 16, 32, 32, 32, 32, 32, 32, 10),
                resnet.weighted().stream().map(LayerSpec.Weighted::outputs).toList());
        resnet.check(ColourImages.SHAPE, 10);
    }

    @Test
    void shouldRoundTripResidualsThroughTheirTextForm() {
        Topology resnet = Topology.of(Architecture.of("resnet", 8, 3), 4);

        assertEquals(resnet, Topology.decode(resnet.encode()));
        assertEquals(new LayerSpec.Conv(8, 3, 1, 2, true),
                LayerCodec.decode("conv filters=8 kernel=3 padding=1 stride=2 bias=true"));
    }

    @Test
    void shouldRefuseImagesTooSmallForTheDepth() {
        Architecture deep = Architecture.of("resnet", 4, 6);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> deep.checkFits(ColourImages.SHAPE));

        assertEquals("a resnet of depth 6 halves the image 5 times and its last block needs at least 2x2 pixels, so it "
                + "needs images of at least 33 pixels a side, but got 32x32", e.getMessage());
        Architecture.of("resnet", 4, 5).checkFits(ColourImages.SHAPE);
        Architecture.of("resnet", 4, 5).checkFits(new ImageShape(1, 28, 28));
    }

    @Test
    void shouldRefuseResidualPathsOfDifferentShapesOrUnclosedText() {
        LayerSpec.Residual widening = new LayerSpec.Residual(List.of(new LayerSpec.Conv(8, 3, 1, false)), List.of());

        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                () -> widening.outputShape(new int[] {4, 8, 8}));
        IllegalArgumentException text = assertThrows(IllegalArgumentException.class,
                () -> LayerCodec.decode("residual main=[relu shortcut=[]"));

        assertEquals("a residual's paths must give the same shape, but on [4, 8, 8] its main path gives [8, 8, 8] "
                + "and its shortcut [4, 8, 8] in 'residual main=[conv filters=8 kernel=3 padding=1 bias=false] "
                + "shortcut=[]'",
                shape.getMessage());
        assertEquals("every '[' must be closed by a ']', but one is not in 'residual main=[relu shortcut=[]'",
                text.getMessage());
    }

    @Test
    void shouldTrainOnBatchStatisticsMovingTheRunningOnesAndInferOnTheRunningOnesAlone() {
        try (CompressedModel model = CompressedModel.create(Architecture.of("resnet", 4, 2), 4, DATA.shape(), 7L)) {
            List<Double> losses = new ArrayList<>();

            TrainingSummary summary = Training.train(model.model(), DATA.train(), new TrainingSettings(3, 8, 3e-3, 7L),
                    Objective.crossEntropy(), (epoch, loss, seconds) -> losses.add(loss));

            assertEquals(12, summary.steps());
            assertTrue(losses.get(2) < losses.get(0), losses.toString());
            NamedTensor runningMean = model.tensors().get(3);
            assertEquals("02BatchNorm_runningMean", runningMean.name());
            assertFalse(allZero(runningMean.values()), "the running mean moved off its initial zeros");
            float[] pixels = DATA.test().images(0, 4);
            float[] first = Inference.forward(model.model(), pixels, 4, DATA.shape());
            float[] single = Inference.forward(model.model(), DATA.test().images(0, 1), 1, DATA.shape());
            assertArrayEquals(runningMean.values(), model.tensors().get(3).values(), "inference leaves them alone");
            assertArrayEquals(Arrays.copyOf(first, 4), single, 1e-5f,
                    "in inference an image's logits do not depend on the rest of its batch");
        }
    }

    private static boolean allZero(float[] values) {
        for (float v : values) {
            if (v != 0f) {
                return false;
            }
        }
        return true;
    }
}
