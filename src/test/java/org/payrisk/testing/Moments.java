package org.payrisk.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Statistical assertions on sample moments, with tolerances from the Monte Carlo standard error. */
public final class Moments {
    private Moments() {
    }

    /**
     * Asserts that the sample mean is within z standard errors (sqrt(variance / n), from theory) of
     * {@code mean} and the sample variance within z large-sample standard errors of the sample
     * variance, sqrt((m4 - s^4) / n), estimated from the sample's fourth central moment. Under a
     * correct model each of the two checks fails with probability 2 (1 - Phi(z)): about 6.8e-6 at
     * z = 4.5.
     *
     * @param x the sample
     * @param mean theoretical mean
     * @param variance theoretical variance
     * @param z tolerance in standard errors
     * @param what name of the sampled quantity, for messages
     */
    public static void assertMeanAndVariance(double[] x, double mean, double variance, double z, String what) {
        int n = x.length;
        double m = 0;
        for (double v : x) {
            m += v;
        }
        m /= n;
        double m2 = 0;
        double m4 = 0;
        for (double v : x) {
            double d = v - m;
            m2 += d * d;
            m4 += d * d * d * d;
        }
        double var = m2 / (n - 1);
        m4 /= n;
        assertEquals(mean, m, z * Math.sqrt(variance / n), "sample mean of " + what);
        assertEquals(variance, var, z * Math.sqrt(Math.max(0, m4 - var * var) / n), "sample variance of " + what);
    }
}
