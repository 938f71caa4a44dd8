package org.payrisk.payment;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.payrisk.dist.Constant;
import org.payrisk.dist.CopulaDraws;
import org.payrisk.dist.Distribution;
import org.payrisk.dist.TrialStreams;
import org.payrisk.practice.PracticeYear;

/**
 * Medicare Physician Fee Schedule payment of outpatient therapy, claim by claim (docs/payment-rules.md
 * has the rules in plain words and their sources):
 * <ol>
 *   <li>An evaluation is one untimed unit of {@code evaluationCode}. A follow-up's timed minutes are
 *       drawn from {@code minutesPerVisit} (rounded to whole minutes) and become units by the
 *       {@link EightMinuteRule}; without {@code minutesPerVisit} the practice-year's billed units are
 *       used. Each unit's code is drawn from {@code codeMix}.</li>
 *   <li>MPPR: the unit with the highest practice-expense (PE) part is paid in full, every other unit
 *       of the visit loses {@code mpprRate} of its PE part ({@link FeeSchedule#mppr}).</li>
 *   <li>The allowed amount is scaled by 1 + the conversion-factor change; a follow-up furnished by an
 *       OT assistant (probability {@code assistantShare}) is allowed at {@code assistantRate}.</li>
 *   <li>A claim is denied outright with probability {@code denialRate}. Allowed amounts of paid
 *       claims add up per episode and calendar year (months 1-12, 13-24, ...): a claim that takes the
 *       total above the KX threshold is paid only when medical necessity is documented; above the
 *       review threshold a claim is reviewed with probability {@code reviewProbability} and then
 *       loses {@code reviewTakeBack} of the payer's payment.</li>
 *   <li>Part B deductible (optional): the first allowed dollars of each patient's calendar year,
 *       up to {@code deductible.amount}, are the patient's to pay. A drawn share of patients has
 *       already met it elsewhere in the calendar year their episode starts (an assumption); a later
 *       calendar year of the same episode starts with the whole deductible due.</li>
 *   <li>The payer pays {@code payerShare} of the allowed amount above the deductible, less
 *       sequestration, times 1 + the MIPS adjustment (drawn directly, or as a final score mapped by
 *       {@link MipsScale}); the patient owes the rest, of which {@code patientCollectionRate} is
 *       collected.</li>
 * </ol>
 *
 * <p>Random numbers come from a {@link ClaimRandom} built on the trial's claims key, which is the
 * same in every payment model, never from the stream passed to the rule: per trial, each term from the
 * stream of its field name, without the payers ({@link ClaimRandom#draw}; conversionFactorChange, mipsAdjustment clamped to +/-{@value #MIPS_LIMIT}, assistantShare,
 * denialRate, patientCollectionRate, then the KX terms medicalNecessityDocumented, reviewProbability,
 * reviewTakeBack), since they are facts of the practice's year (its MIPS score, its denial rate, the
 * conversion factor) that every model should share; per claim, from the stream reset for the visit:
 * for a follow-up the minutes draw (when given), one code draw per unit and one {@code nextDouble}
 * for the assistant; then, for every claim, three {@code nextDouble}s for the denial, the KX
 * documentation and the review, used only where they apply. Evaluations skip the minutes,
 * codes and assistant draws. Per episode, from a second stream keyed by the claims key and the
 * episode's index (the same in every model): one {@code nextDouble} for "deductible already met"
 * (when there is a deductible), then the KX {@code spentElsewhere} draw (when there is a KX term),
 * both made for every episode that has a claim in its start year. Thread safe (immutable; per-trial scratch is local).
 *
 * @param schedule the fee schedule
 * @param evaluationCode index of the evaluation code in the schedule
 * @param minutesPerVisit timed minutes of a follow-up, drawn per follow-up, or null to use the
 *                        practice-year's units
 * @param codeMix weight of each schedule code in the timed units (0 for codes not in the mix),
 *                summing to 1
 * @param assistantShare probability that a follow-up is furnished by an OT assistant (CO modifier),
 *                       drawn per trial
 * @param assistantRate share of the allowed amount paid for an assistant's visit, e.g. 0.85
 * @param mpprRate PE reduction of units after the first, e.g. {@link FeeSchedule#MPPR_RATE}
 * @param payerShare share of the allowed amount the payer pays (0.8 for Medicare Part B)
 * @param sequestration cut of the payer's part, e.g. 0.02
 * @param patientCollectionRate share of the patient's coinsurance collected, drawn per trial
 * @param denialRate probability a claim is denied, drawn per trial
 * @param conversionFactorChange relative change of the conversion factor (e.g. -0.025), drawn per trial
 * @param mipsAdjustment MIPS payment adjustment (e.g. -0.04), drawn per trial, clamped to +/-0.09
 * @param kx KX threshold and targeted review terms, or null for none
 * @param mipsScore MIPS final score in points, drawn per trial and mapped by {@link MipsScale}, or
 *                  null to draw {@code mipsAdjustment} directly
 * @param deductible the Part B deductible, or null for none
 */
