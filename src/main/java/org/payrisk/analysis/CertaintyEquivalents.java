package org.payrisk.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Risk preferences: the certainty-equivalent annual net income of each model for an owner with
 * constant absolute risk aversion (CARA, exponential utility u(x) = -exp(-a x)). The certainty
 * equivalent is the sure amount the owner values as much as the model's uncertain year:
 * <pre>
 *   CE(a) = -(1/a) ln( (1/n) sum_i exp(-a x_i) )
 * </pre>
 * over the trials' net incomes x_i. It is stated by the risk tolerance T = 1/a in dollars (an owner
 * with tolerance T is indifferent to a 50/50 gamble of +T against -T/2, roughly): CE falls below the
 * mean by about variance / (2 T) for near-normal incomes, and reaches the mean as T grows without
 * bound (risk neutral).
 *
 * <p>Computed stably by log-sum-exp: with m = max_i(-x_i / T), ln sum exp(-x_i / T) = m + ln sum
 * exp(-x_i / T - m), whose terms are in (0, 1] and never overflow, so CE is exact to rounding for
 * any income scale (a direct mean of exp(-x / 25,000) overflows once a year loses more than about
 * $17.7 million and loses all digits long before). Sums run in trial order, so results are
 * bit-identical on any thread count. Thread safe (stateless).
 */
public final class CertaintyEquivalents {

    /**
     * Risk tolerances reported, in dollars, ascending: from a cautious owner (a bad year of $25,000
     * matters a great deal) to a nearly risk-neutral one; the risk-neutral mean
     * ({@link Double#POSITIVE_INFINITY}) is reported after them.
     */
    public static final double[] RISK_TOLERANCES = {25_000, 50_000, 100_000, 250_000, 1_000_000};

    /** Bisection steps for a flip's tolerance: 1/T is halved 200 times, far below double precision. */
    private static final int BISECTION_STEPS = 200;

    private CertaintyEquivalents() {
    }

    /**
     * One point of a model's certainty-equivalent curve.
     *
     * @param riskTolerance 1/a in dollars; {@link Double#POSITIVE_INFINITY} for the risk-neutral mean
     * @param value the certainty-equivalent net income, dollars
     */
    public record Point(double riskTolerance, double value) {
    }

    /**
     * A change of the preferred model (the one with the highest certainty equivalent) as the risk
     * tolerance grows.
     *
     * @param riskTolerance the tolerance, dollars, at which the two models' certainty equivalents are
     *                      equal (found by bisection between two neighbouring grid tolerances)
     * @param below the model preferred just below it (by a more cautious owner)
     * @param above the model preferred just above it
     */
    public record Flip(double riskTolerance, String below, String above) {
        /** Checks presence. */
        public Flip {
            Objects.requireNonNull(below, "below");
            Objects.requireNonNull(above, "above");
        }
    }

    /**
     * The certainty equivalents of a run.
     *
     * @param byModel per model in scenario order, one point per {@link #RISK_TOLERANCES} entry then the
     *                risk-neutral point
     * @param flips every change of the preferred model along the grid, in ascending tolerance
     */
    public record Result(List<List<Point>> byModel, List<Flip> flips) {
        /** Copies the lists. */
        public Result {
            byModel = byModel.stream().map(List::copyOf).toList();
            flips = List.copyOf(flips);
        }
    }

    /**
     * The certainty equivalent of one sample.
     *
     * @param x net incomes, one per trial, at least one
     * @param riskTolerance T = 1/a in dollars, &gt; 0; {@link Double#POSITIVE_INFINITY} gives the mean
     * @return CE, dollars
     */
    public static double of(double[] x, double riskTolerance) {
        if (x.length == 0) {
            throw new IllegalArgumentException("x: expected at least one value, found none");
        }
        if (!(riskTolerance > 0)) {
            throw new IllegalArgumentException("riskTolerance: expected > 0, found " + riskTolerance);
        }
        if (riskTolerance == Double.POSITIVE_INFINITY) {
            double s = 0;
            for (double v : x) {
                s += v;
            }
            return s / x.length;
        }
        return ofAversion(x, 1 / riskTolerance);
    }

    /** CE at absolute risk aversion a &gt; 0 (a = 0 is the mean). */
    private static double ofAversion(double[] x, double a) {
        if (a == 0) {
            return of(x, Double.POSITIVE_INFINITY);
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            max = Math.max(max, -a * v);
        }
        double s = 0;
        for (double v : x) {
            s += Math.exp(-a * v - max);
        }
        // s is in [1, n]: the largest term is exp(0) = 1
        return -(max + Math.log(s / x.length)) / a;
    }

    /**
     * Certainty equivalents of every model on {@link #RISK_TOLERANCES} plus the risk-neutral mean, and
     * the tolerances where the preferred model changes.
     *
     * <p>A flip is looked for between each pair of neighbouring grid tolerances (the last pair being
     * $1M and risk neutral) whose preferred models differ: the tolerance where the two models' certainty
     * equivalents are equal is found by bisection on a = 1/T. With three or more models a third model
     * could lead inside the interval; the grid's leaders are what the flip reports. Exact ties (equal
     * certainty equivalents) prefer the model listed first.
     *
     * @param names model names, scenario order
     * @param netIncome per model, the net income of each trial in trial order
     * @return the curves and flips
     */
    public static Result of(List<String> names, double[][] netIncome) {
        if (names.size() != netIncome.length) {
            throw new IllegalArgumentException("netIncome: expected one column per model (" + names.size() + "), found "
                    + netIncome.length);
        }
        int g = RISK_TOLERANCES.length + 1;
        double[][] ce = new double[names.size()][g];
        List<List<Point>> byModel = new ArrayList<>();
        for (int m = 0; m < names.size(); m++) {
            List<Point> points = new ArrayList<>();
            for (int k = 0; k < g; k++) {
                double t = tolerance(k);
                ce[m][k] = of(netIncome[m], t);
                points.add(new Point(t, ce[m][k]));
            }
            byModel.add(points);
        }
        List<Flip> flips = new ArrayList<>();
        for (int k = 0; k + 1 < g; k++) {
            int lo = best(ce, k);
            int hi = best(ce, k + 1);
            if (lo == hi) {
                continue;
            }
            // f(a) = CE_lo(a) - CE_hi(a) is >= 0 at a = 1/T_k and < 0 at a = 1/T_{k+1} (or 0)
            double aCautious = 1 / tolerance(k);
            double aBold = 1 / tolerance(k + 1);
            for (int i = 0; i < BISECTION_STEPS && aCautious - aBold > 0; i++) {
                double mid = aBold + (aCautious - aBold) / 2;
                if (mid == aBold || mid == aCautious) {
                    break;
                }
                if (ofAversion(netIncome[lo], mid) >= ofAversion(netIncome[hi], mid)) {
                    aCautious = mid;
                } else {
                    aBold = mid;
                }
            }
            flips.add(new Flip(1 / (aBold + (aCautious - aBold) / 2), names.get(lo), names.get(hi)));
        }
        return new Result(byModel, flips);
    }

    private static double tolerance(int k) {
        return k < RISK_TOLERANCES.length ? RISK_TOLERANCES[k] : Double.POSITIVE_INFINITY;
    }

    private static int best(double[][] ce, int k) {
        int best = 0;
        for (int m = 1; m < ce.length; m++) {
            if (ce[m][k] > ce[best][k]) {
                best = m;
            }
        }
        return best;
    }
}
