package org.payrisk.dist;

import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.special.Erf;

/**
 * A Gaussian copula with Spearman rank-correlation targets: correlated uniforms for inputs whose
 * marginals are then drawn by their inverse CDFs ({@code Distribution.inverseCdf(u)}), so each input
 * keeps its own distribution exactly and only the dependence changes.
 *
 * <p>For normal variables the Spearman correlation r and the Pearson correlation rho are related by
 * r = (6 / pi) asin(rho / 2), so a target r needs rho = 2 sin(pi r / 6). The normal correlation matrix
 * is repaired to the nearest correlation matrix ({@link NearestCorrelation}) when it is not positive
 * definite; its Cholesky factor L turns independent standard normals z into correlated ones L z, and
 * Phi(L z) are the uniforms. Thread safe (immutable); {@link #uniforms} draws nothing itself, so the
 * caller decides which stream the normals come from (the trial's own, for thread-count independence).
 */
public final class GaussianCopula {

    private final double[][] requested;
    private final double[][] normal;
    private final double[][] repaired;
    private final double[][] cholesky;

    private GaussianCopula(double[][] requested, double[][] normal, double[][] repaired) {
        this.requested = requested;
        this.normal = normal;
        this.repaired = repaired;
        this.cholesky = new CholeskyDecomposition(MatrixUtils.createRealMatrix(repaired), 1e-12, 1e-14).getL().getData();
    }

    /**
     * @param spearman requested rank correlations, symmetric, unit diagonal, entries in [-1, 1]
     * @return the copula
     */
    public static GaussianCopula ofSpearman(double[][] spearman) {
        int n = spearman.length;
        double[][] rho = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double r = spearman[i][j];
                if (!(r >= -1 && r <= 1) || spearman[j][i] != r) {
                    throw new IllegalArgumentException("spearman: expected a symmetric matrix with entries in [-1, 1], found "
                            + r + " at (" + i + ", " + j + ")");
                }
                rho[i][j] = i == j ? 1 : 2 * Math.sin(Math.PI * r / 6);
            }
        }
        return new GaussianCopula(spearman, rho, NearestCorrelation.of(rho));
    }

    /** @return the number of inputs the copula joins */
    public int size() {
        return cholesky.length;
    }

    /** @return the largest absolute change the repair made to a normal correlation (0 when none) */
    public double largestChange() {
        return NearestCorrelation.largestChange(normal, repaired);
    }

    /** @return whether the normal correlation matrix had to be repaired */
    public boolean repaired() {
        return NearestCorrelation.largestChange(normal, repaired) > 0;
    }

    /** @return the normal correlations asked for, 2 sin(pi r / 6) */
    public double[][] normalCorrelations() {
        return copy(normal);
    }

    /** @return the normal correlations used (repaired when needed) */
    public double[][] repairedCorrelations() {
        return copy(repaired);
    }

    /** @return the Spearman targets as given */
    public double[][] spearman() {
        return copy(requested);
    }

    /**
     * Correlated uniforms from independent standard normals.
     *
     * @param z independent standard normal draws, one per input (not modified)
     * @param u where to write the uniforms, in (0, 1)
     */
    public void uniforms(double[] z, double[] u) {
        int n = cholesky.length;
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j <= i; j++) {
                s += cholesky[i][j] * z[j];
            }
            u[i] = 0.5 * Erf.erfc(-s / Math.sqrt(2));
        }
    }

    private static double[][] copy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }
}
