package org.payrisk.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.payrisk.dist.Constant;
import org.payrisk.practice.Response;

/**
 * The {@code response} block and {@code simulation.incentives}: every field read, and every bad
 * value refused with file:line:col (computed from the edited text), the field path, what was expected
 * and what was found.
 */
class ResponseScenarioTest {

    /** {@link ScenarioErrorsTest#BASE} with a response on the capitation model and a fee-cut model. */
    static final String BASE = ScenarioErrorsTest.BASE.replace(
            "    default: { capitation: { pmpm: 4, members: 10000 } }\n",
            "    default: { capitation: { pmpm: 4, members: 10000 } }\n"
            + "    response: { followUpVisits: { scale: 0.9 }, cancellationRate: { change: -0.02 }, acceptance: { neuro: 0.8 }, unitsPerVisit: 3 }\n")
            .replace("simulation: { trials: 100, seed: 1 }", "simulation: { trials: 100, seed: 1, incentives: true }")
            + "  - name: cut\n"
            + "    default: { feeForService: { evaluation: 100, perUnit: 27, denialRate: 0.05 } }\n"
            + "    response: { feeElasticity: { elasticity: 0.5, reference: ffs } }\n";

    static final int CAP_RESPONSE = 32;
    static final int CUT_RESPONSE = 37;
    static final int SIMULATION = 3;

    @Test
    void everyLeverIsRead() throws ScenarioException {
        Scenario s = ScenarioErrorsTest.parse(BASE);
        assertTrue(s.incentives());
        assertEquals(Response.IDENTITY, s.responses().get(0));
        Response cap = s.responses().get(1);
        assertEquals(Constant.of(0.9), cap.followUpScale());
        assertEquals(Constant.of(-0.02), cap.cancellationChange());
        assertArrayEquals(new double[] {1, 0.8}, cap.acceptance());
        assertEquals(Constant.of(3), cap.unitsPerVisit());
        assertFalse(cap.isIdentity());
        // payers medicare (default 30 vs 27) and commercial (35 vs 27): (fee / reference)^0.5
        assertArrayEquals(new double[] {Math.pow(27.0 / 30, 0.5), Math.pow(27.0 / 35, 0.5)}, s.responses().get(3).feeFactor(), 1e-15);
        assertTrue(ScenarioErrorsTest.parse(ScenarioErrorsTest.BASE).responses().stream().allMatch(Response::isIdentity));
        assertFalse(ScenarioErrorsTest.parse(ScenarioErrorsTest.BASE).incentives());
    }

    @Test
    void leversAtIdentityAreIdentity() throws ScenarioException {
        Scenario s = ScenarioErrorsTest.parse(BASE.replace("scale: 0.9", "scale: 1").replace("change: -0.02", "change: 0")
                .replace("neuro: 0.8", "neuro: 1").replace(", unitsPerVisit: 3", "").replace("elasticity: 0.5", "elasticity: 0"));
        assertTrue(s.responses().stream().allMatch(Response::isIdentity), s.responses().toString());
    }

    static Arguments edit(int line, String from, String to, String token, String path, String message) {
        return Arguments.of(line, from, to, token, path, message);
    }

