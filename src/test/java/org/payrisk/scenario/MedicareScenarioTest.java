package org.payrisk.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.payrisk.dist.Constant;
import org.payrisk.payment.Capitation;
import org.payrisk.payment.EpisodeProgram;
import org.payrisk.payment.FeeForService;
import org.payrisk.payment.MedicareFeeForService;
import org.payrisk.payment.MedicarePfs;
import org.payrisk.payment.Mppr;
import org.payrisk.payment.PercentOfMedicare;
import org.payrisk.payment.PaymentModel;
import org.payrisk.payment.QualityWithhold;
import org.payrisk.payment.SharedSavings;

/** Reading and validating the new payment fields: every error names line:column, path, expected and found. */
class MedicareScenarioTest {

    static final String HEAD = """
            name: t
            practice: { clinicians: 1, visitsPerClinicianDay: 10, workdaysPerMonth: 20,
                        costs: { fixedPerMonth: 1000, perAttendedVisit: 10 } }
            demand:
              newEpisodesPerMonth: 4
              payers: { medicare: 1 }
              cases: [ { name: ortho, share: 1, followUpVisits: 6, visitsPerMonth: 8, unitsPerVisit: 3 } ]
            """;

    static final String MEDICARE = """
              feeForService:
                feeSchedule:
                  "97165": { total: 100.54, pe: 58.0 }
                  "97530": { total: 35.07, pe: 20.3 }
                evaluationCode: "97165"
                codeMix: { "97530": 1 }
                minutesPerVisit: { normal: { mean: 45, sd: 8, min: 0 } }
                kx: { threshold: 2480, medicalNecessityDocumented: 0.95 }
                mipsAdjustment: { uniform: { min: -0.05, max: 0.02 } }
            """;

    static org.payrisk.scenario.Scenario parse(String yaml) throws ScenarioException {
        return ScenarioLoader.parse(new ScenarioSource(Path.of("t.yaml"), yaml.getBytes(StandardCharsets.UTF_8)));
    }

    static ScenarioException error(String yaml) {
        return assertThrows(ScenarioException.class, () -> parse(yaml));
    }

    @Test
    void readsTheMedicareFormWithOverlaysAndLag() throws Exception {
        var s = parse(HEAD + "cash: { startingReserve: 40000 }\nmodels:\n  - name: m\n    default:\n" + MEDICARE.replace("\n  ", "\n      ")
                .replaceFirst("^  ", "      ")
                + "      paymentLagMonths: { uniform: { min: 0.5, max: 1.5 } }\n"
                + "      overlays: [ { qualityWithhold: { rate: 0.02, qualityScore: { beta: { mean: 0.8, sd: 0.1 } } } },\n"
                + "                  { sharedSavings: { benchmarkPerEpisode: 900, sharingRate: 0.5, minimumSavingsRate: 0.02 } } ]\n");
        PaymentModel m = s.models().get(0);
        MedicareFeeForService r = assertInstanceOf(MedicareFeeForService.class, m.rules().get(0));
        assertEquals(0.8, r.payerShare());
        assertEquals(0.02, r.sequestration());
        assertEquals(2480, r.kx().threshold());
        assertEquals(3000, r.kx().reviewThreshold());
        assertInstanceOf(QualityWithhold.class, m.terms().get(0).overlays().get(0));
        SharedSavings ss = assertInstanceOf(SharedSavings.class, m.terms().get(0).overlays().get(1));
        assertEquals(18, ss.settlementMonth());
        assertEquals(40000, m.cash().startingReserve());
    }

    @Test
    void theSimpleFormIsUnchanged() throws Exception {
        var s = parse(HEAD + "models: [ { name: m, default: { feeForService: { evaluation: 100, perUnit: 30 } } } ]\n");
        assertInstanceOf(FeeForService.class, s.models().get(0).rules().get(0));
        assertTrue(s.models().get(0).terms().get(0).isNone());
    }

