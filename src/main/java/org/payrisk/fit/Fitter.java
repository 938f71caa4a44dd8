package org.payrisk.fit;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.payrisk.dist.Distribution;
import org.payrisk.dist.TrialStreams;
import org.payrisk.fit.Families.Estimate;
import org.payrisk.fit.Families.Estimator;
import org.payrisk.fit.Families.NotFittable;

/**
 * Fits every suitable family to a data column by maximum likelihood, ranks the fits by AIC and tests
 * each one's goodness of fit (see {@link GoodnessOfFit}).
 *
 * <p>The parametric bootstrap of a continuous family draws data set b from stream b of
 * {@link TrialStreams}{@code (seed)} with the family's own purpose number (normal 1, lognormal 2,
 * gamma 3, beta 4), using payrisk's own samplers; so the p-values depend only on the data, the seed
 * and the sample count. The default seed is taken from the data themselves (the first 8 bytes of the
 * SHA-256 of the values as IEEE 754 doubles, big-endian, in row order): fitting the same column twice
 * gives the same p-values, and different data sets get independent bootstrap draws.
 *
 * <p>Stateless and thread safe; single-threaded.
 */
public final class Fitter {

    /** Fewest values fitted: below this no goodness-of-fit test says anything. */
    public static final int MIN_VALUES = 10;
    /** Default parametric bootstrap samples: 999, so p = (1 + count) / 1000 has steps of 0.001. */
    public static final int DEFAULT_BOOTSTRAP = 999;
    /** Fewest bootstrap samples accepted. */
    public static final int MIN_BOOTSTRAP = 99;
    /** Largest count accepted (the table of cells is built value by value). */
    public static final int MAX_COUNT = 10_000_000;
    /** Chi-square cells are pooled until each expects at least this many values. */
    public static final double MIN_EXPECTED = 5;

    private Fitter() {
    }

    /**
     * Fits the data.
     *
     * @param data the column
     * @param kind what the data measure, or null to infer it (whole numbers &gt;= 0 are counts,
     *     otherwise values all in [0, 1] are probabilities, otherwise continuous)
     * @param binomialN the binomial's number of trials, or 0 to leave the binomial out (counts only)
     * @param bootstrap parametric bootstrap samples, at least {@link #MIN_BOOTSTRAP}
     * @param seed bootstrap seed, or null for the seed taken from the data
     * @return every family fitted, best first
     * @throws DataException when a value does not fit the kind, or there are too few values
     */
    public static FitResult fit(DataColumn data, FitKind kind, int binomialN, int bootstrap, Long seed)
            throws DataException {
        if (bootstrap < MIN_BOOTSTRAP) {
            throw new IllegalArgumentException("bootstrap samples: expected at least " + MIN_BOOTSTRAP + ", found " + bootstrap);
        }
        double[] x = data.values();
        if (x.length < MIN_VALUES) {
            throw new DataException(data.file() + ": column \"" + data.column() + "\": expected at least " + MIN_VALUES
                    + " values to fit a distribution, found " + x.length);
        }
        boolean inferred = kind == null;
        FitKind k = inferred ? infer(x) : kind;
        if (binomialN != 0 && k != FitKind.COUNT) {
            throw new DataException(data.file() + ": column \"" + data.column() + "\": a binomial n was given, but the data are "
                    + k.label() + (inferred ? " (inferred: not every value is a whole number >= 0)" : "")
                    + "; the binomial fits counts only");
        }
        check(data, x, k, binomialN);
        double first = x[0];
        if (Arrays.stream(x).allMatch(v -> v == first)) {
            throw new DataException(data.file() + ": column \"" + data.column() + "\": all " + x.length + " values equal "
                    + plain(first) + ", so there is no spread to fit; use the constant " + plain(first) + " in the scenario");
        }
        long s = seed != null ? seed : seedOf(x);
        List<FamilyFit> fits = new ArrayList<>();
        List<FitResult.Skipped> skipped = new ArrayList<>();
        if (k == FitKind.COUNT && binomialN == 0) {
            skipped.add(new FitResult.Skipped("binomial", "not fitted: it needs its number of trials n (give --n)"));
        }
        for (Estimator e : estimators(k, binomialN)) {
            Estimate est;
            GoodnessOfFit test;
            try {
                est = e.fit(x);
                test = k == FitKind.COUNT ? chiSquare(x, est) : bootstrapKs(x, e, est, s, bootstrap);
            } catch (NotFittable nf) {
                skipped.add(new FitResult.Skipped(e.family(), nf.getMessage()));
                continue;
            } catch (IllegalArgumentException | MathIllegalStateException outOfRange) {
                // values so extreme (1e300, or spanning hundreds of orders of magnitude) that an estimate or
                // a special function leaves the range of doubles: say so rather than fail
                skipped.add(new FitResult.Skipped(e.family(), "the values are too extreme for this family's estimate ("
                        + outOfRange.getMessage() + ")"));
                continue;
            }
            double aic = 2 * est.estimated() - 2 * est.logLikelihood();
            fits.add(new FamilyFit(e.family(), est.parameters(), est.logLikelihood(), est.estimated(), aic, test,
                    est.distribution()));
        }
        if (fits.isEmpty()) {
            throw new DataException(data.file() + ": column \"" + data.column() + "\": no family could be fitted: "
                    + skipped.stream().map(f -> f.family() + " (" + f.reason() + ")").toList());
        }
        fits.sort(Comparator.comparingDouble(FamilyFit::aic).thenComparing(FamilyFit::family));
        return new FitResult(data, k, inferred, binomialN, fits, skipped, s, k == FitKind.COUNT ? 0 : bootstrap);
    }

