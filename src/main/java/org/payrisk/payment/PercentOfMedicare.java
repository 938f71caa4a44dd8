package org.payrisk.payment;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.payrisk.dist.Distribution;
import org.payrisk.dist.TrialStreams;
import org.payrisk.practice.PracticeYear;

/**
 * A contract that pays a percentage of what traditional Medicare would allow for the same claims:
 * Medicare Advantage plans (anchored to, and somewhat below, Medicare rates: Trish et al. 2017),
 * commercial contracts written as "x% of Medicare", and workers' compensation fee schedules set as a
 * factor of Medicare (kind {@code workersComp}; ../shared/DOMAIN.md, "Review, 2026-11", C). Each claim:
 * <ol>
 *   <li>is shaped as Medicare would bill it ({@link ClaimShape}: evaluation code, 8-minute rule
 *       units, one code per unit, OT assistant at {@code assistantRate});</li>
 *   <li>is reduced by the contract's MPPR variant ({@link Mppr}: Medicare's PE rule, none, or the
 *       whole-fee variant) and scaled by 1 + the conversion-factor change;</li>
 *   <li>is not paid when it is beyond the contract's visit limits ({@link VisitLimits}), and denied
 *       outright with probability {@code denialRate};</li>
 *   <li>is allowed at {@code percent} x that Medicare amount; the patient owes
 *       {@code patientShare} of it (collected at {@code patientCollectionRate}), the payer the rest.
 *       No sequestration, KX threshold, deductible or MIPS: those are traditional Medicare's.</li>
 * </ol>
 *
 * <p>Random numbers, all from the trial's claims key, never from the rule's own stream. The claim's
 * shape comes from the unkeyed claims stream exactly as {@link MedicareFeeForService} draws it (per
 * trial: the conversion-factor change and the assistant share, each from its field's stream; per
 * visit: minutes, one code per unit, the assistant), so the claims are the ones Medicare would pay.
 * The contract's own terms come from the claims key mixed with the names of the payers covered (as
 * the simple fee-for-service form), each from its field's stream: denialRate (the simple form's
 * field, so the same payers' denials coincide), percent, patientCollectionRate,
 * limits.reauthorizationDenial; per visit group, the denials from that key's denial sequences
 * ({@link Denials}, as the simple form draws them); per episode, from another stream (the keyed
 * key mixed with an episode salt) reset at episode x 64 + request: the first authorisation's size
 * (request 0), then per re-authorisation request one {@code nextDouble} for the denial and, when
 * granted, the size. Thread safe (immutable; per-trial scratch is local).
 *
 * @param kind {@code "percentOfMedicare"} or {@code "workersComp"} (the scenario's rule name)
 * @param schedule the Medicare fee schedule the percentage applies to
 * @param evaluationCode index of the evaluation code in the schedule
 * @param minutesPerVisit timed minutes of a follow-up, drawn per follow-up, or null for the
 *                        practice-year's units
 * @param codeMix weight of each schedule code in the timed units, summing to 1
 * @param assistantShare probability a follow-up is furnished by an OT assistant, drawn per trial
 * @param assistantRate share of the allowed amount for an assistant's visit (Medicare: 0.85)
 * @param conversionFactorChange relative change of Medicare's conversion factor, drawn per trial
 * @param percent the contract's allowed amount as a share of Medicare's (0.95 = 95%; a workers'
 *                compensation factor may exceed 1), drawn per trial, &gt;= 0
 * @param mppr the contract's multiple procedure reduction
 * @param mpprRate its reduction rate (0.5)
 * @param patientShare share of the allowed amount the patient owes, in [0, 1]
 * @param patientCollectionRate share of the patient's part collected, drawn per trial
 * @param denialRate probability a claim is denied, drawn per trial
 * @param limits authorisation and yearly cap, or null for none
 */
