package dev.compressweep.workers.data;

/**
 * The dimensions of one image, channels first.
 *
 * @param channels colour channels (1 for grey scale)
 * @param height rows of pixels
 * @param width columns of pixels
 */
public record ImageShape(int channels, int height, int width) {

    public ImageShape {
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("image dimensions must be >= 1, but got channels=" + channels
                    + ", height=" + height + ", width=" + width);
        }
    }

    /** Values per image: {@code channels * height * width}. */
    public int pixels() {
        return channels * height * width;
    }
}
