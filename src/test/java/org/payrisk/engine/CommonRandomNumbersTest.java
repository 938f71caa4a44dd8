package org.payrisk.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.payrisk.scenario.Scenario;
import org.payrisk.stats.TrialOutcomes;
import org.payrisk.testing.Moments;
import org.payrisk.testing.Scenarios;

/**
 * The common-random-numbers policy: every random input draws from a stream keyed by what it is (its
 * field and the payers its contract covers), never by its model's position. Deterministic tier
 * (exact equality), except where a statistical check states its false-failure rate.
 */
class CommonRandomNumbersTest {

    static final String PRACTICE = String.join("\n",
            "name: crn",
            "horizonMonths: 12",
            "warmUpMonths: 2",
            "practice: { clinicians: 3, visitsPerClinicianDay: 8, workdaysPerMonth: 20,",
            "            costs: { fixedPerMonth: 20000, perAttendedVisit: 10 } }",
            "demand:",
            "  newEpisodesPerMonth: { poisson: { mean: 25 } }",
            "  cancellationRate: { beta: { mean: 0.1, sd: 0.03 } }",
            "  payers: { medicare: 0.6, commercial: 0.4 }",
            "  cases:",
            "    - { name: a, share: 0.5, followUpVisits: 6, visitsPerMonth: 6, unitsPerVisit: 3 }",
            "    - { name: b, share: 0.5, followUpVisits: 9, visitsPerMonth: 6, unitsPerVisit: 3 }",
            "models:",
            "");

    /** Models rich in random inputs of every kind: capitation with churn, bundles, a program, lags, overlays. */
    static final String MODELS = String.join("\n",
            "  - name: cap",
            "    default:",
            "      capitation:",
            "        pmpm: { normal: { mean: 5, sd: 0.5 } }",
            "        members: { normal: { mean: 1500, sd: 100 } }",
            "        churn: { leaveRate: { beta: { mean: 0.03, sd: 0.01 } }, joinsPerMonth: { poisson: { mean: 40 } } }",
            "      paymentLagMonths: { uniform: { min: 0, max: 2 } }",
            "  - name: bundle",
            "    default:",
            "      bundled:",
            "        perEpisode: { a: { normal: { mean: 900, sd: 90 } }, b: { normal: { mean: 900, sd: 90 } } }",
            "        outlier: { afterVisits: 6, perVisit: { uniform: { min: 40, max: 60 } } }",
            "      overlays:",
            "        - qualityWithhold: { rate: 0.02, qualityScore: { beta: { mean: 0.8, sd: 0.1 } } }",
            "    payers:",
            "      commercial:",
            "        feeForService: { evaluation: { normal: { mean: 120, sd: 10 } }, perUnit: 35, denialRate: { beta: { mean: 0.05, sd: 0.02 } } }",
            "        paymentLagMonths: { uniform: { min: 0.5, max: 1.5 } }",
            "  - name: program",
            "    default:",
            "      bundled:",
            "        reconciliation:",
            "          feeForService: { evaluation: 110, perUnit: 32 }",
            "          targetPrice: { normal: { mean: 1200, sd: 100 } }",
            "          discount: { uniform: { min: 0.01, max: 0.03 } }",
            "          qualityScore: { beta: { mean: 0.7, sd: 0.1 } }",
            "          stopGain: 0.1",
            "          stopLoss: 0.1",
            "");

    static final int TRIALS = 300;

    private static TrialOutcomes run(String models) {
        return Scenarios.run(Scenarios.parse(PRACTICE + models), TRIALS, 11L, 2);
    }

    private static void sameModel(TrialOutcomes a, int ma, TrialOutcomes b, int mb) {
        String what = a.models().get(ma);
        assertArrayEquals(a.revenueColumn(ma), b.revenueColumn(mb), what + " revenue");
        assertArrayEquals(a.netIncomeColumn(ma), b.netIncomeColumn(mb), what + " net income");
        for (int month = 0; month <= a.months(); month++) {
            assertArrayEquals(a.cashBalanceColumn(ma, month), b.cashBalanceColumn(mb, month), what + " cash, month " + month);
        }
    }

    @Test
    void insertingAModelBeforeOthersLeavesTheirOutcomesAndInputsIdentical() {
        TrialOutcomes before = run(MODELS);
        TrialOutcomes after = run(String.join("\n",
                "  - name: inserted",
                "    default:",
                "      capitation: { pmpm: { normal: { mean: 7, sd: 1 } }, members: { normal: { mean: 900, sd: 50 } } }",
                "      paymentLagMonths: { uniform: { min: 0, max: 3 } }",
                "") + MODELS);
        assertEquals(List.of("inserted", "cap", "bundle", "program"), after.models());
        for (int m = 0; m < 3; m++) {
            sameModel(before, m, after, m + 1);
        }
        for (int k = 0; k < before.inputs().size(); k++) {
            String path = before.inputs().get(k);
            int j = after.inputs().indexOf(path);
            assertTrue(j >= 0, path + " recorded after the insertion");
            assertArrayEquals(before.inputColumn(k), after.inputColumn(j), path);
        }
    }

