package dev.compressweep.workers.data;

/**
 * Where the pixels of a split's images are kept: on the heap as model input, or elsewhere (a memory-mapped file)
 * and turned into model input when read. Implementations are immutable and thread-safe: any number of threads
 * may read at once.
 */
public interface PixelStore {

    /** Number of images held. */
    int size();

    /** Model input values per image, channels first. */
    int imageSize();

    /**
     * Writes the model input of image {@code image} to {@code out} from {@code offset}: {@link #imageSize()}
     * values, channels first.
     *
     * @throws IndexOutOfBoundsException when {@code image} is not in {@code [0, size())} or {@code out} is short
     */
    void read(int image, float[] out, int offset);
}
