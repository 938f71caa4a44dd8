package org.payrisk.fit;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.analysis.solvers.BracketingNthOrderBrentSolver;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.special.Gamma;
import org.payrisk.dist.Beta;
import org.payrisk.dist.Binomial;
import org.payrisk.dist.Distribution;
import org.payrisk.dist.LogNormal;
import org.payrisk.dist.NegativeBinomial;
import org.payrisk.dist.Normal;
import org.payrisk.dist.Poisson;

/**
 * The maximum-likelihood estimators, one per family, with their standard errors.
 *
 * <p>Standard errors are the square roots of the diagonal of the inverse observed Fisher
 * information at the estimate (for normal, lognormal, poisson, binomial, gamma and beta it equals the
 * expected information there), carried to payrisk's parameterisation by the delta method where the
 * natural parameters differ from the scenario's (lognormal, gamma, beta). Stateless and thread safe.
 */
final class Families {

    private Families() {
    }

    /** A family that cannot be fitted to these data; the message says why, in words. */
    static final class NotFittable extends Exception {
        private static final long serialVersionUID = 1L;

        NotFittable(String message) {
            super(message);
        }
    }

    /**
     * An estimate before ranking and testing.
     *
     * @param distribution the fitted law
     * @param parameters the parameters in payrisk's parameterisation
     * @param logLikelihood the maximised log-likelihood
     * @param estimated how many parameters were estimated
     */
    record Estimate(Distribution distribution, List<Parameter> parameters, double logLikelihood, int estimated) {
    }

    /** One family's estimator. */
    interface Estimator {
        /** @return the family's name in the scenario syntax */
        String family();

        /** Fits the family; {@code x} is never modified. */
        Estimate fit(double[] x) throws NotFittable;
    }

    // ---------------------------------------------------------------- counts

    /** Distinct values of count data with their frequencies, ascending. */
    static final class CountTable {
        final int[] value;
        final double[] freq;
        final int n;
        final double mean;
        /** Variance with denominator n (the ML form). */
        final double variance;

        CountTable(double[] x) {
            int[] sorted = new int[x.length];
            for (int i = 0; i < x.length; i++) {
                sorted[i] = (int) x[i];
            }
            Arrays.sort(sorted);
            int distinct = 0;
            for (int i = 0; i < sorted.length; i++) {
                if (i == 0 || sorted[i] != sorted[i - 1]) {
                    distinct++;
                }
            }
            value = new int[distinct];
            freq = new double[distinct];
            int j = -1;
            double sum = 0;
            for (int i = 0; i < sorted.length; i++) {
                if (i == 0 || sorted[i] != sorted[i - 1]) {
                    value[++j] = sorted[i];
                }
                freq[j]++;
                sum += sorted[i];
            }
            n = x.length;
            mean = sum / n;
            double ss = 0;
            for (int k = 0; k < value.length; k++) {
                double d = value[k] - mean;
                ss += freq[k] * d * d;
            }
            variance = ss / n;
        }

        int max() {
            return value[value.length - 1];
        }
    }

    /** Poisson: lambda = the sample mean; SE sqrt(lambda / n). */
    static final class PoissonEstimator implements Estimator {
        @Override public String family() { return "poisson"; }

        @Override
        public Estimate fit(double[] x) {
            CountTable t = new CountTable(x);
            double lambda = t.mean;
            double ll = 0;
            for (int k = 0; k < t.value.length; k++) {
                ll += t.freq[k] * logPoisson(t.value[k], lambda);
            }
            return new Estimate(Poisson.of(lambda), List.of(new Parameter("mean", lambda, Math.sqrt(lambda / t.n))), ll, 1);
        }
    }

    /**
     * ln k! as ln Gamma(k + 1): constant time (Commons Math's factorialLog sums k logarithms, which
     * made a column of counts in the millions take minutes).
     */
    static double logFactorial(int k) {
        return Gamma.logGamma(k + 1.0);
    }

    static double logPoisson(int k, double lambda) {
        if (lambda == 0) {
            return k == 0 ? 0 : Double.NEGATIVE_INFINITY;
        }
        return k * Math.log(lambda) - lambda - logFactorial(k);
    }

