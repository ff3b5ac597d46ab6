package dev.compressweep.workers.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.compressweep.workers.compress.CompressedModel;
import dev.compressweep.workers.data.ImageShape;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelStatsTest {

    static final ImageShape MNIST = new ImageShape(1, 28, 28);

    @Test
    void shouldCountTheTeacherCnnAsComputedByHand() {
        ModelStats stats = ModelStats.of(Topology.of(Architecture.of("cnn", 32, 2), 10), MNIST);

        long conv1 = 28 * 28 * 32 * 1 * 9;
        long conv2 = 14 * 14 * 64 * 32 * 9;
        long dense = 3136 * 128 + 128 * 10;
        assertEquals(conv1 + conv2 + dense, stats.macs());
        assertEquals(4_241_152, stats.macs());
        assertEquals(421_642, stats.parameters());
        // the largest pair is the first ReLU: 32x28x28 in and out
        assertEquals(4L * (421_642 + 2 * 32 * 28 * 28), stats.peakMemoryBytes());
    }

    @Test
    void shouldCountFactorisedAndPaddedLayersOfASmallNetwork() {
        Topology small = new Topology(List.of(new LayerSpec.Conv(2, 1, 0, false), new LayerSpec.Conv(3, 3, 0, true),
                new LayerSpec.Relu(), new LayerSpec.Flatten(), new LayerSpec.Dense(4, false),
                new LayerSpec.Dense(2, true)));

        ModelStats stats = ModelStats.of(small, new ImageShape(3, 5, 5));

        // 1x1: 5*5*2*3; 3x3 without padding: 3*3 outputs * 3 * 2 * 9; dense 27->4 and 4->2
        assertEquals(5 * 5 * 2 * 3 + 3 * 3 * 3 * 2 * 9 + 27 * 4 + 4 * 2, stats.macs());
        assertEquals(2 * 3 + (3 * 2 * 9 + 3) + 27 * 4 + (4 * 2 + 2), stats.parameters());
        // the largest pair is the image (75) and the 1x1 output (50)
        assertEquals(4L * (stats.parameters() + 75 + 50), stats.peakMemoryBytes());
        assertEquals(Map.of("macs", (double) stats.macs(), "peak_memory_bytes", (double) stats.peakMemoryBytes()),
                stats.toMetrics());
    }

    @Test
    void shouldAgreeWithTheParameterCountOfTheBuiltNetwork() {
        Architecture mlp = Architecture.of("mlp", 16, 2);
        try (CompressedModel model = CompressedModel.create(mlp, 10, MNIST, 1L)) {
            assertEquals(model.parameterCount(), ModelStats.of(model.topology(), MNIST).parameters());
        }
    }
}
