package org.payrisk.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.payrisk.engine.LocalEngine;
import org.payrisk.engine.RunSettings;
import org.payrisk.engine.SimulationEngine;
import org.payrisk.scenario.Scenario;
import org.payrisk.scenario.ScenarioPath;
import org.payrisk.stats.MetricSummary;
import org.payrisk.stats.Summaries;
import org.payrisk.testing.Scenarios;

/**
 * Deterministic tier: a population's practice figures depend only on (run seed, practice id) and the
 * practice's own values, equal a separate run of the practice's scenario, and its across-practice
 * figures are the weighted shares and quantiles computed here by hand; every bad profile row is
 * refused before anything runs, naming the file, line, column, row, field, what was expected and
 * what was found.
 */
class PopulationTest {

    static final String YAML = """
            name: Population test practice
            horizonMonths: 12
            simulation: { trials: 200, seed: 7 }
            practice:
              clinicians: 1.0
              visitsPerClinicianDay: 10
              workdaysPerMonth: 20
              costs: { fixedPerMonth: 5000, perAttendedVisit: 10.0 }
            demand:
              newEpisodesPerMonth: { poisson: { mean: 6 } }
              cancellationRate: 0.1
              payers: { medicare: 0.5, commercial: 0.5 }
              cases:
                - name: general
                  share: 1
                  followUpVisits: { negativeBinomial: { mean: 8, dispersion: 2 } }
                  visitsPerMonth: 8
                  unitsPerVisit: 3
            models:
              - name: fee-for-service
                default:
                  feeForService: { evaluation: 100.0, perUnit: 30.0, denialRate: 0.05 }
              - name: capitation
                default:
                  capitation: { pmpm: 4.0, members: { normal: { mean: 10000, sd: 500 } } }
            """;

    static final String HEADER = "id,practice.clinicians,demand.payers.medicare,demand.payers.commercial\n";

    static Population population(Path dir, String csv, VarySpec vary) throws IOException, AnalysisInputException {
        Path f = dir.resolve("profiles.csv");
        Files.writeString(f, csv);
        return Population.of(Scenarios.parse(YAML), PracticeProfiles.read(f), vary);
    }

    static Map<String, List<Population.Figures>> byId(Population.Result r) {
        Map<String, List<Population.Figures>> out = new HashMap<>();
        for (int i = 0; i < r.population().profiles().rows().size(); i++) {
            out.put(r.population().profiles().rows().get(i).id(), r.practices().get(0).get(i));
        }
        return out;
    }

    @Test
    void addingOrReorderingRowsChangesNoOtherPracticesFiguresNorTheAcrossFigures(@TempDir Path tmp) throws Exception {
        RunSettings settings = new RunSettings(200, 11, 2);
        Population.Runner local = Population.Runner.of(new LocalEngine());
        Population.Result first = population(tmp, HEADER + "a,1,0.5,0.5\nb,2,0.8,0.2\nc,,,\n", null)
                .run(settings, local, SimulationEngine.Progress.NONE);
        Population.Result reordered = population(tmp, HEADER + "c,,,\nb,2,0.8,0.2\na,1,0.5,0.5\n", null)
                .run(settings, local, SimulationEngine.Progress.NONE);
        Population.Result added = population(tmp, HEADER + "a,1,0.5,0.5\nnew,3,0.1,0.9\nb,2,0.8,0.2\nc,,,\n", null)
                .run(settings, local, SimulationEngine.Progress.NONE);
        assertEquals(byId(first), byId(reordered));
        for (String id : List.of("a", "b", "c")) {
            assertEquals(byId(first).get(id), byId(added).get(id), id);
        }
        assertEquals(text(first.across()), text(reordered.across()), "across-practice figures are computed in id order");
        // two practices with the same values but different ids draw different years
        Population.Result twins = population(tmp, HEADER + "x,1,0.5,0.5\ny,1,0.5,0.5\n", null)
                .run(settings, local, SimulationEngine.Progress.NONE);
        assertNotEquals(byId(twins).get("x").get(0).mean(), byId(twins).get("y").get(0).mean());
    }

