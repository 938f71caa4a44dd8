package org.payrisk.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Deterministic tier: theoretical moments and cumulative probabilities against values computed
 * independently with scipy.stats 1.17.1 (numpy 2.4.6, Python 3.11); the script is in the
 * comments. Tolerances are floating-point, not statistical.
 */
class DistributionReferenceTest {

    private static final double REL = 1e-9;

    private static void close(double expected, double actual) {
        assertEquals(expected, actual, Math.abs(expected) * REL + 1e-12);
    }

    @Test
    void truncatedNormalMatchesScipyTruncnorm() {
        // st.truncnorm((5-10)/4, (20-10)/4, loc=10, scale=4): mean, var, cdf(8)
        Normal n = Normal.truncated(10, 4, 5, 20);
        close(10.743669604316533, n.mean());
        close(10.544450309646955, n.variance());
        close(0.22844105310200813, n.probabilityBelow(8));
        // st.truncnorm(-inf, (0-10)/4, loc=10, scale=4): only an upper bound
        Normal upper = Normal.truncated(10, 4, Double.NEGATIVE_INFINITY, 0);
        assertEquals(-1.2909791906556407, upper.mean(), 1e-7);
        assertEquals(1.4235808227376996, upper.variance(), 1e-6);
    }

    @Test
    void lognormalIsParameterisedByTheVariablesOwnMeanAndSd() {
        // sigma = sqrt(log1p(sd^2/mean^2)), mu = log(mean) - sigma^2/2; st.lognorm(sigma, scale=exp(mu))
        LogNormal l = LogNormal.of(100, 30);
        close(100, l.mean());
        close(900, l.variance());
        close(0.26982309495757106, l.probabilityBelow(80));
    }

    @Test
    void gammaBetaNegativeBinomialMatchScipy() {
        // st.gamma(a=(50/20)**2, scale=20**2/50).cdf(40)
        close(0.34394163817569784, Gamma.of(50, 20).probabilityBelow(40));
        // nu = m(1-m)/sd^2 - 1; st.beta(m nu, (1-m) nu).cdf(0.1)
        Beta b = Beta.of(0.11, 0.03);
        close(0.3976021524265055, b.probabilityBelow(0.1));
        close(0.0009, b.variance());
        // st.nbinom(3, 3/(3+9)): mean 9, var 36, P(X < 5) = cdf(4)
        NegativeBinomial nb = NegativeBinomial.of(9, 3);
        close(36, nb.variance());
        close(0.24359130859375, nb.probabilityBelow(5));
        close(0.24359130859375, nb.probabilityBelow(4.5));
    }

    @Test
    void countsAndBoundedFamiliesMatchScipy() {
        close(0.2102379870230975, Poisson.of(4.2).probabilityBelow(3)); // st.poisson(4.2).cdf(2)
        close(0.6496107184000002, Binomial.of(10, 0.3).probabilityBelow(4)); // st.binom(10, .3).cdf(3)
        Triangular t = Triangular.of(1, 3, 8); // st.triang(c=2/7, loc=1, scale=7)
        close(4, t.mean());
        close(2.166666666666667, t.variance());
        close(0.07142857142857142, t.probabilityBelow(2));
        close(0.8857142857142858, t.probabilityBelow(6));
        Pert p = Pert.of(2, 3, 10); // st.beta(1+4(3-2)/8, 1+4(10-3)/8, loc=2, scale=8)
        close(4, p.mean());
        close(1.7142857142857142, p.variance());
        close(0.5637100503488678, p.probabilityBelow(4));
    }

    @Test
    void discreteAndEmpiricalMomentsAreExact() {
        Discrete d = Discrete.of(new double[] {2, 3, 4}, new double[] {0.25, 0.5, 0.25});
        close(3, d.mean());
        close(0.5, d.variance());
        assertTrue(d.isIntegerValued());
        Empirical e = Empirical.of(new double[] {1, 2, 3, 10});
        close(4, e.mean());
        close(12.5, e.variance()); // population variance: (9+4+1+36)/4
    }

    @Test
    void invalidParametersAreRejectedWithExpectedAndFound() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Normal.of(1, 0));
        assertTrue(e.getMessage().startsWith("sd: expected a number > 0, found 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Uniform.of(3, 1));
        assertTrue(e.getMessage().startsWith("min: expected min < max, found min = 3, max = 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Triangular.of(0, 5, 4));
        assertTrue(e.getMessage().startsWith("mode: expected a value in [min, max]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Beta.of(0.5, 0.6));
        assertTrue(e.getMessage().startsWith("sd: expected less than"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Discrete.of(new double[] {1, 2}, new double[] {0, 0}));
        assertTrue(e.getMessage().contains("all zero"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Discrete.of(new double[] {1, 2}, new double[] {1, -1}));
        assertTrue(e.getMessage().startsWith("weights[1]: expected a number >= 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Poisson.of(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Gamma.of(Double.POSITIVE_INFINITY, 1));
        assertThrows(IllegalArgumentException.class, () -> Normal.truncated(0, 1, 50, 60)); // no mass
    }
}
