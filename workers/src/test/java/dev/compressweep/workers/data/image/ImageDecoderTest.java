package dev.compressweep.workers.data.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.compressweep.workers.data.ImageShape;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageDecoderTest {

    @TempDir
    Path dir;

    @Test
    void shouldKeepGreyLevelsAsStoredAndRepeatThemForColour() throws IOException {
        Path file = SampleImages.write(dir.resolve("g.png"), SampleImages.grey(2, 1, 77, BufferedImage.TYPE_BYTE_GRAY));

        BufferedImage image = ImageDecoder.read(file);

        assertEquals(1, ImageDecoder.channels(image));
        assertArrayEquals(new byte[] {77, 77}, ImageDecoder.pixels(image, new ImageShape(1, 1, 2)));
        assertArrayEquals(new byte[] {77, 77, 77, 77, 77, 77}, ImageDecoder.pixels(image, new ImageShape(3, 1, 2)));
    }

    @Test
    void shouldScaleSixteenBitGreyToEightBits() throws IOException {
        Path file = SampleImages.write(dir.resolve("g16.png"),
                SampleImages.grey(1, 1, 0x8080, BufferedImage.TYPE_USHORT_GRAY));

        byte[] pixels = ImageDecoder.pixels(ImageDecoder.read(file), new ImageShape(1, 1, 1));

        assertArrayEquals(new byte[] {(byte) 128}, pixels);
    }

    @Test
    void shouldStoreColourChannelsFirstAndTurnColourIntoLuminance() throws IOException {
        BufferedImage image = SampleImages.solid(2, 1, 200, 100, 50);
        image.setRGB(1, 0, 0x0A141E);
        Path file = SampleImages.write(dir.resolve("c.png"), image);

        BufferedImage read = ImageDecoder.read(file);

        assertEquals(3, ImageDecoder.channels(read));
        assertArrayEquals(new byte[] {(byte) 200, 10, 100, 20, 50, 30},
                ImageDecoder.pixels(read, new ImageShape(3, 1, 2)));
        assertArrayEquals(new byte[] {124, 18}, ImageDecoder.pixels(read, new ImageShape(1, 1, 2)));
    }

    @Test
    void shouldResizeBilinearly() throws IOException {
        BufferedImage image = SampleImages.grey(2, 1, 0, BufferedImage.TYPE_BYTE_GRAY);
        image.getRaster().setSample(1, 0, 0, 200);

        byte[] wide = ImageDecoder.pixels(image, new ImageShape(1, 2, 4));

        for (int y = 0; y < 2; y++) {
            int[] row = new int[4];
            for (int x = 0; x < 4; x++) {
                row[x] = wide[y * 4 + x] & 0xFF;
            }
            assertTrue(row[0] == 0 && row[0] < row[1] && row[1] < row[2] && row[2] < row[3] && row[3] == 200,
                    "a ramp from 0 to 200 with values between: " + Arrays.toString(row));
            assertEquals(200, row[1] + row[2], 2, "symmetric about the middle");
        }
    }

    @Test
    void shouldSayWhyAFileIsNoImage() {
        Path text = SampleImages.text(dir.resolve("x.png"), "not an image");
        Path empty = SampleImages.text(dir.resolve("e.png"), "");

        assertEquals("not a PNG, JPEG or BMP image", assertThrows(IOException.class,
                () -> ImageDecoder.read(text)).getMessage());
        assertEquals("empty file", assertThrows(IOException.class, () -> ImageDecoder.read(empty)).getMessage());
    }
}
