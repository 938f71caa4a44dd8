package org.payrisk.payment;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.payrisk.dist.Distribution;
import org.payrisk.practice.PracticeYear;

/**
 * Fee-for-service: a price per evaluation plus a price per billed unit of each attended follow-up.
 * Each attended visit's claim is denied (never paid) with probability {@code denialRate}, independently
 * of the others.
 *
 * <p>Common random numbers down to the claim: the per-trial terms (evaluation price, unit price,
 * denial rate, each from the stream of its field: {@code evaluation}, {@code perUnit},
 * {@code denialRate}, the last shared with {@link PercentOfMedicare}) come from the trial's claims
 * stream ({@link ClaimRandom}) keyed by the names of the payers the contract covers
 * ({@link Coverage#key}), never from the stream passed to the rule, and so do the denial draws. The
 * denials are decided from that key's denial sequences, group by group ({@link Denials}: the
 * evaluation's own draw, then one draw for how many follow-ups are denied), as in
 * {@link PercentOfMedicare}, so the same payers' denials coincide across the two forms.
 * So two models whose contracts cover the same payers with the same terms pay
 * exactly the same claims in every trial (an episode program's fee-for-service part included), and
 * their paired difference shows the payment terms alone. With a denial rate of 0 no denial draw
 * is made.
 *
 * <p>The contract reads the year's visit groups (an episode's visits of one month, with their units
 * sum): without denials a group pays its evaluation and its units sum. With denials, a group pays its
 * evaluation if not denied plus the units of its paid follow-ups: where visits carry their own units
 * (the responsive path), those of the follow-ups {@link Denials} names as paid, and where the year
 * holds only sums ({@link PracticeYear#unitsBySum}), the units of as many follow-ups as were paid, drawn
 * given the group's sum ({@link PracticeYear#splitUnits}, the first draw of the keyed stream reset
 * for the group's last visit): exact in distribution, since denials do not depend on units and a group's
 * follow-ups' units are exchangeable.
 *
 * @param evaluation dollars per evaluation, drawn once per trial, &gt;= 0
 * @param perUnit dollars per billed 15-minute unit, drawn once per trial, &gt;= 0
 * @param denialRate probability a claim is denied, drawn once per trial, in [0, 1]
 */
public record FeeForService(Distribution evaluation, Distribution perUnit, Distribution denialRate)
        implements EpisodeValuer {

    private static final long EVALUATION = RandomInputs.fieldKey("evaluation");
    private static final long PER_UNIT = RandomInputs.fieldKey("perUnit");
    /** Key of a contract's denial rate on its payer-keyed claims stream (shared with percentOfMedicare). */
    static final long DENIAL = RandomInputs.fieldKey("denialRate");

    /** Checks presence and ranges ({@link TermChecks}), so a contract built in code is checked like one read. */
    public FeeForService {
        TermChecks.amount("evaluation", evaluation);
        TermChecks.amount("perUnit", perUnit);
        TermChecks.probability("denialRate", denialRate);
    }

    @Override
    public String kind() {
        return "feeForService";
    }

    /**
     * {@inheritDoc} A claim's allowed amount is the price paid for it (this simple form has no
     * patient share). The {@code rng} passed in is not used: see the class comment.
     */
    @Override
    public void accrueValued(PracticeYear year, Coverage covered, UniformRandomProvider rng, long claimsKey,
                             double[] revenueByMonth, double[] spendByEpisode) {
        final long key = claimsKey ^ covered.key();
        final double evalPrice = Math.max(0, ClaimRandom.draw(key, EVALUATION, evaluation));
        final double unitPrice = Math.max(0, ClaimRandom.draw(key, PER_UNIT, perUnit));
        final double denial = PaymentRule.clamp(ClaimRandom.draw(key, DENIAL, denialRate), 0, 1);
        final Denials denials = denial > 0 ? new Denials(key, denial) : null;
        final boolean bySum = year.unitsBySum();
        final ClaimRandom claim = denials != null && bySum ? new ClaimRandom(key) : null; // for the paid units' split
        final CoveredGroups groups = new CoveredGroups(year, covered);
        // Groups come in month order: sum a month in a register and add it once.
        int month = 0; // none yet: months are 1..horizon
        double monthSum = 0;
        for (int i = groups.from(); i < groups.to(); i++) {
            final int g = groups.group(i);
            if (g < 0) {
                continue;
            }
            final int m = year.groupMonth(g);
            if (m != month) {
                if (month > 0) {
                    revenueByMonth[month] += monthSum;
                }
                month = m;
                monthSum = 0;
            }
            double pay;
            if (denials == null) {
                pay = (year.groupHasEvaluation(g) ? evalPrice : 0) + unitPrice * year.groupUnits(g);
            } else {
                // the evaluation is the group's first visit when it has one; then come its follow-ups
                final int first = year.groupFirstFollowUp(g);
                final boolean evaluationPaid = year.groupHasEvaluation(g) && !denials.evaluationDenied(first - 1);
                final int followUps = year.groupFollowUps(g);
                final int denied = denials.deniedFollowUps(first, followUps);
                int units = year.groupUnits(g);
                if (denied > 0) {
                    if (bySum) {
                        // with sums only, the paid follow-ups' units are drawn given the group's sum, from
                        // the contract key's stream at the group's last visit: a draw of this group alone,
                        // apart from the draws that decide how many are paid (Denials' own sequences)
                        claim.visit(first + followUps - 1);
                        units = year.splitUnits(g, followUps - denied, claim.nextDouble());
                    } else {
                        // visits carry their own units: add up those of the paid follow-ups
                        denials.whichDenied(first, followUps, denied);
                        units = 0;
                        for (int v = first; v < first + followUps; v++) {
                            if (!denials.followUpDenied(v)) {
                                units += year.visitUnits(v);
                            }
                        }
                    }
                }
                pay = (evaluationPaid ? evalPrice : 0) + unitPrice * units;
            }
            monthSum += pay;
            if (spendByEpisode != null) {
                spendByEpisode[year.groupEpisode(g)] += pay;
            }
        }
        if (month > 0) {
            revenueByMonth[month] += monthSum;
        }
    }

    @Override
    public List<DrawnInput> drawnInputs(List<String> caseNames) {
        List<DrawnInput> out = new ArrayList<>();
        if (RandomInputs.isRandom(evaluation)) {
            out.add(new DrawnInput("feeForService.evaluation",
                    (y, c, k) -> Math.max(0, ClaimRandom.draw(k ^ c.key(), EVALUATION, evaluation))));
        }
        if (RandomInputs.isRandom(perUnit)) {
            out.add(new DrawnInput("feeForService.perUnit", (y, c, k) -> Math.max(0, ClaimRandom.draw(k ^ c.key(), PER_UNIT, perUnit))));
        }
        if (RandomInputs.isRandom(denialRate)) {
            out.add(new DrawnInput("feeForService.denialRate",
                    (y, c, k) -> PaymentRule.clamp(ClaimRandom.draw(k ^ c.key(), DENIAL, denialRate), 0, 1)));
        }
        return out;
    }
}
