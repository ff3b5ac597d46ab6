package dev.compressweep.workers.compress.lowrank;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.compressweep.workers.compress.StepParams;
import dev.compressweep.workers.model.LayerWeights;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FactorisationTest {

    @Test
    void shouldReconstructADenseWeightAtFullRank() {
        LayerWeights dense = random(new int[] {6, 9}, 1L);
        TruncatedSvd svd = TruncatedSvd.of(dense);

        List<LayerWeights> factors = svd.factors(6);

        assertEquals(6, svd.singularValues().length);
        assertArrayEquals(dense.weight(), product(factors.get(1), factors.get(0)), 1e-5f);
        assertArrayEquals(dense.bias(), factors.get(1).bias());
        assertEquals(null, factors.get(0).bias());
    }

    @Test
    void shouldReachTheRequestedRankWithTruncatedSvd() {
        LayerWeights dense = random(new int[] {40, 30}, 2L);
        TruncatedSvd svd = TruncatedSvd.of(dense);
        int rank = settings(0.25, 0).rank(svd.singularValues());

        List<LayerWeights> factors = svd.factors(rank);

        assertEquals(8, rank);
        assertArrayEquals(new int[] {8, 30}, factors.get(0).shape());
        assertArrayEquals(new int[] {40, 8}, factors.get(1).shape());
        assertTrue(svd.reduces(8) && !svd.reduces(18));
    }

    @Test
    void shouldReconstructAConvolutionAtFullTuckerRanks() {
        LayerWeights conv = random(new int[] {6, 4, 3, 3}, 3L);
        Tucker2 tucker = Tucker2.of(conv);

        List<LayerWeights> f = tucker.factors(6, 4);

        assertArrayEquals(conv.weight(), compose(f.get(0), f.get(1), f.get(2)), 1e-5f);
        assertArrayEquals(conv.bias(), f.get(2).bias());
    }

    @Test
    void shouldReachTheRequestedRanksWithTucker() {
        LayerWeights conv = random(new int[] {64, 32, 3, 3}, 4L);
        Tucker2 tucker = Tucker2.of(conv);
        LowRankSettings quarter = settings(0.25, 0);
        int outRank = quarter.rank(tucker.outputSingularValues());
        int inRank = quarter.rank(tucker.inputSingularValues());

        List<LayerWeights> f = tucker.factors(outRank, inRank);

        assertEquals(16, outRank);
        assertEquals(8, inRank);
        assertArrayEquals(new int[] {8, 32, 1, 1}, f.get(0).shape());
        assertArrayEquals(new int[] {16, 8, 3, 3}, f.get(1).shape());
        assertArrayEquals(new int[] {64, 16, 1, 1}, f.get(2).shape());
        assertTrue(tucker.reduces(16, 8) && !tucker.reduces(64, 32));
    }

    @Test
    void shouldPickTheSmallestRankKeepingTheRequestedEnergy() {
        double[] singular = {3, 2, 1, 0};

        assertEquals(2, settings(0.25, 0.9).rank(singular));
        assertEquals(1, settings(0.25, 0.6).rank(singular));
        assertEquals(3, settings(0.25, 1.0).rank(singular));
        assertEquals(1, settings(0.25, 0).rank(singular));
        assertEquals(3, settings(0.75, 0).rank(singular));
    }

    @Test
    void shouldUseTheDocumentedDefaults() {
        assertEquals(new LowRankSettings(0.25, 0, 1, 1e-3), LowRankSettings.from(new StepParams(Map.of())));
    }

    private static LowRankSettings settings(double ratio, double energy) {
        return new LowRankSettings(ratio, energy, 0, 1e-3);
    }

    private static LayerWeights random(int[] shape, long seed) {
        Random random = new Random(seed);
        int size = 1;
        for (int d : shape) {
            size *= d;
        }
        float[] w = new float[size];
        float[] b = new float[shape[0]];
        for (int i = 0; i < size; i++) {
            w[i] = (float) random.nextGaussian();
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) random.nextGaussian();
        }
        return new LayerWeights(shape, w, b);
    }

    /** The weight of {@code second} after {@code first} as one dense layer: {@code second * first}. */
    private static float[] product(LayerWeights second, LayerWeights first) {
        int out = second.outputs();
        int mid = second.inputs();
        int in = first.inputs();
        float[] a = second.weight();
        float[] b = first.weight();
        float[] c = new float[out * in];
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < in; i++) {
                double s = 0;
                for (int m = 0; m < mid; m++) {
                    s += a[o * mid + m] * b[m * in + i];
                }
                c[o * in + i] = (float) s;
            }
        }
        return c;
    }

    /** The KxK weight of a 1x1, core and 1x1 convolution in sequence: {@code W[o,i] = sum last[o,r] core[r,q] first[q,i]}. */
    private static float[] compose(LayerWeights first, LayerWeights core, LayerWeights last) {
        int outs = last.outputs();
        int outRank = core.outputs();
        int inRank = core.inputs();
        int ins = first.inputs();
        int area = core.weight().length / (outRank * inRank);
        float[] f = first.weight();
        float[] g = core.weight();
        float[] l = last.weight();
        float[] w = new float[outs * ins * area];
        for (int o = 0; o < outs; o++) {
            for (int i = 0; i < ins; i++) {
                for (int s = 0; s < area; s++) {
                    double sum = 0;
                    for (int r = 0; r < outRank; r++) {
                        for (int q = 0; q < inRank; q++) {
                            sum += l[o * outRank + r] * g[(r * inRank + q) * area + s] * f[q * ins + i];
                        }
                    }
                    w[(o * ins + i) * area + s] = (float) sum;
                }
            }
        }
        return w;
    }
}
