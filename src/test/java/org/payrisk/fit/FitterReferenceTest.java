package org.payrisk.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Maximum-likelihood estimates, log-likelihoods and standard errors on small fixed data sets, against
 * values computed independently with scipy 1.17.1 / numpy 2.4.6 (python3, 2026-11-27).
 *
 * <p>The data were drawn once with {@code numpy.random.default_rng(20261127)}:
 * {@code negative_binomial(3, 0.3, 40)}, {@code round(lognormal(log(1200), 0.5, 30), 2)},
 * {@code round(beta(4, 20, 30), 4)}, and are fixed here. The reference calls:
 * <ul>
 * <li>poisson: {@code x.mean()}, {@code scipy.stats.poisson.logpmf(x, m).sum()};
 * <li>negativeBinomial: {@code scipy.optimize.minimize(-sum(nbinom.logpmf(x, r, r/(r+m))), BFGS,
 *     gtol=1e-12)} over (ln m, ln r), from (ln mean, 0);
 * <li>normal: {@code scipy.stats.norm.fit(y)}; lognormal: {@code scipy.stats.lognorm.fit(y, floc=0)}
 *     giving (s, scale), so mean = scale exp(s^2/2), sd = mean sqrt(expm1(s^2));
 *     gamma: {@code scipy.stats.gamma.fit(y, floc=0)} giving (a, scale), so mean = a scale,
 *     sd = sqrt(a) scale; beta: {@code scipy.stats.beta.fit(p, floc=0, fscale=1)} giving (a, b),
 *     so mean = a/(a+b), sd = sqrt(ab/((a+b)^2 (a+b+1)));
 * <li>standard errors: the square roots of the diagonal of the inverse of minus the Hessian of the
 *     log-likelihood written directly in payrisk's parameters (mean, sd or mean, dispersion), by
 *     central differences with steps 1e-4 of each parameter: independent of payrisk's analytic
 *     information matrices and delta method.
 * </ul>
 * Tolerances: scipy's optimisers stop at about 1e-7 relative (the negative binomial's BFGS mean came
 * out 5.92499978 where the exact ML mean is the sample mean 5.925), so estimates must agree to 1e-6
 * relative; the finite-difference Hessian is good to about 1e-6 relative, so SEs must agree to 1e-4.
 * Deterministic: no random numbers.
 */
class FitterReferenceTest {

    static final double[] COUNTS = {3, 5, 9, 3, 4, 3, 15, 0, 4, 5, 8, 9, 10, 0, 2, 6, 6, 6, 7, 10, 0, 8, 16, 4, 2, 6, 9, 7,
        3, 1, 9, 8, 4, 6, 7, 8, 7, 4, 7, 6};
    static final double[] AMOUNTS = {1837.77, 1382.48, 1636.92, 1082.92, 2840.87, 1494.69, 3888.0, 1256.52, 1708.92,
        2176.87, 1795.35, 656.48, 1047.56, 3353.27, 664.86, 789.58, 1501.48, 1099.34, 1702.66, 954.53, 1841.98, 1561.54,
        1988.72, 335.74, 927.57, 1078.2, 643.54, 1232.35, 2347.99, 1062.48};
    static final double[] SHARES = {0.1447, 0.1622, 0.2263, 0.1419, 0.2621, 0.1051, 0.25, 0.1682, 0.1502, 0.1893, 0.2008,
        0.1432, 0.2032, 0.1823, 0.1069, 0.3148, 0.2524, 0.1673, 0.2224, 0.1729, 0.2204, 0.2184, 0.1437, 0.127, 0.0903,
        0.2176, 0.1536, 0.1279, 0.0531, 0.4178};

    static DataColumn column(double[] x) {
        int[] ones = new int[x.length];
        java.util.Arrays.fill(ones, 1);
        return new DataColumn(Path.of("ref.csv"), "x", x, ones, ones);
    }

    static FamilyFit family(FitResult r, String name) {
        return r.fits().stream().filter(f -> f.family().equals(name)).findFirst().orElseThrow(() -> new AssertionError(
                name + " not fitted: " + r.skipped()));
    }

    static void assertFit(FamilyFit f, double logLik, double[] values, double[] ses) {
        assertEquals(logLik, f.logLikelihood(), 1e-6 * Math.abs(logLik), f.family() + " log-likelihood");
        List<Parameter> ps = f.parameters().stream().filter(p -> !p.fixed()).toList();
        assertEquals(values.length, ps.size());
        for (int i = 0; i < values.length; i++) {
            assertEquals(values[i], ps.get(i).value(), 1e-6 * Math.abs(values[i]), f.family() + " " + ps.get(i).name());
            assertEquals(ses[i], ps.get(i).standardError(), 1e-4 * ses[i], f.family() + " SE of " + ps.get(i).name());
        }
    }

    @Test
    void countsMatchScipy() throws DataException {
        FitResult r = Fitter.fit(column(COUNTS), FitKind.COUNT, 0, Fitter.MIN_BOOTSTRAP, 1L);
        assertFit(family(r, "poisson"), -113.85975429608, new double[] {5.925}, new double[] {0.3848701});
        assertFit(family(r, "negativeBinomial"), -106.40282516898, new double[] {5.92499978060335, 4.56329436426236},
                new double[] {0.58348184, 2.00518697});
        assertEquals("negativeBinomial", r.winner().family());
    }

    @Test
    void amountsMatchScipy() throws DataException {
        FitResult r = Fitter.fit(column(AMOUNTS), FitKind.CONTINUOUS, 0, Fitter.MIN_BOOTSTRAP, 1L);
        assertFit(family(r, "normal"), -242.493713151109, new double[] {1529.706, 783.824574657706},
                new double[] {143.1061325, 101.19131268});
        assertFit(family(r, "lognormal"), -238.885361191555, new double[] {1539.25173455056, 849.690001787223},
                new double[] {154.27467271, 173.63788924});
        assertFit(family(r, "gamma"), -238.78678091448, new double[] {1529.706, 755.163102879227},
                new double[] {137.87329296, 115.89039564});
        // AIC: each has 2 parameters, so the order is that of the log-likelihoods above
        assertEquals(List.of("gamma", "lognormal", "normal"), r.fits().stream().map(FamilyFit::family).toList());
    }

    @Test
    void sharesMatchScipy() throws DataException {
        FitResult r = Fitter.fit(column(SHARES), FitKind.PROBABILITY, 0, Fitter.MIN_BOOTSTRAP, 1L);
        assertFit(family(r, "beta"), 38.6623011001418, new double[] {0.184800604265579, 0.0688168649623407},
                new double[] {0.01255995, 0.00908909});
    }
}
