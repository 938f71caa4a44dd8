package org.payrisk.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.payrisk.payment.Capitation;
import org.payrisk.payment.EpisodeProgram;
import org.payrisk.payment.FeeForService;
import org.payrisk.payment.MedicareFeeForService;
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
}
