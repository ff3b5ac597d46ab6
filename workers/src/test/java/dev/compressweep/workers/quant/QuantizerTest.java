package dev.compressweep.workers.quant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class QuantizerTest {

    static Stream<QuantScheme> schemes() {
        return Stream.of(8, 4).flatMap(bits -> Stream.of(Granularity.values()).flatMap(g ->
                Stream.of(true, false).map(sym -> new QuantScheme(bits, g, sym))));
    }

    @ParameterizedTest
    @MethodSource("schemes")
    void shouldRestoreEveryValueWithinHalfAScale(QuantScheme scheme) {
        int[] shape = {6, 5, 3};
        float[] values = gaussian(90, 7L);

        QuantizedTensor q = Quantizer.quantize(values, shape, scheme);
        float[] restored = Quantizer.dequantize(q);

        int perGroup = values.length / q.scales().length;
        for (int i = 0; i < values.length; i++) {
            float scale = q.scales()[i / perGroup];
            assertTrue(Math.abs(values[i] - restored[i]) <= scale / 2 * (1 + 1e-5) + 1e-7,
                    "value " + i + " " + values[i] + " came back as " + restored[i] + " with scale " + scale);
        }
    }

    @ParameterizedTest
    @MethodSource("schemes")
    void shouldStoreOneOrHalfAByteForEachValue(QuantScheme scheme) {
        QuantizedTensor q = Quantizer.quantize(gaussian(91, 3L), new int[] {7, 13}, scheme);

        assertEquals(scheme.bits() == 8 ? 91 : 46, q.data().length);
    }

    @Test
    void shouldMapZeroToExactlyZeroWhenSymmetric() {
        float[] values = {-3f, 0f, 1.5f, 0f, 2.25f};
        for (int bits : new int[] {8, 4}) {
            QuantizedTensor q = Quantizer.quantize(values, new int[] {5}, new QuantScheme(bits, Granularity.PER_TENSOR, true));

            assertEquals(0, q.values()[1]);
            assertEquals(0f, Quantizer.dequantize(q)[3]);
            assertEquals(0, q.zeroPoints()[0]);
        }
    }

    @Test
    void shouldCoverMinimumAndMaximumWhenAsymmetric() {
        float[] values = {0.5f, 2f, 7.25f, 3f, 1f, 0.9f};
        for (int bits : new int[] {8, 4}) {
            QuantScheme scheme = new QuantScheme(bits, Granularity.PER_TENSOR, false);
            QuantizedTensor q = Quantizer.quantize(values, new int[] {6}, scheme);
            float scale = q.scales()[0];
            float lowest = (scheme.qmin() - q.zeroPoints()[0]) * scale;
            float highest = (scheme.qmax() - q.zeroPoints()[0]) * scale;

            assertTrue(lowest <= 0f + scale / 2 && highest >= 7.25f - scale / 2,
                    bits + " bits represent [" + lowest + ", " + highest + "]");
            assertEquals((7.25f - 0f) / (scheme.qmax() - scheme.qmin()), scale, 1e-6);
        }
    }

    @Test
    void shouldPackAndUnpackInt4IncludingOddLengthsAndNegatives() {
        int[] values = {-8, 7, -1, 0, 3, -5, 1};

        byte[] packed = Int4.pack(values);

        assertEquals(4, packed.length);
        assertArrayEquals(values, Int4.unpack(packed, values.length));
        assertEquals(0, packed[3] >> 4 & 0x0F, "the unused high nibble of an odd count is zero");
        assertArrayEquals(new int[0], Int4.unpack(Int4.pack(new int[0]), 0));
    }

    @Test
    void shouldRefuseInt4ValuesThatDoNotFitInFourBits() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Int4.pack(new int[] {0, 8}));

        assertTrue(e.getMessage().contains("[-8, 7]") && e.getMessage().contains("8 at 1"), e.getMessage());
    }

    @Test
    void shouldQuantizeChannelsOfVeryDifferentRangesMoreAccuratelyPerChannel() {
        int[] shape = {2, 50};
        float[] values = gaussian(100, 11L);
        for (int i = 0; i < 50; i++) {
            values[i] *= 100f;
            values[50 + i] *= 0.01f;
        }

        double[] perTensor = meanAbsErrorPerChannel(values, shape, new QuantScheme(8, Granularity.PER_TENSOR, true));
        double[] perChannel = meanAbsErrorPerChannel(values, shape, new QuantScheme(8, Granularity.PER_CHANNEL, true));

        assertEquals(perTensor[0], perChannel[0], 1e-9, "the wide channel sets the per-tensor scale either way");
        assertTrue(perChannel[1] < perTensor[1] / 100, "narrow channel: per channel " + perChannel[1]
                + " vs per tensor " + perTensor[1]);
    }

    @Test
    void shouldGiveAGroupOfZerosScaleOneAndRestoreZeros() {
        QuantizedTensor q = Quantizer.quantize(new float[4], new int[] {2, 2},
                new QuantScheme(8, Granularity.PER_CHANNEL, false));

        assertArrayEquals(new float[] {1f, 1f}, q.scales());
        assertArrayEquals(new float[4], Quantizer.dequantize(q));
    }

    @Test
    void shouldRefuseUnsupportedBitWidthsAndMismatchedShapes() {
        IllegalArgumentException bits = assertThrows(IllegalArgumentException.class,
                () -> new QuantScheme(3, Granularity.PER_TENSOR, true));
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                () -> Quantizer.quantize(new float[5], new int[] {2, 3}, new QuantScheme(8, Granularity.PER_TENSOR, true)));

        assertTrue(bits.getMessage().contains("8 or 4, but got 3"), bits.getMessage());
        assertTrue(shape.getMessage().contains("holds 6 and 5 were given"), shape.getMessage());
    }

    private static double[] meanAbsErrorPerChannel(float[] values, int[] shape, QuantScheme scheme) {
        float[] restored = Quantizer.dequantize(Quantizer.quantize(values, shape, scheme));
        int perChannel = values.length / shape[0];
        double[] out = new double[shape[0]];
        for (int i = 0; i < values.length; i++) {
            out[i / perChannel] += Math.abs(values[i] - restored[i]) / perChannel;
        }
        return out;
    }

    private static float[] gaussian(int n, long seed) {
        Random random = new Random(seed);
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) random.nextGaussian();
        }
        return out;
    }
}
