package org.payrisk.payment;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.payrisk.dist.Constant;
import org.payrisk.dist.Distribution;
import org.payrisk.dist.Normal;
import org.payrisk.dist.Uniform;

/**
 * Deterministic tier: every payment record checks its own terms when built, so a contract built in
 * code (a sweep, a population, a test) is refused like one read from a file. Each refusal starts with
 * the field's name and says what was expected and what was found.
 */
class RecordTermsTest {

    private static final Distribution ZERO = Constant.of(0);
    private static final List<String> CASES = List.of("knee");

    /** Asserts that building refuses, naming {@code field} first and saying what was expected and found. */
    private static void refused(String field, Executable build) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build);
        assertTrue(e.getMessage().startsWith(field + ": expected "), e.getMessage());
        assertTrue(e.getMessage().contains("found"), e.getMessage());
    }

    @Test
    void feeForService() {
        assertDoesNotThrow(() -> new FeeForService(Constant.of(100), Constant.of(30), Constant.of(0.05)));
        refused("evaluation", () -> new FeeForService(Constant.of(-1), Constant.of(30), ZERO));
        refused("perUnit", () -> new FeeForService(Constant.of(100), Constant.of(2e12), ZERO));
        refused("perUnit", () -> new FeeForService(Constant.of(100), Normal.of(30, 20), ZERO));
        refused("denialRate", () -> new FeeForService(Constant.of(100), Constant.of(30), Constant.of(1.5)));
    }

    @Test
    void capitation() {
        refused("pmpm", () -> new Capitation(Constant.of(1e308), Constant.of(1000)));
        refused("members", () -> new Capitation(Constant.of(5), Constant.of(2e9)));
        refused("leaveRate", () -> new Capitation.Churn(Constant.of(-0.1), ZERO));
        refused("joinsPerMonth", () -> new Capitation.Churn(ZERO, Constant.of(-3)));
        refused("band", () -> new Capitation.Corridor(1.5, 0.5, 100));
        refused("share", () -> new Capitation.StopLoss(250, 2, 100));
        refused("settlementMonth", () -> new Capitation(Constant.of(5), Constant.of(10), null,
                new Capitation.Corridor(0.1, 0.5, 100), null, 0));
    }

    @Test
    void bundled() {
        refused("perEpisode", () -> new Bundled(CasePrices.oneForAll(Constant.of(-400), CASES), 0, null));
        refused("perVisit", () -> new Bundled(CasePrices.oneForAll(Constant.of(400), CASES), 3, Constant.of(-1)));
        refused("afterVisits", () -> new Bundled(CasePrices.oneForAll(Constant.of(400), CASES), -1, null));
    }

    @Test
    void episodeProgram() {
        FeeForService ffs = new FeeForService(Constant.of(100), Constant.of(30), ZERO);
        CasePrices target = CasePrices.oneForAll(Constant.of(900), CASES);
        assertDoesNotThrow(() -> new EpisodeProgram(ffs, target, ZERO, null, 0.1, 0.2, 0, 1, 18, new int[] {8}));
        refused("discount", () -> new EpisodeProgram(ffs, target, Constant.of(2), null, 0.1, 0.2, 0, 1, 18, new int[] {8}));
        refused("participantShare", () -> new EpisodeProgram(ffs, target, ZERO, null, 0.1, 0.2, 0, 1.2, 18, new int[] {8}));
        refused("stopGain", () -> new EpisodeProgram(ffs, target, ZERO, null, 0.1, -0.2, 0, 1, 18, new int[] {8}));
        refused("targetPrice", () -> new EpisodeProgram(ffs, CasePrices.oneForAll(Constant.of(-1), CASES), ZERO, null, 0.1,
                0.2, 0, 1, 18, new int[] {8}));
        refused("settlementMonth", () -> new EpisodeProgram(ffs, target, ZERO, null, 0.1, 0.2, 0, 1, 5000, new int[] {8}));
    }

    private static MedicareFeeForService medicare(Distribution cfChange, Distribution denial, Distribution mipsScore) {
        return new MedicareFeeForService(MedicareAsPaidTest.schedule(), 0, null, new double[] {0, 1}, ZERO, 0.85, 0.5, 0.8,
                0.02, Constant.of(1), denial, cfChange, ZERO, null, mipsScore, null);
    }

    @Test
    void medicareFeeForService() {
        assertDoesNotThrow(() -> medicare(Uniform.of(-0.03, 0.01), ZERO, null));
        refused("conversionFactorChange", () -> medicare(Constant.of(-1.5), ZERO, null));
        refused("conversionFactorChange", () -> medicare(Normal.of(0, 0.01), ZERO, null));
        refused("denialRate", () -> medicare(ZERO, Constant.of(-0.1), null));
        refused("finalScore", () -> medicare(ZERO, ZERO, Uniform.of(50, 120)));
        refused("threshold", () -> new MedicareFeeForService.Kx(-1, Constant.of(1), 3000, ZERO, ZERO));
        refused("alreadyMet", () -> new MedicareFeeForService.Deductible(257, Constant.of(3)));
    }

    private static PercentOfMedicare percent(String kind, Distribution cfChange, Distribution pct, double patientShare) {
        return new PercentOfMedicare(kind, MedicareAsPaidTest.schedule(), 0, null, new double[] {0, 1}, ZERO, 0.85, cfChange,
                pct, Mppr.PRACTICE_EXPENSE, 0.5, patientShare, Constant.of(1), ZERO, null);
    }

    @Test
    void percentOfMedicare() {
        assertDoesNotThrow(() -> percent(PercentOfMedicare.KIND, ZERO, Constant.of(0.95), 0.2));
        refused("conversionFactorChange", () -> percent(PercentOfMedicare.KIND, Constant.of(1.5), Constant.of(0.95), 0.2));
        refused("percent", () -> percent(PercentOfMedicare.KIND, ZERO, Constant.of(-0.95), 0.2));
        refused("factorOfMedicare", () -> percent(PercentOfMedicare.WORKERS_COMP, ZERO, Constant.of(2e12), 0));
        refused("patientShare", () -> percent(PercentOfMedicare.KIND, ZERO, Constant.of(0.95), 1.2));
    }

    @Test
    void overlaysAndLag() {
        refused("rate", () -> new QualityWithhold(1.2, Constant.of(0.8), 18));
        refused("qualityScore", () -> new QualityWithhold(0.02, Constant.of(1.8), 18));
        refused("rate", () -> new PayForPerformance(-0.03, Constant.of(0.8), 0.75, 15));
        refused("settlementMonth", () -> new PayForPerformance(0.03, Constant.of(0.8), 0.75, 0));
        refused("sharingRate", () -> new SharedSavings(Constant.of(300), 0.02, 1.5, 0.02, 0, 0.1, 0.05, null, 18));
        refused("benchmarkPerEpisode", () -> new SharedSavings(Constant.of(-300), 0.02, 0.5, 0.02, 0, 0.1, 0.05, null, 18));
        refused("stopLoss", () -> new SharedSavings(Constant.of(300), 0.02, 0.5, 0.02, 0, 0.1, Double.NaN, null, 18));
        refused("paymentLagMonths", () -> new RuleTerms(List.of(), Constant.of(-2)));
    }
}
