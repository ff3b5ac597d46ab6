package dev.compressweep.workers.quant;

import java.util.Objects;

/**
 * How a weight tensor is quantized: integer width, scale granularity and symmetry.
 *
 * <p>Symmetric schemes use the restricted range {@code [-(2^(b-1)-1), 2^(b-1)-1]} with zero point 0,
 * so that 0.0 is exact and the range is balanced; asymmetric ones use the full signed range
 * {@code [-2^(b-1), 2^(b-1)-1]} with a zero point per scale.
 *
 * @param bits 8 or 4
 * @param granularity one scale per tensor or per output channel
 * @param symmetric whether the zero point is fixed at 0
 */
public record QuantScheme(int bits, Granularity granularity, boolean symmetric) {

    public QuantScheme {
        Objects.requireNonNull(granularity, "granularity");
        if (bits != 8 && bits != 4) {
            throw new IllegalArgumentException("quantization bits must be 8 or 4, but got " + bits);
        }
    }

    /** The smallest integer a value may take. */
    public int qmin() {
        int half = 1 << (bits - 1);
        return symmetric ? -(half - 1) : -half;
    }

    /** The largest integer a value may take. */
    public int qmax() {
        return (1 << (bits - 1)) - 1;
    }

    /** Bytes that {@code count} quantized values occupy (int4 packs two per byte). */
    public int dataBytes(int count) {
        return bits == 8 ? count : (count + 1) / 2;
    }

    /** The stored form of integers in this scheme's range: one byte each (int8) or two per byte (int4). */
    public byte[] pack(int[] values) {
        if (bits == 4) {
            return Int4.pack(values);
        }
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }
}
