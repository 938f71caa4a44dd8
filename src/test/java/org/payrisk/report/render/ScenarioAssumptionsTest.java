package org.payrisk.report.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The generic scenario walker: paths, words for distributions, units, comments from the raw lines. */
class ScenarioAssumptionsTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{ uniform: { min: 1, max: 5 } }                     | uniform between 1 and 5",
        "{ triangular: { min: 1, mode: 2, max: 4 } }         | triangular, min 1, most likely 2, max 4",
        "{ pert: { min: 1, mode: 2, max: 4 } }               | PERT, min 1, most likely 2, max 4",
        "{ normal: { mean: 12000, sd: 300 } }                | normal, mean 12,000, sd 300",
        "{ normal: { mean: 10, sd: 2, min: 0, max: 20 } }    | normal, mean 10, sd 2, kept between 0 and 20",
        "{ normal: { mean: 10, sd: 2, min: 0 } }             | normal, mean 10, sd 2, at least 0",
        "{ lognormal: { mean: 3, sd: 1.5 } }                 | lognormal, mean 3, sd 1.5",
        "{ gamma: { mean: 3, sd: 1 } }                       | gamma, mean 3, sd 1",
        "{ beta: { mean: 0.11, sd: 0.03 } }                  | beta, mean 0.11, sd 0.03",
        "{ poisson: { mean: 4.5 } }                          | Poisson, mean 4.5",
        "{ negativeBinomial: { mean: 42, dispersion: 15 } }  | negative binomial, mean 42, dispersion 15",
        "{ binomial: { n: 10, p: 0.3 } }                     | binomial, 10 tries with probability 0.3",
        "{ discrete: { values: [2, 3], weights: [1, 3] } }   | one of 2 (25%), 3 (75%)",
        "{ empirical: { values: [5, 7, 9] } }                | resampled from 3 observed values: 5, 7, 9",
        "{ beta: { mean: 0.1, sd: 0.02, skew: 2 } }          | beta mean 0.1, sd 0.02, skew 2",
        "{ weibull: { shape: 2, scale: 3 } }                 | (generic)",
    })
    void distributionsInWords(String yaml, String words) throws IOException {
        ScenarioAssumptions.Scenario sc = read("x: " + yaml + "\n");
        if (words.equals("(generic)")) {
            // An unknown family is not a distribution: its fields still show, one row each.
            assertEquals(List.of("x.weibull.shape", "x.weibull.scale"),
                    sc.assumptions().stream().map(ScenarioAssumptions.Assumption::path).toList());
            return;
        }
        assertEquals(1, sc.assumptions().size());
        assertEquals(words, sc.assumptions().get(0).value());
    }

    @Test
    void unknownFieldsStillShowWithPathAndValue() throws IOException {
        ScenarioAssumptions.Scenario sc = read("""
                cashFlow:
                  paymentLagDays: { medicare: 14, "odd key.x": 30 }
                  lineOfCredit: true
                  note: some text
                  schedule: [1, 2, 3]
                  overlays: [ { kind: bonus, rate: 0.02 } ]
                """);
        assertEquals(List.of(
                "cashFlow.paymentLagDays.medicare=14",
                "cashFlow.paymentLagDays[\"odd key.x\"]=30",
                "cashFlow.lineOfCredit=true",
                "cashFlow.note=some text",
                "cashFlow.schedule=1, 2, 3",
                "cashFlow.overlays[0].kind=bonus",
                "cashFlow.overlays[0].rate=0.02"),
                sc.assumptions().stream().map(a -> a.path() + "=" + a.value()).toList());
    }

    @Test
    void trailingCommentsGoToTheLastInputOnTheirLine() throws IOException {
        ScenarioAssumptions.Scenario sc = read("""
                practice:   # from the 2024 books
                  clinicians: 3.0      # full-time equivalents
                  label: "room #4"     # a '#' inside quotes is not a comment
                  costs: { fixedPerMonth: 28000, perAttendedVisit: 28.0 }   # per-visit pay
                  # a full-line comment belongs to nothing
                  demand:
                    newEpisodesPerMonth:
                      negativeBinomial: { mean: 42, dispersion: 15 }   # referral log 2023
                  url: http://example.org/#frag
                """);
        assertEquals("full-time equivalents", note(sc, "practice.clinicians"));
        assertEquals("a '#' inside quotes is not a comment", note(sc, "practice.label"));
        assertEquals("room #4", sc.at("practice.label").orElseThrow().value());
        assertEquals("", note(sc, "practice.costs.fixedPerMonth"));
        assertEquals("per-visit pay", note(sc, "practice.costs.perAttendedVisit"));
        assertEquals("referral log 2023", note(sc, "practice.demand.newEpisodesPerMonth"));
        assertEquals("", note(sc, "practice.url"));
        assertEquals("from the 2024 books", note(sc, "practice"));
        assertEquals("(section)", sc.at("practice").orElseThrow().value());
        assertEquals(2, sc.at("practice.clinicians").orElseThrow().line());
        assertEquals(7, sc.at("practice.demand.newEpisodesPerMonth").orElseThrow().line());
    }

    /** Issue 13 item 4: a comment on its own line(s) directly above an input is its source note. */
    @Test
    void commentsOnTheirOwnLineAboveAnInputAreItsNote() throws IOException {
        ScenarioAssumptions.Scenario sc = read("""
                practice:
                  # MGMA 2024 cost survey, median
                  fixedPerMonth: 28000
                  # two lines of source:
                  # the 2023 payroll
                  clinicians: 3        # FTE
                  visits: 9

                  # above a blank line and a section, so it belongs to nothing
                  demand:
                    x: { a: 1, b: 2 }
                """);
        assertEquals("MGMA 2024 cost survey, median", note(sc, "practice.fixedPerMonth"));
        assertEquals("two lines of source: the 2023 payroll; FTE", note(sc, "practice.clinicians"));
        assertEquals("", note(sc, "practice.visits"));
        assertEquals("", note(sc, "practice.demand.x.a"));
    }

    @Test
    void unitsByFieldNameAndMoneyWithCents() throws IOException {
        ScenarioAssumptions.Scenario sc = read("""
                m: { feeForService: { evaluation: 100.60, perUnit: 31.0, denialRate: 0.04 } }
                c: { pmpm: 4.10 }
                b: { perEpisode: { neuro-rehab: 1500 } }
                demand: { payers: { medicare: 0.55 } }
                """);
        ScenarioAssumptions.Assumption eval = sc.at("m.feeForService.evaluation").orElseThrow();
        assertEquals("100.60", eval.value());
        assertEquals("$100.60 per evaluation", eval.inWords());
        assertEquals("$31 per billed unit", sc.at("m.feeForService.perUnit").orElseThrow().inWords());
        assertEquals("probability per claim", sc.at("m.feeForService.denialRate").orElseThrow().unit());
        assertEquals("$4.10 per member per month", sc.at("c.pmpm").orElseThrow().inWords());
        assertEquals("$1,500 per episode", sc.at("b.perEpisode.neuro-rehab").orElseThrow().inWords());
        assertEquals("share of new episodes", sc.at("demand.payers.medicare").orElseThrow().unit());
    }

    @Test
    void unitsOfPaymentRuleAndCashFieldsDependOnTheRuleWhereTheNameIsShared() throws IOException {
        ScenarioAssumptions.Scenario sc = read("""
                cash: { startingReserve: 50000 }
                m:
                  feeForService:
                    kx: { threshold: 2480, reviewThreshold: 3000 }
                    sequestration: 0.02
                    minutesPerVisit: { normal: { mean: 42, sd: 9 } }
                  paymentLagMonths: 1.5
                  overlays:
                    - payForPerformance: { rate: 0.03, threshold: 0.7, settlementMonth: 18 }
                c:
                  capitation:
                    riskCorridor: { band: 0.05, share: 0.5 }
                    stopLoss: { attachmentPerEpisode: 3000, share: 0.8 }
                b: { reconciliation: { targetPrice: 1800, stopGain: 0.1, stopLoss: 0.1, discount: 0.02 } }
                demand: { cases: [ { share: 0.6 } ] }
                """);
        assertEquals("$50,000", sc.at("cash.startingReserve").orElseThrow().inWords());
        assertEquals("$2,480 per beneficiary per year", sc.at("m.feeForService.kx.threshold").orElseThrow().inWords());
        assertEquals("quality score (0 to 1)",
                sc.at("m.overlays[0].payForPerformance.threshold").orElseThrow().unit());
        assertEquals("share of base payments", sc.at("m.overlays[0].payForPerformance.rate").orElseThrow().unit());
        assertEquals("1.5 months", sc.at("m.paymentLagMonths").orElseThrow().inWords());
        assertEquals("share of the payer's part", sc.at("m.feeForService.sequestration").orElseThrow().unit());
        assertEquals("normal, mean 42, sd 9 (timed minutes per follow-up visit)",
                sc.at("m.feeForService.minutesPerVisit").orElseThrow().inWords());
        assertEquals("share of the excess cost or gain", sc.at("c.capitation.riskCorridor.share").orElseThrow().unit());
        assertEquals("share of the cost above the attachment point",
                sc.at("c.capitation.stopLoss.share").orElseThrow().unit());
        assertEquals("$3,000 per episode", sc.at("c.capitation.stopLoss.attachmentPerEpisode").orElseThrow().inWords());
        assertEquals("share of summed targets", sc.at("b.reconciliation.stopLoss").orElseThrow().unit());
        assertEquals("$1,800 per episode", sc.at("b.reconciliation.targetPrice").orElseThrow().inWords());
        assertEquals("share of new episodes", sc.at("demand.cases[0].share").orElseThrow().unit());
        assertEquals("18 month number (1 = first month of the horizon)",
                sc.at("m.overlays[0].payForPerformance.settlementMonth").orElseThrow().inWords());
        assertEquals(50_000.0, sc.startingReserve().orElseThrow());
        assertTrue(sc.hasPaymentLags());
    }

    @Test
    void jsonScenariosWork() throws IOException {
        Path f = Files.writeString(dir.resolve("scenario.json"),
                "{\n  \"name\": \"x\",\n  \"practice\": { \"fixedPerMonth\": 1000 }\n}\n");
        ScenarioAssumptions.Scenario sc = ScenarioAssumptions.find(dir).orElseThrow();
        assertEquals(f, sc.file());
        assertEquals("$1,000 per month", sc.at("practice.fixedPerMonth").orElseThrow().inWords());
        assertEquals(3, sc.at("practice.fixedPerMonth").orElseThrow().line());
    }

    @Test
    void brokenScenarioCopyIsAOneLineInputError() throws IOException {
        Files.writeString(dir.resolve("scenario.yaml"), "a: [1, 2\nb: c\n");
        ReportInputException e = assertThrows(ReportInputException.class, () -> ScenarioAssumptions.find(dir));
        assertTrue(e.getMessage().contains("scenario.yaml: "), e.getMessage());
        assertTrue(e.getMessage().contains("cannot parse"), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"));
    }

    @Test
    void noScenarioCopyIsFine() throws IOException {
        assertTrue(ScenarioAssumptions.find(dir).isEmpty());
    }

    private ScenarioAssumptions.Scenario read(String yaml) throws IOException {
        return ScenarioAssumptions.read(Files.writeString(dir.resolve("scenario.yaml"), yaml));
    }

    private static String note(ScenarioAssumptions.Scenario sc, String path) {
        return sc.at(path).orElseThrow(() -> new AssertionError("no row " + path + " in " + sc.assumptions())).note();
    }
}