    /** Asserts that every input recorded in {@code before} whose path passes {@code keep} is bit-identical in {@code after}. */
    private static int sameInputs(TrialOutcomes before, TrialOutcomes after, java.util.function.Predicate<String> keep) {
        int compared = 0;
        for (int k = 0; k < before.inputs().size(); k++) {
            String path = before.inputs().get(k);
            if (!keep.test(path)) {
                continue;
            }
            int j = after.inputs().indexOf(path);
            assertTrue(j >= 0, path + " recorded in both runs");
            assertArrayEquals(before.inputColumn(k), after.inputColumn(j), path);
            compared++;
        }
        return compared;
    }

    /**
     * Payer keys are made from payer names: listing the payers in another order moves no contract's
     * draws. The practice's year assigns episodes to payers by the listed order, so only outcomes that
     * do not depend on which payer an episode has (the contracts covering every payer) stay identical.
     */
    @Test
    void reorderingThePayersLeavesEveryDrawIdentical() {
        TrialOutcomes before = run(MODELS);
        TrialOutcomes after = Scenarios.run(Scenarios.parse((PRACTICE + MODELS).replace(
                "payers: { medicare: 0.6, commercial: 0.4 }", "payers: { commercial: 0.4, medicare: 0.6 }")), TRIALS, 11L, 2);
        assertEquals(before.inputs().size(), sameInputs(before, after, p -> p.startsWith("models[")) + practiceInputs(before));
        assertTrue(before.inputs().contains("models[bundle].payers.commercial.feeForService.evaluation"), before.inputs().toString());
        sameModel(before, 0, after, 0);
        sameModel(before, 2, after, 2);
    }

    /**
     * Inserting a payer moves only the draws of contracts whose set of covered payers changes (here
     * the {@code default} contracts, which take the new payer in); a contract written for one payer
     * keeps its draws, whatever the new payer's place in the list.
     */
    @Test
    void insertingAPayerLeavesTheOtherPayersContractsIdentical() {
        TrialOutcomes before = run(MODELS);
        TrialOutcomes after = Scenarios.run(Scenarios.parse((PRACTICE + MODELS).replace(
                "payers: { medicare: 0.6, commercial: 0.4 }", "payers: { medicaid: 0.1, medicare: 0.5, commercial: 0.4 }")),
                TRIALS, 11L, 2);
        assertEquals(3, sameInputs(before, after, p -> p.startsWith("models[bundle].payers.commercial.")),
                "evaluation, denial rate and lag of the commercial contract");
    }

    /**
     * Case prices are keyed by case name: inserting a case before the others leaves every other case's
     * price draws, and every draw that is not per case, identical. The practice's year changes (the new
     * case takes a share of the episodes), so a capitation contract, which does not depend on it, is
     * the outcome that stays identical.
     */
    @Test
    void insertingACaseBeforeOthersLeavesTheirPriceDrawsIdentical() {
        TrialOutcomes before = run(MODELS);
        TrialOutcomes after = Scenarios.run(Scenarios.parse((PRACTICE + MODELS)
                .replace("  cases:\n", "  cases:\n    - { name: z, share: 0.2, followUpVisits: 4, visitsPerMonth: 4, unitsPerVisit: 2 }\n")
                .replace("name: a, share: 0.5", "name: a, share: 0.4").replace("name: b, share: 0.5", "name: b, share: 0.4")
                .replace("perEpisode: { a:", "perEpisode: { z: { normal: { mean: 700, sd: 70 } }, a:")), TRIALS, 11L, 2);
        assertTrue(after.inputs().contains("models[bundle].default.bundled.perEpisode.z"), after.inputs().toString());
        assertEquals(before.inputs().size(), sameInputs(before, after, p -> p.startsWith("models[")) + practiceInputs(before));
        assertTrue(before.inputs().contains("models[bundle].default.bundled.perEpisode.b"), before.inputs().toString());
        assertArrayEquals(before.revenueColumn(0), after.revenueColumn(0), "capitation revenue");
    }

    private static int practiceInputs(TrialOutcomes o) {
        return (int) o.inputs().stream().filter(p -> !p.startsWith("models[")).count();
    }

