package org.payrisk.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.payrisk.scenario.Scenario;
import org.payrisk.stats.TrialOutcomes;

/**
 * Common random numbers down to the claim: two models with the same Medicare terms pay the same
 * claims in every trial, whatever other contracts or overlays they carry, and a conversion-factor cut
 * lowers the payment in every trial.
 */
class MedicareCommonClaimsTest {

    static final String RULE = "feeForService: { feeSchedule: { \"97165\": { total: 100.54, pe: 58 }, "
            + "\"97530\": { total: 35.07, pe: 20 }, \"97110\": { total: 29.06, pe: 17 } }, evaluationCode: \"97165\", "
            + "codeMix: { \"97530\": 0.6, \"97110\": 0.4 }, minutesPerVisit: { normal: { mean: 44, sd: 9, min: 0 } }, "
            + "assistantShare: 0.3, denialRate: { beta: { mean: 0.06, sd: 0.02 } }, "
            + "mipsAdjustment: { uniform: { min: -0.05, max: 0.03 } }, CF "
            + "kx: { threshold: 600, medicalNecessityDocumented: 0.9, reviewThreshold: 800, reviewProbability: 0.5, "
            + "reviewTakeBack: 0.3 } }";

    @Test
    void sameTermsSameClaimsInEveryModel() throws Exception {
        String yaml = """
                name: crn
                practice: { clinicians: 2, visitsPerClinicianDay: 10, workdaysPerMonth: 20,
                            costs: { fixedPerMonth: 10000, perAttendedVisit: 20 } }
                demand:
                  newEpisodesPerMonth: { poisson: { mean: 20 } }
                  cancellationRate: 0.1
                  payers: { medicare: 1 }
                  cases: [ { name: c, share: 1, followUpVisits: { negativeBinomial: { mean: 10, dispersion: 3 } }, visitsPerMonth: 8, unitsPerVisit: 3 } ]
                models:
                  - name: a
                    default:
                      %s
                  - name: b
                    default:
                      %s
                      overlays: [ { qualityWithhold: { rate: 0.05, qualityScore: 1, settlementMonth: 3 } } ]
                  - name: cut
                    default:
                      %s
                """.formatted(RULE.replace("CF ", ""), RULE.replace("CF ", ""),
                RULE.replace("CF ", "conversionFactorChange: -0.03, "));
        Scenario s = CashFlowTest.scenario(yaml);
        TrialOutcomes out = CashFlowTest.run(s, 40);
        for (int t = 0; t < 40; t++) {
            // b withholds 5% and returns it all (score 1) inside the year: same revenue up to rounding
            assertEquals(out.revenue(0, t), out.revenue(1, t), 1e-6 * out.revenue(0, t), "trial " + t);
            assertTrue(out.revenue(2, t) < out.revenue(0, t), "a 3% cut pays less in trial " + t);
        }
    }
}