    /** Every across-practice figure, exactly (records hold arrays, which compare by identity). */
    static String text(List<List<Population.Across>> across) {
        StringBuilder b = new StringBuilder();
        for (List<Population.Across> point : across) {
            for (Population.Across a : point) {
                b.append(a.model()).append(' ').append(a.shareAtRisk()).append(' ').append(a.shareBest()).append(' ')
                        .append(a.meanNetIncome().mean()).append(java.util.Arrays.toString(a.meanNetIncome().quantiles()))
                        .append(a.p05NetIncome().mean()).append(java.util.Arrays.toString(a.p05NetIncome().quantiles()))
                        .append(a.probLoss().mean()).append(java.util.Arrays.toString(a.probLoss().quantiles())).append('\n');
            }
        }
        return b.toString();
    }

    @Test
    void aPracticesFiguresAreThoseOfASeparateRunOfItsScenarioWithItsDerivedSeed(@TempDir Path tmp) throws Exception {
        Population pop = population(tmp, HEADER + "solo,1,0.3,0.7\n", null);
        Population.Result r = pop.run(new RunSettings(300, 5, 1), Population.Runner.of(new LocalEngine()),
                SimulationEngine.Progress.NONE);
        Scenario s = Scenarios.parse(YAML).with(Map.of(ScenarioPath.parse("demand.payers.medicare"), 0.3,
                ScenarioPath.parse("demand.payers.commercial"), 0.7));
        var summary = Summaries.run(Scenarios.run(s, 300, Population.practiceSeed(5, "solo"), 2));
        for (int m = 0; m < 2; m++) {
            MetricSummary ni = summary.models().get(m).netIncome();
            assertEquals(new Population.Figures(ni.mean(), ni.meanStdError(), ni.percentile(5), ni.probLoss()),
                    r.practices().get(0).get(0).get(m));
        }
    }

    @Test
    void practiceSeedsDependOnSeedAndIdOnly() {
        assertEquals(Population.practiceSeed(1, "p1"), Population.practiceSeed(1, "p1"));
        assertNotEquals(Population.practiceSeed(1, "p1"), Population.practiceSeed(2, "p1"));
        assertNotEquals(Population.practiceSeed(1, "p1"), Population.practiceSeed(1, "p2"));
        assertNotEquals(Population.practiceSeed(1, "ab"), Population.practiceSeed(1, "ba"));
    }

    private static PracticeProfiles.Row row(String id, double weight) {
        return new PracticeProfiles.Row(1, 1, id, weight, new double[0], new int[0]);
    }

    private static Population.Figures f(double mean, double probLoss) {
        return new Population.Figures(mean, 0, mean - 1, probLoss);
    }

