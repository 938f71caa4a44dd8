package org.payrisk.practice;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AliasMethodDiscreteSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.DiscreteSampler;
import org.payrisk.dist.Binomial;
import org.payrisk.dist.Constant;
import org.payrisk.dist.Discrete;
import org.payrisk.dist.Distribution;
import org.payrisk.dist.TabulatedCountSampler;

/**
 * Simulates one practice-year from one random stream.
 *
 * <p>The rules of one trial (they are the model; the README repeats them for users):
 * <ol>
 *   <li>The cancellation rate is drawn once per trial (clamped to [0, 1]).</li>
 *   <li>For each month from 1 - warmUp to horizon, the number of new episodes is drawn with its mean
 *       multiplied by the calendar month's seasonality factor (Poisson and negative binomial scale their
 *       mean; other families scale the draw, then round at random to a neighbouring integer, which
 *       keeps the mean).</li>
 *   <li>Each new episode draws its payer, its case and its follow-up visits F. It needs
 *       1 + min(visitsPerMonth - 1, F) visits in its start month. New episodes are accepted in arrival
 *       order while the month's scheduled visits (ongoing + accepted new) fit in the capacity; from the
 *       first that does not fit, that one and the rest of the month's arrivals are refused.</li>
 *   <li>An ongoing episode schedules min(visitsPerMonth, follow-ups left) visits a month. The evaluation is
 *       always attended; the number of attended follow-ups among s scheduled is Binomial(s, 1 -
 *       cancellationRate); cancelled visits are lost, not rescheduled.</li>
 *   <li>Each attended follow-up of a counted month draws its billed units. Costs per month = fixed + per visit x attended
 *       visits (evaluations included).</li>
 * </ol>
 * Counts drawn from continuous families are rounded at random to a neighbouring integer (mean
 * preserving) and negative draws are taken as 0.
 *
 * <p>Not thread safe (it holds scratch arrays): one instance per worker thread.
 */
public final class PracticeSimulator {

    private final PracticeModel model;
    private final Distribution[] arrivalsByCalendarMonth;
    private final TabulatedCountSampler[] arrivalTables;
    private final double[] drawScaleByCalendarMonth;
    private final TabulatedCountSampler[] followUpTables;
    private final int maxVisitsPerMonth;
    private final double[] payerShares;
    private final double[] caseShares;
    private final int[] visitsPerMonthOfCase;

    private int[] active = new int[256];
    private int[] left = new int[256];
    private int[] ordinal = new int[256];

    /**
     * @param model the practice and its demand
     */
    public PracticeSimulator(PracticeModel model) {
        this.model = model;
        Demand d = model.demand();
        double[] season = d.seasonality();
        arrivalsByCalendarMonth = new Distribution[12];
        drawScaleByCalendarMonth = new double[12];
        arrivalTables = new TabulatedCountSampler[12];
        for (int c = 0; c < 12; c++) {
            Distribution scaled = d.newEpisodesPerMonth().withMeanScaledBy(season[c]);
            arrivalsByCalendarMonth[c] = scaled != null ? scaled : d.newEpisodesPerMonth();
            drawScaleByCalendarMonth[c] = scaled != null ? 1 : season[c];
            arrivalTables[c] = scaled != null ? TabulatedCountSampler.of(scaled) : null;
        }
        payerShares = d.payerShares();
        int nCases = d.cases().size();
        caseShares = new double[nCases];
        visitsPerMonthOfCase = new int[nCases];
        followUpTables = new TabulatedCountSampler[nCases];
        int max = 1;
        for (int i = 0; i < nCases; i++) {
            caseShares[i] = d.cases().get(i).share();
            visitsPerMonthOfCase[i] = d.cases().get(i).visitsPerMonth();
            followUpTables[i] = TabulatedCountSampler.of(d.cases().get(i).followUpVisits());
            max = Math.max(max, visitsPerMonthOfCase[i]);
        }
        maxVisitsPerMonth = max;
    }

    /** @return the model simulated */
    public PracticeModel model() {
        return model;
    }

