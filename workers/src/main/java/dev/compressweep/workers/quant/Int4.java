package dev.compressweep.workers.quant;

/**
 * Packs signed 4-bit integers two per byte: the first value in the low nibble, the second in the high
 * nibble, two's complement; an odd count leaves the last high nibble 0. Stateless and thread-safe.
 */
public final class Int4 {

    private Int4() {}

    /**
     * Packs values in {@code [-8, 7]}.
     *
     * @throws IllegalArgumentException when a value does not fit in 4 bits
     */
    public static byte[] pack(int[] values) {
        byte[] out = new byte[(values.length + 1) / 2];
        for (int i = 0; i < values.length; i++) {
            int v = values[i];
            if (v < -8 || v > 7) {
                throw new IllegalArgumentException("int4 values must lie in [-8, 7], but got " + v + " at " + i);
            }
            int nibble = v & 0x0F;
            out[i / 2] |= (byte) (i % 2 == 0 ? nibble : nibble << 4);
        }
        return out;
    }

    /**
     * Unpacks {@code count} values.
     *
     * @throws IllegalArgumentException when {@code packed} is not exactly {@code ceil(count / 2)} bytes
     */
    public static int[] unpack(byte[] packed, int count) {
        if (packed.length != (count + 1) / 2) {
            throw new IllegalArgumentException("unpacking " + count + " int4 values needs " + (count + 1) / 2
                    + " bytes, but got " + packed.length);
        }
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            int b = packed[i / 2];
            int nibble = i % 2 == 0 ? b & 0x0F : (b >> 4) & 0x0F;
            out[i] = (nibble << 28) >> 28;
        }
        return out;
    }
}