    /**
     * Negative binomial in payrisk's (mean, dispersion) form, variance = mean + mean^2 / dispersion.
     * The ML mean is exactly the sample mean (its score equation); the dispersion maximises the
     * profile likelihood, found by Brent's method over ln(dispersion). The ML dispersion is finite only
     * when the variance (denominator n) exceeds the mean (Aragon, Eberly and Eberly 1992); otherwise the
     * family is skipped (its limit is the Poisson). At the estimate the information matrix is diagonal,
     * so SE(mean) = sqrt(variance / n) and SE(dispersion) = 1 / sqrt(-d2 logL / d dispersion^2).
     */
    static final class NegativeBinomialEstimator implements Estimator {
        /** ln(dispersion) is searched in [LOW, HIGH]: dispersions from 3e-7 to 7e10. */
        static final double LOW = -15;
        static final double HIGH = 25;

        @Override public String family() { return "negativeBinomial"; }

        @Override
        public Estimate fit(double[] x) throws NotFittable {
            CountTable t = new CountTable(x);
            double m = t.mean;
            if (!(t.variance > m)) {
                throw new NotFittable(String.format(java.util.Locale.ROOT, "the data are not over-dispersed (variance %.4g <= mean %.4g), "
                        + "so the maximum-likelihood dispersion is infinite: the negative binomial's limit is the poisson", t.variance, m));
            }
            double start = Math.log(m * m / (t.variance - m));
            start = Math.max(LOW + 1, Math.min(HIGH - 1, start));
            BrentOptimizer opt = new BrentOptimizer(1e-12, 1e-14);
            double best = opt.optimize(new MaxEval(10_000), GoalType.MAXIMIZE,
                    new UnivariateObjectiveFunction(u -> logLikelihood(t, m, Math.exp(u))),
                    new SearchInterval(LOW, HIGH, start)).getPoint();
            if (best > HIGH - 0.01) {
                throw new NotFittable("the maximum-likelihood dispersion is beyond " + String.format("%.3g", Math.exp(HIGH))
                        + " (the data are barely over-dispersed): the negative binomial is indistinguishable from the poisson");
            }
            double r = Math.exp(best);
            double ll = logLikelihood(t, m, r);
            double info = -secondDerivativeInDispersion(t, m, r);
            double seMean = Math.sqrt(m * (r + m) / (t.n * r));
            double seR = info > 0 ? 1 / Math.sqrt(info) : Double.POSITIVE_INFINITY;
            return new Estimate(NegativeBinomial.of(m, r),
                    List.of(new Parameter("mean", m, seMean), new Parameter("dispersion", r, seR)), ll, 2);
        }

        static double logLikelihood(CountTable t, double m, double r) {
            double[] ratio = logGammaRatios(t, r);
            double a = Math.log(r / (r + m));
            double b = Math.log(m / (r + m));
            double ll = 0;
            for (int k = 0; k < t.value.length; k++) {
                int v = t.value[k];
                ll += t.freq[k] * (ratio[k] - logFactorial(v) + r * a + (v == 0 ? 0 : v * b));
            }
            return ll;
        }

        /** d2 logL / dr2 = sum f [psi'(x + r) - psi'(r) + 1/r - 1/(r + m) - (m - x)/(r + m)^2]. */
        static double secondDerivativeInDispersion(CountTable t, double m, double r) {
            double[] trig = trigammaDifferences(t, r);
            double h = 0;
            for (int k = 0; k < t.value.length; k++) {
                h += t.freq[k] * (trig[k] + 1 / r - 1 / (r + m) - (m - t.value[k]) / ((r + m) * (r + m)));
            }
            return h;
        }

        /**
         * ln Gamma(x + r) - ln Gamma(r) for each distinct x, as the exact sum of ln(r + j), j &lt; x,
         * when the counts are small (the difference of two log-gammas loses all precision for large r,
         * which is exactly where a barely over-dispersed fit goes).
         */
        static double[] logGammaRatios(CountTable t, double r) {
            double[] out = new double[t.value.length];
            if (t.max() > EXACT_SUM_LIMIT) {
                for (int k = 0; k < out.length; k++) {
                    out[k] = Gamma.logGamma(t.value[k] + r) - Gamma.logGamma(r);
                }
                return out;
            }
            double sum = 0;
            int j = 0;
            for (int k = 0; k < out.length; k++) {
                for (; j < t.value[k]; j++) {
                    sum += Math.log(r + j);
                }
                out[k] = sum;
            }
            return out;
        }

