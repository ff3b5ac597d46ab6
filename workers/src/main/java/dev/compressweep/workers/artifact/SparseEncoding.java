package dev.compressweep.workers.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.compressweep.workers.quant.Int4;
import dev.compressweep.workers.quant.QuantScheme;
import dev.compressweep.workers.quant.QuantizedTensor;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The {@code sparse_bitmap} layout of a tensor's values in a {@link ModelArtifact}: a bitmap of one bit per
 * value (set = stored; value {@code i} is bit {@code i % 8}, least significant first, of byte {@code i / 8}),
 * then only the stored values, in order, in the tensor's encoding (float32, int8, or int4 packed two per
 * byte). The values left out are zero: 0.0 for float32, the group's zero point (which stands for 0.0) for
 * quantized tensors. The header entry carries {@code "layout": "sparse_bitmap"} and {@code "nonzeros"}. A
 * tensor is written sparse only when that is smaller than dense; reading gives the same dense values
 * (a -0.0 reads back as 0.0). Stateless and thread-safe.
 */
final class SparseEncoding {

    static final String LAYOUT = "sparse_bitmap";

    private SparseEncoding() {}

    /** The payload of float values, sparse when that is smaller (then marked in {@code entry}). */
    static byte[] floats(ObjectNode entry, float[] values) {
        boolean[] stored = new boolean[values.length];
        int count = 0;
        for (int i = 0; i < values.length; i++) {
            stored[i] = values[i] != 0f;
            count += stored[i] ? 1 : 0;
        }
        if ((long) bitmapBytes(values.length) + 4L * count >= 4L * values.length) {
            return ModelArtifact.floats(values);
        }
        float[] kept = new float[count];
        for (int i = 0, k = 0; i < values.length; i++) {
            if (stored[i]) {
                kept[k++] = values[i];
            }
        }
        return sparse(entry, stored, count, ModelArtifact.floats(kept));
    }

    /** The payload of a quantized tensor's integers, sparse when that is smaller (then marked in {@code entry}). */
    static byte[] integers(ObjectNode entry, QuantizedTensor q) {
        int[] values = q.values();
        int[] zeroPoints = q.zeroPoints();
        int perGroup = values.length / zeroPoints.length;
        boolean[] stored = new boolean[values.length];
        int count = 0;
        for (int i = 0; i < values.length; i++) {
            stored[i] = values[i] != zeroPoints[i / perGroup];
            count += stored[i] ? 1 : 0;
        }
        if ((long) bitmapBytes(values.length) + q.scheme().dataBytes(count) >= q.scheme().dataBytes(values.length)) {
            return q.data();
        }
        int[] kept = new int[count];
        for (int i = 0, k = 0; i < values.length; i++) {
            if (stored[i]) {
                kept[k++] = values[i];
            }
        }
        return sparse(entry, stored, count, q.scheme().pack(kept));
    }

    /** Reads {@code size} float values in the layout {@code entry} names. */
    static float[] readFloats(ByteBuffer buf, JsonNode entry, int size) {
        if (!isSparse(entry)) {
            return ArtifactReader.floats(buf, size);
        }
        boolean[] stored = bitmap(buf, entry, size);
        float[] kept = ArtifactReader.floats(buf, entry.path("nonzeros").asInt());
        float[] out = new float[size];
        for (int i = 0, k = 0; i < size; i++) {
            if (stored[i]) {
                out[i] = kept[k++];
            }
        }
        return out;
    }

    /** Reads the integers of a quantized tensor in the layout {@code entry} names, as dense stored bytes. */
    static byte[] readIntegers(ByteBuffer buf, JsonNode entry, QuantScheme scheme, int[] dims, int[] zeroPoints) {
        int size = QuantizedTensor.size(dims);
        if (!isSparse(entry)) {
            byte[] data = new byte[scheme.dataBytes(size)];
            buf.get(data);
            return data;
        }
        boolean[] stored = bitmap(buf, entry, size);
        int count = entry.path("nonzeros").asInt();
        byte[] packed = new byte[scheme.dataBytes(count)];
        buf.get(packed);
        int[] kept = scheme.bits() == 4 ? Int4.unpack(packed, count) : widen(packed);
        int perGroup = size / zeroPoints.length;
        int[] values = new int[size];
        for (int i = 0, k = 0; i < size; i++) {
            values[i] = stored[i] ? kept[k++] : zeroPoints[i / perGroup];
        }
        return scheme.pack(values);
    }

    private static boolean isSparse(JsonNode entry) {
        String layout = entry.path("layout").asText("dense");
        if (!layout.equals("dense") && !layout.equals(LAYOUT)) {
            throw new IllegalArgumentException("tensor layout must be dense or " + LAYOUT + ", but got '" + layout + "'");
        }
        return layout.equals(LAYOUT);
    }

    private static boolean[] bitmap(ByteBuffer buf, JsonNode entry, int size) {
        byte[] bits = new byte[bitmapBytes(size)];
        buf.get(bits);
        boolean[] stored = new boolean[size];
        int count = 0;
        for (int i = 0; i < size; i++) {
            stored[i] = (bits[i / 8] >> (i % 8) & 1) == 1;
            count += stored[i] ? 1 : 0;
        }
        if (count != entry.path("nonzeros").asInt(-1)) {
            throw new IllegalArgumentException("the bitmap of " + entry.path("name").asText() + " marks " + count
                    + " stored values, but the header announces " + entry.path("nonzeros"));
        }
        return stored;
    }

    private static byte[] sparse(ObjectNode entry, boolean[] stored, int count, byte[] values) {
        entry.put("layout", LAYOUT);
        entry.put("nonzeros", count);
        byte[] bits = new byte[bitmapBytes(stored.length)];
        for (int i = 0; i < stored.length; i++) {
            if (stored[i]) {
                bits[i / 8] |= (byte) (1 << (i % 8));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(bits.length + values.length);
        out.writeBytes(bits);
        out.writeBytes(values);
        return out.toByteArray();
    }

    private static int[] widen(byte[] bytes) {
        int[] out = new int[bytes.length];
        Arrays.setAll(out, i -> bytes[i]);
        return out;
    }

    private static int bitmapBytes(int size) {
        return (size + 7) / 8;
    }
}
