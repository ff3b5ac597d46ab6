package dev.compressweep.workers.onnx.graph;

import java.util.Objects;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * The two initializers that replace one weight {@code W [K, N]} at rank {@code r}: {@code A = U_r sqrt(S_r)}
 * {@code [K, r]} and {@code B = sqrt(S_r) V_r^T} {@code [r, N]}, stored {@code [N, r]} when the weight was
 * stored transposed (Gemm with {@code transB=1}); the singular values are split evenly between the two. The
 * decomposition is commons-math's, in double precision. Immutable.
 *
 * @param first the name of {@code A}
 * @param second the name of {@code B}
 */
record SvdFactors(String first, String second) {

    SvdFactors {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
    }

    /** Decomposes the weight of {@code layer} (a matrix product) and adds the factors to {@code edit}. */
    static SvdFactors of(GraphEdit edit, WeightedLayer layer, int rank) {
        float[] stored = Tensors.floats(edit.initializer(layer.weight()).orElseThrow());
        boolean transposed = layer.outputAxis() == 0;
        int k = Math.toIntExact(layer.inputsPerOutput());
        int n = Math.toIntExact(layer.outputs());
        double[][] w = new double[k][n];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < n; j++) {
                w[i][j] = transposed ? stored[j * k + i] : stored[i * n + j];
            }
        }
        SingularValueDecomposition svd = new SingularValueDecomposition(new Array2DRowRealMatrix(w, false));
        double[][] u = svd.getU().getData();
        double[][] v = svd.getV().getData();
        double[] s = svd.getSingularValues();
        float[] a = new float[k * rank];
        float[] b = new float[rank * n];
        for (int r = 0; r < rank; r++) {
            double root = Math.sqrt(s[r]);
            for (int i = 0; i < k; i++) {
                a[i * rank + r] = (float) (u[i][r] * root);
            }
            for (int j = 0; j < n; j++) {
                b[transposed ? j * rank + r : r * n + j] = (float) (root * v[j][r]);
            }
        }
        String first = edit.fresh(layer.weight() + "_lowrank_a");
        edit.putInitializer(Tensors.floats(first, new long[] {k, rank}, a));
        String second = edit.fresh(layer.weight() + "_lowrank_b");
        edit.putInitializer(Tensors.floats(second, transposed ? new long[] {n, rank} : new long[] {rank, n}, b));
        return new SvdFactors(first, second);
    }
}
