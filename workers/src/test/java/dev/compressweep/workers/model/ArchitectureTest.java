package dev.compressweep.workers.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.compressweep.workers.compress.CompressedModel;
import dev.compressweep.workers.data.ImageShape;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    static final ImageShape MNIST = new ImageShape(1, 28, 28);

    @Test
    void shouldBuildTheTeacherCnnWithAbout420kParameters() {
        try (CompressedModel cnn = CompressedModel.create(Architecture.of("cnn", 32, 2), 10, MNIST, 1L)) {
            // conv 1->32 and 32->64 (3x3), dense 64*7*7 -> 128, dense 128 -> 10, each with biases
            long expected = (32 * 9 + 32) + (64 * 32 * 9 + 64) + (3136 * 128 + 128) + (128 * 10 + 10);
            assertEquals(expected, cnn.parameterCount());
            assertEquals(421_642, expected);
        }
    }

    @Test
    void shouldBuildAnMlpOfDepthHiddenLayers() {
        try (CompressedModel mlp = CompressedModel.create(Architecture.of("mlp", 64, 2), 10, MNIST, 1L)) {
            assertEquals((784 * 64 + 64) + (64 * 64 + 64) + (64 * 10 + 10), mlp.parameterCount());
            assertEquals(6, mlp.tensors().size());
            assertTrue(mlp.tensors().get(0).weight());
        }
    }

    @Test
    void shouldRefuseACnnTooDeepForTheImage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Architecture.of("cnn", 4, 5).checkFits(MNIST));

        assertTrue(e.getMessage().contains("depth 5 needs images of at least 32 pixels"), e.getMessage());
    }

    @Test
    void shouldRefuseAnUnknownKindAndNonPositiveSizes() {
        IllegalArgumentException kind = assertThrows(IllegalArgumentException.class,
                () -> Architecture.of("vgg", 4, 1));
        IllegalArgumentException width = assertThrows(IllegalArgumentException.class,
                () -> Architecture.of("mlp", 0, 1));

        assertEquals("architecture kind must be one of mlp, cnn, resnet, but got 'vgg'", kind.getMessage());
        assertTrue(width.getMessage().contains("width=0"), width.getMessage());
    }
}
