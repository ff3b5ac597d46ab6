package dev.compressweep.workers.data.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.compressweep.workers.data.ImageShape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappedPixelsTest {

    static final ImageShape SHAPE = new ImageShape(2, 1, 3);

    @TempDir
    Path dir;

    @Test
    void shouldReadEveryImageAcrossChunksWithEachChannelsScaleAndShift() throws IOException {
        byte[] bytes = new byte[10 + 7 * SHAPE.pixels()];
        for (int i = 0; i < 7 * SHAPE.pixels(); i++) {
            bytes[10 + i] = (byte) (250 - i);
        }
        Path file = Files.write(dir.resolve("x.u8"), bytes);

        MappedPixels pixels = MappedPixels.map(file, 10, 7, SHAPE, new float[] {1, 0.5f}, new float[] {0, -1}, 13);

        assertEquals(7, pixels.size());
        assertEquals(6, pixels.imageSize());
        for (int image = 0; image < 7; image++) {
            float[] out = new float[8];
            pixels.read(image, out, 1);
            int first = 250 - image * 6;
            assertArrayEquals(new float[] {0, first, first - 1, first - 2, 0.5f * (first - 3) - 1,
                    0.5f * (first - 4) - 1, 0.5f * (first - 5) - 1, 0}, out, "image " + image);
        }
    }

    @Test
    void shouldRefuseAScalePerChannelThatDoesNotFit() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MappedPixels.map(dir.resolve("x.u8"), 0, 1, SHAPE, new float[] {1}, new float[] {0, 0}, 100));

        assertEquals("mapped pixels need one scale and shift per channel (2) and chunks of at least one image"
                + " (6 bytes), but got 1 scales, 2 shifts and chunks of 100 bytes", e.getMessage());
    }
}
