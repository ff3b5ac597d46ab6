package dev.compressweep.workers.data;

import java.util.Objects;

/**
 * One split (train, validation or test) of an image data set: images as model input, channels first per image
 * (see {@link ImageShape}), and integer labels. The pixels live in a {@link PixelStore}: on the heap, or in a
 * memory-mapped file read on demand, so that a split may be larger than the heap. Example {@code i} is store
 * image {@code rows[i]}; {@link #subset} shares the store and only picks rows, so it never copies pixels.
 * Immutable: it copies arrays in and hands out copies, so it is thread-safe.
 */
public final class ImageSplit {

    private final ImageShape shape;
    private final PixelStore store;
    private final int[] rows;
    private final int[] labels;

    /**
     * A split held on the heap.
     *
     * @throws IllegalArgumentException when the pixel count is not {@code labels.length * shape.pixels()}
     */
    public ImageSplit(ImageShape shape, float[] pixels, int[] labels) {
        this(shape, heap(shape, pixels, labels.length), identity(labels.length), labels.clone());
    }

    private ImageSplit(ImageShape shape, PixelStore store, int[] rows, int[] labels) {
        this.shape = Objects.requireNonNull(shape, "shape");
        this.store = store;
        this.rows = rows;
        this.labels = labels;
    }

    /**
     * A split of the images of {@code store} at {@code rows}, labelled {@code labels} (both copied); the store is
     * shared, not copied.
     *
     * @throws IllegalArgumentException when the store's images are not of {@code shape}, the lengths differ or a
     *     row is not an image of the store
     */
    public static ImageSplit of(ImageShape shape, PixelStore store, int[] rows, int[] labels) {
        if (store.imageSize() != shape.pixels() || rows.length != labels.length) {
            throw new IllegalArgumentException("a split needs images of " + shape.pixels() + " values and one label"
                    + " per row, but got images of " + store.imageSize() + " values, " + rows.length + " rows and "
                    + labels.length + " labels");
        }
        for (int row : rows) {
            if (row < 0 || row >= store.size()) {
                throw new IllegalArgumentException("rows must lie in [0, " + store.size() + "), but got " + row);
            }
        }
        return new ImageSplit(shape, store, rows.clone(), labels.clone());
    }

    /** The dimensions of each image. */
    public ImageShape shape() {
        return shape;
    }

    /** Number of images. */
    public int size() {
        return labels.length;
    }

    /** The label of image {@code i}. */
    public int label(int i) {
        return labels[i];
    }

    /** All labels, in order (a copy). */
    public int[] labels() {
        return labels.clone();
    }

    /** Pixels of the images at {@code indices}, concatenated in that order. */
    public float[] images(int[] indices) {
        int n = shape.pixels();
        float[] out = new float[Math.multiplyExact(indices.length, n)];
        for (int k = 0; k < indices.length; k++) {
            store.read(rows[indices[k]], out, k * n);
        }
        return out;
    }

    /** Pixels of images {@code from} (inclusive) to {@code to} (exclusive). */
    public float[] images(int from, int to) {
        Objects.checkFromToIndex(from, to, size());
        int n = shape.pixels();
        float[] out = new float[Math.multiplyExact(to - from, n)];
        for (int i = from; i < to; i++) {
            store.read(rows[i], out, (i - from) * n);
        }
        return out;
    }

    /** The images at {@code indices}, in that order, as a split of their own that shares this one's pixels. */
    public ImageSplit subset(int[] indices) {
        int[] picked = new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            picked[k] = rows[indices[k]];
        }
        return new ImageSplit(shape, store, picked, labels(indices));
    }

    /** Labels of the images at {@code indices}, in that order. */
    public int[] labels(int[] indices) {
        int[] out = new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            out[k] = labels[indices[k]];
        }
        return out;
    }

    private static PixelStore heap(ImageShape shape, float[] pixels, int count) {
        if ((long) count * shape.pixels() != pixels.length) {
            throw new IllegalArgumentException("a split of " + count + " images of " + shape.pixels()
                    + " pixels needs " + (long) count * shape.pixels() + " values, but got " + pixels.length);
        }
        return new HeapPixels(pixels.clone(), shape.pixels());
    }

    private static int[] identity(int count) {
        int[] rows = new int[count];
        for (int i = 0; i < count; i++) {
            rows[i] = i;
        }
        return rows;
    }
}