    static FitKind infer(double[] x) {
        boolean counts = true;
        boolean shares = true;
        for (double v : x) {
            counts &= v >= 0 && v == Math.rint(v);
            shares &= v >= 0 && v <= 1;
        }
        return counts ? FitKind.COUNT : shares ? FitKind.PROBABILITY : FitKind.CONTINUOUS;
    }

    private static void check(DataColumn data, double[] x, FitKind kind, int binomialN) throws DataException {
        for (int i = 0; i < x.length; i++) {
            double v = x[i];
            switch (kind) {
                case COUNT -> {
                    if (v < 0 || v != Math.rint(v) || v > MAX_COUNT) {
                        throw new DataException(data.where(i) + ": expected a count (a whole number from 0 to "
                                + String.format(Locale.ROOT, "%,d", MAX_COUNT) + "), found " + plain(v)
                                + (v != Math.rint(v) ? "; for measurements pass --kind continuous" : ""));
                    }
                    if (binomialN != 0 && v > binomialN) {
                        throw new DataException(data.where(i) + ": expected a count of at most the binomial n = " + binomialN
                                + ", found " + plain(v));
                    }
                }
                case PROBABILITY -> {
                    if (v < 0 || v > 1) {
                        throw new DataException(data.where(i) + ": expected a probability in [0, 1], found " + plain(v)
                                + (v > 1 && v <= 100 ? " (a percentage? divide by 100)" : ""));
                    }
                    if (v == 0 || v == 1) {
                        throw new DataException(data.where(i) + ": expected a probability strictly between 0 and 1 "
                                + "(the beta law gives exactly " + plain(v) + " probability zero, so one such value makes its "
                                + "likelihood zero), found " + plain(v) + "; if these are per-period shares of small counts, "
                                + "fit the counts with --kind count and --n instead");
                    }
                }
                case CONTINUOUS -> {
                    // any finite number; families needing positive values skip themselves
                }
                default -> throw new IllegalStateException(kind.toString());
            }
        }
    }

    private static List<Estimator> estimators(FitKind kind, int binomialN) {
        return switch (kind) {
            case COUNT -> binomialN != 0
                    ? List.of(new Families.PoissonEstimator(), new Families.NegativeBinomialEstimator(),
                            new Families.BinomialEstimator(binomialN))
                    : List.of(new Families.PoissonEstimator(), new Families.NegativeBinomialEstimator());
            case CONTINUOUS -> List.of(new Families.NormalEstimator(), new Families.LogNormalEstimator(),
                    new Families.GammaEstimator());
            case PROBABILITY -> List.of(new Families.BetaEstimator());
        };
    }

    /** Stream purpose of each continuous family's bootstrap: by what the family is, not its list position. */
    static int purpose(String family) {
        return switch (family) {
            case "normal" -> 1;
            case "lognormal" -> 2;
            case "gamma" -> 3;
            case "beta" -> 4;
            default -> throw new IllegalArgumentException(family);
        };
    }