        /** psi'(x + r) - psi'(r) = -sum_{j &lt; x} 1 / (r + j)^2, exact for small counts. */
        static double[] trigammaDifferences(CountTable t, double r) {
            double[] out = new double[t.value.length];
            if (t.max() > EXACT_SUM_LIMIT) {
                for (int k = 0; k < out.length; k++) {
                    out[k] = Gamma.trigamma(t.value[k] + r) - Gamma.trigamma(r);
                }
                return out;
            }
            double sum = 0;
            int j = 0;
            for (int k = 0; k < out.length; k++) {
                for (; j < t.value[k]; j++) {
                    sum -= 1 / ((r + j) * (r + j));
                }
                out[k] = sum;
            }
            return out;
        }

        static final int EXACT_SUM_LIMIT = 1_000_000;
    }

    /** Binomial with n given: p = mean / n; SE sqrt(p (1 - p) / (values x n)). */
    static final class BinomialEstimator implements Estimator {
        private final int trials;

        BinomialEstimator(int trials) {
            this.trials = trials;
        }

        @Override public String family() { return "binomial"; }

        @Override
        public Estimate fit(double[] x) {
            CountTable t = new CountTable(x);
            double p = t.mean / trials;
            double ll = 0;
            for (int k = 0; k < t.value.length; k++) {
                ll += t.freq[k] * logBinomial(t.value[k], trials, p);
            }
            return new Estimate(Binomial.of(trials, p), List.of(new Parameter("n", trials, Double.NaN),
                    new Parameter("p", p, Math.sqrt(p * (1 - p) / ((double) t.n * trials)))), ll, 1);
        }
    }

    static double logBinomial(int k, int n, double p) {
        if (k < 0 || k > n) {
            return Double.NEGATIVE_INFINITY;
        }
        double a = k == 0 ? 0 : k * Math.log(p);
        double b = k == n ? 0 : (n - k) * Math.log1p(-p);
        return logFactorial(n) - logFactorial(k) - logFactorial(n - k) + a + b;
    }

    // ---------------------------------------------------------------- continuous

    /** Normal: mean = sample mean, sd = sqrt(sum (x - mean)^2 / n); SEs sd / sqrt(n), sd / sqrt(2 n). */
    static final class NormalEstimator implements Estimator {
        @Override public String family() { return "normal"; }

        @Override
        public Estimate fit(double[] x) throws NotFittable {
            double[] ms = meanAndMlSd(x);
            double mu = ms[0];
            double sigma = ms[1];
            if (!(sigma > 0)) {
                throw new NotFittable("every value is the same");
            }
            int n = x.length;
            double ll = -0.5 * n * (Math.log(2 * Math.PI * sigma * sigma) + 1);
            return new Estimate(Normal.of(mu, sigma), List.of(new Parameter("mean", mu, sigma / Math.sqrt(n)),
                    new Parameter("sd", sigma, sigma / Math.sqrt(2.0 * n))), ll, 2);
        }
    }

    /**
     * Lognormal: the normal fit of ln x (mu, sigma), returned as payrisk's mean and sd of x itself,
     * mean = exp(mu + sigma^2 / 2), sd = mean sqrt(exp(sigma^2) - 1) (ML estimates are invariant under
     * reparameterisation); SEs by the delta method from Var(mu) = sigma^2 / n, Var(sigma) =
     * sigma^2 / (2 n), Cov = 0.
     */
    static final class LogNormalEstimator implements Estimator {
        @Override public String family() { return "lognormal"; }

        @Override
        public Estimate fit(double[] x) throws NotFittable {
            int n = x.length;
            double[] y = new double[n];
            double sumLog = 0;
            for (int i = 0; i < n; i++) {
                if (!(x[i] > 0)) {
                    throw new NotFittable("it needs every value > 0, found " + x[i]);
                }
                y[i] = Math.log(x[i]);
                sumLog += y[i];
            }
            double[] ms = meanAndMlSd(y);
            double mu = ms[0];
            double s = ms[1];
            if (!(s > 0)) {
                throw new NotFittable("every value is the same");
            }
            double ll = -0.5 * n * (Math.log(2 * Math.PI * s * s) + 1) - sumLog;
            double mean = Math.exp(mu + 0.5 * s * s);
            double g = Math.sqrt(Math.expm1(s * s));
            double sd = mean * g;
            double varMu = s * s / n;
            double varS = s * s / (2.0 * n);
            double dMeanDs = mean * s;
            double dSdDs = sd * s + mean * s * Math.exp(s * s) / g;
            double seMean = Math.sqrt(mean * mean * varMu + dMeanDs * dMeanDs * varS);
            double seSd = Math.sqrt(sd * sd * varMu + dSdDs * dSdDs * varS);
            return new Estimate(LogNormal.of(mean, sd), List.of(new Parameter("mean", mean, seMean),
                    new Parameter("sd", sd, seSd)), ll, 2);
        }
    }