    /**
     * Simulates one practice-year into {@code year}, overwriting it.
     *
     * @param rng the trial's practice stream
     * @param year the buffers to fill (its horizon must match the model's)
     */
    public void simulate(UniformRandomProvider rng, PracticeYear year) {
        final Demand d = model.demand();
        final int horizon = model.horizonMonths();
        final double capacity = model.practice().monthlyCapacity();
        final double fixedCost = model.practice().fixedCostPerMonth();
        final double visitCost = model.practice().costPerAttendedVisit();
        year.reset();

        double c = Math.min(1, Math.max(0, org.payrisk.dist.CopulaDraws.sample(d.cancellationRate(), rng)));
        year.cancellationRate = c;
        final DiscreteSampler[] attendedOf = new DiscreteSampler[maxVisitsPerMonth + 1];
        for (int s = 0; s <= maxVisitsPerMonth; s++) {
            attendedOf[s] = Binomial.discreteSampler(rng, s, 1 - c);
        }
        final DiscreteSampler[] arrivals = new DiscreteSampler[12];
        for (int k = 0; k < 12; k++) {
            if (arrivalTables[k] != null) {
                arrivals[k] = arrivalTables[k].bind(rng);
            } else {
                final ContinuousSampler draw = arrivalsByCalendarMonth[k].createSampler(rng);
                final double scale = drawScaleByCalendarMonth[k];
                arrivals[k] = () -> toCount(draw.sample() * scale, rng);
            }
        }
        final DiscreteSampler payerOf = indexSampler(rng, payerShares);
        final DiscreteSampler caseOf = indexSampler(rng, caseShares);
        final int nCases = caseShares.length;
        final DiscreteSampler[] followUpsOf = new DiscreteSampler[nCases];
        final DiscreteSampler[] unitsOf = new DiscreteSampler[nCases];
        for (int i = 0; i < nCases; i++) {
            followUpsOf[i] = followUpTables[i] != null ? followUpTables[i].bind(rng)
                    : countSampler(d.cases().get(i).followUpVisits(), rng);
            unitsOf[i] = countSampler(d.cases().get(i).unitsPerVisit(), rng);
        }

        int activeCount = 0;
        // visits the ongoing episodes schedule next month, summed while they are visited this month
        long scheduledNext = 0;
        for (int month = 1 - model.warmUpMonths(); month <= horizon; month++) {
            final boolean counted = month >= 1;
            final int cal = PracticeModel.calendarMonth(month);

            long scheduled = scheduledNext;
            scheduledNext = 0;
            final int firstNew = year.episodeCount;
            int arriving = arrivals[cal].sample();
            int accepted = 0;
            for (; accepted < arriving; accepted++) {
                int payer = payerOf.sample();
                int kase = caseOf.sample();
                int f = followUpsOf[kase].sample();
                int need = 1 + Math.min(visitsPerMonthOfCase[kase] - 1, f);
                if (scheduled + need > capacity) {
                    break;
                }
                scheduled += need;
                int e = year.addEpisode(month, payer, kase, f);
                if (counted) {
                    year.episodesByCase[kase]++;
                    year.followUpsByCase[kase] += f;
                }
                ensureEpisodeScratch(e + 1, activeCount + 1);
                left[e] = f;
                ordinal[e] = 0;
                active[activeCount++] = e;
            }

            int attendedThisMonth = 0;
            long unitsThisMonth = 0;
            int keep = 0;
            for (int a = 0; a < activeCount; a++) {
                final int e = active[a];
                final int kase = year.episodeCase[e];
                int s;
                if (e >= firstNew) {
                    ordinal[e] = 1;
                    attendedThisMonth++;
                    if (counted) {
                        year.addVisit(month, e, 0, 1);
                    }
                    s = Math.min(visitsPerMonthOfCase[kase] - 1, left[e]);
                } else {
                    s = Math.min(visitsPerMonthOfCase[kase], left[e]);
                }
                left[e] -= s;
                final int attended = attendedOf[s].sample();
                attendedThisMonth += attended;
                final DiscreteSampler units = unitsOf[kase];
                if (counted) {
                    long episodeUnits = 0;
                    for (int k = 0; k < attended; k++) {
                        int u = units.sample();
                        year.addVisit(month, e, u, ++ordinal[e]);
                        episodeUnits += u;
                    }
                    unitsThisMonth += episodeUnits;
                    year.attendedFollowUpsByCase[kase] += attended;
                    year.followUpUnitsByCase[kase] += episodeUnits;
                } else {
                    ordinal[e] += attended; // warm-up visits are not billed inside the horizon: no units drawn
                }
                if (left[e] > 0) {
                    active[keep++] = e;
                    scheduledNext += Math.min(visitsPerMonthOfCase[kase], left[e]);
                }
            }
            activeCount = keep;

            if (counted) {
                year.attendedByMonth[month] = attendedThisMonth;
                year.newEpisodesByMonth[month] = accepted;
                year.refusedByMonth[month] = arriving - accepted;
                year.unitsByMonth[month] = unitsThisMonth;
                year.costsByMonth[month] = fixedCost + visitCost * attendedThisMonth;
            }
        }
    }

