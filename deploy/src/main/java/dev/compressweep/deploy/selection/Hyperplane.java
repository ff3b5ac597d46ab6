package dev.compressweep.deploy.selection;

import java.util.List;
import java.util.Optional;

/**
 * The hyperplane through k points in k dimensions, oriented so that distances towards the origin (the ideal point
 * of normalised objectives) are positive.
 */
final class Hyperplane {

    /** Below this a normal or an offset counts as 0: the points span no hyperplane apart from the origin. */
    private static final double EPSILON = 1e-9;

    private final double[] unitNormal;
    private final double offset;

    private Hyperplane(double[] unitNormal, double offset) {
        this.unitNormal = unitNormal;
        this.offset = offset;
    }

    /**
     * The hyperplane through {@code points}, k points of k coordinates; empty when it is degenerate: the points are
     * not affinely independent (no unique hyperplane) or it passes through the origin (no side is towards it).
     */
    static Optional<Hyperplane> through(List<double[]> points) {
        int k = points.size();
        double[][] edges = new double[k - 1][];
        for (int i = 1; i < k; i++) {
            edges[i - 1] = new double[k];
            for (int j = 0; j < k; j++) {
                edges[i - 1][j] = points.get(i)[j] - points.get(0)[j];
            }
        }
        // the normal is the generalised cross product of the edges: cofactors along a row appended to them
        double[] normal = new double[k];
        double norm = 0;
        for (int j = 0; j < k; j++) {
            normal[j] = (j % 2 == 0 ? 1 : -1) * determinant(withoutColumn(edges, j));
            norm += normal[j] * normal[j];
        }
        norm = Math.sqrt(norm);
        if (norm < EPSILON) {
            return Optional.empty();
        }
        double offset = 0;
        for (int j = 0; j < k; j++) {
            normal[j] /= norm;
            offset += normal[j] * points.get(0)[j];
        }
        if (Math.abs(offset) < EPSILON) {
            return Optional.empty();
        }
        double sign = Math.signum(offset);
        for (int j = 0; j < k; j++) {
            normal[j] *= sign;
        }
        return Optional.of(new Hyperplane(normal, offset * sign));
    }

    /** The distance from the hyperplane to {@code point}: positive on the origin's side, negative beyond. */
    double distanceTowardsOrigin(double[] point) {
        double projection = 0;
        for (int j = 0; j < point.length; j++) {
            projection += unitNormal[j] * point[j];
        }
        return offset - projection;
    }

    private static double[][] withoutColumn(double[][] rows, int column) {
        double[][] minor = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            minor[i] = new double[rows[i].length - 1];
            for (int j = 0, m = 0; j < rows[i].length; j++) {
                if (j != column) {
                    minor[i][m++] = rows[i][j];
                }
            }
        }
        return minor;
    }

    /** The determinant of a square matrix (1 for 0 x 0), by Gaussian elimination with partial pivoting. */
    private static double determinant(double[][] matrix) {
        int n = matrix.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = matrix[i].clone();
        }
        double det = 1;
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int row = col + 1; row < n; row++) {
                if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) {
                    pivot = row;
                }
            }
            if (a[pivot][col] == 0) {
                return 0;
            }
            if (pivot != col) {
                double[] swap = a[pivot];
                a[pivot] = a[col];
                a[col] = swap;
                det = -det;
            }
            det *= a[col][col];
            for (int row = col + 1; row < n; row++) {
                double factor = a[row][col] / a[col][col];
                for (int j = col; j < n; j++) {
                    a[row][j] -= factor * a[col][j];
                }
            }
        }
        return det;
    }
}
