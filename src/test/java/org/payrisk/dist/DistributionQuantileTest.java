package org.payrisk.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Deterministic tier: every family's {@code inverseCdf} against quantiles computed independently
 * with scipy.stats 1.17.1 (numpy 2.4.6, Python 3.11) {@code ppf}, for the same parameterisations as
 * {@link DistributionReferenceTest}; the scipy call is in each comment, evaluated at
 * u = 0.001, 0.05, 0.3, 0.5, 0.9, 0.999. Tolerances are floating-point (solver accuracy), not
 * statistical.
 */
class DistributionQuantileTest {

    private static final double[] U = {0.001, 0.05, 0.3, 0.5, 0.9, 0.999};
    private static final double REL = 1e-9;

    private static void quantiles(Distribution d, double... expected) {
        for (int i = 0; i < U.length; i++) {
            double q = d.inverseCdf(U[i]);
            assertEquals(expected[i], q, Math.abs(expected[i]) * REL + 1e-12, d + " at u = " + U[i]);
        }
    }

    @Test
    void continuousFamiliesMatchScipyPpf() {
        // st.truncnorm((5-10)/4, (20-10)/4, loc=10, scale=4).ppf(u)
        quantiles(Normal.truncated(10, 4, 5, 20), 5.019391408757476, 5.8552407917637, 8.694728597586453,
                10.499816383249525, 15.241755107735045, 19.809100090085863);
        // st.truncnorm(-inf, (0-10)/4, loc=10, scale=4).ppf(u)
        quantiles(Normal.truncated(10, 4, Double.NEGATIVE_INFINITY, 0), -7.480374286804494, -3.6891493413743177,
                -1.6019593494336153, -0.945998764548575, -0.14841308992449065, -0.001417688364613312);
        // st.truncnorm((30-10)/4, inf, loc=10, scale=4).ppf(u): a range 5 sd above the mean
        quantiles(Normal.truncated(10, 4, 30, Double.POSITIVE_INFINITY), 30.000771604412396, 30.039522634361038,
                30.273337052052064, 30.528073328177193, 31.707736012200098, 34.79040329174437);
        // st.norm(10, 4).ppf(u)
        quantiles(Normal.of(10, 4), -2.3609292246712528, 3.4205854921941086, 7.902397949167836, 10.0,
                15.126206262178401, 22.360929224671253);
        // sigma = sqrt(log1p(0.09)), mu = log(100) - sigma^2/2; st.lognorm(sigma, scale=exp(mu)).ppf(u)
        quantiles(LogNormal.of(100, 30), 38.664101906209986, 59.09920564135929, 82.11643051408858,
                95.78262852211522, 139.53201894673228, 237.282426703205);
        // st.gamma(a=(50/20)**2, scale=20**2/50).ppf(u)
        quantiles(Gamma.of(50, 20), 9.65211338618001, 22.22893199129449, 37.917583666782555, 47.36010879695716,
                76.72805801492004, 134.8878453205959);
        // nu = m(1-m)/sd^2 - 1; st.beta(m nu, (1-m) nu).ppf(u) with m = 0.11, sd = 0.03
        quantiles(Beta.of(0.11, 0.03), 0.0383632043668528, 0.06508094348466655, 0.09259825087786963,
                0.10758739543155568, 0.14980266015058769, 0.22185699621001959);
        // st.triang(c=2/7, loc=1, scale=7).ppf(u)
        quantiles(Triangular.of(1, 3, 8), 1.1183215956619923, 1.8366600265340756, 3.050252531694167,
                3.8166998673296226, 6.12917130661303, 7.812917130661303);
        // st.beta(1+4(3-2)/8, 1+4(10-3)/8, loc=2, scale=8).ppf(u)
        quantiles(Pert.of(2, 3, 10), 2.0204823653353365, 2.2915781443631107, 3.1164235256179564,
                3.7689591593818186, 5.871225588555368, 8.580033163992073);
        // st.uniform(3, 4).ppf(u)
        quantiles(Uniform.of(3, 7), 3.004, 3.2, 4.2, 5.0, 6.6, 6.996);
        // st.norm.ppf(1e-12): the lower tail keeps its relative precision
        assertEquals(-7.034483825301131, Normal.of(0, 1).inverseCdf(1e-12), 1e-9);
    }

