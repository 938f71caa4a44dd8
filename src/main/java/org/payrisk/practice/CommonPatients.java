package org.payrisk.practice;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.DiscreteSampler;
import org.payrisk.dist.CopulaDraws;
import org.payrisk.dist.Distribution;
import org.payrisk.dist.TrialStreams;

/**
 * The patients of one trial, the same under every payment model: who arrives in which month, with
 * which payer and case, how many follow-ups the demand plans for them, the trial's cancellation
 * rate, and a key from which every per-episode and per-visit uniform is hashed
 * ({@link #uniform}). A practice's response ({@link Response}) transforms these, never redraws them,
 * so the models are compared on the same people (common random numbers down to the visit).
 *
 * <p>Draw order from the trial's patient stream: the visit key (one long); the cancellation rate
 * (one draw of its sampler); then month by month, 1 - warmUp to horizon, the month's arrivals, and
 * for every arrival its payer, its case and its follow-ups. Every arrival draws all three, accepted
 * or not, so a model that refuses an episode changes nobody else's draws.
 *
 * <p>Not thread safe (reused arrays): one instance per worker thread.
 */
public final class CommonPatients {

    /** Hash purposes of the per-episode and per-visit uniforms. */
    static final int KEEP = 1;
    static final int EXTEND = 2;
    static final int ACCEPT = 3;
    static final int ATTEND = 4;
    static final int UNITS = 5;
    static final int ROUND = 6;
    static final int EXTRA_PAYER = 7;
    static final int EXTRA_FOLLOW_UPS = 8;
    static final int SCALE = 9;
    static final int CHANGE = 10;

    private final PracticeSimulator plan;
    private final int firstMonth;
    private final int horizon;

    long visitKey;
    double cancellationRate;
    /** Patients arriving in month m are firstOfMonth[m - firstMonth] .. firstOfMonth[m - firstMonth + 1] - 1. */
    final int[] firstOfMonth;
    int count;
    byte[] payer = new byte[256];
    byte[] kase = new byte[256];
    int[] followUps = new int[256];

    /**
     * @param simulator the plain simulator of the same practice model (its tables are shared)
     */
    public CommonPatients(PracticeSimulator simulator) {
        this.plan = simulator;
        PracticeModel model = simulator.model();
        firstMonth = 1 - model.warmUpMonths();
        horizon = model.horizonMonths();
        firstOfMonth = new int[horizon - firstMonth + 2];
    }

    /** @return the practice model */
    public PracticeModel model() {
        return plan.model();
    }

    /**
     * Draws one trial's patients.
     *
     * @param rng the trial's patient stream
     */
    public void draw(UniformRandomProvider rng) {
        visitKey = rng.nextLong();
        Demand d = plan.model().demand();
        cancellationRate = Math.min(1, Math.max(0, CopulaDraws.sample(d.cancellationRate(), rng)));
        DiscreteSampler[] arrivals = plan.arrivalSamplers(rng);
        DiscreteSampler payerOf = PracticeSimulator.indexSampler(rng, d.payerShares());
        DiscreteSampler caseOf = PracticeSimulator.indexSampler(rng, plan.caseShares());
        DiscreteSampler[] followUpsOf = plan.followUpSamplers(rng);
        count = 0;
        for (int month = firstMonth; month <= horizon; month++) {
            firstOfMonth[month - firstMonth] = count;
            int n = arrivals[PracticeModel.calendarMonth(month)].sample();
            for (int i = 0; i < n; i++) {
                if (count == payer.length) {
                    int size = count * 2;
                    payer = Arrays.copyOf(payer, size);
                    kase = Arrays.copyOf(kase, size);
                    followUps = Arrays.copyOf(followUps, size);
                }
                payer[count] = (byte) payerOf.sample();
                int k = caseOf.sample();
                kase[count] = (byte) k;
                followUps[count] = followUpsOf[k].sample();
                count++;
            }
        }
        firstOfMonth[horizon - firstMonth + 1] = count;
    }

    /**
     * A uniform in (0, 1) hashed from the trial's visit key, a patient, a position and a purpose:
     * no generator, no object, the same value whichever model asks.
     *
     * @param patient patient index (negative for the extra patients of an incentive pass)
     * @param position visit position within the episode (0 for a per-episode uniform)
     * @param purpose what the uniform decides
     * @return a uniform strictly between 0 and 1
     */
    double uniform(int patient, int position, int purpose) {
        long z = TrialStreams.mix(visitKey ^ (0x9E3779B97F4A7C15L * (patient + 0x100000000L)));
        z = TrialStreams.mix(z ^ ((long) position << 8 | purpose) * 0xD1B54A32D192ED03L);
        return ((z >>> 11) + 0.5) * 0x1.0p-53;
    }

    /**
     * A count from a distribution at a uniform: its inverse CDF, rounded to a neighbouring integer at
     * the second uniform so as to keep the mean (integers pass unchanged), negatives taken as 0.
     */
    static int countAt(Distribution d, double u, double round) {
        double x = d.inverseCdf(u);
        if (!(x > 0)) {
            return 0;
        }
        double floor = Math.floor(x);
        if (floor >= Integer.MAX_VALUE) {
            return Integer.MAX_VALUE;
        }
        return (int) floor + (x - floor > round ? 1 : 0);
    }

    /** @return the first month simulated (1 - warmUp) */
    int firstMonth() {
        return firstMonth;
    }
}