    /** Pearson's chi-square over pooled cells (see {@link GoodnessOfFit}). */
    static GoodnessOfFit chiSquare(double[] x, Estimate est) {
        Families.CountTable t = new Families.CountTable(x);
        Distribution d = est.distribution();
        int max = t.max();
        int n = t.n;
        int upper = d.supportMax() < Double.POSITIVE_INFINITY ? (int) d.supportMax() : Integer.MAX_VALUE;
        // Cells are found with the fitted law's exact CDF, P(X <= k) = probabilityBelow(k + 1): each closes at
        // the smallest k where it expects MIN_EXPECTED values (found by bisection, as the expected count only
        // grows with k), so counts in the millions cost a few CDF calls per cell, not one per integer.
        List<GoodnessOfFit.Cell> cells = new ArrayList<>();
        int from = 0;
        int next = 0; // index into the distinct values: the first not yet in a cell
        double before = 0; // P(X < from)
        while (from <= max) {
            int k = closing(d, n, before, from, max);
            if (k < 0) {
                break; // what is left up to max expects fewer than MIN_EXPECTED values: it goes into the tail
            }
            long obs = 0;
            while (next < t.value.length && t.value[next] <= k) {
                obs += (long) t.freq[next++];
            }
            double cdf = d.probabilityBelow(k + 1.0);
            cells.add(new GoodnessOfFit.Cell(from, k, obs, n * (cdf - before)));
            before = cdf;
            from = k + 1;
        }
        long obs = 0;
        while (next < t.value.length) {
            obs += (long) t.freq[next++];
        }
        double exp = n * Math.max(0, 1 - before);
        if (from <= upper && (exp > 0 || obs > 0)) {
            if (exp >= MIN_EXPECTED || cells.isEmpty()) {
                cells.add(new GoodnessOfFit.Cell(from, upper, obs, exp));
            } else {
                GoodnessOfFit.Cell last = cells.remove(cells.size() - 1);
                cells.add(new GoodnessOfFit.Cell(last.from(), upper, last.observed() + obs, last.expected() + exp));
            }
        }
        int df = cells.size() - 1 - est.estimated();
        double[] expected = cells.stream().mapToDouble(GoodnessOfFit.Cell::expected).toArray();
        long[] observed = cells.stream().mapToLong(GoodnessOfFit.Cell::observed).toArray();
        double stat = 0;
        for (int i = 0; i < expected.length; i++) {
            double dlt = observed[i] - expected[i];
            stat += dlt * dlt / expected[i];
        }
        if (df < 1) {
            return new GoodnessOfFit(GoodnessOfFit.CHI_SQUARE, stat, df, Double.NaN, 0, cells,
                    "too few cells expecting at least " + (int) MIN_EXPECTED + " values (" + cells.size() + ") to leave a degree of freedom");
        }
        if (expected.length >= 2) {
            // Commons Math's statistic rescales the expected counts to the observed total; they already agree
            // (the upper tail closes the last cell), so this is the same X^2, kept as a cross-check of the pooling.
            double check = new ChiSquareTest().chiSquare(expected, observed);
            if (Math.abs(check - stat) > 1e-6 * Math.max(1, stat)) {
                throw new IllegalStateException("chi-square cells do not add up: " + stat + " vs " + check);
            }
        }
        double p = 1 - new ChiSquaredDistribution(null, df).cumulativeProbability(stat);
        return new GoodnessOfFit(GoodnessOfFit.CHI_SQUARE, stat, df, p, 0, cells, "");
    }

    /**
     * The smallest k in [from, max] at which the cell starting at {@code from} expects at least
     * {@link #MIN_EXPECTED} of the n values, or -1 if none does.
     */
    private static int closing(Distribution d, int n, double before, int from, int max) {
        if (n * (d.probabilityBelow(max + 1.0) - before) < MIN_EXPECTED) {
            return -1;
        }
        int lo = from;
        int hi = max;
        while (lo < hi) {
            int mid = lo + (hi - lo) / 2;
            if (n * (d.probabilityBelow(mid + 1.0) - before) >= MIN_EXPECTED) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** Kolmogorov-Smirnov distance with a parametric-bootstrap p-value (see {@link GoodnessOfFit}). */
    static GoodnessOfFit bootstrapKs(double[] x, Estimator e, Estimate est, long seed, int samples) {
        KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
        double d = ks.kolmogorovSmirnovStatistic(Families.real(est.distribution()), x);
        TrialStreams streams = new TrialStreams(seed);
        int purpose = purpose(e.family());
        int atLeast = 0;
        int failed = 0;
        double[] y = new double[x.length];
        for (int b = 0; b < samples; b++) {
            UniformRandomProvider rng = streams.stream(b, purpose);
            ContinuousSampler sampler = est.distribution().createSampler(rng);
            for (int i = 0; i < y.length; i++) {
                y[i] = sampler.sample();
            }
            double db;
            try {
                db = ks.kolmogorovSmirnovStatistic(Families.real(e.fit(y).distribution()), y);
            } catch (NotFittable | IllegalArgumentException | MathIllegalStateException nf) {
                // counted as at least as extreme: the p-value can only rise, never flatter the fit wrongly low
                failed++;
                db = Double.POSITIVE_INFINITY;
            }
            if (db >= d) {
                atLeast++;
            }
        }
        double p = (1.0 + atLeast) / (1.0 + samples);
        return new GoodnessOfFit(GoodnessOfFit.KOLMOGOROV_SMIRNOV, d, 0, p, samples, List.of(),
                failed == 0 ? "" : failed + " bootstrap samples could not be refitted and count as extreme");
    }

    /** The first 8 bytes of SHA-256 over the values as big-endian IEEE 754 doubles. */
    static long seedOf(double[] x) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            ByteBuffer buf = ByteBuffer.allocate(8 * x.length);
            for (double v : x) {
                buf.putDouble(v);
            }
            return ByteBuffer.wrap(sha.digest(buf.array())).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static String plain(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