public record MedicareFeeForService(FeeSchedule schedule, int evaluationCode, Distribution minutesPerVisit,
                                    double[] codeMix, Distribution assistantShare, double assistantRate,
                                    double mpprRate, double payerShare, double sequestration,
                                    Distribution patientCollectionRate, Distribution denialRate,
                                    Distribution conversionFactorChange, Distribution mipsAdjustment, Kx kx,
                                    Distribution mipsScore, Deductible deductible)
        implements EpisodeValuer {

    /** Largest MIPS payment adjustment, either way (+/-9%, 42 CFR 414.1405). */
    public static final double MIPS_LIMIT = 0.09;

    /** Largest MIPS final score, points. */
    public static final double MIPS_SCORE_MAX = 100;

    /** Largest timed minutes of one visit: the rule prices a visit unit by unit, and a visit lasts at most a day. */
    public static final double MAX_MINUTES_PER_VISIT = 1440;

    /**
     * Keys of the per-trial terms on the unkeyed claims stream, by field name (the conversion-factor
     * change and assistant share are shared with {@link PercentOfMedicare}, so both forms see the same
     * year).
     */
    static final long CF = RandomInputs.fieldKey("conversionFactorChange");
    static final long MIPS = RandomInputs.fieldKey("mips");
    static final long ASSISTANT = RandomInputs.fieldKey("assistantShare");
    private static final long DENIAL = RandomInputs.fieldKey("denialRate");
    private static final long COLLECTION = RandomInputs.fieldKey("patientCollectionRate");
    private static final long KX_DOCUMENTED = RandomInputs.fieldKey("kx.medicalNecessityDocumented");
    private static final long KX_REVIEW = RandomInputs.fieldKey("kx.reviewProbability");
    private static final long KX_TAKE_BACK = RandomInputs.fieldKey("kx.reviewTakeBack");
    private static final long ALREADY_MET = RandomInputs.fieldKey("deductible.alreadyMet");

    /** Mixed into the claims key for the per-episode stream (deductible and spending elsewhere). */
    static final long EPISODE_SALT = 0x3E9150DE5A17L;

    /**
     * The KX threshold per beneficiary per calendar year and the targeted medical review above it.
     *
     * @param threshold allowed dollars per episode and calendar year above which claims need the KX
     *                  modifier, &gt;= 0 (2026: $2,480)
     * @param medicalNecessityDocumented probability a claim above the threshold is documented and paid,
     *                                   drawn per trial
     * @param reviewThreshold allowed dollars per episode and calendar year above which claims may be
     *                        reviewed ($3,000), &gt;= 0
     * @param reviewProbability probability that a claim above the review threshold is reviewed, drawn
     *                          per trial
     * @param reviewTakeBack share of a reviewed claim's payer payment taken back, drawn per trial
     * @param spentElsewhere OT allowed dollars the patient already had at other providers in the
     *                       calendar year the episode starts (the threshold counts all providers),
     *                       drawn per episode, &gt;= 0; an assumption (default 0)
     */
    public record Kx(double threshold, Distribution medicalNecessityDocumented, double reviewThreshold,
                     Distribution reviewProbability, Distribution reviewTakeBack, Distribution spentElsewhere) {

        /** Checks presence and ranges. */
        public Kx {
            TermChecks.amount("threshold", threshold);
            TermChecks.probability("medicalNecessityDocumented", medicalNecessityDocumented);
            TermChecks.amount("reviewThreshold", reviewThreshold);
            TermChecks.probability("reviewProbability", reviewProbability);
            TermChecks.probability("reviewTakeBack", reviewTakeBack);
            TermChecks.amount("spentElsewhere", spentElsewhere);
        }

        /** KX terms with nothing spent elsewhere. */
        public Kx(double threshold, Distribution medicalNecessityDocumented, double reviewThreshold,
                  Distribution reviewProbability, Distribution reviewTakeBack) {
            this(threshold, medicalNecessityDocumented, reviewThreshold, reviewProbability, reviewTakeBack, Constant.of(0));
        }
    }

    /**
     * The Part B deductible: the first allowed dollars of a patient's calendar year are the patient's
     * (collected at the patient collection rate).
     *
     * @param amount dollars per calendar year, &gt;= 0 ($257 in 2025, $283 in 2026)
     * @param alreadyMet share of patients who already met it elsewhere in the calendar year their
     *                   episode starts, drawn per trial, in [0, 1]; an assumption
     */
    public record Deductible(double amount, Distribution alreadyMet) {

        /** Checks presence and range. */
        public Deductible {
            TermChecks.probability("alreadyMet", alreadyMet);
            TermChecks.amount("amount", amount);
        }
    }

    /** Checks presence and ranges; copies the mix. */
    public MedicareFeeForService {
        Objects.requireNonNull(schedule, "schedule");
        if (minutesPerVisit != null) {
            TermChecks.upTo("minutesPerVisit", minutesPerVisit, MAX_MINUTES_PER_VISIT, "timed minutes of a visit");
        }
        TermChecks.probability("assistantShare", assistantShare);
        TermChecks.probability("patientCollectionRate", patientCollectionRate);
        TermChecks.probability("denialRate", denialRate);
        conversionFactorChange(conversionFactorChange);
        TermChecks.within("mipsAdjustment", mipsAdjustment, -MIPS_LIMIT, MIPS_LIMIT, "a MIPS payment adjustment");
        if (mipsScore != null) {
            TermChecks.upTo("finalScore", mipsScore, MIPS_SCORE_MAX, "a MIPS final score in points");
            TermChecks.within("finalScore", mipsScore, Double.NEGATIVE_INFINITY, MIPS_SCORE_MAX, "a MIPS final score in points");
        }
        if (evaluationCode < 0 || evaluationCode >= schedule.codes().size()) {
            throw new IllegalArgumentException("evaluationCode: expected a code of the fee schedule");
        }
        if (codeMix.length != schedule.codes().size()) {
            throw new IllegalArgumentException("codeMix: expected one weight per fee schedule code");
        }
        codeMix = codeMix.clone();
        probability("assistantRate", assistantRate);
        probability("mpprRate", mpprRate);
        probability("payerShare", payerShare);
        probability("sequestration", sequestration);
    }

    /** The form without a MIPS score or deductible (the MIPS adjustment drawn directly). */
    public MedicareFeeForService(FeeSchedule schedule, int evaluationCode, Distribution minutesPerVisit,
                                 double[] codeMix, Distribution assistantShare, double assistantRate,
                                 double mpprRate, double payerShare, double sequestration,
                                 Distribution patientCollectionRate, Distribution denialRate,
                                 Distribution conversionFactorChange, Distribution mipsAdjustment, Kx kx) {
        this(schedule, evaluationCode, minutesPerVisit, codeMix, assistantShare, assistantRate, mpprRate, payerShare,
                sequestration, patientCollectionRate, denialRate, conversionFactorChange, mipsAdjustment, kx, null, null);
    }

    /**
     * Refuses a conversion-factor change that could draw below -1 (a negative price) or above 1 (more
     * than doubling): both forms of Medicare pricing share this bound.
     */
    static Distribution conversionFactorChange(Distribution d) {
        return TermChecks.within("conversionFactorChange", d, -1, 1, "a relative change of the conversion factor");
    }

    private static void probability(String name, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(name + ": expected a share in [0, 1], found " + v);
        }
    }

    @Override
    public double[] codeMix() {
        return codeMix.clone();
    }

    @Override
    public String kind() {
        return "feeForService";
    }

    @Override
    public void accrueValued(PracticeYear year, Coverage covered, UniformRandomProvider rng, long claimsKey,
                             double[] revenueByMonth, double[] spendByEpisode) {
        final ClaimRandom claim = new ClaimRandom(claimsKey);
        final double cf = 1 + term(claim, CF, conversionFactorChange);
        final double mips = mipsScore != null ? MipsScale.adjustment2026(term(claim, MIPS, mipsScore))
                : PaymentRule.clamp(term(claim, MIPS, mipsAdjustment), -MIPS_LIMIT, MIPS_LIMIT);
        final double assistant = PaymentRule.clamp(term(claim, ASSISTANT, assistantShare), 0, 1);
        final double denial = PaymentRule.clamp(term(claim, DENIAL, denialRate), 0, 1);
        final double collected = PaymentRule.clamp(term(claim, COLLECTION, patientCollectionRate), 0, 1);
        double documented = 1;
        double reviewed = 0;
        double takeBack = 0;
        if (kx != null) {
            documented = PaymentRule.clamp(term(claim, KX_DOCUMENTED, kx.medicalNecessityDocumented()), 0, 1);
            reviewed = PaymentRule.clamp(term(claim, KX_REVIEW, kx.reviewProbability()), 0, 1);
            takeBack = PaymentRule.clamp(term(claim, KX_TAKE_BACK, kx.reviewTakeBack()), 0, 1);
        }
        final double alreadyMet = deductible == null ? 0 : PaymentRule.clamp(term(claim, ALREADY_MET, deductible.alreadyMet()), 0, 1);
        final ClaimShape shape = new ClaimShape(schedule, evaluationCode, minutesPerVisit, codeMix, assistant, assistantRate,
                claim);
        final ClaimRandom episodes = kx != null || deductible != null
                ? new ClaimRandom(TrialStreams.mix(claimsKey ^ EPISODE_SALT)) : null;
        final ContinuousSampler elsewhere = kx == null ? null : kx.spentElsewhere().createSampler(episodes);

        final double payerFactor = payerShare * (1 - sequestration) * (1 + mips);
        final double patientFactor = (1 - payerShare) * collected;
        final double cfFactor = Math.max(0, cf);
        final int episodeCount = year.episodeCount();
        final boolean perYear = kx != null || deductible != null;
        final double[] running = perYear ? new double[episodeCount] : null;
        final double[] deductibleLeft = perYear ? new double[episodeCount] : null;
        final int[] runningYear = perYear ? new int[episodeCount] : null;

        // Visit by visit in visit order, walked group by group (a group is one episode's visits of a
        // month, numbered from its first visit)
        final CoveredGroups groups = new CoveredGroups(year, covered);
        for (int i = groups.from(); i < groups.to(); i++) {
            final int g = groups.group(i);
            if (g < 0) {
                continue;
            }
            final int e = year.groupEpisode(g);
            final int month = year.groupMonth(g);
            final int end = year.groupFirstVisit(g) + year.groupVisits(g);
            for (int v = year.groupFirstVisit(g); v < end; v++) {
                if (!shape.draw(year, v, year.groupVisitIsEvaluation(g, v), false)) {
                    continue;
                }
                final double allowed = shape.allowed(Mppr.PRACTICE_EXPENSE, mpprRate) * cfFactor;
                final double uDenial = claim.nextDouble();
                final double uDocumented = claim.nextDouble();
                final double uReview = claim.nextDouble();
                if (uDenial < denial) {
                    continue;
                }
                double cut = 1;
                double owed = 0;
                if (perYear) {
                    int calendarYear = calendarYear(month);
                    if (runningYear[e] != calendarYear) {
                        runningYear[e] = calendarYear;
                        running[e] = 0;
                        deductibleLeft[e] = deductible == null ? 0 : deductible.amount();
                        if (calendarYear == calendarYear(year.episodeStart(e))) {
                            episodes.visit(e);
                            if (deductible != null && episodes.nextDouble() < alreadyMet) {
                                deductibleLeft[e] = 0;
                            }
                            if (elsewhere != null) {
                                running[e] = Math.max(0, elsewhere.sample());
                            }
                        }
                    }
                    if (kx != null) {
                        double after = running[e] + allowed;
                        if (after > kx.threshold() && !(uDocumented < documented)) {
                            continue;
                        }
                        running[e] = after;
                        if (after > kx.reviewThreshold() && uReview < reviewed) {
                            cut = 1 - takeBack;
                        }
                    }
                    owed = Math.min(deductibleLeft[e], allowed);
                    deductibleLeft[e] -= owed;
                }
                final double payer;
                final double patient;
                if (owed > 0) {
                    double rest = allowed - owed;
                    payer = rest * payerFactor * cut;
                    patient = (owed + rest * (1 - payerShare)) * collected;
                } else {
                    payer = cut == 1 ? allowed * payerFactor : allowed * payerFactor * cut;
                    patient = allowed * patientFactor;
                }
                revenueByMonth[month] += payer + patient;
                if (spendByEpisode != null) {
                    spendByEpisode[e] += allowed;
                }
            }
        }
    }

    /**
     * @param month a month of the horizon's count (month 1 = January of the first year; warm-up
     *              months are 0 and below)
     * @return its calendar year: 1 for months 1-12, 2 for 13-24, 0 for the warm-up's year, ...
     */
    static int calendarYear(int month) {
        return Math.floorDiv(month - 1, 12) + 1;
    }

    @Override
    public List<DrawnInput> drawnInputs(List<String> caseNames) {
        List<DrawnInput> out = new ArrayList<>();
        term(out, "conversionFactorChange", CF, conversionFactorChange, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        if (mipsScore != null) {
            term(out, "mips.finalScore", MIPS, mipsScore, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        } else {
            term(out, "mipsAdjustment", MIPS, mipsAdjustment, -MIPS_LIMIT, MIPS_LIMIT);
        }
        term(out, "assistantShare", ASSISTANT, assistantShare, 0, 1);
        term(out, "denialRate", DENIAL, denialRate, 0, 1);
        term(out, "patientCollectionRate", COLLECTION, patientCollectionRate, 0, 1);
        if (kx != null) {
            term(out, "kx.medicalNecessityDocumented", KX_DOCUMENTED, kx.medicalNecessityDocumented(), 0, 1);
            term(out, "kx.reviewProbability", KX_REVIEW, kx.reviewProbability(), 0, 1);
            term(out, "kx.reviewTakeBack", KX_TAKE_BACK, kx.reviewTakeBack(), 0, 1);
        }
        if (deductible != null) {
            term(out, "deductible.alreadyMet", ALREADY_MET, deductible.alreadyMet(), 0, 1);
        }
        return out;
    }

    /** Records a per-trial term as {@link #accrueValued} uses it: the same stream, the same clamp. */
    private static void term(List<DrawnInput> out, String field, long fieldKey, Distribution d, double lo, double hi) {
        if (RandomInputs.isRandom(d)) {
            out.add(new DrawnInput("feeForService." + field,
                    (y, c, k) -> PaymentRule.clamp(term(new ClaimRandom(k), fieldKey, d), lo, hi)));
        }
    }

    /** One per-trial term, drawn from its field's own stream of the claims key (or its copula value). */
    static double term(ClaimRandom claim, long fieldKey, Distribution d) {
        claim.term(fieldKey);
        return CopulaDraws.sample(d, claim);
    }
}
