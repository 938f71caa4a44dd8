package org.payrisk.dist;

import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The nearest correlation matrix in the Frobenius norm (Higham 2002, "Computing the nearest correlation
 * matrix - a problem from finance", IMA J. Numer. Anal. 22, 329-343): alternating projections onto the
 * positive semidefinite matrices (eigenvalues clipped at zero) and the matrices with unit diagonal, with
 * Dykstra's correction so the iteration converges to the nearest point of the intersection, not just
 * some point of it. Used when the correlations a scenario asks for cannot hold together (a matrix that is
 * not positive definite). Thread safe (stateless); deterministic (the same input gives the same bits).
 */
public final class NearestCorrelation {

    /** Smallest eigenvalue kept after repair, so the result has a Cholesky factor. */
    public static final double MIN_EIGENVALUE = 1e-10;

    private static final int MAX_ITERATIONS = 10_000;
    private static final double TOLERANCE = 1e-12;

    private NearestCorrelation() {
    }

    /**
     * @param a a symmetric matrix with unit diagonal
     * @return true when its smallest eigenvalue is at least {@link #MIN_EIGENVALUE}
     */
    public static boolean isPositiveDefinite(double[][] a) {
        double[] ev = new EigenDecomposition(MatrixUtils.createRealMatrix(a)).getRealEigenvalues();
        for (double v : ev) {
            if (v < MIN_EIGENVALUE) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param a a symmetric matrix with unit diagonal (a requested correlation matrix)
     * @return the nearest correlation matrix, symmetric with unit diagonal and eigenvalues &gt;=
     *         about {@link #MIN_EIGENVALUE}; {@code a} itself (a copy) when it already is one
     */
    public static double[][] of(double[][] a) {
        int n = a.length;
        if (isPositiveDefinite(a)) {
            return copy(a);
        }
        RealMatrix y = MatrixUtils.createRealMatrix(a);
        RealMatrix ds = MatrixUtils.createRealMatrix(n, n);
        RealMatrix x = y;
        for (int k = 0; k < MAX_ITERATIONS; k++) {
            RealMatrix r = y.subtract(ds);
            x = psd(r, 0);
            ds = x.subtract(r);
            RealMatrix yNext = x.copy();
            for (int i = 0; i < n; i++) {
                yNext.setEntry(i, i, 1);
            }
            double change = yNext.subtract(y).getFrobeniusNorm() / Math.max(1, y.getFrobeniusNorm());
            y = yNext;
            if (change < TOLERANCE) {
                break;
            }
        }
        // the limit is positive semidefinite; lift the smallest eigenvalues so a Cholesky factor exists,
        // then rescale to unit diagonal
        // (10x the test's floor, as rescaling to unit diagonal may shrink eigenvalues by rounding)
        RealMatrix p = psd(y, 10 * MIN_EIGENVALUE);
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                out[i][j] = i == j ? 1 : p.getEntry(i, j) / Math.sqrt(p.getEntry(i, i) * p.getEntry(j, j));
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double v = (out[i][j] + out[j][i]) / 2;
                out[i][j] = v;
                out[j][i] = v;
            }
        }
        return out;
    }

    /** Projection onto the symmetric matrices with eigenvalues &gt;= floor. */
    private static RealMatrix psd(RealMatrix m, double floor) {
        RealMatrix sym = m.add(m.transpose()).scalarMultiply(0.5);
        EigenDecomposition e = new EigenDecomposition(sym);
        double[] ev = e.getRealEigenvalues().clone();
        for (int i = 0; i < ev.length; i++) {
            ev[i] = Math.max(ev[i], floor);
        }
        RealMatrix v = e.getV();
        return v.multiply(MatrixUtils.createRealDiagonalMatrix(ev)).multiply(v.transpose());
    }

    /**
     * @param a a matrix
     * @param b another of the same size
     * @return the largest absolute difference of their entries
     */
    public static double largestChange(double[][] a, double[][] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                max = Math.max(max, Math.abs(a[i][j] - b[i][j]));
            }
        }
        return max;
    }

    private static double[][] copy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }
}