public record PercentOfMedicare(String kind, FeeSchedule schedule, int evaluationCode, Distribution minutesPerVisit,
                                double[] codeMix, Distribution assistantShare, double assistantRate,
                                Distribution conversionFactorChange, Distribution percent, Mppr mppr, double mpprRate,
                                double patientShare, Distribution patientCollectionRate, Distribution denialRate,
                                VisitLimits limits) implements EpisodeValuer {

    /** The rule's name in a scenario file. */
    public static final String KIND = "percentOfMedicare";

    /** The workers' compensation variant's name in a scenario file. */
    public static final String WORKERS_COMP = "workersComp";

    /**
     * Keys of the contract's own per-trial terms on its payer-keyed claims stream, by field name (the
     * denial rate's is the simple fee-for-service form's, so the same payers' denials coincide).
     */
    static final long DENIAL = FeeForService.DENIAL;
    static final long PERCENT = RandomInputs.fieldKey("percent");
    static final long COLLECTION = RandomInputs.fieldKey("patientCollectionRate");
    static final long REAUTHORIZATION = RandomInputs.fieldKey("limits.reauthorizationDenial");

    /** Requests per episode with their own reset point (more re-use the last). */
    static final int REQUESTS_PER_EPISODE = 64;

    /** Checks presence and ranges; copies the mix. */
    public PercentOfMedicare {
        if (!KIND.equals(kind) && !WORKERS_COMP.equals(kind)) {
            throw new IllegalArgumentException("kind: expected " + KIND + " or " + WORKERS_COMP + ", found " + kind);
        }
        Objects.requireNonNull(schedule, "schedule");
        if (minutesPerVisit != null) {
            TermChecks.upTo("minutesPerVisit", minutesPerVisit, MedicareFeeForService.MAX_MINUTES_PER_VISIT,
                    "timed minutes of a visit");
        }
        TermChecks.probability("assistantShare", assistantShare);
        MedicareFeeForService.conversionFactorChange(conversionFactorChange);
        TermChecks.amount(WORKERS_COMP.equals(kind) ? "factorOfMedicare" : "percent", percent);
        Objects.requireNonNull(mppr, "mppr");
        TermChecks.probability("patientCollectionRate", patientCollectionRate);
        TermChecks.probability("denialRate", denialRate);
        if (evaluationCode < 0 || evaluationCode >= schedule.codes().size()) {
            throw new IllegalArgumentException("evaluationCode: expected a code of the fee schedule");
        }
        if (codeMix.length != schedule.codes().size()) {
            throw new IllegalArgumentException("codeMix: expected one weight per fee schedule code");
        }
        codeMix = codeMix.clone();
        TermChecks.share("assistantRate", assistantRate);
        TermChecks.share("mpprRate", mpprRate);
        TermChecks.share("patientShare", patientShare);
    }

    @Override
    public double[] codeMix() {
        return codeMix.clone();
    }

    @Override
    public void accrueValued(PracticeYear year, Coverage covered, UniformRandomProvider rng, long claimsKey,
                             double[] revenueByMonth, double[] spendByEpisode) {
        final ClaimRandom claim = new ClaimRandom(claimsKey);
        final double cf = Math.max(0, 1 + MedicareFeeForService.term(claim, MedicareFeeForService.CF, conversionFactorChange));
        final double assistant = PaymentRule.clamp(MedicareFeeForService.term(claim, MedicareFeeForService.ASSISTANT, assistantShare), 0, 1);
        final ClaimShape shape = new ClaimShape(schedule, evaluationCode, minutesPerVisit, codeMix, assistant, assistantRate,
                claim);

        final long key = claimsKey ^ covered.key();
        final ClaimRandom own = new ClaimRandom(key);
        final double denial = PaymentRule.clamp(MedicareFeeForService.term(own, DENIAL, denialRate), 0, 1);
        final Denials denials = denial > 0 ? new Denials(key, denial) : null;
        final double pct = Math.max(0, MedicareFeeForService.term(own, PERCENT, percent));
        final double collected = PaymentRule.clamp(MedicareFeeForService.term(own, COLLECTION, patientCollectionRate), 0, 1);
        final boolean authorizes = limits != null && limits.authorizedVisits() != null;
        final int cap = limits == null ? 0 : limits.visitsPerYear();
        final double reauthDenial = authorizes
                ? PaymentRule.clamp(MedicareFeeForService.term(own, REAUTHORIZATION, limits.reauthorizationDenial()), 0, 1) : 0;
        final ClaimRandom episodes = authorizes ? new ClaimRandom(TrialStreams.mix(key ^ MedicareFeeForService.EPISODE_SALT)) : null;
        final ContinuousSampler size = authorizes ? limits.authorizedVisits().createSampler(episodes) : null;
        final double saved = limits == null || limits.delivered() ? 0 : limits.costSavedPerVisit();

        final int episodeCount = year.episodeCount();
        final int[] authorized = authorizes ? new int[episodeCount] : null;
        final int[] requests = authorizes ? new int[episodeCount] : null;
        final boolean[] blocked = authorizes ? new boolean[episodeCount] : null;
        final int[] capYear = cap > 0 ? new int[episodeCount] : null;
        final int[] capCount = cap > 0 ? new int[episodeCount] : null;
        final double payerFactor = pct * (1 - patientShare);
        final double patientFactor = pct * patientShare * collected;
        final boolean lines = mppr == Mppr.WHOLE_FEE;

        // Visit by visit in visit order, walked group by group, as the Medicare form does
        final CoveredGroups groups = new CoveredGroups(year, covered);
        for (int i = groups.from(); i < groups.to(); i++) {
            final int g = groups.group(i);
            if (g < 0) {
                continue;
            }
            final int e = year.groupEpisode(g);
            final int month = year.groupMonth(g);
            final int end = year.groupFirstVisit(g) + year.groupVisits(g);
            // which claims are denied, decided for the group as the simple form decides them (Denials)
            if (denials != null) {
                final int first = year.groupFirstFollowUp(g);
                final int followUps = year.groupFollowUps(g);
                denials.whichDenied(first, followUps, denials.deniedFollowUps(first, followUps));
            }
            for (int v = year.groupFirstVisit(g); v < end; v++) {
                final boolean evaluation = year.groupVisitIsEvaluation(g, v);
                boolean beyond = false;
                if (authorizes && !evaluation) {
                    if (requests[e] == 0) {
                        requests[e] = 1;
                        episodes.visit(e * REQUESTS_PER_EPISODE);
                        authorized[e] = count(size.sample());
                    }
                    final int followUp = year.groupVisitOrdinal(g, v) - 1;
                    while (!blocked[e] && followUp > authorized[e]) {
                        episodes.visit(e * REQUESTS_PER_EPISODE + Math.min(requests[e]++, REQUESTS_PER_EPISODE - 1));
                        if (episodes.nextDouble() < reauthDenial) {
                            blocked[e] = true;
                        } else {
                            authorized[e] += Math.max(1, count(size.sample()));
                        }
                    }
                    beyond = followUp > authorized[e];
                }
                if (!beyond && cap > 0) {
                    int calendarYear = MedicareFeeForService.calendarYear(month);
                    if (capYear[e] != calendarYear) {
                        capYear[e] = calendarYear;
                        capCount[e] = 0;
                    }
                    beyond = ++capCount[e] > cap;
                }
                if (beyond) {
                    revenueByMonth[month] += saved;
                    continue;
                }
                if (!shape.draw(year, v, evaluation, lines)) {
                    continue;
                }
                final double allowed = shape.allowed(mppr, mpprRate) * cf;
                if (denials != null && (evaluation ? denials.evaluationDenied(v) : denials.followUpDenied(v))) {
                    continue;
                }
                revenueByMonth[month] += allowed * (payerFactor + patientFactor);
                if (spendByEpisode != null) {
                    spendByEpisode[e] += allowed * pct;
                }
            }
        }
    }

    /**
     * {@inheritDoc} The per-trial terms, re-derived from the streams {@link #accrueValued} draws them
     * from: the conversion-factor change and assistant share from the unkeyed claims stream (as the
     * Medicare form), the contract's own terms from the stream keyed by the payers covered.
     */
    @Override
    public List<DrawnInput> drawnInputs(List<String> caseNames) {
        List<DrawnInput> out = new ArrayList<>();
        record(out, "conversionFactorChange", false, MedicareFeeForService.CF, conversionFactorChange, -1, Double.POSITIVE_INFINITY);
        record(out, "assistantShare", false, MedicareFeeForService.ASSISTANT, assistantShare, 0, 1);
        record(out, kind.equals(WORKERS_COMP) ? "factorOfMedicare" : "percent", true, PERCENT, percent, 0,
                Double.POSITIVE_INFINITY);
        record(out, "denialRate", true, DENIAL, denialRate, 0, 1);
        record(out, "patientCollectionRate", true, COLLECTION, patientCollectionRate, 0, 1);
        if (limits != null && limits.authorizedVisits() != null) {
            record(out, "limits.reauthorizationDenial", true, REAUTHORIZATION, limits.reauthorizationDenial(), 0, 1);
        }
        return out;
    }

    private void record(List<DrawnInput> out, String field, boolean keyed, long fieldKey, Distribution d, double lo, double hi) {
        if (RandomInputs.isRandom(d)) {
            out.add(new DrawnInput(kind + "." + field, (y, c, k) -> PaymentRule.clamp(
                    MedicareFeeForService.term(new ClaimRandom(keyed ? k ^ c.key() : k), fieldKey, d), lo, hi)));
        }
    }

    private static int count(double x) {
        return x > 0 ? (int) Math.min(Integer.MAX_VALUE / 2, Math.rint(x)) : 0;
    }
}
