package org.payrisk.payment;

import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.payrisk.dist.Binomial;
import org.payrisk.dist.Distribution;
import org.payrisk.dist.Limits;
import org.payrisk.practice.PracticeYear;

/**
 * Capitation: members x PMPM paid every month, whatever the visits. The practice bears the
 * utilisation risk. The contract is paid once a month however many payers it covers.
 *
 * <p>Membership is either drawn afresh each month ({@code members}, no churn) or, with {@code churn},
 * drawn for month 1 and then carried: each month every member leaves with probability
 * {@code leaveRate} and {@code joinsPerMonth} new members join (membership changes month to month).
 * Optional risk sharing, settled in {@code settlementMonth}:
 * <ul>
 *   <li>a risk corridor: the year's cost of care (the practice's costs attributed to covered patients
 *       by their share of attended visits, or covered visits x {@code valuePerVisit} when given) is
 *       compared to the expected cost (member-months x {@code expectedCostPmpm} when given, else the
 *       capitation paid); beyond +/-{@code band} of it, {@code share} of the excess cost is paid by
 *       the payer, or {@code share} of the excess gain is paid back;</li>
 *   <li>stop-loss: for each covered episode, {@code share} of its cost above the attachment point
 *       (attended visits in the horizon x {@code valuePerVisit}) is reimbursed.</li>
 * </ul>
 *
 * <p>Per trial: the PMPM, then (with churn) the leave rate, then members are drawn for each month
 * (without churn) or for month 1 followed by joins and leavers each later month (leavers binomial,
 * by the normal approximation when n p (1 - p) &gt;= 25), each rounded to the nearest whole member and
 * floored at 0.
 *
 * @param pmpm dollars per member per month, drawn once per trial, &gt;= 0
 * @param members enrolled members, drawn each month (or for month 1 only, with churn)
 * @param churn month-to-month membership change, or null
 * @param corridor risk corridor, or null
 * @param stopLoss per-episode stop-loss, or null
 * @param settlementMonth month corridor and stop-loss payments are made
 */
