package dev.compressweep.workers.data;

import java.util.Objects;

/** Model input kept on the heap, image after image. Owns its array (never changed); thread-safe. */
final class HeapPixels implements PixelStore {

    private final float[] values;
    private final int imageSize;

    /** Takes {@code values} without copying: the caller must not change them. */
    HeapPixels(float[] values, int imageSize) {
        if (imageSize < 1 || values.length % imageSize != 0) {
            throw new IllegalArgumentException("heap pixels need a whole number of images of imageSize >= 1 values,"
                    + " but got " + values.length + " values of images of " + imageSize);
        }
        this.values = values;
        this.imageSize = imageSize;
    }

    @Override
    public int size() {
        return values.length / imageSize;
    }

    @Override
    public int imageSize() {
        return imageSize;
    }

    @Override
    public void read(int image, float[] out, int offset) {
        Objects.checkIndex(image, size());
        System.arraycopy(values, image * imageSize, out, offset, imageSize);
    }
}
