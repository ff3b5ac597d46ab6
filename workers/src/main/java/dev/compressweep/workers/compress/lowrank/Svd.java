package dev.compressweep.workers.compress.lowrank;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * The compact singular value decomposition {@code M = U diag(s) V^T} of an {@code m x n} matrix, with
 * {@code p = min(m, n)} singular values in descending order (commons-math, in double precision).
 *
 * @param u left singular vectors, {@code m x p}
 * @param singularValues the {@code p} singular values, descending
 * @param v right singular vectors, {@code n x p}
 */
record Svd(double[][] u, double[] singularValues, double[][] v) {

    /** Decomposes {@code matrix} (rows of equal length; not modified). */
    static Svd of(double[][] matrix) {
        SingularValueDecomposition svd = new SingularValueDecomposition(new Array2DRowRealMatrix(matrix, true));
        return new Svd(svd.getU().getData(), svd.getSingularValues(), svd.getV().getData());
    }
}