    @Test
    void acrossPracticeFiguresAreWeightedSharesAndInverseDistributionQuantiles() {
        // four practices, weights 1, 1, 2, 6 (total 10); model A: means 10, 20, 30, 40; model B: 15, 15, 35, 5
        List<PracticeProfiles.Row> rows = List.of(row("d", 6), row("a", 1), row("b", 1), row("c", 2));
        List<List<Population.Figures>> figs = new ArrayList<>(List.of(
                List.of(f(40, 0.05), f(5, 0.50)),
                List.of(f(10, 0.20), f(15, 0.10)),
                List.of(f(20, 0.11), f(15, 0.00)),
                List.of(f(30, 0.00), f(35, 0.30))));
        List<Population.Across> across = Population.across(List.of("A", "B"), rows, figs);
        Population.Across a = across.get(0);
        Population.Across b = across.get(1);
        // weighted mean of A's means: (1*10 + 1*20 + 2*30 + 6*40) / 10 = 33
        assertEquals(33.0, a.meanNetIncome().mean(), 1e-12);
        // A's sorted means 10(w1) 20(w1) 30(w2) 40(w6): cumulative 1, 2, 4, 10; p05 needs 0.5 -> 10,
        // p25 needs 2.5 -> 30, p50 needs 5 -> 40, p75 -> 40, p95 -> 40
        assertArrayEquals(new double[] {10, 30, 40, 40, 40}, a.meanNetIncome().quantiles());
        // B's sorted means 5(w6) 15(w1, a) 15(w1, b) 35(w2): cumulative 6, 7, 8, 10; p05 -> 5, p50 -> 5, p75 needs 7.5 -> 15
        assertArrayEquals(new double[] {5, 5, 5, 15, 35}, b.meanNetIncome().quantiles());
        // P(loss) > 10%: A: a (0.20) and b (0.11) -> 2/10; B: d (0.50) and c (0.30) -> 8/10 (a's 0.10 is not above)
        assertEquals(0.2, a.shareAtRisk(), 1e-15);
        assertEquals(0.8, b.shareAtRisk(), 1e-15);
        // best: a -> B (15 > 10), b -> A (20 > 15), c -> B (35 > 30), d -> A (40 > 5): A 7/10, B 3/10
        assertEquals(0.7, a.shareBest(), 1e-15);
        assertEquals(0.3, b.shareBest(), 1e-15);
    }

    @Test
    void aTieSharesThePracticesWeightEqually() {
        List<Population.Across> across = Population.across(List.of("A", "B"), List.of(row("x", 1)),
                List.of(List.of(f(7, 0), f(7, 0))));
        assertEquals(0.5, across.get(0).shareBest());
        assertEquals(0.5, across.get(1).shareBest());
    }

    @Test
    void everyPointRunsEveryPracticeWithTheSweptValue(@TempDir Path tmp) throws Exception {
        VarySpec pmpm = VarySpec.parse("--vary", "models[capitation].default.capitation.pmpm=3,5");
        Population pop = population(tmp, HEADER + "a,1,0.5,0.5\nb,2,0.8,0.2\n", pmpm);
        Population.Result r = pop.run(new RunSettings(200, 3, 2), Population.Runner.of(new LocalEngine()),
                SimulationEngine.Progress.NONE);
        assertEquals(2, r.across().size());
        for (int i = 0; i < 2; i++) {
            // fee-for-service does not depend on the capitation rate: identical at both points (same seed per practice)
            assertEquals(r.practices().get(0).get(i).get(0), r.practices().get(1).get(i).get(0));
            assertTrue(r.practices().get(1).get(i).get(1).mean() > r.practices().get(0).get(i).get(1).mean());
        }
    }

    // ---- validation: every message names the file, line, column, row, field, expected and found ----

    private static String refusal(Path tmp, String csv) throws IOException {
        Path f = tmp.resolve("bad-profiles.csv");
        Files.writeString(f, csv);
        AnalysisInputException e = assertThrows(AnalysisInputException.class,
                () -> Population.of(Scenarios.parse(YAML), PracticeProfiles.read(f), null));
        assertTrue(e.getMessage().startsWith(f.toString() + ":"), e.getMessage());
        return e.getMessage();
    }

    /** Line and 1-based column of the first occurrence of {@code needle} on line {@code line} of {@code text}. */
    private static String at(String text, int line, String needle) {
        String l = text.split("\n", -1)[line - 1];
        return line + ":" + (l.indexOf(needle) + 1);
    }

    @Test
    void aValueThatBreaksARuleNamesRowColumnFieldExpectedAndFound(@TempDir Path tmp) throws IOException {
        String csv = HEADER + "a,1,0.5,0.5\nb,-2,0.5,0.5\n";
        String m = refusal(tmp, csv);
        assertTrue(m.contains(":" + at(csv, 3, "-2") + ": row 2 (practice \"b\"), column practice.clinicians"), m);
        assertTrue(m.contains("field practice.clinicians"), m);
        assertTrue(m.contains("expected"), m);
        assertTrue(m.contains("-2"), m);
        assertTrue(m.contains("nothing was run"), m);
    }

