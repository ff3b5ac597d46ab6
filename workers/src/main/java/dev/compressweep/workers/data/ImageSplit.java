package dev.compressweep.workers.data;

import java.util.Objects;

/**
 * One split (train, validation or test) of an image data set: pixels scaled to [0, 1], row-major per image, and
 * integer labels. Immutable: it copies arrays in and hands out copies, so it is thread-safe.
 */
public final class ImageSplit {

    private final ImageShape shape;
    private final float[] pixels;
    private final int[] labels;

    /**
     * @throws IllegalArgumentException when the pixel count is not {@code labels.length * shape.pixels()}
     */
    public ImageSplit(ImageShape shape, float[] pixels, int[] labels) {
        this.shape = Objects.requireNonNull(shape, "shape");
        if ((long) labels.length * shape.pixels() != pixels.length) {
            throw new IllegalArgumentException("a split of " + labels.length + " images of " + shape.pixels()
                    + " pixels needs " + (long) labels.length * shape.pixels() + " values, but got " + pixels.length);
        }
        this.pixels = pixels.clone();
        this.labels = labels.clone();
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
        float[] out = new float[indices.length * n];
        for (int k = 0; k < indices.length; k++) {
            System.arraycopy(pixels, indices[k] * n, out, k * n, n);
        }
        return out;
    }

    /** Pixels of images {@code from} (inclusive) to {@code to} (exclusive). */
    public float[] images(int from, int to) {
        Objects.checkFromToIndex(from, to, size());
        int n = shape.pixels();
        float[] out = new float[(to - from) * n];
        System.arraycopy(pixels, from * n, out, 0, out.length);
        return out;
    }

    /** The images at {@code indices}, in that order, as a split of their own. */
    public ImageSplit subset(int[] indices) {
        return new ImageSplit(shape, images(indices), labels(indices));
    }

    /** Labels of the images at {@code indices}, in that order. */
    public int[] labels(int[] indices) {
        int[] out = new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            out[k] = labels[indices[k]];
        }
        return out;
    }
}