    static Stream<Arguments> edits() {
        String m = "models[1].response.";
        String c = "models[3].response.feeElasticity.";
        return Stream.of(
                edit(CAP_RESPONSE, "scale: 0.9", "scale: -1", "-1", m + "followUpVisits.scale", "expected a number >= 0, found -1"),
                edit(CAP_RESPONSE, "scale: 0.9", "scale: 11", "11", m + "followUpVisits.scale", "of at most 10"),
                edit(CAP_RESPONSE, "scale: 0.9", "scale: lots", "lots", m + "followUpVisits.scale",
                        "expected a number >= 0 or a distribution such as { beta: { mean: 0.1, sd: 0.03 } }, found the text \"lots\""),
                edit(CAP_RESPONSE, "scale: 0.9", "scal: 0.9", "0.9", m + "followUpVisits.scal", "did you mean `scale`?"),
                edit(CAP_RESPONSE, "scale: 0.9", "scale: { uniform: { min: 0.9, max: 0.8 } }", "0.9",
                        m + "followUpVisits.scale.uniform.min", "expected min < max"),
                edit(CAP_RESPONSE, "{ scale: 0.9 }", "0.9", "0.9", m + "followUpVisits", "expected { scale: r }"),
                edit(CAP_RESPONSE, "change: -0.02", "change: 2", "2", m + "cancellationRate.change", "of at most 1 in magnitude"),
                edit(CAP_RESPONSE, "change: -0.02", "chnage: -0.02", "-0.02", m + "cancellationRate.chnage", "did you mean `change`?"),
                edit(CAP_RESPONSE, "neuro: 0.8", "nuero: 0.8", "0.8", m + "acceptance.nuero", "did you mean `neuro`?"),
                edit(CAP_RESPONSE, "neuro: 0.8", "neuro: 1.2", "1.2", m + "acceptance.neuro", "expected a probability in [0, 1], found 1.2"),
                edit(CAP_RESPONSE, "unitsPerVisit: 3", "unitsPerVisit: 97", "97", m + "unitsPerVisit", "of at most 96"),
                edit(CAP_RESPONSE, "unitsPerVisit: 3", "unitsPerVisit: -1", "-1", m + "unitsPerVisit", "expected a count >= 0, found -1"),
                edit(CAP_RESPONSE, "acceptance:", "acceptence:", "{ neuro", m + "acceptence", "did you mean `acceptance`?"),
                edit(CAP_RESPONSE, "response: {", "respons: {", "{ followUpVisits", "models[1].respons", "did you mean `response`?"),
                edit(CUT_RESPONSE, "reference: ffs", "reference: fss", "fss", c + "reference", "unknown model `fss`; did you mean `ffs`?"),
                edit(CUT_RESPONSE, "reference: ffs", "reference: cap", "cap", c + "reference",
                        "expected a reference model that pays some payer by the same fee-for-service form"),
                edit(CUT_RESPONSE, "elasticity: 0.5", "elasticity: 5", "5", c + "elasticity", "of at most 3 in magnitude"),
                edit(CUT_RESPONSE, "elasticity: 0.5", "elasticity: 0.5, referenc: ffs", "ffs", c + "referenc", "did you mean `reference`?"),
                edit(CUT_RESPONSE, "elasticity: 0.5, ", "", "{ reference", c + "elasticity", "missing required field `elasticity`"),
                edit(SIMULATION, "incentives: true", "incentives: 2", "2", "simulation.incentives", "expected true or false, found the number 2"),
                edit(SIMULATION, "incentives: true", "incentive: true", "true", "simulation.incentive", "did you mean `incentives`?"));
    }

    @ParameterizedTest(name = "[{index}] {4}: {5}")
    @MethodSource("edits")
    void badResponseFieldIsReportedWithFileLineColumnPathExpectedAndFound(int line, String from, String to, String token,
                                                                           String path, String message) {
        String[] lines = BASE.split("\n", -1);
        assertTrue(lines[line - 1].contains(from), "test edit does not apply to line " + line + ": " + lines[line - 1]);
        lines[line - 1] = lines[line - 1].replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to));
        String edited = String.join("\n", lines);
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioErrorsTest.parse(edited));
        assertEquals("test.yaml", e.file());
        assertEquals(path, e.path(), e.getMessage());
        assertTrue(e.problem().contains(message), () -> "expected '" + message + "' in: " + e.getMessage());
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(lines[line - 1].indexOf(token) + 1, e.column(), e.getMessage());
        assertTrue(e.getMessage().startsWith("test.yaml:" + e.line() + ":" + e.column() + ": " + path + ": "), e.getMessage());
    }
}
