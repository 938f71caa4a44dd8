package org.payrisk.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.payrisk.cli.Main;
import org.payrisk.dist.Constant;
import org.payrisk.dist.Distribution;
import org.payrisk.dist.Normal;
import org.payrisk.payment.Capitation;
import org.payrisk.payment.FeeForService;
import org.payrisk.payment.PaymentModel;
import org.payrisk.payment.PaymentRule;
import org.payrisk.payment.UncheckedTerms;
import org.payrisk.scenario.Scenario;
import org.payrisk.testing.Scenarios;

/**
 * Deterministic tier: a trial whose outcome overflows to infinity or NaN stops the run with a user
 * error naming the model, the outcome and the trial, whatever input caused it. The payment records
 * refuse out-of-range terms when built, so the overflowing models here are built without their checks
 * ({@link UncheckedTerms}): the backstop is tested for inputs that validation may refuse up front.
 */
class NonFiniteOutcomeTest {

    private static final Scenario BASE = Scenarios.parse(CommonRandomNumbersTest.PRACTICE + String.join("\n",
            "  - name: ffs",
            "    default: { feeForService: { evaluation: 100, perUnit: 30 } }",
            ""));

    private static NonFiniteOutcomeException fail(PaymentRule rule) {
        PaymentModel bad = new PaymentModel("huge", List.of(rule), new int[] {0, 0});
        EngineInput input = new EngineInput(BASE.practice(), List.of(BASE.models().get(0), bad));
        return assertThrows(NonFiniteOutcomeException.class,
                () -> new LocalEngine().run(input, new RunSettings(50, 1L, 2), SimulationEngine.Progress.NONE));
    }

    @Test
    void aHugePmpmFailsNamingModelMetricAndTrial() {
        NonFiniteOutcomeException e = fail(unchecked(Constant.of(1e308), Constant.of(1000)));
        assertEquals("huge", e.model());
        assertEquals(0, e.trial(), "the first trial already overflows");
        assertTrue(e.getMessage().startsWith("trial 0 gave model `huge`'s net income in month 1 as Infinity, not a finite number"),
                e.getMessage());
        assertTrue(e.getMessage().contains("models[huge]"), e.getMessage());
    }

    @Test
    void aHugeSdOrPriceFailsToo() {
        NonFiniteOutcomeException e = fail(unchecked(Normal.of(5, 1e308), Constant.of(1000)));
        assertEquals("huge", e.model());
        assertTrue(e.getMessage().contains("(models[huge].default.capitation.pmpm drew "), "names the drawn input: " + e.getMessage());
        NonFiniteOutcomeException f = fail(UncheckedTerms.build(
                () -> new FeeForService(Constant.of(1e308), Constant.of(1e308), Constant.of(0))));
        assertEquals("huge", f.model());
        assertTrue(f.metric().startsWith("net income in month"), f.metric());
    }

    @Test
    void theRecordsThemselvesRefuseSuchTerms() {
        IllegalArgumentException c = assertThrows(IllegalArgumentException.class,
                () -> new Capitation(Constant.of(1e308), Constant.of(1000)));
        assertTrue(c.getMessage().startsWith("pmpm: expected"), c.getMessage());
        IllegalArgumentException f = assertThrows(IllegalArgumentException.class,
                () -> new FeeForService(Constant.of(1e308), Constant.of(30), Constant.of(0)));
        assertTrue(f.getMessage().startsWith("evaluation: expected"), f.getMessage());
    }

    /** A capitation contract without its range checks: the record refuses such terms when checked. */
    private static Capitation unchecked(Distribution pmpm, Distribution members) {
        return UncheckedTerms.build(() -> new Capitation(pmpm, members));
    }

    /**
     * End to end: exit 2, one paragraph, no "internal error". (Once validation bounds money inputs,
     * the same file is refused before the run, also with exit 2; either way it is not a bug.)
     */
    @Test
    void theCommandLineGivesExitTwoWithoutATrace(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("huge.yaml");
        Files.writeString(file, CommonRandomNumbersTest.PRACTICE + String.join("\n",
                "  - name: huge",
                "    default: { capitation: { pmpm: 1e308, members: 1000 } }",
                ""));
        StringWriter err = new StringWriter();
        int code = Main.execute(new String[] {"run", file.toString(), "--trials", "20", "--out", dir.resolve("out").toString(),
                "--no-report", "--quiet"}, new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(Main.BAD_INPUT, code, err.toString());
        assertFalse(err.toString().contains("internal error"), err.toString());
        assertFalse(err.toString().contains("\tat "), "no stack trace: " + err);
    }
}