    @Test
    void twoIdenticalCapitationContractsSeeTheSameMembersAndPay() {
        String cap = String.join("\n",
                "    default:",
                "      capitation:",
                "        pmpm: { normal: { mean: 5, sd: 0.5 } }",
                "        members: { normal: { mean: 1500, sd: 100 } }",
                "        churn: { leaveRate: { beta: { mean: 0.03, sd: 0.01 } }, joinsPerMonth: { poisson: { mean: 40 } } }",
                "        riskCorridor: { band: 0.05, share: 0.5 }",
                "      paymentLagMonths: { uniform: { min: 0, max: 2 } }",
                "");
        TrialOutcomes o = run("  - name: one\n" + cap + "  - name: two\n" + cap);
        sameModel(o, 0, o, 1);
        int one = o.inputs().indexOf("models[one].default.capitation.members:mean");
        int two = o.inputs().indexOf("models[two].default.capitation.members:mean");
        assertTrue(one >= 0 && two >= 0, o.inputs().toString());
        assertArrayEquals(o.inputColumn(one), o.inputColumn(two));
        // the same terms on another set of payers are another contract: other members
        TrialOutcomes split = run("  - name: one\n" + cap + String.join("\n",
                "  - name: other",
                "    default: { feeForService: { evaluation: 100, perUnit: 30 } }",
                "    payers:",
                "      medicare:",
                "        capitation:",
                "          pmpm: { normal: { mean: 5, sd: 0.5 } }",
                "          members: { normal: { mean: 1500, sd: 100 } }",
                "          churn: { leaveRate: { beta: { mean: 0.03, sd: 0.01 } }, joinsPerMonth: { poisson: { mean: 40 } } }",
                ""));
        int other = split.inputs().indexOf("models[other].payers.medicare.capitation.members:mean");
        assertTrue(other >= 0, split.inputs().toString());
        assertFalse(Arrays.equals(split.inputColumn(one), split.inputColumn(other)), "payers are part of the key");
    }

    /**
     * Two cases priced by separately written, equal distributions draw independently (they shared one
     * draw when prices were matched by equality). Statistical part: the sample correlation of the two
     * cases' prices over n = 300 trials is within 4.5 / sqrt(n) of 0 (false-failure probability about
     * 7e-6 for independent draws, by the normal approximation of r's null distribution).
     */
    @Test
    void equalRandomPricesOfDifferentCasesAreDrawnIndependently() {
        TrialOutcomes o = run(MODELS);
        double[] a = o.inputColumn(o.inputs().indexOf("models[bundle].default.bundled.perEpisode.a"));
        double[] b = o.inputColumn(o.inputs().indexOf("models[bundle].default.bundled.perEpisode.b"));
        int equal = 0;
        for (int t = 0; t < TRIALS; t++) {
            equal += a[t] == b[t] ? 1 : 0;
        }
        assertEquals(0, equal, "trials where the two cases' prices are the same draw");
        assertEquals(0, correlation(a, b), 4.5 / Math.sqrt(TRIALS));

        TrialOutcomes program = run(MODELS.replace("targetPrice: { normal: { mean: 1200, sd: 100 } }",
                "targetPrice: { a: { normal: { mean: 1200, sd: 100 } }, b: { normal: { mean: 1200, sd: 100 } } }"));
        double[] ta = program.inputColumn(program.inputs().indexOf("models[program].default.bundled.reconciliation.targetPrice.a"));
        double[] tb = program.inputColumn(program.inputs().indexOf("models[program].default.bundled.reconciliation.targetPrice.b"));
        assertFalse(Arrays.equals(ta, tb), "the program's equal targets are drawn per case");
        // one price written once for every case is one input, drawn once
        assertTrue(o.inputs().contains("models[program].default.bundled.reconciliation.targetPrice"), o.inputs().toString());
    }

    @Test
    void recordedInputsAreTheValuesTheModelsUsed() {
        Scenario s = Scenarios.parse(PRACTICE + String.join("\n",
                "  - name: cap",
                "    default: { capitation: { pmpm: { normal: { mean: 5, sd: 0.5 } }, members: 1000 } }",
                ""));
        TrialOutcomes o = Scenarios.run(s, TRIALS, 3L, 1);
        assertEquals(List.of(TrialKernel.CANCELLATION_RATE, "demand.newEpisodesPerMonth:total",
                "models[cap].default.capitation.pmpm"), o.inputs(), "constant inputs are not recorded");
        for (int t = 0; t < TRIALS; t++) {
            double pmpm = o.input(2, t);
            assertEquals(12 * 1000 * pmpm, o.revenue(0, t), 1e-9 * o.revenue(0, t), "trial " + t);
            double c = o.input(0, t);
            assertTrue(c >= 0 && c <= 1, "cancellation rate " + c);
            assertEquals(o.activity(0, t) + o.activity(1, t), o.input(1, t), 0, "arrivals = accepted + refused episodes");
        }
    }