    @Test
    void unknownFieldsSuggestTheNearestName() {
        ScenarioException e = error(HEAD + "models: [ { name: m, default: { feeForService: { feeSchedule: { \"97530\": { total: 35, pe: 20 } }, "
                + "evaluationCode: \"97530\", codeMx: { \"97530\": 1 } } } } ]\n");
        assertTrue(e.problem().contains("did you mean `codeMix`"), e.getMessage());
        assertTrue(e.path().endsWith("feeForService.codeMx"), e.path());
        assertEquals(8, e.line()); // the models line, after the 7 lines of HEAD

        ScenarioException o = error(HEAD + "models: [ { name: m, default: { feeForService: { evaluation: 1, perUnit: 1 }, "
                + "overlays: [ { qualityWithold: { rate: 0.02, qualityScore: 0.9 } } ] } } ]\n");
        assertTrue(o.problem().contains("did you mean `qualityWithhold`"), o.getMessage());

        ScenarioException lag = error(HEAD + "models: [ { name: m, default: { feeForService: { evaluation: 1, perUnit: 1 }, "
                + "paymentLag: 1 } } ]\n");
        assertTrue(lag.problem().contains("did you mean `paymentLagMonths`"), lag.getMessage());
    }

    @Test
    void feeScheduleErrors() {
        ScenarioException pe = error(HEAD + "models: [ { name: m, default: { feeForService: { feeSchedule: { \"97530\": { total: 35, pe: 40 } }, "
                + "evaluationCode: \"97530\", codeMix: { \"97530\": 1 } } } } ]\n");
        assertTrue(pe.problem().contains("at most the total"), pe.getMessage());
        assertTrue(pe.path().endsWith("feeSchedule.97530.pe"), pe.path());

        ScenarioException code = error(HEAD + "models: [ { name: m, default: { feeForService: { feeSchedule: { \"97530\": { total: 35, pe: 20 } }, "
                + "evaluationCode: \"97531\", codeMix: { \"97530\": 1 } } } } ]\n");
        assertTrue(code.problem().contains("unknown CPT code `97531`") && code.problem().contains("did you mean `97530`"),
                code.getMessage());

        ScenarioException mix = error(HEAD + "models: [ { name: m, default: { feeForService: { feeSchedule: { \"97530\": { total: 35, pe: 20 } }, "
                + "evaluationCode: \"97530\", codeMix: { \"97530\": 0.9 } } } } ]\n");
        assertTrue(mix.problem().contains("summing to 1"), mix.getMessage());

        ScenarioException mips = error(HEAD + "models: [ { name: m, default: { feeForService: { feeSchedule: { \"97530\": { total: 35, pe: 20 } }, "
                + "evaluationCode: \"97530\", codeMix: { \"97530\": 1 }, mipsAdjustment: { normal: { mean: 0, sd: 0.05 } } } } } ]\n");
        assertTrue(mips.problem().contains("+/-9%"), mips.getMessage());

        ScenarioException mixed = error(HEAD + "models: [ { name: m, default: { feeForService: { feeSchedule: { \"97530\": { total: 35, pe: 20 } }, "
                + "evaluationCode: \"97530\", codeMix: { \"97530\": 1 }, perUnit: 30 } } } ]\n");
        assertTrue(mixed.problem().contains("simple form"), mixed.getMessage());
    }