    /** The month arrival samplers of one trial, by calendar month, bound to {@code rng} (no draw). */
    DiscreteSampler[] arrivalSamplers(UniformRandomProvider rng) {
        final DiscreteSampler[] arrivals = new DiscreteSampler[12];
        for (int k = 0; k < 12; k++) {
            if (arrivalTables[k] != null) {
                arrivals[k] = arrivalTables[k].bind(rng);
            } else {
                final ContinuousSampler draw = arrivalsByCalendarMonth[k].createSampler(rng);
                final double scale = drawScaleByCalendarMonth[k];
                arrivals[k] = () -> toCount(draw.sample() * scale, rng);
            }
        }
        return arrivals;
    }

    /** The follow-up samplers of one trial, by case, bound to {@code rng} (no draw). */
    DiscreteSampler[] followUpSamplers(UniformRandomProvider rng) {
        final DiscreteSampler[] out = new DiscreteSampler[caseShares.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = followUpTables[i] != null ? followUpTables[i].bind(rng)
                    : countSampler(model.demand().cases().get(i).followUpVisits(), rng);
        }
        return out;
    }

    /** @return case shares by case index (shared, not copied: callers only read) */
    double[] caseShares() {
        return caseShares;
    }

    /** @return visits per month by case index (shared, not copied: callers only read) */
    int[] visitsPerMonthOfCase() {
        return visitsPerMonthOfCase;
    }

    private void ensureEpisodeScratch(int episodes, int activeNeeded) {
        if (episodes > left.length) {
            int n = Math.max(episodes, left.length * 2);
            left = Arrays.copyOf(left, n);
            ordinal = Arrays.copyOf(ordinal, n);
        }
        if (activeNeeded > active.length) {
            active = Arrays.copyOf(active, Math.max(activeNeeded, active.length * 2));
        }
    }

    /**
     * A count sampler for the per-visit hot path: integer constants and integer discrete laws are
     * drawn as ints directly (one alias-table draw, no double conversion); other families go through
     * {@link #toCount}.
     */
    static DiscreteSampler countSampler(Distribution d, UniformRandomProvider rng) {
        if (d instanceof Constant c && c.isIntegerValued() && c.value() >= 0) {
            final int v = (int) c.value();
            return () -> v;
        }
        if (d instanceof Discrete disc && disc.isIntegerValued() && disc.supportMin() >= 0) {
            final double[] dv = disc.values();
            final int[] values = new int[dv.length];
            for (int i = 0; i < dv.length; i++) {
                values[i] = (int) Math.max(0, Math.min(Integer.MAX_VALUE, dv[i]));
            }
            final DiscreteSampler index = disc.createIndexSampler(rng);
            return () -> values[index.sample()];
        }
        final ContinuousSampler s = d.createSampler(rng);
        return () -> toCount(s.sample(), rng);
    }

    static DiscreteSampler indexSampler(UniformRandomProvider rng, double[] shares) {
        if (shares.length == 1) {
            return () -> 0;
        }
        return AliasMethodDiscreteSampler.of(rng, shares);
    }

    /**
     * A draw as a count: integers pass unchanged (no RNG call); other values are rounded at random to
     * a neighbouring integer with the probabilities that keep the mean; negative values become 0.
     *
     * @param x a draw
     * @param rng generator for the rounding
     * @return a count
     */
    static int toCount(double x, UniformRandomProvider rng) {
        if (!(x > 0)) {
            return 0;
        }
        double floor = Math.floor(x);
        if (floor >= Integer.MAX_VALUE) {
            return Integer.MAX_VALUE;
        }
        int n = (int) floor;
        double frac = x - floor;
        return frac > 0 && rng.nextDouble() < frac ? n + 1 : n;
    }
}