    @Test
    void recordedInputsHaveTheDrawnDistributions() {
        // Statistical tier: means of the recorded draws against their distributions' means, within 4.5
        // standard errors (sd / sqrt(n) from theory); each check fails falsely with probability 6.8e-6.
        TrialOutcomes o = Scenarios.run(Scenarios.parse(PRACTICE + MODELS), 4000, 5L, 2);
        check(o, TrialKernel.CANCELLATION_RATE, 0.1, 0.03);
        check(o, "models[cap].default.capitation.pmpm", 5, 0.5);
        check(o, "models[cap].default.paymentLagMonths", 1, 2 / Math.sqrt(12));
        check(o, "models[bundle].default.bundled.perEpisode.a", 900, 90);
        check(o, "models[bundle].default.bundled.outlier.perVisit", 50, 20 / Math.sqrt(12));
        check(o, "models[bundle].default.overlays[0].qualityWithhold.qualityScore", 0.8, 0.1);
        check(o, "models[bundle].payers.commercial.feeForService.evaluation", 120, 10);
        check(o, "models[program].default.bundled.reconciliation.discount", 0.02, 0.02 / Math.sqrt(12));
        // 12 months of Poisson(25) arrivals (no seasonality): Poisson(300)
        check(o, "demand.newEpisodesPerMonth:total", 300, Math.sqrt(300));
    }

    /**
     * Statistical tier, against a closed form: capitation revenue drawn from the keyed streams has the
     * law it had before. PMPM P ~ N(5, 0.5^2) once a trial; members M_k = rint(N(1500, 100^2)) each
     * month, independent (symmetric about an integer, so E M = 1500; Var M = 100^2 + 1/12 by
     * Sheppard's correction, exact to far below the tolerance). Revenue R = P S, S = sum of 12 M_k:
     * E R = 5 x 18,000 = 90,000; Var R = E[P^2] E[S^2] - (E R)^2 = 25.25 (18,000^2 + 120,001) - 90,000^2
     * = 84,030,025.25. Mean and variance within z = 4.5 standard errors: each check fails falsely with
     * probability about 6.8e-6.
     */
    @Test
    void capitationRevenueHasItsClosedFormLaw() {
        Scenario s = Scenarios.parse(PRACTICE + String.join("\n",
                "  - name: cap",
                "    default: { capitation: { pmpm: { normal: { mean: 5, sd: 0.5 } }, members: { normal: { mean: 1500, sd: 100 } } } }",
                ""));
        TrialOutcomes o = Scenarios.run(s, 20_000, 13L, 2);
        Moments.assertMeanAndVariance(o.revenueColumn(0), 90_000, 84_030_025.25, 4.5, "capitation revenue");
    }

    /**
     * Per-episode and per-visit draws are recorded as per-trial means. Statistical tier: with no
     * refused episode (checked), each episode's follow-ups are Poisson(6) whatever the trial's count of
     * episodes, so the per-trial mean is unbiased for 6; likewise billed units for 3. Tolerance 4.5
     * Monte Carlo standard errors (from the sample sd of the per-trial means); each check fails
     * falsely with probability about 6.8e-6.
     */
    @Test
    void perEpisodeAndPerVisitDrawsAreRecordedAsMeans() {
        String practice = PRACTICE.replace("followUpVisits: 6, visitsPerMonth: 6, unitsPerVisit: 3",
                "followUpVisits: { poisson: { mean: 6 } }, visitsPerMonth: 6, unitsPerVisit: { poisson: { mean: 3 } }");
        TrialOutcomes o = Scenarios.run(Scenarios.parse(practice + MODELS), 2000, 17L, 2);
        assertEquals(0, Arrays.stream(o.activityColumn(1)).sum(), "no refused episodes, so no selection by size");
        assertFalse(o.inputs().contains("demand.cases[b].followUpVisits:mean"), "case b's follow-ups are constant");
        for (String path : List.of("demand.cases[a].followUpVisits:mean", "demand.cases[a].unitsPerVisit:mean")) {
            double[] x = o.inputColumn(o.inputs().indexOf(path));
            double m = Arrays.stream(x).average().orElseThrow();
            double sd = Math.sqrt(Arrays.stream(x).map(v -> (v - m) * (v - m)).sum() / (x.length - 1));
            assertEquals(path.contains("followUp") ? 6 : 3, m, 4.5 * sd / Math.sqrt(x.length), path);
        }
    }

    private static void check(TrialOutcomes o, String path, double mean, double sd) {
        int k = o.inputs().indexOf(path);
        assertTrue(k >= 0, path + " in " + o.inputs());
        double[] x = o.inputColumn(k);
        double m = 0;
        for (double v : x) {
            m += v;
        }
        m /= x.length;
        assertEquals(mean, m, 4.5 * sd / Math.sqrt(x.length), path);
    }

    private static double correlation(double[] x, double[] y) {
        int n = x.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i] / n;
            my += y[i] / n;
        }
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }
}