    /** Issue 7 items 4-5 in the Medicare form: fields priced unit by unit, codes and factors are bounded. */
    @Test
    void medicareInputsAreBounded() {
        String base = "models: [ { name: m, default: { feeForService: { feeSchedule: { \"97530\": { total: 35, pe: 20 } }, "
                + "evaluationCode: \"97530\", codeMix: { \"97530\": 1 }, EXTRA } } } ]\n";
        ScenarioException minutes = error(HEAD + base.replace("EXTRA", "minutesPerVisit: 1e9"));
        assertTrue(minutes.problem().startsWith("expected a number >= 0 of at most 1440 (minutes in a day), found 1e9"),
                minutes.getMessage());
        assertTrue(minutes.path().endsWith("feeForService.minutesPerVisit"), minutes.path());
        ScenarioException tail = error(HEAD + base.replace("EXTRA", "minutesPerVisit: { lognormal: { mean: 45, sd: 1e6 } }"));
        assertTrue(tail.problem().startsWith("expected a distribution of values up to 1440 (minutes in a day)"), tail.getMessage());
        ScenarioException cf = error(HEAD + base.replace("EXTRA", "conversionFactorChange: { uniform: { min: 0, max: 1e9 } }"));
        assertTrue(cf.problem().contains("of at most 1 (a 100% rise)"), cf.getMessage());
        ScenarioException fee = error(HEAD + base.replace("total: 35", "total: 1e300").replace(", EXTRA", ""));
        assertTrue(fee.problem().contains("of at most 1e12"), fee.getMessage());
        assertTrue(fee.path().endsWith("feeSchedule.97530.total"), fee.path());
        ScenarioException empty = error(HEAD + base.replace("\"97530\": { total", "\"\": { total").replace(", EXTRA", ""));
        assertTrue(empty.problem().startsWith("expected a CPT code such as 97530, found an empty name"), empty.getMessage());
        ScenarioException octal = error(HEAD + base.replace("EXTRA", "minutesPerVisit: 045"));
        assertTrue(octal.problem().contains("found 045: numbers with a leading zero are not accepted"), octal.getMessage());
    }

    @Test
    void episodeProgramAndCapitationTerms() throws Exception {
        var s = parse(HEAD + """
                models:
                  - name: team
                    default:
                      bundled:
                        reconciliation:
                          feeForService: { evaluation: 100, perUnit: 30 }
                          targetPrice: { ortho: 1200 }
                          discount: 0.02
                          stopGain: 0.10
                          stopLoss: 0.10
                  - name: cap
                    default:
                      capitation:
                        pmpm: 4.10
                        members: 2000
                        churn: { leaveRate: 0.02, joinsPerMonth: { poisson: { mean: 40 } } }
                        riskCorridor: { band: 0.05, share: 0.5 }
                        stopLoss: { attachmentPerEpisode: 3000, share: 0.8, valuePerVisit: 110 }
                """);
        EpisodeProgram p = assertInstanceOf(EpisodeProgram.class, s.models().get(0).rules().get(0));
        assertEquals(18, p.settlementMonth());
        Capitation c = assertInstanceOf(Capitation.class, s.models().get(1).rules().get(0));
        assertEquals(15, c.settlementMonth());
        assertTrue(Double.isNaN(c.corridor().valuePerVisit()));

        ScenarioException both = error(HEAD + """
                models: [ { name: b, default: { bundled: { perEpisode: 900, reconciliation: { feeForService: { evaluation: 1, perUnit: 1 },
                  targetPrice: 900, stopGain: 0.1 } } } } ]
                """);
        assertTrue(both.problem().contains("prospective"), both.getMessage());

        ScenarioException missing = error(HEAD + """
                models: [ { name: b, default: { bundled: { reconciliation: { feeForService: { evaluation: 1, perUnit: 1 }, targetPrice: 900 } } } } ]
                """);
        assertTrue(missing.problem().contains("missing required field `stopGain`"), missing.getMessage());

        ScenarioException leave = error(HEAD + """
                models: [ { name: c, default: { capitation: { pmpm: 4, members: 100, churn: { leaveRate: 1.5 } } } } ]
                """);
        assertTrue(leave.problem().contains("probability"), leave.getMessage());
        assertTrue(leave.path().endsWith("churn.leaveRate"), leave.path());

        ScenarioException receivables = error(HEAD + "cash: { openingReceivables: steady }\n"
                + "models: [ { name: m, default: { feeForService: { evaluation: 1, perUnit: 1 } } } ]\n");
        assertTrue(receivables.problem().contains("steadyState"), receivables.getMessage());
    }

    // ---- built-in fee schedules, MIPS by score, deductible, percentOfMedicare, workersComp, limits ----

    static String rule(String kind, String body) {
        return HEAD + "models:\n  - name: m\n    default:\n      " + kind + ":\n" + body.indent(8);
    }

    static final String CLAIMS = """
            feeSchedule: { medicarePfs: 2026 }
            evaluationCode: "97165"
            codeMix: { "97530": 0.6, "97110": 0.4 }
            """;