public record Capitation(Distribution pmpm, Distribution members, Churn churn, Corridor corridor, StopLoss stopLoss,
                         int settlementMonth) implements PaymentRule {

    /**
     * @param leaveRate monthly probability that a member leaves, drawn per trial, in [0, 1]
     * @param joinsPerMonth new members a month, drawn each month, a count
     */
    public record Churn(Distribution leaveRate, Distribution joinsPerMonth) {
        /** Checks presence. */
        public Churn {
            Limits.probability("leaveRate", Objects.requireNonNull(leaveRate, "leaveRate"));
            Limits.count("joinsPerMonth", Objects.requireNonNull(joinsPerMonth, "joinsPerMonth"), Limits.MAX_COUNT);
        }
    }

    /**
     * @param band half-width of the corridor as a share of the expected cost, in [0, 1]
     * @param share share of the cost or gain beyond the corridor that is shared, in [0, 1]
     * @param valuePerVisit dollars per covered attended visit to value the cost of care, or NaN to
     *                      attribute the practice's own costs
     * @param expectedCostPmpm expected cost of care per member per month, dollars, or NaN to take the
     *                         capitation paid as the expected cost
     */
    public record Corridor(double band, double share, double valuePerVisit, double expectedCostPmpm) {

        /**
         * A corridor around the capitation paid.
         *
         * @param band half-width as a share of the capitation paid
         * @param share share beyond the corridor
         * @param valuePerVisit dollars per covered visit, or NaN for the practice's own costs
         */
        public Corridor(double band, double share, double valuePerVisit) {
            this(band, share, valuePerVisit, Double.NaN);
        }
    }

    /**
     * @param attachmentPerEpisode cost of an episode above which stop-loss pays, dollars
     * @param share share of the excess reimbursed, in [0, 1]
     * @param valuePerVisit dollars per attended visit to value an episode's cost
     */
    public record StopLoss(double attachmentPerEpisode, double share, double valuePerVisit) {
    }

    /**
     * The simple contract: members drawn afresh each month, no risk sharing.
     *
     * @param pmpm dollars per member per month
     * @param members enrolled members, drawn each month
     */
    public Capitation(Distribution pmpm, Distribution members) {
        this(pmpm, members, null, null, null, 0);
    }

    /** Checks presence and ranges ({@link Limits}): pmpm is an amount, members a count. */
    public Capitation {
        Limits.amount("pmpm", Objects.requireNonNull(pmpm, "pmpm"));
        Limits.count("members", Objects.requireNonNull(members, "members"), Limits.MAX_COUNT);
    }

    @Override
    public String kind() {
        return "capitation";
    }

    /** Books corridor and stop-loss settlements in the horizon's last month (as the engine does). */
    @Override
    public void accrue(PracticeYear year, boolean[] covered, UniformRandomProvider rng, double[] revenueByMonth) {
        if (corridor == null && stopLoss == null) {
            accrue(year, covered, rng, 0, revenueByMonth, null);
            return;
        }
        Settlements s = new Settlements();
        accrue(year, covered, rng, 0, revenueByMonth, s);
        revenueByMonth[year.horizonMonths()] += s.total();
    }

    @Override
    public void accrue(PracticeYear year, boolean[] covered, UniformRandomProvider rng, long claimsKey,
                       double[] revenueByMonth, Settlements settlements) {
        final double price = Math.max(0, pmpm.createSampler(rng).sample());
        final int horizon = year.horizonMonths();
        double paid = 0;
        double memberMonths = 0;
        if (churn == null) {
            final ContinuousSampler enrolled = members.createSampler(rng);
            for (int m = 1; m <= horizon; m++) {
                double n = Math.max(0, Math.rint(enrolled.sample()));
                double pay = n * price;
                revenueByMonth[m] += pay;
                paid += pay;
                memberMonths += n;
            }
        } else {
            final double leave = PaymentRule.clamp(churn.leaveRate().createSampler(rng).sample(), 0, 1);
            final ContinuousSampler joins = churn.joinsPerMonth().createSampler(rng);
            final ContinuousSampler gauss = ZigguratSampler.NormalizedGaussian.of(rng)::sample;
            double n = Math.max(0, Math.rint(members.createSampler(rng).sample()));
            for (int m = 1; m <= horizon; m++) {
                if (m > 1) {
                    n = Math.max(0, n - leavers(n, leave, rng, gauss) + Math.max(0, Math.rint(joins.sample())));
                }
                double pay = n * price;
                revenueByMonth[m] += pay;
                paid += pay;
                memberMonths += n;
            }
        }
        if (settlements == null || (corridor == null && stopLoss == null)) {
            return;
        }
        if (corridor != null) {
            double expected = Double.isNaN(corridor.expectedCostPmpm()) ? paid : memberMonths * corridor.expectedCostPmpm();
            settlements.add(settlementMonth, corridor(expected, careCost(year, covered)));
        }
        if (stopLoss != null) {
            settlements.add(settlementMonth, stopLossPayment(year, covered));
        }
    }

    private static double leavers(double n, double p, UniformRandomProvider rng, ContinuousSampler gauss) {
        double var = n * p * (1 - p);
        if (var >= 25 || n > Binomial.MAX_N) {
            return Math.min(n, Math.max(0, Math.rint(n * p + Math.sqrt(var) * gauss.sample())));
        }
        return Binomial.discreteSampler(rng, (int) n, p).sample();
    }

    /**
     * @param expected expected cost of care over the horizon (the capitation paid, or member-months x
     *                 expectedCostPmpm), dollars
     * @param cost cost of care over the horizon, dollars
     * @return the corridor payment, positive to the practice
     */
    public double corridor(double expected, double cost) {
        double hi = expected * (1 + corridor.band());
        double lo = expected * (1 - corridor.band());
        if (cost > hi) {
            return corridor.share() * (cost - hi);
        }
        if (cost < lo) {
            return -corridor.share() * (lo - cost);
        }
        return 0;
    }

    private double careCost(PracticeYear year, boolean[] covered) {
        final int horizon = year.horizonMonths();
        final int[] coveredVisits = new int[horizon + 1];
        for (int v = 0; v < year.visitCount(); v++) {
            if (covered[year.visitPayer(v)]) {
                coveredVisits[year.visitMonth(v)]++;
            }
        }
        double cost = 0;
        for (int m = 1; m <= horizon; m++) {
            if (!Double.isNaN(corridor.valuePerVisit())) {
                cost += coveredVisits[m] * corridor.valuePerVisit();
            } else if (year.attendedVisits(m) > 0) {
                cost += year.costs(m) * coveredVisits[m] / year.attendedVisits(m);
            }
        }
        return cost;
    }

    private double stopLossPayment(PracticeYear year, boolean[] covered) {
        final int[] visits = new int[year.episodeCount()];
        for (int v = 0; v < year.visitCount(); v++) {
            if (covered[year.visitPayer(v)]) {
                visits[year.visitEpisode(v)]++;
            }
        }
        double pay = 0;
        for (int e = 0; e < visits.length; e++) {
            double excess = visits[e] * stopLoss.valuePerVisit() - stopLoss.attachmentPerEpisode();
            if (excess > 0) {
                pay += stopLoss.share() * excess;
            }
        }
        return pay;
    }
}
