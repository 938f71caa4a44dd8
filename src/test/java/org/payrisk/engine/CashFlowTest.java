package org.payrisk.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.payrisk.scenario.Scenario;
import org.payrisk.scenario.ScenarioException;
import org.payrisk.scenario.ScenarioLoader;
import org.payrisk.scenario.ScenarioSource;
import org.payrisk.stats.CashSummary;
import org.payrisk.stats.TrialOutcomes;

/**
 * Deterministic tier: payment lag, settlements and the monthly cash balance through the trial kernel,
 * on a practice with no randomness: one episode a month (evaluation + 2 follow-ups of 3 units, all in
 * its start month), costs 1,000 + 10 per visit = 1,030 a month. At $100 per evaluation and $30 per
 * unit the practice earns 280 a month, 3,360 a year.
 */
class CashFlowTest {

    static final String PRACTICE = """
            name: constant practice
            horizonMonths: 12
            warmUpMonths: 0
            practice: { clinicians: 10, visitsPerClinicianDay: 20, workdaysPerMonth: 20,
                        costs: { fixedPerMonth: 1000, perAttendedVisit: 10 } }
            demand:
              newEpisodesPerMonth: 1
              payers: { medicare: 1 }
              cases: [ { name: ortho, share: 1, followUpVisits: 2, visitsPerMonth: 8, unitsPerVisit: 3 } ]
            """;

    static Scenario scenario(String yaml) throws ScenarioException {
        return ScenarioLoader.parse(new ScenarioSource(Path.of("test.yaml"), yaml.getBytes(StandardCharsets.UTF_8)));
    }

    static TrialOutcomes run(Scenario s, int trials) {
        TrialKernel k = new TrialKernel(EngineInput.of(s), 7);
        TrialOutcomes out = new TrialOutcomes(s.modelNames(), k.inputs(), 0, trials, s.practice().horizonMonths());
        for (int t = 0; t < trials; t++) {
            k.run(t, out);
        }
        return out;
    }

    @Test
    void withoutLagTheBalanceIsTheReservePlusCumulativeNetIncome() throws Exception {
        Scenario s = scenario(PRACTICE + """
                cash: { startingReserve: 2000 }
                models: [ { name: ffs, default: { feeForService: { evaluation: 100, perUnit: 30 } } } ]
                """);
        TrialOutcomes out = run(s, 1);
        assertEquals(3360, out.revenue(0, 0), 1e-9);
        assertEquals(2000, out.cashBalanceColumn(0, 0)[0], 0);
        for (int m = 1; m <= 12; m++) {
            assertEquals(2000 + m * (280 - 1030), out.cashBalanceColumn(0, m)[0], 1e-9, "month " + m);
        }
        assertEquals(2000 - 750, out.minCashBalance(0, 0) + 11 * 750, 1e-9);
    }

    @Test
    void lagWithholdAndSettlementsInsideAndAfterTheHorizon() throws Exception {
        Scenario s = scenario(PRACTICE + """
                cash: { startingReserve: 5000, openingReceivables: none }
                models:
                  - name: ffs
                    default:
                      feeForService: { evaluation: 100, perUnit: 30 }
                      paymentLagMonths: 1
                      overlays:
                        - qualityWithhold: { rate: 0.1, qualityScore: 1, settlementMonth: 6 }
                        - payForPerformance: { rate: 0.1, qualityScore: 0.9, threshold: 0.8, settlementMonth: 18 }
                """);
        TrialOutcomes out = run(s, 1);
        // accrual: 12 x 252 paid + 336 withhold returned + 336 bonus (10% of 3,360), both booked in month 12
        assertEquals(12 * 252 + 336 + 336, out.revenue(0, 0), 1e-9);
        assertEquals(252 + 672 - 1030, out.monthlyNetColumn(0, 12)[0], 1e-9);
        // cash: nothing in month 1 (new practice, 1-month lag), 252 in months 2..12, 336 in month 6,
        // the bonus (month 18) after the horizon
        assertEquals(5000 - 1030, out.cashBalanceColumn(0, 1)[0], 1e-9);
        assertEquals(5000 - 1030 + 5 * (252 - 1030) + 336, out.cashBalanceColumn(0, 6)[0], 1e-9);
        assertEquals(5000 + 11 * 252 + 336 - 12 * 1030, out.cashBalanceColumn(0, 12)[0], 1e-9);
        CashSummary c = CashSummary.of(out, 0);
        assertEquals(1.0, c.probNegativeAnyMonth());
        assertEquals(5000 + 11 * 252 + 336 - 12 * 1030, c.minBalance().mean(), 1e-9);
    }

    @Test
    void steadyStateReceivablesFillTheFirstMonths() throws Exception {
        Scenario s = scenario(PRACTICE + """
                models:
                  - name: ffs
                    default: { feeForService: { evaluation: 100, perUnit: 30 }, paymentLagMonths: 2.5 }
                """);
        TrialOutcomes out = run(s, 1);
        // a running practice keeps receiving 280 a month whatever the lag
        for (int m = 1; m <= 12; m++) {
            assertEquals(m * (280 - 1030), out.cashBalanceColumn(0, m)[0], 1e-9, "month " + m);
        }
    }

    @Test
    void fractionalLagSplitsAMonthBetweenItsNeighbours() {
        double[] paid = new double[13];
        paid[1] = 100;
        double[] cash = new double[13];
        TrialKernel.addLagged(paid, 1.25, false, cash, 12);
        assertEquals(0, cash[1], 0);
        assertEquals(75, cash[2], 1e-12);
        assertEquals(25, cash[3], 1e-12);
        // paid in month 12 with a lag of 1: after the horizon, not cash inside it
        double[] late = new double[13];
        late[12] = 100;
        double[] cash2 = new double[13];
        TrialKernel.addLagged(late, 1, false, cash2, 12);
        double sum = 0;
        for (double c : cash2) {
            sum += c;
        }
        assertEquals(0, sum, 0);
    }
}
