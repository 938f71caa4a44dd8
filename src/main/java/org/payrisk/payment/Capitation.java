package org.payrisk.payment;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.payrisk.dist.Binomial;
import org.payrisk.dist.Distribution;
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
 * <p>Random numbers ({@link RandomInputs}: each input from its own stream keyed by the trial, the
 * field and the payers covered, so two contracts with the same terms see the same members): the
 * PMPM once ({@code capitation.pmpm}); members each month, or for month 1 only with churn
 * ({@code capitation.members}); with churn, the leave rate once ({@code capitation.churn.leaveRate}),
 * the joins of each later month ({@code capitation.churn.joinsPerMonth}) and its leavers
 * ({@code capitation.churn.leavers}: binomial, by the normal approximation when
 * n p (1 - p) &gt;= 25). Member counts are rounded to the nearest whole member and floored at 0.
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
        /** Checks presence and ranges. */
        public Churn {
            TermChecks.probability("leaveRate", leaveRate);
            TermChecks.count("joinsPerMonth", joinsPerMonth);
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

        /** Checks ranges. */
        public Corridor {
            TermChecks.share("band", band);
            TermChecks.share("share", share);
            TermChecks.amountOrNaN("valuePerVisit", valuePerVisit);
            TermChecks.amountOrNaN("expectedCostPmpm", expectedCostPmpm);
        }

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

        /** Checks ranges. */
        public StopLoss {
            TermChecks.amount("attachmentPerEpisode", attachmentPerEpisode);
            TermChecks.share("share", share);
            TermChecks.amount("valuePerVisit", valuePerVisit);
        }
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

    private static final long PMPM = RandomInputs.fieldKey("capitation.pmpm");
    private static final long MEMBERS = RandomInputs.fieldKey("capitation.members");
    private static final long LEAVE_RATE = RandomInputs.fieldKey("capitation.churn.leaveRate");
    private static final long JOINS = RandomInputs.fieldKey("capitation.churn.joinsPerMonth");
    private static final long LEAVERS = RandomInputs.fieldKey("capitation.churn.leavers");

    /**
     * Checks presence and ranges ({@link TermChecks}); the settlement month may be 0 only for the
     * simple contract, which settles nothing.
     */
    public Capitation {
        TermChecks.amount("pmpm", pmpm);
        TermChecks.count("members", members);
        if (settlementMonth != 0 || churn != null || corridor != null || stopLoss != null) {
            TermChecks.month("settlementMonth", settlementMonth, RuleTerms.MAX_SETTLEMENT_MONTH);
        }
    }

    @Override
    public String kind() {
        return "capitation";
    }

    /**
     * Books corridor and stop-loss settlements in the horizon's last month (as the engine does).
     * Used alone, the claims key is the first long of {@code rng}.
     */
    @Override
    public void accrue(PracticeYear year, Coverage covered, UniformRandomProvider rng, double[] revenueByMonth) {
        long claimsKey = rng.nextLong();
        if (corridor == null && stopLoss == null) {
            accrue(year, covered, rng, claimsKey, revenueByMonth, null);
            return;
        }
        Settlements s = new Settlements();
        accrue(year, covered, rng, claimsKey, revenueByMonth, s);
        revenueByMonth[year.horizonMonths()] += s.total();
    }

    @Override
    public void accrue(PracticeYear year, Coverage covered, UniformRandomProvider rng, long claimsKey,
                       double[] revenueByMonth, Settlements settlements) {
        final double price = price(claimsKey, covered);
        final int horizon = year.horizonMonths();
        final double[] enrolled = new double[horizon + 1];
        members(claimsKey, covered, enrolled);
        double paid = 0;
        double memberMonths = 0;
        for (int m = 1; m <= horizon; m++) {
            double pay = enrolled[m] * price;
            revenueByMonth[m] += pay;
            paid += pay;
            memberMonths += enrolled[m];
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

    private double price(long claimsKey, Coverage covered) {
        return Math.max(0, RandomInputs.draw(claimsKey, covered, PMPM, pmpm));
    }

    private double leaveRate(long claimsKey, Coverage covered) {
        return PaymentRule.clamp(RandomInputs.draw(claimsKey, covered, LEAVE_RATE, churn.leaveRate()), 0, 1);
    }

    /**
     * Fills members[1..horizon] with the enrolment of each month, each draw from its input's own
     * keyed stream: members (one draw a month, or month 1 only with churn), the leave rate, the joins
     * (one a month from month 2) and the leavers (one binomial a month from month 2).
     */
    private void members(long claimsKey, Coverage covered, double[] out) {
        final int horizon = out.length - 1;
        final ContinuousSampler enrolled = members.createSampler(RandomInputs.stream(claimsKey, covered, MEMBERS));
        if (churn == null) {
            for (int m = 1; m <= horizon; m++) {
                out[m] = Math.max(0, Math.rint(enrolled.sample()));
            }
            return;
        }
        final double leave = leaveRate(claimsKey, covered);
        final ContinuousSampler joins = churn.joinsPerMonth().createSampler(RandomInputs.stream(claimsKey, covered, JOINS));
        final UniformRandomProvider leaverRng = RandomInputs.stream(claimsKey, covered, LEAVERS);
        final ContinuousSampler gauss = ZigguratSampler.NormalizedGaussian.of(leaverRng)::sample;
        double n = Math.max(0, Math.rint(enrolled.sample()));
        for (int m = 1; m <= horizon; m++) {
            if (m > 1) {
                n = Math.max(0, n - leavers(n, leave, leaverRng, gauss) + Math.max(0, Math.rint(joins.sample())));
            }
            out[m] = n;
        }
    }

    @Override
    public List<DrawnInput> drawnInputs(List<String> caseNames) {
        List<DrawnInput> out = new ArrayList<>();
        if (RandomInputs.isRandom(pmpm)) {
            out.add(new DrawnInput("capitation.pmpm", (y, c, k) -> price(k, c)));
        }
        if (RandomInputs.isRandom(members) || churn != null) {
            out.add(new DrawnInput("capitation.members:mean", (y, c, k) -> {
                double[] enrolled = new double[y.horizonMonths() + 1];
                members(k, c, enrolled);
                double sum = 0;
                for (int m = 1; m < enrolled.length; m++) {
                    sum += enrolled[m];
                }
                return sum / y.horizonMonths();
            }));
        }
        if (churn != null && RandomInputs.isRandom(churn.leaveRate())) {
            out.add(new DrawnInput("capitation.churn.leaveRate", (y, c, k) -> leaveRate(k, c)));
        }
        return out;
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

    private double careCost(PracticeYear year, Coverage covered) {
        final int horizon = year.horizonMonths();
        final int[] coveredVisits = new int[horizon + 1];
        for (int g = 0; g < year.groupCount(); g++) {
            if (covered.covers(year.groupPayer(g))) {
                coveredVisits[year.groupMonth(g)] += year.groupVisits(g);
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

    private double stopLossPayment(PracticeYear year, Coverage covered) {
        final int[] visits = new int[year.episodeCount()];
        for (int g = 0; g < year.groupCount(); g++) {
            if (covered.covers(year.groupPayer(g))) {
                visits[year.groupEpisode(g)] += year.groupVisits(g);
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
