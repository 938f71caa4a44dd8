package org.payrisk.practice;

import java.util.Arrays;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AliasMethodDiscreteSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.DiscreteSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;
import org.payrisk.dist.Constant;
import org.payrisk.dist.CopulaDraws;
import org.payrisk.dist.Discrete;
import org.payrisk.dist.Distribution;
import org.payrisk.dist.SmallBinomials;
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
 *   <li>Each attended follow-up of a counted month bills units drawn independently from its case's
 *       law. When every case's law is a small integer table, an episode's k attended follow-ups of a
 *       month draw their units sum in one step from the k-fold convolution ({@link UnitsLaw}: exact in
 *       distribution), and a reader that needs single visits' units draws them given that sum
 *       ({@link PracticeYear#visitUnits}). Costs per month = fixed + per visit x attended
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
    private final double[] caseShares;
    private final int[] visitsPerMonthOfCase;
    /** Payer and case of a new episode: alias tables built once, bound once per generator (see {@link #bind}). */
    private final SharedIndex payerIndex;
    private final SharedIndex caseIndex;
    /** Per case, its units law tabulated for sums, or null when it cannot be (see {@link #bySum}). */
    private final UnitsLaw[] unitsLaws;
    /** Whether episode-months draw their follow-ups' units sum in one step: when every case's law is tabulated. */
    private final boolean bySum;
    /** The trial's attendance: cancelled follow-ups among s scheduled are Binomial(s, cancellation rate). */
    private final SmallBinomials cancelled;

    /**
     * Whether the samplers of new episodes may be kept bound to a generator from trial to trial: when
     * every one is an alias table (every arrival law and follow-up law tabulated), which keeps no state
     * between draws, so drawing through samplers bound before to a generator that is then set to the
     * next trial's stream ({@link org.payrisk.dist.TrialStreams#stream(long, int, org.payrisk.dist.TrialStreams.Reseedable)})
     * gives exactly the numbers that binding new ones would (the generator's only other state, its
     * cached bits, is cleared when it is set). An allow-list: other samplers are not known to keep no
     * state, so they are bound anew each trial. Binding them anew made about 1.1 KB of objects a trial
     * in the shipped scenario (about 40% of its per-trial garbage).
     */
    private final boolean keepsBound;
    /** The samplers last bound, kept when {@link #keepsBound}. */
    private Bound lastBound;

    private int[] active = new int[256];
    private int[] left = new int[256];
    private int[] ordinal = new int[256];

    /**
     * @param model the practice and its demand
     */
    public PracticeSimulator(PracticeModel model) {
        this(model, true);
    }

    /**
     * @param model the practice and its demand
     * @param unitsBySum false to draw every follow-up's units on its own even where the case's law is
     *        tabulated ({@link UnitsLaw}): the reference path that tests compare the sum path with
     */
    public PracticeSimulator(PracticeModel model, boolean unitsBySum) {
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
        payerIndex = new SharedIndex(d.payerShares());
        caseIndex = new SharedIndex(caseShares);
        unitsLaws = new UnitsLaw[nCases];
        boolean all = true;
        for (int i = 0; i < nCases; i++) {
            unitsLaws[i] = UnitsLaw.of(d.cases().get(i).unitsPerVisit(), visitsPerMonthOfCase[i]);
            all &= unitsLaws[i] != null;
        }
        bySum = unitsBySum && all;
        keepsBound = Arrays.stream(arrivalTables).allMatch(Objects::nonNull)
                && Arrays.stream(followUpTables).allMatch(Objects::nonNull);
        cancelled = new SmallBinomials(maxVisitsPerMonth);
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
        year.reset();
        double c = Math.min(1, Math.max(0, CopulaDraws.sample(model.demand().cancellationRate(), rng)));
        year.cancellationRate = c;
        months(rng, year, cancelled.set(c), bind(rng), bySum ? null : unitsSamplers(rng));
        if (bySum) {
            year.unitsBySum(unitsLaws, rng.nextLong());
        }
    }

    /**
     * The months of one practice-year, after {@link #simulate}'s once-a-trial set-up (the trial's
     * attendance table, its samplers, and for the per-visit path its units samplers: {@code unitsOf},
     * null when units are drawn by sum).
     *
     * <p>Kept apart from that set-up so that the JIT compiles this loop, the hot part of a trial, on
     * its own: at about 700 bytes of bytecode it is above the 325 up to which HotSpot's C2 inlines a
     * hot call ({@code -XX:FreqInlineSize}), so C2 compiles it without the set-up's loops (the year's
     * resets, the binomial table, the cancellation rate's sampler), which run once a trial, and its
     * compiled code is ready sooner while the workers wait in slower code (docs/performance.md, step
     * 23). Were this method ever cut below 325 bytes ({@code javap -c}), C2 would inline it again and
     * that gain would go; {@code CompiledShapesTest} fails then. Only speed depends on this: the draws
     * are the same either way.
     */
    private void months(UniformRandomProvider rng, PracticeYear year, SmallBinomials cancelled, Bound bound,
                        DiscreteSampler[] unitsOf) {
        final int horizon = model.horizonMonths();
        final double capacity = model.practice().monthlyCapacity();
        final double fixedCost = model.practice().fixedCostPerMonth();
        final double visitCost = model.practice().costPerAttendedVisit();
        final DiscreteSampler[] arrivals = bound.arrivals;
        final DiscreteSampler payerOf = bound.payerOf;
        final DiscreteSampler caseOf = bound.caseOf;
        final DiscreteSampler[] followUpsOf = bound.followUpsOf;

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
                final boolean evaluation = e >= firstNew; // always attended
                final int s = Math.min(visitsPerMonthOfCase[kase] - (evaluation ? 1 : 0), left[e]);
                left[e] -= s;
                final int attended = s - cancelled.sample(s, rng.nextDouble());
                final int firstOrdinal = ordinal[e] + 1;
                ordinal[e] += attended + (evaluation ? 1 : 0);
                attendedThisMonth += attended + (evaluation ? 1 : 0);
                if (counted) {
                    // units only for counted months: warm-up visits are not billed inside the horizon
                    int units = 0;
                    if (bySum) {
                        units = attended > 0 ? unitsLaws[kase].sum(attended, rng.nextDouble()) : 0;
                        year.addGroup(month, e, firstOrdinal, evaluation, attended, units);
                    } else {
                        if (evaluation) {
                            year.addVisit(month, e, 0, 1);
                        }
                        for (int k = 0; k < attended; k++) {
                            int u = unitsOf[kase].sample();
                            year.addVisit(month, e, u, firstOrdinal + (evaluation ? 1 : 0) + k);
                            units += u;
                        }
                    }
                    unitsThisMonth += units;
                    year.recordFollowUps(kase, attended, units);
                }
                if (left[e] > 0) {
                    active[keep++] = e;
                    scheduledNext += Math.min(visitsPerMonthOfCase[kase], left[e]);
                }
            }
            activeCount = keep;

            if (counted) {
                year.closeMonth(month, attendedThisMonth, accepted, arriving - accepted, 0, unitsThisMonth, fixedCost, visitCost);
            }
        }
    }

    /**
     * The samplers of new episodes bound to {@code rng}: those bound before when {@code rng} is the
     * generator they were bound to and they can be kept ({@link #keepsBound}), else new ones.
     */
    private Bound bind(UniformRandomProvider rng) {
        Bound b = lastBound;
        if (b == null || b.rng != rng) {
            b = new Bound(rng, arrivalSamplers(rng), payerIndex.bind(rng), caseIndex.bind(rng), followUpSamplers(rng));
            if (keepsBound) {
                lastBound = b;
            }
        }
        return b;
    }

    /** @return whether the samplers of new episodes stay bound to a generator from trial to trial (for tests) */
    boolean keepsBound() {
        return keepsBound;
    }

    /** The samplers of new episodes (arrivals by calendar month, payer, case, follow-ups by case), bound to one generator. */
    private record Bound(UniformRandomProvider rng, DiscreteSampler[] arrivals, DiscreteSampler payerOf, DiscreteSampler caseOf,
                         DiscreteSampler[] followUpsOf) {
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

    /** The per-visit units samplers of one trial, by case, bound to {@code rng} (no draw). */
    private DiscreteSampler[] unitsSamplers(UniformRandomProvider rng) {
        final DiscreteSampler[] out = new DiscreteSampler[caseShares.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = countSampler(model.demand().cases().get(i).unitsPerVisit(), rng);
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

    /** A placeholder stream for building shared tables; every trial binds its own. */
    private static final UniformRandomProvider NO_RNG = () -> {
        throw new IllegalStateException("shared tables are drawn through bind(rng)");
    };

    /** An index drawn with probabilities proportional to shares: one alias table, bound per trial. */
    private static final class SharedIndex {
        private final SharedStateDiscreteSampler table; // null for a single index

        SharedIndex(double[] shares) {
            table = shares.length == 1 ? null : AliasMethodDiscreteSampler.of(NO_RNG, shares);
        }

        DiscreteSampler bind(UniformRandomProvider rng) {
            return table == null ? () -> 0 : table.withUniformRandomProvider(rng);
        }
    }

    /** An index sampler for shares whose table is used for one trial only (the common-patients path). */
    static DiscreteSampler indexSampler(UniformRandomProvider rng, double[] shares) {
        return new SharedIndex(shares).bind(rng);
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