    @Test
    void anUnknownColumnIsNamedWithItsRowAndADidYouMean(@TempDir Path tmp) throws IOException {
        String csv = "id,practice.clinicianz\na,2\n";
        String m = refusal(tmp, csv);
        assertTrue(m.contains(":" + at(csv, 2, "2") + ": row 1 (practice \"a\"), column practice.clinicianz"), m);
        assertTrue(m.contains("clinicians"), "did you mean: " + m);
    }

    @Test
    void sharesThatBreakARuleOnlyTogetherAreReportedForTheRow(@TempDir Path tmp) throws IOException {
        String csv = HEADER + "a,1,0.6,0.6\n";
        String m = refusal(tmp, csv);
        assertTrue(m.contains(":2: row 1 (practice \"a\"): the base scenario"), m);
        assertTrue(m.contains("summing to 1"), m);
    }

    @Test
    void aCellThatIsNotANumberIsRefusedWhereItStands(@TempDir Path tmp) throws IOException {
        String csv = HEADER + "a,1,0.5,0.5\nb,two,0.5,0.5\n";
        String m = refusal(tmp, csv);
        assertTrue(m.contains(":" + at(csv, 3, "two") + ": row 2 (practice \"b\"), column practice.clinicians"), m);
        assertTrue(m.contains("expected a finite number"), m);
        assertTrue(m.contains("found \"two\""), m);
    }

    @Test
    void aDuplicateIdNamesBothRows(@TempDir Path tmp) throws IOException {
        String csv = "# a comment line is skipped\n" + HEADER + "a,1,0.5,0.5\nb,1,0.5,0.5\na,2,0.5,0.5\n";
        String m = refusal(tmp, csv);
        assertTrue(m.contains(":" + at(csv, 5, "a") + ": row 3, column id"), m);
        assertTrue(m.contains("unique"), m);
        assertTrue(m.contains("row 1 (line 3)"), m);
    }

    @Test
    void badWeightsMissingIdsAndShortRowsAreRefused(@TempDir Path tmp) throws IOException {
        String w = "id,weight\na,0\n";
        String m = refusal(tmp, w);
        assertTrue(m.contains(":" + at(w, 2, "0") + ": row 1 (practice \"a\"), column weight: expected a finite number > 0"), m);
        m = refusal(tmp, "name,practice.clinicians\na,1\n");
        assertTrue(m.contains("expected a column named id"), m);
        m = refusal(tmp, HEADER + "a,1,0.5\n");
        assertTrue(m.contains("row 1: expected 4 fields like the header, found 3"), m);
        m = refusal(tmp, HEADER + ",1,0.5,0.5\n");
        assertTrue(m.contains("column id: expected a practice id, found an empty cell"), m);
        m = refusal(tmp, "id,practice.clinicians,practice.clinicians\na,1,1\n");
        assertTrue(m.contains("twice"), m);
    }

    @Test
    void everyRowIsCheckedBeforeAnythingRunsAndTheCountOfBadRowsIsStated(@TempDir Path tmp) throws IOException {
        String m = refusal(tmp, HEADER + "a,-1,0.5,0.5\nb,1,0.5,0.5\nc,-3,0.5,0.5\n");
        assertTrue(m.contains("row 1 (practice \"a\")"), m);
        assertTrue(m.contains("2 rows have problems"), m);
    }

    @Test
    void aSweptFieldThatIsAlsoAColumnIsRefused(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("p.csv");
        Files.writeString(f, HEADER + "a,1,0.5,0.5\n");
        VarySpec v = VarySpec.parse("--vary", "practice.clinicians=1,2");
        AnalysisInputException e = assertThrows(AnalysisInputException.class,
                () -> Population.of(Scenarios.parse(YAML), PracticeProfiles.read(f), v));
        assertTrue(e.getMessage().contains("column 2 (practice.clinicians)"), e.getMessage());
    }
}
