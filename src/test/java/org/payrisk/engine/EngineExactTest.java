package org.payrisk.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.payrisk.stats.MetricSummary;
import org.payrisk.stats.RunSummary;
import org.payrisk.stats.Summaries;
import org.payrisk.stats.TrialOutcomes;
import org.payrisk.testing.Moments;
import org.payrisk.testing.Scenarios;

/**
 * Statistical tier: a scenario whose answer is known in closed form.
 *
 * <p>New episodes ~ Poisson(30) a month for 12 months (no warm-up), so N ~ Poisson(360); each has an
 * evaluation and 5 follow-ups, all scheduled in its start month, each attended with probability 0.8
 * (B ~ Binomial(5, 0.8) attended), 3 units each; capacity never binds. Then
 * <ul>
 *   <li>fee-for-service revenue is compound Poisson with X = 100 + 30 x 3 x B per episode:
 *       E = 360 x 460 = 165,600 and Var = 360 x E[X^2] = 360 x (90^2 x 0.8 + 460^2) = 78,508,800;</li>
 *   <li>bundled revenue is 900 N: E = 324,000, Var = 900^2 x 360;</li>
 *   <li>capitation revenue is 12 x 4 x 1,000 = 48,000 in every trial, exactly;</li>
 *   <li>costs are 12 x 1,000 + 10 x (N + sum B): E = 12,000 + 10 x 360 x 5 = 30,000.</li>
 * </ul>
 * Means are checked within z = 4.5 standard errors (sd / sqrt(trials), from theory); variances within
 * 4.5 large-sample standard errors of the sample variance (from the sample's fourth moment). Each
 * check fails falsely with probability about 6.8e-6; the 6 statistical checks together below 5e-5.
 */
class EngineExactTest {

    static final String YAML = String.join("\n",
            "name: exact",
            "horizonMonths: 12",
            "warmUpMonths: 0",
            "practice: { clinicians: 100, visitsPerClinicianDay: 100, workdaysPerMonth: 20,",
            "            costs: { fixedPerMonth: 1000, perAttendedVisit: 10 } }",
            "demand:",
            "  newEpisodesPerMonth: { poisson: { mean: 30 } }",
            "  cancellationRate: 0.2",
            "  payers: { medicare: 1 }",
            "  cases:",
            "    - { name: c, share: 1, followUpVisits: 5, visitsPerMonth: 6, unitsPerVisit: 3 }",
            "models:",
            "  - name: ffs",
            "    default: { feeForService: { evaluation: 100, perUnit: 30 } }",
            "  - name: cap",
            "    default: { capitation: { pmpm: 4, members: 1000 } }",
            "  - name: bundle",
            "    default: { bundled: { perEpisode: 900 } }",
            "");

    static final int TRIALS = 20_000;
    static final double Z = 4.5;

    @Test
    void revenueMatchesCompoundPoissonTheory() {
        TrialOutcomes o = Scenarios.run(Scenarios.parse(YAML), TRIALS, 7L, 2);
        RunSummary s = Summaries.run(o);

        checkMeanAndVariance(o.revenueColumn(0), 165_600, 78_508_800);
        checkMeanAndVariance(o.revenueColumn(2), 324_000, 900.0 * 900 * 360);

        MetricSummary cap = s.models().get(1).revenue();
        assertEquals(48_000, cap.min(), 0.0);
        assertEquals(48_000, cap.max(), 0.0);

        // costs: Var = 100 x Var(N + sum B) = 100 x 360 x E[(1 + B)^2] = 100 x 360 x (0.8 + 25)
        checkMeanAndVariance(o.costsColumn(), 30_000, 100.0 * 360 * 25.8);
        assertEquals(360, s.activity().get("episodes").mean(), Z * Math.sqrt(360.0 / TRIALS));
        assertEquals(0, s.activity().get("refusedEpisodes").mean(), 0.0);
    }

    static void checkMeanAndVariance(double[] x, double mean, double variance) {
        Moments.assertMeanAndVariance(x, mean, variance, Z, "a compound Poisson total");
    }
}