    @Test
    void readsTheBuiltInFeeScheduleWithOverridesInDollarsAndRvus() throws Exception {
        var s = parse(rule("feeForService", """
                feeSchedule:
                  medicarePfs: 2026
                  "97530": { total: 40.00, pe: 20.00 }
                  "97999": { workRvu: 0.50, peRvu: 0.50, mpRvu: 0.01 }
                evaluationCode: "97165"
                codeMix: { "97530": 0.5, "97110": 0.3, "97999": 0.2 }
                mips: { finalScore: { normal: { mean: 84, sd: 11, min: 0, max: 100 } } }
                deductible: { amount: 283, alreadyMet: 0.3 }
                kx: { threshold: 2480, spentElsewhere: { uniform: { min: 0, max: 500 } } }
                """));
        MedicareFeeForService r = assertInstanceOf(MedicareFeeForService.class, s.models().get(0).rules().get(0));
        var fs = r.schedule();
        double cf = MedicarePfs.of(2026).conversionFactor();
        assertEquals(0.87 * cf, fs.totalOf(fs.indexOf("97110")), 1e-12, "97110 from the CY2026 table");
        assertEquals(0.41 * cf, fs.peOf(fs.indexOf("97110")), 1e-12);
        assertEquals(3.01 * cf, fs.totalOf(r.evaluationCode()), 1e-12, "97165");
        assertEquals(40.00, fs.totalOf(fs.indexOf("97530")), 0, "override in dollars");
        assertEquals(1.01 * cf, fs.totalOf(fs.indexOf("97999")), 1e-12, "override in RVUs at the table's CF");
        assertEquals(-1, fs.indexOf("97010"), "status B: not paid by Medicare, not in the schedule");
        assertEquals(100, r.mipsScore().supportMax());
        assertEquals(283, r.deductible().amount());
        assertEquals(500, r.kx().spentElsewhere().supportMax());

        var qp = parse(rule("feeForService", """
                feeSchedule: { medicarePfs: 2026, conversionFactor: 33.5675 }
                evaluationCode: "97165"
                codeMix: { "97530": 1 }
                mips: { lowVolumeExcluded: true }
                """));
        MedicareFeeForService q = assertInstanceOf(MedicareFeeForService.class, qp.models().get(0).rules().get(0));
        assertEquals(1.05 * 33.5675, q.schedule().totalOf(q.schedule().indexOf("97530")), 1e-12, "the table's RVUs at another CF");
        assertEquals(Constant.of(0), q.mipsAdjustment(), "low-volume exclusion: no adjustment");
        assertEquals(null, q.mipsScore());
    }

    @Test
    void readsPercentOfMedicareAndWorkersComp() throws Exception {
        var s = parse(rule("percentOfMedicare", CLAIMS + """
                percent: { uniform: { min: 0.90, max: 1.00 } }
                mppr: wholeFee
                patientShare: 0.2
                limits: { authorizedVisits: 12, reauthorizationDenial: 0.1, visitsPerYear: 20 }
                """));
        PercentOfMedicare p = assertInstanceOf(PercentOfMedicare.class, s.models().get(0).rules().get(0));
        assertEquals("percentOfMedicare", p.kind());
        assertEquals(Mppr.WHOLE_FEE, p.mppr());
        assertEquals(0.2, p.patientShare());
        assertEquals(20, p.limits().visitsPerYear());
        assertTrue(p.limits().delivered());
        var w = parse(rule("workersComp", CLAIMS + """
                factorOfMedicare: { uniform: { min: 1.1, max: 1.6 } }
                state: WI
                limits: { visitsPerYear: 24, delivered: false, costSavedPerVisit: 28 }
                """));
        PercentOfMedicare wc = assertInstanceOf(PercentOfMedicare.class, w.models().get(0).rules().get(0));
        assertEquals("workersComp", wc.kind());
        assertEquals(1.6, wc.percent().supportMax());
        assertEquals(0, wc.patientShare());
        assertEquals(28, wc.limits().costSavedPerVisit());
    }

