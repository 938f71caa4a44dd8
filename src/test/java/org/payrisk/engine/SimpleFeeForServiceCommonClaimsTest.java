package org.payrisk.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.payrisk.stats.TrialOutcomes;
import org.payrisk.testing.Scenarios;

/**
 * Deterministic tier: the simple fee-for-service form draws its terms and denials from the claims
 * stream keyed by the payers it covers, so models with the same terms pay the same claims in every
 * trial, and a model that only pays more per unit never pays less in any trial.
 */
class SimpleFeeForServiceCommonClaimsTest {

    static final String YAML = String.join("\n",
            "name: common claims",
            "practice: { clinicians: 2, visitsPerClinicianDay: 10, workdaysPerMonth: 20,",
            "            costs: { fixedPerMonth: 10000, perAttendedVisit: 20 } }",
            "demand:",
            "  newEpisodesPerMonth: { poisson: { mean: 25 } }",
            "  cancellationRate: 0.1",
            "  payers: { medicare: 0.7, commercial: 0.3 }",
            "  cases: [ { name: c, share: 1, followUpVisits: { negativeBinomial: { mean: 8, dispersion: 3 } },",
            "             visitsPerMonth: 8, unitsPerVisit: 3 } ]",
            "models:",
            "  - name: a",
            "    default: { feeForService: { evaluation: 100, perUnit: 30, denialRate: { beta: { mean: 0.08, sd: 0.03 } } } }",
            "    payers: { commercial: { feeForService: { evaluation: 120, perUnit: 35, denialRate: 0.05 } } }",
            "  - name: b",
            "    payers:",
            "      medicare: { feeForService: { evaluation: 100, perUnit: 30, denialRate: { beta: { mean: 0.08, sd: 0.03 } } } }",
            "      commercial: { feeForService: { evaluation: 120, perUnit: 35, denialRate: 0.05 } }",
            "  - name: richer",
            "    default: { feeForService: { evaluation: 100, perUnit: 31, denialRate: { beta: { mean: 0.08, sd: 0.03 } } } }",
            "    payers: { commercial: { feeForService: { evaluation: 120, perUnit: 35, denialRate: 0.05 } } }",
            "");

    @Test
    void sameTermsPaySameClaimsAndHigherPricesNeverPayLess() {
        TrialOutcomes o = Scenarios.run(Scenarios.parse(YAML), 300, 3L, 2);
        int richerWins = 0;
        for (int t = 0; t < 300; t++) {
            assertEquals(o.revenue(0, t), o.revenue(1, t), 1e-6, "trial " + t + ": same contracts, same claims");
            assertTrue(o.revenue(2, t) >= o.revenue(0, t), "trial " + t + ": a higher unit price never pays less");
            if (o.revenue(2, t) > o.revenue(0, t)) {
                richerWins++;
            }
        }
        assertEquals(300, richerWins, "one more dollar per unit pays more in every trial with any follow-up");
    }
}
