package dev.compressweep.workers.data.image;

import dev.compressweep.workers.data.ImageShape;
import dev.compressweep.workers.data.PixelStore;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * Images kept as unsigned bytes (channels first) in a memory-mapped file, off the heap, turned into model input as
 * they are read: {@code value = scale[c] * byte + shift[c]} for channel {@code c}. A mapping covers at most 2 GiB,
 * so a larger file is mapped in several chunks of whole images. The mappings live until this object is garbage
 * collected; the file may be replaced meanwhile (the mapping keeps the old contents) but must not be changed in
 * place. Immutable and thread-safe: reads use absolute positions only.
 */
final class MappedPixels implements PixelStore {

    private final ByteBuffer[] chunks;
    private final int perChunk;
    private final int count;
    private final ImageShape shape;
    private final float[] scale;
    private final float[] shift;

    private MappedPixels(ByteBuffer[] chunks, int perChunk, int count, ImageShape shape, float[] scale,
            float[] shift) {
        this.chunks = chunks;
        this.perChunk = perChunk;
        this.count = count;
        this.shape = shape;
        this.scale = scale.clone();
        this.shift = shift.clone();
    }

    /**
     * Maps {@code count} images of {@code shape} stored from byte {@code offset} of {@code file}, in chunks of at
     * most {@code maxChunkBytes}.
     *
     * @throws IllegalArgumentException when there is not one scale and one shift per channel, or a chunk cannot
     *     hold one image
     * @throws IOException when the file cannot be mapped
     */
    static MappedPixels map(Path file, long offset, int count, ImageShape shape, float[] scale, float[] shift,
            int maxChunkBytes) throws IOException {
        if (scale.length != shape.channels() || shift.length != shape.channels() || maxChunkBytes < shape.pixels()) {
            throw new IllegalArgumentException("mapped pixels need one scale and shift per channel (" + shape.channels()
                    + ") and chunks of at least one image (" + shape.pixels() + " bytes), but got " + scale.length
                    + " scales, " + shift.length + " shifts and chunks of " + maxChunkBytes + " bytes");
        }
        int perChunk = maxChunkBytes / shape.pixels();
        ByteBuffer[] chunks = new ByteBuffer[(count + perChunk - 1) / perChunk];
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            for (int k = 0; k < chunks.length; k++) {
                int images = Math.min(perChunk, count - k * perChunk);
                chunks[k] = channel.map(FileChannel.MapMode.READ_ONLY,
                        offset + (long) k * perChunk * shape.pixels(), (long) images * shape.pixels());
            }
        }
        return new MappedPixels(chunks, perChunk, count, shape, scale, shift);
    }

    @Override
    public int size() {
        return count;
    }

    @Override
    public int imageSize() {
        return shape.pixels();
    }

    @Override
    public void read(int image, float[] out, int offset) {
        Objects.checkIndex(image, count);
        Objects.checkFromIndexSize(offset, shape.pixels(), out.length);
        ByteBuffer chunk = chunks[image / perChunk];
        int base = (image % perChunk) * shape.pixels();
        int plane = shape.height() * shape.width();
        for (int c = 0; c < shape.channels(); c++) {
            float a = scale[c];
            float b = shift[c];
            int from = base + c * plane;
            int to = offset + c * plane;
            for (int p = 0; p < plane; p++) {
                out[to + p] = a * (chunk.get(from + p) & 0xFF) + b;
            }
        }
    }
}
