package dev.compressweep.workers.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImageSplitTest {

    static final ImageShape SHAPE = new ImageShape(1, 1, 2);

    /** A store whose image i is {i, -i}, which logs every image read. */
    static final class LoggingStore implements PixelStore {
        final List<Integer> reads = new ArrayList<>();

        @Override
        public int size() {
            return 10;
        }

        @Override
        public int imageSize() {
            return 2;
        }

        @Override
        public void read(int image, float[] out, int offset) {
            reads.add(image);
            out[offset] = image;
            out[offset + 1] = -image;
        }
    }

    @Test
    void shouldViewTheImagesOfAStoreWithoutCopyingThem() {
        LoggingStore store = new LoggingStore();
        ImageSplit split = ImageSplit.of(SHAPE, store, new int[] {9, 4, 7, 2}, new int[] {1, 0, 1, 0});

        ImageSplit subset = split.subset(new int[] {2, 0});
        ImageSplit nested = subset.subset(new int[] {1});

        assertEquals(List.of(), store.reads, "subsets read no pixels");
        assertArrayEquals(new float[] {7, -7, 9, -9}, subset.images(0, 2));
        assertArrayEquals(new int[] {1, 1}, subset.labels());
        assertArrayEquals(new float[] {9, -9}, nested.images(new int[] {0}));
        assertEquals(List.of(7, 9, 9), store.reads);
    }

    @Test
    void shouldKeepHeapSplitsAsBefore() {
        float[] pixels = {1, 2, 3, 4, 5, 6};
        ImageSplit split = new ImageSplit(SHAPE, pixels, new int[] {0, 1, 0});
        pixels[0] = 99;

        assertArrayEquals(new float[] {5, 6, 1, 2}, split.images(new int[] {2, 0}));
        assertArrayEquals(new float[] {3, 4, 5, 6}, split.subset(new int[] {1, 2}).images(0, 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ImageSplit(SHAPE, new float[3], new int[2]));
        assertEquals("a split of 2 images of 2 pixels needs 4 values, but got 3", e.getMessage());
    }

    @Test
    void shouldRefuseRowsOutsideTheStore() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ImageSplit.of(SHAPE, new LoggingStore(), new int[] {10}, new int[] {0}));

        assertEquals("rows must lie in [0, 10), but got 10", e.getMessage());
    }
}