    @Test
    void countFamiliesMatchScipyPpf() {
        quantiles(NegativeBinomial.of(9, 3), 0, 1, 5, 8, 17, 38); // st.nbinom(3, 3/12).ppf(u)
        quantiles(Poisson.of(4.2), 0, 1, 3, 4, 7, 12); // st.poisson(4.2).ppf(u)
        quantiles(Binomial.of(10, 0.3), 0, 1, 2, 3, 5, 8); // st.binom(10, .3).ppf(u)
        assertEquals(999475.0, Poisson.of(1e6).inverseCdf(0.3)); // st.poisson(1e6).ppf(0.3)
        assertEquals(1328.0, NegativeBinomial.of(200, 0.5).inverseCdf(0.99)); // st.nbinom(0.5, 0.5/200.5).ppf(0.99)
    }

    @Test
    void finiteFamiliesFollowTheirDefinition() {
        // discrete: the first value (ascending) whose cumulative weight reaches u; values given unsorted
        Discrete d = Discrete.of(new double[] {4, 2, 3}, new double[] {0.25, 0.25, 0.5});
        assertEquals(2, d.inverseCdf(0.25));
        assertEquals(3, d.inverseCdf(0.2500001));
        assertEquals(3, d.inverseCdf(0.75));
        assertEquals(4, d.inverseCdf(0.76));
        assertEquals(2, d.inverseCdf(0));
        assertEquals(4, d.inverseCdf(1));
        // a zero-weight value is never a quantile
        assertEquals(5, Discrete.of(new double[] {1, 5}, new double[] {0, 1}).inverseCdf(0.5));
        // empirical: the ceil(u n)-th smallest of 10, 1, 3, 2
        Empirical e = Empirical.of(new double[] {10, 1, 3, 2});
        assertEquals(1, e.inverseCdf(0));
        assertEquals(1, e.inverseCdf(0.25));
        assertEquals(2, e.inverseCdf(0.26));
        assertEquals(3, e.inverseCdf(0.75));
        assertEquals(10, e.inverseCdf(0.9));
        assertEquals(7.5, Constant.of(7.5).inverseCdf(0.3));
    }

    @Test
    void everyFamilyIsMonotoneWithItsSupportAtTheEndsAndInvertsItsCdf() {
        List<Distribution> all = List.of(Constant.of(2), Uniform.of(0, 3), Triangular.of(0, 0, 4), Triangular.of(0, 4, 4),
                Pert.of(1, 2, 9), Normal.of(0, 1), Normal.truncated(3, 2, 0, 4), LogNormal.of(10, 25), Gamma.of(3, 6),
                Beta.of(0.9, 0.05), Poisson.of(0.3), NegativeBinomial.of(40, 0.7), Binomial.of(7, 0.95),
                Discrete.of(new double[] {1, 2}, new double[] {1, 3}), Empirical.of(new double[] {5, 5, 6}));
        for (Distribution d : all) {
            assertEquals(d.supportMin(), d.inverseCdf(0), 0, d + " at 0");
            assertEquals(d.supportMax(), d.inverseCdf(1), 0, d + " at 1");
            double prev = Double.NEGATIVE_INFINITY;
            for (int i = 1; i < 1000; i++) {
                double u = i / 1000.0;
                double q = d.inverseCdf(u);
                assertTrue(q >= prev, d + ": monotone at u = " + u);
                prev = q;
                // P(X < q) <= u <= P(X <= q), up to the CDF's own rounding
                assertTrue(d.probabilityBelow(q) <= u + 1e-9, d + ": P(X < q) <= u at u = " + u);
                assertTrue(d.probabilityBelow(Math.nextUp(q)) >= u - 1e-9, d + ": P(X <= q) >= u at u = " + u);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> Normal.of(0, 1).inverseCdf(1.5));
        assertThrows(IllegalArgumentException.class, () -> Poisson.of(1).inverseCdf(Double.NaN));
    }
}