    /** Bad inputs of the new fields: kind, the rule's body, the token the error points at, path end, problem text. */
    static Stream<Arguments> badInputs() {
        String c = CLAIMS;
        return Stream.of(
            Arguments.of("feeForService", "feeSchedule: { medicarePfs: 2024 }\nevaluationCode: \"97165\"\ncodeMix: { \"97530\": 1 }",
                "2024", "feeSchedule.medicarePfs", "built-in Medicare fee schedule year [2025, 2026], found 2024"),
            Arguments.of("feeForService", "feeSchedule: { medicarePfs: 2026 }\nevaluationCode: \"97165\"\ncodeMix: { \"97010\": 1 }",
                "1 }", "codeMix.97010", "status B in CY2026"),
            Arguments.of("feeForService", "feeSchedule: { medicarePfs: 2026 }\nevaluationCode: \"97014\"\ncodeMix: { \"97530\": 1 }",
                "\"97014\"", "evaluationCode", "not valid for Medicare"),
            Arguments.of("feeForService", "feeSchedule: { \"97530\": { workRvu: 0.44, peRvu: 0.6, mpRvu: 0.01 } }\n"
                + "evaluationCode: \"97530\"\ncodeMix: { \"97530\": 1 }",
                "{ workRvu", "feeSchedule.97530", "expected a `conversionFactor`"),
            Arguments.of("feeForService", "feeSchedule: { conversionFactor: 33.4, \"97530\": { total: 35, pe: 20 } }\n"
                + "evaluationCode: \"97530\"\ncodeMix: { \"97530\": 1 }",
                "33.4", "feeSchedule.conversionFactor", "codes in dollars only"),
            Arguments.of("feeForService", "feeSchedule: { conversionFactor: 0, \"97530\": { workRvu: 1, peRvu: 1, mpRvu: 0 } }\n"
                + "evaluationCode: \"97530\"\ncodeMix: { \"97530\": 1 }",
                "0,", "feeSchedule.conversionFactor", "a number > 0"),
            Arguments.of("feeForService", "feeSchedule: { medicarePfs: 2026, \"97530\": { workRvu: 0.44, peRvu: -0.6, mpRvu: 0.01 } }\n"
                + "evaluationCode: \"97165\"\ncodeMix: { \"97530\": 1 }",
                "-0.6", "feeSchedule.97530.peRvu", "a number >= 0"),
            Arguments.of("feeForService", c + "mips: { finalScore: 80 }\nmipsAdjustment: 0.01",
                "0.01", "mipsAdjustment", "found both"),
            Arguments.of("feeForService", c + "mips: { finalScore: { normal: { mean: 84, sd: 11 } } }",
                "{ normal", "mips.finalScore", "max of 100"),
            Arguments.of("feeForService", c + "mips: { lowVolumeExcluded: true, finalScore: 80 }",
                "80", "mips.finalScore", "low-volume"),
            Arguments.of("feeForService", c + "mips: { lowVolumeExcluded: 1 }",
                "1 }", "mips.lowVolumeExcluded", "expected true or false"),
            Arguments.of("feeForService", c + "mips: { finalScre: 80 }",
                "80", "mips.finalScre", "did you mean `finalScore`"),
            Arguments.of("feeForService", c + "deductible: { amount: 283, alreadyMet: 1.5 }",
                "1.5", "deductible.alreadyMet", "probability"),
            Arguments.of("feeForService", c + "deductible: { alreadyMet: 0.5 }",
                "{ alreadyMet", "deductible.amount", "missing required field `amount`"),
            Arguments.of("feeForService", c + "kx: { threshold: 2480, spentElsewhere: -5 }",
                "-5", "kx.spentElsewhere", "a number >= 0"),
            Arguments.of("percentOfMedicare", c + "percent: 95",
                "95", "percentOfMedicare.percent", "write 0.95, not 95"),
            Arguments.of("percentOfMedicare", c,
                "feeSchedule", "percentOfMedicare.percent", "missing required field `percent`"),
            Arguments.of("percentOfMedicare", c + "percent: 0.95\nmppr: wholefee",
                "wholefee", "percentOfMedicare.mppr", "did you mean `wholeFee`"),
            Arguments.of("workersComp", c + "factorOfMedicare: 1.2\npatientShare: 0.2",
                "0.2", "workersComp.patientShare", "unknown field `patientShare`"),
            Arguments.of("workersComp", c + "factorOfMedicare: 1.2\nstate: true",
                "true", "workersComp.state", "a label"),
            Arguments.of("percentOfMedicare", c + "percent: 1\nlimits: { reauthorizationDenial: 0.1, visitsPerYear: 20 }",
                "0.1", "limits.reauthorizationDenial", "expected `authorizedVisits` beside it"),
            Arguments.of("percentOfMedicare", c + "percent: 1\nlimits: { visitsPerYear: 20, costSavedPerVisit: 28 }",
                "28", "limits.costSavedPerVisit", "expected `delivered: false`"),
            Arguments.of("percentOfMedicare", c + "percent: 1\nlimits: { visitsPerYear: 20, delivered: false }",
                "{ visitsPerYear", "limits.costSavedPerVisit", "missing required field `costSavedPerVisit`"),
            Arguments.of("percentOfMedicare", c + "percent: 1\nlimits: { delivered: true }",
                "{ delivered", "limits", "expected `authorizedVisits`"),
            Arguments.of("percentOfMedicare", c + "percent: 1\nlimits: { visitsPerYear: 0 }",
                "0 }", "limits.visitsPerYear", "a whole number in [1, 10000]"),
            Arguments.of("percentOfMedicare", c + "percent: 1\nlimits: { authorizedVisits: -2 }",
                "-2", "limits.authorizedVisits", "count"),
            Arguments.of("percentOfMedicare", c + "percent: 1\nlimits: { visitsPerYear: 20, delivered: false, costSavedPerVisit: -1 }",
                "-1", "limits.costSavedPerVisit", "a number >= 0"),
            Arguments.of("percentOfMedicare", c + "percent: 1\npatientShare: 1.5",
                "1.5", "percentOfMedicare.patientShare", "probability"),
            Arguments.of("workersComp", c + "factorOfMedicare: -1",
                "-1", "workersComp.factorOfMedicare", "a number >= 0"),
            Arguments.of("workersComp", c,
                "feeSchedule", "workersComp.factorOfMedicare", "missing required field `factorOfMedicare`"),
            Arguments.of("feeForService", c + "deductible: { amount: -5 }",
                "-5", "deductible.amount", "a number >= 0"),
            Arguments.of("feeForService", c + "mips: { finalScore: -5 }",
                "-5", "mips.finalScore", "a number >= 0"),
            Arguments.of("feeForService", "feeSchedule: { medicarePfs: twenty }\nevaluationCode: \"97165\"\ncodeMix: { \"97530\": 1 }",
                "twenty", "feeSchedule.medicarePfs", "whole number"),
            Arguments.of("feeForService", "feeSchedule: { medicarePfs: 2026, \"97530\": { workRvu: 0.44, peRvu: 0.6 } }\n"
                + "evaluationCode: \"97165\"\ncodeMix: { \"97530\": 1 }",
                "{ workRvu", "feeSchedule.97530.mpRvu", "missing required field `mpRvu`"));
    }

    @ParameterizedTest(name = "{3}: {4}")
    @MethodSource("badInputs")
    void badInputsNameLineColumnPathExpectedAndFound(String kind, String body, String token, String path, String problem) {
        String yaml = rule(kind, body);
        ScenarioException e = error(yaml);
        assertTrue(e.problem().contains(problem), e.getMessage());
        assertTrue(e.path().endsWith(path), "path " + e.path() + " should end with " + path);
        String[] lines = yaml.split("\n", -1);
        // the rule's body starts after HEAD and the four lines models / - name / default / kind
        int body0 = HEAD.split("\n", -1).length - 1 + 4;
        int line = -1;
        int column = -1;
        for (int i = body0; i < lines.length && line < 0; i++) {
            int at = lines[i].indexOf(token);
            if (at >= 0) {
                line = i + 1;
                column = at + 1;
            }
        }
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(column, e.column(), e.getMessage());
        assertTrue(e.getMessage().contains("t.yaml"), e.getMessage());
    }
}