    /**
     * Gamma: the ML shape k solves ln k - digamma(k) = ln(mean) - mean(ln x) (Brent's method, bracketed
     * around Minka's closed-form approximation); the ML mean is the sample mean and sd = mean / sqrt(k).
     * In (mean, k) the information is diagonal: Var(mean) = mean^2 / (n k), Var(k) = 1 / (n (trigamma(k)
     * - 1 / k)); the delta method gives the sd's SE.
     */
    static final class GammaEstimator implements Estimator {
        @Override public String family() { return "gamma"; }

        @Override
        public Estimate fit(double[] x) throws NotFittable {
            int n = x.length;
            double sum = 0;
            double sumLog = 0;
            for (double v : x) {
                if (!(v > 0)) {
                    throw new NotFittable("it needs every value > 0, found " + v);
                }
                sum += v;
                sumLog += Math.log(v);
            }
            double mean = sum / n;
            double s = Math.log(mean) - sumLog / n;
            if (!(s > 1e-14)) {
                throw new NotFittable("every value is (nearly) the same");
            }
            double k = shape(s);
            double theta = mean / k;
            double ll = n * ((k - 1) * (sumLog / n) - k - k * Math.log(theta) - Gamma.logGamma(k));
            double sd = mean / Math.sqrt(k);
            double varMean = mean * mean / (n * k);
            double varK = 1 / (n * (Gamma.trigamma(k) - 1 / k));
            double dSdMean = 1 / Math.sqrt(k);
            double dSdK = -0.5 * mean / (k * Math.sqrt(k));
            double seSd = Math.sqrt(dSdMean * dSdMean * varMean + dSdK * dSdK * varK);
            return new Estimate(org.payrisk.dist.Gamma.of(mean, sd), List.of(new Parameter("mean", mean, Math.sqrt(varMean)),
                    new Parameter("sd", sd, seSd)), ll, 2);
        }

        /** Solves ln k - digamma(k) = s for k (the left side falls from +infinity to 0). */
        static double shape(double s) {
            double k0 = (3 - s + Math.sqrt((s - 3) * (s - 3) + 24 * s)) / (12 * s);
            double lo = k0 / 2;
            double hi = k0 * 2;
            while (f(lo, s) < 0) {
                lo /= 2;
            }
            while (f(hi, s) > 0) {
                hi *= 2;
            }
            return new BracketingNthOrderBrentSolver(1e-14 * k0, 5).solve(1000, k -> f(k, s), lo, hi);
        }

        private static double f(double k, double s) {
            return Math.log(k) - Gamma.digamma(k) - s;
        }
    }

    // ---------------------------------------------------------------- probabilities

    /**
     * Beta on (0, 1): Newton's method on (alpha, beta) from the method-of-moments start, halving a step
     * that would leave the positive quadrant or lower the likelihood (which is concave in (alpha,
     * beta)); SEs from the inverse information n [[trigamma(a) - trigamma(a+b), -trigamma(a+b)],
     * [-trigamma(a+b), trigamma(b) - trigamma(a+b)]], carried to payrisk's mean = a / (a + b) and
     * sd = sqrt(a b / ((a + b)^2 (a + b + 1))) by the delta method.
     */
    static final class BetaEstimator implements Estimator {
        @Override public String family() { return "beta"; }

