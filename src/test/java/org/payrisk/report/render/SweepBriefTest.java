package org.payrisk.report.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.payrisk.analysis.Solve;
import org.payrisk.analysis.Target;
import org.payrisk.engine.RunSettings;

/**
 * The solve sentence writes the solved value in the varied field's declared unit
 * ({@code ScenarioFields.unit}), also when the path goes into a distribution's parameter, and in
 * none for a parameter that is not in the field's unit (a dispersion). Deterministic.
 */
class SweepBriefTest {

    static String sentence(String path, double value, double lo, double hi) throws Exception {
        Target t = Target.parse("a.netIncome.mean = 0", List.of("a"));
        Solve.Result r = new Solve.Result(path, t, value / 2, value * 2, value, new double[] {lo, hi},
                new boolean[] {false, false}, "method", 1e-9, null, new RunSettings(1000, 1, 1), List.of(), 1);
        return SweepBrief.sentence(r);
    }

    @Test
    void theValueIsWrittenInTheFieldsDeclaredUnit() throws Exception {
        assertEquals("A's average annual net income equals 0 at models[x].default.capitation.pmpm = $4.33 per member per "
                + "month (95% interval $4.29 to $4.37).", sentence("models[x].default.capitation.pmpm", 4.33, 4.29, 4.37));
        assertEquals("A's average annual net income equals 0 at models[0].default.feeForService.perUnit = $31.2 per billed "
                + "unit (95% interval $30.4 to $32.0).", sentence("models[0].default.feeForService.perUnit", 31.2, 30.4, 32.0));
        assertEquals("A's average annual net income equals 0 at cash.startingReserve = $15,202 (95% interval $13,966 to "
                + "$16,412).", sentence("cash.startingReserve", 15202, 13966, 16412));
        // into a distribution's parameter: the field's unit, a probability as a percentage
        assertEquals("A's average annual net income equals 0 at demand.cancellationRate.beta.mean = 12.3% (95% interval "
                + "11.8% to 12.8%).", sentence("demand.cancellationRate.beta.mean", 0.123, 0.118, 0.128));
        assertEquals("A's average annual net income equals 0 at models[x].default.capitation.members.normal.mean = 11,900 "
                + "members (95% interval 11,800 to 12,000).",
                sentence("models[x].default.capitation.members.normal.mean", 11900, 11800, 12000));
        // a dispersion is not in visits per episode
        assertEquals("A's average annual net income equals 0 at demand.cases[general].followUpVisits.negativeBinomial.dispersion"
                + " = 2.5 (95% interval 2.4 to 2.6).",
                sentence("demand.cases[general].followUpVisits.negativeBinomial.dispersion", 2.5, 2.4, 2.6));
        // a relative change, written as a percentage
        assertEquals("A's average annual net income equals 0 at models[m].default.medicare.conversionFactorChange = 3.4% "
                + "(95% interval 2.3% to 5.5%).", sentence("models[m].default.medicare.conversionFactorChange", 0.034, 0.023, 0.055));
    }
}