        @Override
        public Estimate fit(double[] x) throws NotFittable {
            int n = x.length;
            double g1 = 0;
            double g2 = 0;
            for (double v : x) {
                if (!(v > 0 && v < 1)) {
                    throw new NotFittable("it needs every value strictly between 0 and 1, found " + v);
                }
                g1 += Math.log(v);
                g2 += Math.log1p(-v);
            }
            g1 /= n;
            g2 /= n;
            double[] ms = meanAndMlSd(x);
            double m = ms[0];
            double v = ms[1] * ms[1];
            if (!(v > 0)) {
                throw new NotFittable("every value is the same");
            }
            double nu = m * (1 - m) / v - 1;
            if (!(nu > 0)) {
                nu = 1;
            }
            double a = m * nu;
            double b = (1 - m) * nu;
            double ll = perValue(a, b, g1, g2);
            for (int it = 0; it < 500; it++) {
                double ds = Gamma.digamma(a + b);
                double ga = g1 - Gamma.digamma(a) + ds;
                double gb = g2 - Gamma.digamma(b) + ds;
                double ts = Gamma.trigamma(a + b);
                double haa = -Gamma.trigamma(a) + ts;
                double hbb = -Gamma.trigamma(b) + ts;
                double hab = ts;
                double det = haa * hbb - hab * hab;
                double da = -(hbb * ga - hab * gb) / det;
                double db = -(-hab * ga + haa * gb) / det;
                double step = 1;
                double na;
                double nb;
                double nll;
                while (true) {
                    na = a + step * da;
                    nb = b + step * db;
                    if (na > 0 && nb > 0) {
                        nll = perValue(na, nb, g1, g2);
                        if (nll >= ll - 1e-15 * Math.abs(ll)) {
                            break;
                        }
                    }
                    step /= 2;
                    if (step < 1e-12) {
                        throw new NotFittable("Newton's method did not converge (alpha " + a + ", beta " + b + ")");
                    }
                }
                boolean done = Math.abs(na - a) <= 1e-13 * a && Math.abs(nb - b) <= 1e-13 * b;
                a = na;
                b = nb;
                ll = nll;
                if (done) {
                    break;
                }
            }
            double s = a + b;
            double ts = Gamma.trigamma(s);
            double iaa = n * (Gamma.trigamma(a) - ts);
            double ibb = n * (Gamma.trigamma(b) - ts);
            double iab = -n * ts;
            double det = iaa * ibb - iab * iab;
            double vaa = ibb / det;
            double vbb = iaa / det;
            double vab = -iab / det;
            double mean = a / s;
            double sd = Math.sqrt(a * b / (s * s * (s + 1)));
            double[] jm = {b / (s * s), -a / (s * s)};
            double common = -2 / s - 1 / (s + 1);
            double[] js = {0.5 * sd * (1 / a + common), 0.5 * sd * (1 / b + common)};
            double seMean = Math.sqrt(quadratic(jm, vaa, vab, vbb));
            double seSd = Math.sqrt(quadratic(js, vaa, vab, vbb));
            return new Estimate(Beta.of(mean, sd), List.of(new Parameter("mean", mean, seMean), new Parameter("sd", sd, seSd)),
                    n * ll, 2);
        }

        /** The log-likelihood per value. */
        private static double perValue(double a, double b, double g1, double g2) {
            return (a - 1) * g1 + (b - 1) * g2 - org.apache.commons.math3.special.Beta.logBeta(a, b);
        }

        private static double quadratic(double[] j, double vaa, double vab, double vbb) {
            return j[0] * j[0] * vaa + 2 * j[0] * j[1] * vab + j[1] * j[1] * vbb;
        }
    }

    /** {mean, sqrt(sum (x - mean)^2 / n)}, two-pass. */
    static double[] meanAndMlSd(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        double mean = sum / x.length;
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        return new double[] {mean, Math.sqrt(ss / x.length)};
    }

    /**
     * The fitted continuous law as a Commons Math distribution (its CDF for the Kolmogorov-Smirnov
     * statistic, its inverse CDF for the Q-Q chart). No random generator is attached: these are never
     * sampled (the bootstrap samples with payrisk's own samplers).
     *
     * @param d a normal, lognormal, gamma or beta
     * @return the same law
     */
    static RealDistribution real(Distribution d) {
        if (d instanceof Normal nd) {
            return new NormalDistribution(null, nd.mu(), nd.sigma(), 1e-12);
        }
        if (d instanceof LogNormal ln) {
            return new LogNormalDistribution(null, ln.logMu(), ln.logSigma(), 1e-12);
        }
        if (d instanceof org.payrisk.dist.Gamma g) {
            return new GammaDistribution(null, g.shape(), g.scale(), 1e-12);
        }
        if (d instanceof Beta b) {
            return new BetaDistribution(null, b.alpha(), b.beta(), 1e-12);
        }
        throw new IllegalArgumentException("not a fitted continuous family: " + d);
    }
}
