package org.payrisk.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bad input the core issue lists gives a {@link ScenarioException} naming the file, the line
 * and column, the field path, what was expected and what was found. Positions are computed from the
 * edited text itself (the column of the offending token on its line), not copied from the output.
 */
class ScenarioErrorsTest {

    static final String BASE = String.join("\n",
            "name: base",                                                           // 1
            "horizonMonths: 12",                                                    // 2
            "simulation: { trials: 100, seed: 1 }",                                 // 3
            "practice:",                                                            // 4
            "  clinicians: 2",                                                      // 5
            "  visitsPerClinicianDay: 10",                                          // 6
            "  workdaysPerMonth: 20",                                               // 7
            "  costs: { fixedPerMonth: 1000, perAttendedVisit: 10 }",               // 8
            "demand:",                                                              // 9
            "  newEpisodesPerMonth: { poisson: { mean: 20 } }",                     // 10
            "  seasonality: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]",                  // 11
            "  cancellationRate: { beta: { mean: 0.1, sd: 0.03 } }",                // 12
            "  payers: { medicare: 0.6, commercial: 0.4 }",                         // 13
            "  cases:",                                                             // 14
            "    - name: hand",                                                     // 15
            "      share: 0.5",                                                     // 16
            "      followUpVisits: { negativeBinomial: { mean: 9, dispersion: 3 } }", // 17
            "      visitsPerMonth: 8",                                              // 18
            "      unitsPerVisit: { discrete: { values: [2, 3], weights: [1, 1] } }", // 19
            "    - name: neuro",                                                    // 20
            "      share: 0.5",                                                     // 21
            "      followUpVisits: 12",                                             // 22
            "      visitsPerMonth: 8",                                              // 23
            "      unitsPerVisit: 3",                                               // 24
            "models:",                                                              // 25
            "  - name: ffs",                                                        // 26
            "    default: { feeForService: { evaluation: 100, perUnit: 30, denialRate: 0.05 } }", // 27
            "    payers:",                                                          // 28
            "      commercial: { feeForService: { evaluation: 120, perUnit: 35 } }", // 29
            "  - name: cap",                                                        // 30
            "    default: { capitation: { pmpm: 4, members: 10000 } }",             // 31
            "  - name: bundle",                                                     // 32
            "    default: { bundled: { perEpisode: { hand: 900, neuro: 1400 }, outlier: { afterVisits: 20, perVisit: 50 } } }", // 33
            "");

    static Scenario parse(String text) throws ScenarioException {
        return ScenarioLoader.parse(new ScenarioSource(Path.of("test.yaml"), text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theBaseScenarioIsValid() throws ScenarioException {
        assertEquals(3, parse(BASE).models().size());
    }

    /**
     * @param line 1-based line of the edit
     * @param from text replaced on that line
     * @param to its replacement
     * @param token the text whose first occurrence on that line (after the edit) the error must point at
     * @param path expected field path
     * @param message expected fragment of what was expected / found
     */
    static Arguments edit(int line, String from, String to, String token, String path, String message) {
        return Arguments.of(line, from, to, token, path, message);
    }

    static Stream<Arguments> edits() {
        return Stream.of(
                edit(5, "clinicians", "clinicans", "2", "practice.clinicans",
                        "unknown field `clinicans`; did you mean `clinicians`?"),
                edit(8, "1000", "lots", "lots", "practice.costs.fixedPerMonth", "expected a number >= 0, found the text \"lots\""),
                edit(8, "perAttendedVisit: 10", "perAttendedVisit: -10", "-10", "practice.costs.perAttendedVisit",
                        "expected a number >= 0, found -10"),
                edit(5, "2", ".nan", ".nan", "practice.clinicians", "expected a finite number, found .nan"),
                edit(27, "evaluation: 100", "evaluation: .inf", ".inf", "models[0].default.feeForService.evaluation",
                        "expected a finite number, found .inf"),
                edit(16, "0.5", "1.5", "1.5", "demand.cases[0].share", "expected a probability in [0, 1], found 1.5"),
                edit(27, "denialRate: 0.05", "denialRate: 1.2", "1.2", "models[0].default.feeForService.denialRate",
                        "expected a probability in [0, 1], found 1.2"),
                edit(13, "commercial: 0.4", "commercial: 0.3", "{", "demand.payers",
                        "expected payer shares summing to 1 (within 1.0E-6), found a sum of 0.9"),
                edit(10, "poisson:", "poison:", "{ mean", "demand.newEpisodesPerMonth.poison",
                        "unknown distribution family `poison`; did you mean `poisson`?"),
                edit(12, "sd: 0.03", "sd: 0", "0 }", "demand.cancellationRate.beta.sd", "expected a number > 0, found 0"),
                edit(12, "{ beta: { mean: 0.1, sd: 0.03 } }", "{ uniform: { min: 0.3, max: 0.1 } }", "0.3",
                        "demand.cancellationRate.uniform.min", "expected min < max, found min = 0.3, max = 0.1"),
                edit(22, "12", "{ triangular: { min: 5, mode: 30, max: 20 } }", "30",
                        "demand.cases[1].followUpVisits.triangular.mode", "expected a value in [min, max] = [5, 20], found 30"),
                edit(19, "weights: [1, 1]", "weights: [1, -1]", "[1, -1]", "demand.cases[0].unitsPerVisit.discrete.weights",
                        "expected a number >= 0, found -1"),
                edit(19, "weights: [1, 1]", "weights: [0, 0]", "[0, 0]", "demand.cases[0].unitsPerVisit.discrete.weights",
                        "expected at least one weight > 0, found all zero"),
                edit(11, "[1, 1, ", "[1, ", "[", "demand.seasonality", "expected 12 monthly factors (January first), found 11"),
                edit(30, "cap", "ffs", "ffs", "models[1].name", "duplicate model name `ffs`"),
                edit(13, "commercial: 0.4", "medicare: 0.4", "medicare: 0.4", "demand.payers.medicare",
                        "duplicate field: `medicare` is given twice"),
                edit(20, "neuro", "hand", "hand", "demand.cases[1].name", "duplicate case name `hand`"),
                edit(27, "    default: { feeForService: { evaluation: 100, perUnit: 30, denialRate: 0.05 } }",
                        "    # no default rule", null, "models[0]", "leaves payer `medicare` uncovered"),
                edit(29, "commercial", "comercial", "{ feeForService", "models[0].payers.comercial",
                        "unknown payer `comercial`; did you mean `commercial`?"),
                edit(33, "hand: 900", "hnad: 900", "900", "models[2].default.bundled.perEpisode.hnad", "unknown case `hnad`"),
                edit(33, "hand: 900, ", "", "{ neuro", "models[2].default.bundled.perEpisode.hand",
                        "missing the episode price of case `hand`"),
                edit(3, "trials: 100", "trials: 0", "0", "simulation.trials", "expected a whole number in [1, 100000000], found 0"),
                edit(3, "trials: 100", "trials: 100000001", "100000001", "simulation.trials",
                        "expected a whole number in [1, 100000000], found 100000001"),
                edit(3, "trials: 100", "trials: 2.5", "2.5", "simulation.trials", "expected a whole number"),
                edit(2, "12", "0", "0", "horizonMonths", "expected a whole number in [1, 120], found 0"),
                edit(2, "12", "121", "121", "horizonMonths", "expected a whole number in [1, 120], found 121"),
                edit(7, "  workdaysPerMonth: 20", "  visits: 20", "20", "practice.visits", "unknown field `visits`"),
                edit(12, "{ beta: { mean: 0.1, sd: 0.03 } }", "{ normal: { mean: 0.1, sd: 0.03 } }", "{ normal",
                        "demand.cancellationRate", "expected a distribution of probabilities (values in [0, 1])"),
                edit(31, "members: 10000", "members: { normal: { mean: 100, sd: 50 } }", "{ normal",
                        "models[1].default.capitation.members", "expected a distribution of values >= 0"),
                edit(10, "{ poisson: { mean: 20 } }", "[20]", "[20]", "demand.newEpisodesPerMonth",
                        "expected a count >= 0 or a distribution such as"),
                // issue 7 item 10: one rule for numbers in other bases or with a leading zero, in every field
                edit(7, "20", "021", "021", "practice.workdaysPerMonth",
                        "expected a number > 0 written in decimal, found 021: numbers with a leading zero are not accepted"),
                edit(2, "12", "010", "010", "horizonMonths", "found 010: numbers with a leading zero are not accepted"),
                edit(5, "2", "0x2", "0x2", "practice.clinicians",
                        "found 0x2: hexadecimal, octal and binary numbers are not accepted"),
                edit(3, "trials: 100", "trials: 0x64", "0x64", "simulation.trials",
                        "found 0x64: hexadecimal, octal and binary numbers are not accepted"),
                edit(18, "8", "0b101", "0b101", "demand.cases[0].visitsPerMonth", "found 0b101: hexadecimal, octal and binary"),
                edit(24, "3", "0o3", "0o3", "demand.cases[1].unitsPerVisit", "found 0o3: hexadecimal, octal and binary"),
                edit(24, "3", "08", "08", "demand.cases[1].unitsPerVisit", "found 08: numbers with a leading zero"),
                edit(16, "0.5", "00.5", "00.5", "demand.cases[0].share", "found 00.5: numbers with a leading zero"),
                edit(12, "mean: 0.1", "mean: 01", "01", "demand.cancellationRate.beta.mean",
                        "found 01: numbers with a leading zero"),
                edit(19, "values: [2, 3]", "values: [2, 0x3]", "0x3]", "demand.cases[0].unitsPerVisit.discrete.values[1]",
                        "hexadecimal, octal and binary"),
                // issue 7 item 11: empty or blank names, wherever a name is a key or a value
                edit(13, "commercial: 0.4", "\"\": 0.4", "0.4", "demand.payers.",
                        "expected a payer name such as medicare, found an empty name"),
                edit(13, "commercial: 0.4", "\"  \": 0.4", "0.4", "demand.payers.  ", "found an empty name (only spaces)"),
                edit(15, "hand", "\"\"", "\"\"", "demand.cases[0].name", "expected a case name (text), found an empty text"),
                edit(26, "ffs", "\" \"", "\" \"", "models[0].name", "expected a model name (text), found only spaces"),
                edit(1, "base", "\"\"", "\"\"", "name", "expected a scenario name (text), found an empty text"),
                edit(29, "commercial:", "\"\":", "{ feeForService", "models[0].payers.",
                        "expected a payer of demand.payers, found an empty name"),
                edit(33, "hand: 900", "\"\": 900", "900", "models[2].default.bundled.perEpisode.",
                        "expected a case name of demand.cases, found an empty name"),
                // issue 7 items 4 and 5: money and counts bounded, samplers' ranges known to validation
                edit(8, "1000", "1e308", "1e308", "practice.costs.fixedPerMonth",
                        "expected a number >= 0 of at most 1e12 (the largest number payrisk accepts), found 1e308"),
                edit(31, "pmpm: 4", "pmpm: 1e308", "1e308", "models[1].default.capitation.pmpm", "of at most 1e12"),
                edit(31, "members: 10000", "members: 2e9", "2e9", "models[1].default.capitation.members",
                        "expected a count >= 0 of at most 1e9 (the largest count payrisk accepts), found 2e9"),
                edit(31, "pmpm: 4", "pmpm: { normal: { mean: 4, sd: 1e308, min: 0 } }", "1e308",
                        "models[1].default.capitation.pmpm.normal.sd", "expected a number of at most 1e12 in magnitude"),
                edit(27, "perUnit: 30", "perUnit: { uniform: { min: 0, max: 1e300 } }", "1e300",
                        "models[0].default.feeForService.perUnit.uniform.max", "of at most 1e12 in magnitude"),
                edit(5, "2", "1e6", "1e6", "practice.clinicians", "of at most 100000 (the largest practice payrisk simulates)"),
                edit(7, "20", "32", "32", "practice.workdaysPerMonth", "of at most 31 (days in a month), found 32"),
                edit(10, "mean: 20", "mean: 2e9", "2e9", "demand.newEpisodesPerMonth.poisson.mean",
                        "expected at most 1e9 (the range of the Poisson sampler), found 2000000000"),
                edit(10, "mean: 20", "mean: 999999999", "{ poisson", "demand.newEpisodesPerMonth",
                        "expected a distribution of counts up to 1e9 (the largest count payrisk accepts), found poisson(mean "
                                + "999999999) which exceeds it with probability 0.5"),
                edit(17, "mean: 9", "mean: 1.07e9", "1.07e9", "demand.cases[0].followUpVisits.negativeBinomial.mean",
                        "expected at most 1e9 (the range of the Poisson sampler)"),
                edit(17, "dispersion: 3", "dispersion: 1e300", "1e300", "demand.cases[0].followUpVisits.negativeBinomial.dispersion",
                        "of at most 1e12 in magnitude"),
                edit(17, "mean: 9, dispersion: 3", "mean: 1e6, dispersion: 0.001", "{ negativeBinomial", "demand.cases[0].followUpVisits",
                        "expected a distribution of counts up to 1e9"),
                edit(19, "values: [2, 3]", "values: [2, 97]", "{ discrete", "demand.cases[0].unitsPerVisit",
                        "expected a distribution of counts up to 96 (15-minute units in a day), found discrete"),
                edit(24, "3", "1e9", "1e9", "demand.cases[1].unitsPerVisit",
                        "expected a count >= 0 of at most 96 (15-minute units in a day), found 1e9"),
                edit(5, "2", "1e5", "1e5", "practice.clinicians", "expected a monthly capacity (clinicians x "
                        + "visitsPerClinicianDay x workdaysPerMonth) of at most 1,000,000 visits, so that a trial's visits fit "
                        + "in memory, found 20000000 visits"),
                edit(12, "sd: 0.03", "sd: 1e-300", "1e-300", "demand.cancellationRate.beta.sd",
                        "expected a beta whose shape parameters alpha and beta are at least 0.001"),
                edit(31, "pmpm: 4", "pmpm: { gamma: { mean: 4, sd: 1e-300 } }", "1e-300",
                        "models[1].default.capitation.pmpm.gamma.sd", "expected a gamma sd between 1e-6 and 1000 times its mean 4"),
                edit(31, "pmpm: 4", "pmpm: { lognormal: { mean: 1e-300, sd: 1 } }", "1 }",
                        "models[1].default.capitation.pmpm.lognormal.sd", "expected a lognormal sd between 1e-6 and 1e6 times"),
                // issue 14 item 1: simulation.precision, a share of the mean in (0, 1]
                edit(3, "seed: 1 }", "seed: 1, precision: 0 }", "0 }", "simulation.precision",
                        "expected a number > 0, found 0"),
                edit(3, "seed: 1 }", "seed: 1, precision: 1.5 }", "1.5", "simulation.precision",
                        "expected a number > 0 of at most 1 (a share of the mean net income), found 1.5"),
                edit(3, "seed: 1 }", "seed: 1, precision: lots }", "lots", "simulation.precision",
                        "expected a number > 0, found the text \"lots\""),
                edit(3, "seed: 1 }", "seed: 1, precison: 0.01 }", "0.01", "simulation.precison",
                        "did you mean `precision`?"),
                // issue 7 item 13: no parser internals in messages
                edit(1, "base", "!!binary aGVsbG8=", "!!binary", "name",
                        "expected a number, a text, a list or a mapping, found binary data (a !!binary value)"));
    }

    @ParameterizedTest(name = "[{index}] {4}: {5}")
    @MethodSource("edits")
    void badFieldIsReportedWithFileLineColumnPathExpectedAndFound(int line, String from, String to, String token,
                                                                   String path, String message) {
        String[] lines = BASE.split("\n", -1);
        assertTrue(lines[line - 1].contains(from), "test edit does not apply to line " + line);
        lines[line - 1] = lines[line - 1].replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to));
        String edited = String.join("\n", lines);
        ScenarioException e = assertThrows(ScenarioException.class, () -> parse(edited));
        assertEquals("test.yaml", e.file());
        assertEquals(path, e.path(), e.getMessage());
        assertTrue(e.problem().contains(message), () -> "expected '" + message + "' in: " + e.getMessage());
        if (token != null) {
            assertEquals(line, e.line(), e.getMessage());
            assertEquals(lines[line - 1].indexOf(token) + 1, e.column(), e.getMessage());
        }
        assertTrue(e.getMessage().startsWith("test.yaml:" + e.line() + ":" + e.column() + ": " + path + ": "), e.getMessage());
    }

    @Test
    void missingRequiredFieldNamesTheFieldAndItsMapping() {
        String edited = BASE.replace("  workdaysPerMonth: 20\n", "");
        ScenarioException e = assertThrows(ScenarioException.class, () -> parse(edited));
        assertEquals("practice.workdaysPerMonth", e.path());
        assertEquals("missing required field `workdaysPerMonth`", e.problem());
        assertEquals(5, e.line(), e.getMessage()); // where the practice mapping starts
    }

    /**
     * Every YAML syntax error is told in the user's words at the place to fix: no parser state
     * ("while parsing a block mapping", "&lt;block end&gt;"), no escaped tab, no end-of-file position for an
     * unclosed quote or bracket.
     */
    @Test
    void yamlSyntaxErrorsAreToldInPlainWordsWhereTheyCanBeFixed() {
        String[][] cases = {
            // text, expected line:col, words the message must hold
            {"name: x\npractice:\n\tclinicians: 3\n", "3:1", "a tab character indents this line"},
            {"name: x\npractice:\n  clinicians: 3\n workdays: 2\n", "4:2", "not indented like the lines around it"},
            {"name: x\npractice:\n  clinicians: 3\n  - 4\n", "4:3", "a list item (-) where a field"},
            {"name: x\npractice:\n  clinicians: \"3\n  workdays: 2\n", "3:15", "a quoted text starts here and is never closed"},
            {"name: x\npractice: { clinicians: 3\n", "2:11", "a { mapping starts here and is never closed"},
            {"name: x\ncorrelations: [demand.x, models[0].y: 1]\n", "2:", "a [ list ] that is not closed, or holds a ':'"},
        };
        for (String[] c : cases) {
            ScenarioException e = assertThrows(ScenarioException.class, () -> parse(c[0]), c[0]);
            assertTrue((e.line() + ":" + e.column()).startsWith(c[1]), c[0] + " -> " + e.getMessage());
            assertTrue(e.problem().startsWith("not valid YAML: ") && e.problem().contains(c[2]), e.getMessage());
            assertFalse(e.problem().matches(".*(while parsing|while scanning|<block|\\\\t|TAB).*"), e.getMessage());
        }
    }

    @Test
    void aYamlTagIsNamedNotSilentlyDropped() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> parse("name: x\npractice:\n  clinicians: !foo 3\n"));
        assertEquals("practice.clinicians", e.path());
        assertEquals(3, e.line());
        assertTrue(e.problem().contains("found the YAML tag !foo"), e.getMessage());
    }

    @Test
    void aHugeValueIsAbbreviatedInTheMessage() {
        String digits = "1".repeat(500);
        ScenarioException n = assertThrows(ScenarioException.class,
                () -> parse("name: x\npractice:\n  clinicians: " + digits + "\n"));
        assertTrue(n.getMessage().length() < 300 && n.getMessage().contains("(500 characters)"), n.getMessage());
        String text = "x".repeat(3000);
        ScenarioException t = assertThrows(ScenarioException.class,
                () -> parse("name: x\npractice:\n  clinicians: " + text + "\n"));
        assertTrue(t.getMessage().length() < 300 && t.getMessage().contains("(3000 characters)"), t.getMessage());
    }

    @Test
    void malformedYamlAndJsonPointAtTheProblem() {
        ScenarioException y = assertThrows(ScenarioException.class, () -> parse("name: x\npractice: [1, 2\n"));
        assertEquals("not valid YAML: a [ list starts here and is never closed: add the closing ]", y.problem(), y.getMessage());
        assertEquals(2, y.line());
        assertEquals(11, y.column());
        ScenarioException j = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(
                new ScenarioSource(Path.of("s.json"), "{\"name\": \"x\", \"practice\": }".getBytes(StandardCharsets.UTF_8))));
        assertEquals("s.json", j.file());
        assertEquals(1, j.line());
        assertEquals(27, j.column());
        assertTrue(j.problem().startsWith("not valid JSON: Unexpected character ('}'"), j.getMessage());
    }

    @Test
    void yamlAliasesAndAliasBombsAreRefusedWithoutExpanding() {
        StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            char p = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                bomb.append(i == 0 ? "" : ",").append('*').append(p);
            }
            bomb.append("]\n");
        }
        ScenarioException e = assertThrows(ScenarioException.class, () -> parse(bomb.toString()));
        assertEquals("b[0]", e.path());
        assertTrue(e.problem().contains("aliases are not supported"), e.getMessage());
        ScenarioException alias = assertThrows(ScenarioException.class, () -> parse(BASE.replace("name: base", "name: &n base")
                .replace("name: ffs", "name: *n")));
        assertEquals("models[0].name", alias.path());
    }

    @Test
    void emptyMissingDirectoryAndOversizedFiles(@TempDir Path dir) throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.yaml"), "  \n");
        assertEquals("expected a scenario, found an empty file",
                assertThrows(ScenarioException.class, () -> ScenarioLoader.load(empty)).problem());
        assertEquals("no such file",
                assertThrows(ScenarioException.class, () -> ScenarioLoader.load(dir.resolve("nope.yaml"))).problem());
        assertEquals("expected a scenario file, found a directory",
                assertThrows(ScenarioException.class, () -> ScenarioLoader.load(dir)).problem());
        Path big = dir.resolve("big.yaml");
        Files.write(big, new byte[ScenarioLoader.MAX_BYTES + 1]);
        assertTrue(assertThrows(ScenarioException.class, () -> ScenarioLoader.load(big)).problem()
                .startsWith("expected a scenario file of at most 10485760 bytes (10 MB), found 10485761 bytes"));
    }

    // ---- issue 7 item 13: the text itself -------------------------------------------------------

    static ScenarioException parseBytes(String file, byte[] bytes) {
        return assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(new ScenarioSource(Path.of(file), bytes)));
    }

    /** No parser or Java internals in a message: token names, class names, feature names. */
    static void assertPlain(ScenarioException e) {
        assertTrue(!java.util.regex.Pattern.compile("[A-Z]+_[A-Z_]+|org\\.|java\\.|jackson|snakeyaml|Exception|`[A-Z][A-Za-z]*\\.")
                .matcher(e.getMessage()).find(), () -> "parser internals in: " + e.getMessage());
    }

    @ParameterizedTest(name = "control character U+{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"0007", "001B", "0000", "007F", "0085x", "0090"})
    void controlCharactersAreReportedWhereTheyStand(String code) {
        int cp = Integer.parseInt(code.substring(0, 4), 16);
        if (code.endsWith("x")) {
            // NEL (U+0085) is printable in YAML: accepted in a quoted description
            String ok = BASE.replace("name: base", "name: base\ndescription: \"a" + (char) cp + "b\"");
            org.junit.jupiter.api.Assertions.assertDoesNotThrow(() -> parse(ok));
            return;
        }
        String[] lines = BASE.split("\n", -1);
        lines[11] = lines[11].replace("mean: 0.1", "mean: 0.1" + (char) cp);
        String edited = String.join("\n", lines);
        for (String file : new String[] {"test.yaml", "test.json"}) {
            String text = file.endsWith("json") ? "{\"name\": \"x\",\n  \"description\": \"a" + (char) cp + "b\"}" : edited;
            ScenarioException e = parseBytes(file, text.getBytes(StandardCharsets.UTF_8));
            String[] ls = text.split("\n", -1);
            int line = file.endsWith("json") ? 2 : 12;
            assertEquals(line, e.line(), e.getMessage());
            assertEquals(ls[line - 1].indexOf((char) cp) + 1, e.column(), e.getMessage());
            assertTrue(e.problem().startsWith("expected printable text, found the control character U+" + code), e.getMessage());
            assertPlain(e);
        }
    }

    @Test
    void textThatIsNotUtf8IsNamedAsSuch() {
        byte[] utf16 = ("\uFEFF" + BASE).getBytes(StandardCharsets.UTF_16LE);
        for (String file : new String[] {"test.yaml", "test.json"}) {
            ScenarioException e = parseBytes(file, utf16);
            assertEquals("expected UTF-8 text, found a UTF-16 file (it starts with a UTF-16 byte-order mark); save it as UTF-8",
                    e.problem());
            assertPlain(e);
        }
        ScenarioException be = parseBytes("test.yaml", ("\uFEFF" + BASE).getBytes(StandardCharsets.UTF_16BE));
        assertTrue(be.problem().startsWith("expected UTF-8 text, found a UTF-16 file"), be.getMessage());
        ScenarioException noBom = parseBytes("test.yaml", BASE.getBytes(StandardCharsets.UTF_16LE));
        assertEquals(1, noBom.line());
        assertTrue(noBom.problem().contains("the file looks like UTF-16 or UTF-32: save it as UTF-8"), noBom.getMessage());
        String latin = BASE.replace("name: hand", "name: h\u00e4nd");
        ScenarioException l1 = parseBytes("test.yaml", latin.getBytes(StandardCharsets.ISO_8859_1));
        String[] lines = latin.split("\n", -1);
        assertEquals(15, l1.line(), l1.getMessage());
        assertEquals(lines[14].indexOf('\u00e4') + 1, l1.column(), l1.getMessage());
        assertTrue(l1.problem().startsWith("expected UTF-8 text, found the byte 0xE4"), l1.getMessage());
        assertPlain(l1);
        // a UTF-8 byte-order mark is fine
        org.junit.jupiter.api.Assertions.assertDoesNotThrow(() -> ScenarioLoader.parse(new ScenarioSource(Path.of("t.yaml"),
                ("\uFEFF" + BASE).getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void nestingTooDeepIsLocated() {
        String deep = "[".repeat(70) + "]".repeat(70);
        String yaml = BASE + "extra: " + deep + "\n";
        int line = BASE.split("\n", -1).length;
        ScenarioException y = parseBytes("test.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        assertEquals(line, y.line(), y.getMessage());
        assertTrue(y.column() > "extra: ".length() && y.column() <= "extra: ".length() + 70, y.getMessage());
        assertEquals("not valid YAML: expected at most 64 levels of nested mappings and lists, found deeper nesting", y.problem());
        String json = "{\"name\": \"x\",\n \"extra\": " + deep + "}";
        ScenarioException j = parseBytes("test.json", json.getBytes(StandardCharsets.UTF_8));
        assertEquals(2, j.line(), j.getMessage());
        assertTrue(j.column() > " \"extra\": ".length(), j.getMessage());
        assertPlain(j);
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("test.yaml", "name: x\n? [a, b]\n: 1\n", 2, "found a list"),
                Arguments.of("test.yaml", "name: x\n{a: 1}: 1\n", 2, "found a mapping"),
                Arguments.of("test.yaml", "name: !!binary aGVsbG8=\n", 1, "found binary data"),
                Arguments.of("test.json", "{\"name\": \"x", 1, "in a text value"),
                Arguments.of("test.json", "{\"name\": \"x\", // note\n \"d\": 1}", 1, "JSON has no comments"),
                Arguments.of("test.json", "{\"name\": \"x\", \"d\": NaN}", 1, "Non-standard token 'NaN'"),
                Arguments.of("test.json", "{\"name\": \"x\", \"d\": 1" + "0".repeat(200) + "}", 1,
                        "expected a number of at most 100 characters"),
                Arguments.of("test.json", "{\"name\": \"x\", \"d\": 021}", 1, "Leading zeroes not allowed"));
    }

    @ParameterizedTest(name = "{0}: {3}")
    @MethodSource("malformed")
    void malformedTextIsDescribedInTheUsersWords(String file, String text, int line, String fragment) {
        ScenarioException e = parseBytes(file, text.getBytes(StandardCharsets.UTF_8));
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.column() > 0, e.getMessage());
        assertTrue(e.problem().contains(fragment), () -> "expected '" + fragment + "' in: " + e.getMessage());
        assertPlain(e);
    }

    @Test
    void seasonalityCountsTowardsTheLargestArrivals() throws ScenarioException {
        String busy = BASE.replace("{ poisson: { mean: 20 } }", "{ poisson: { mean: 4e8 } }");
        parse(busy);
        String peak = busy.replace("[1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]", "[1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 3]");
        ScenarioException e = assertThrows(ScenarioException.class, () -> parse(peak));
        assertEquals("demand.newEpisodesPerMonth", e.path());
        assertEquals(10, e.line());
        assertEquals(BASE.split("\n")[9].indexOf("{ poisson") + 1, e.column());
        assertTrue(e.problem().startsWith("expected a distribution of counts up to 1e9 (the largest count payrisk accepts) in "
                + "its busiest month, after the seasonality factor 3, found poisson(mean 400000000) which then exceeds it"),
                e.getMessage());
    }

    @Test
    void decimalNumbersWithZerosStayAccepted() throws ScenarioException {
        Scenario s = parse(BASE.replace("denialRate: 0.05", "denialRate: 0.050").replace("share: 0.5\n      followUpVisits: 12",
                "share: .5\n      followUpVisits: 0").replace("{ fixedPerMonth: 1000,", "{ fixedPerMonth: 1_000.0e0,"));
        assertEquals(1000, s.practice().practice().fixedCostPerMonth());
    }

    @ParameterizedTest(name = "a name of only U+{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"00A0", "2007", "202F", "200B", "FEFF", "3000", "2028"})
    void namesWithNoVisibleCharacterAreRefusedWhereTheyStand(String code) {
        String blank = new String(Character.toChars(Integer.parseInt(code, 16)));
        String q = "\"" + (code.equals("2028") ? "\\u2028" : blank + blank) + "\"";
        // a model, a case and a payer, each located at its own line
        for (String[] edit : new String[][] {{"- name: cap", "- name: " + q, "30"}, {"- name: neuro", "- name: " + q, "20"},
                {"commercial: 0.4", q + ": 0.4", "13"}}) {
            ScenarioException e = assertThrows(ScenarioException.class,
                    () -> parse(BASE.replace(edit[0], edit[1])));
            assertEquals(Integer.parseInt(edit[2]), e.line(), e.getMessage());
            assertTrue(e.getMessage().contains("no visible character") || e.getMessage().contains("only spaces"),
                    e.getMessage());
            assertPlain(e);
        }
    }

    @ParameterizedTest(name = "ffs and {0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"FFS", "Ffs", "\" ffs\"", "\"ffs \"", "\"\\u00a0ffs\"",
        "\"ffs\\u200b\"", "\"\\tFFS\""})
    void namesThatDifferOnlyInCaseOrEndSpacesAreRefusedNamingBoth(String quoted) {
        String first = "ffs";
        ScenarioException model = assertThrows(ScenarioException.class, () -> parse(BASE.replace("- name: cap", "- name: " + quoted)));
        assertEquals(30, model.line(), model.getMessage());
        assertTrue(model.getMessage().contains("duplicate model name") && model.getMessage().contains("`" + first + "` (line 26)"),
                model.getMessage());
        assertPlain(model);
        ScenarioException c = assertThrows(ScenarioException.class,
                () -> parse(BASE.replace("- name: hand", "- name: " + first).replace("- name: neuro", "- name: " + quoted)
                        .replace("hand: 900", "ffs: 900").replace("neuro: 1400", quoted + ": 1400")));
        assertEquals(20, c.line(), c.getMessage());
        assertTrue(c.getMessage().contains("duplicate case name") && c.getMessage().contains("`" + first + "` (line 15)"),
                c.getMessage());
        ScenarioException p = assertThrows(ScenarioException.class, () -> parse(BASE
                .replace("payers: { medicare: 0.6, commercial: 0.4 }", "payers: { " + first + ": 0.6, " + quoted + ": 0.4 }")
                .replace("      commercial: {", "      " + first + ": {")));
        assertEquals(13, p.line(), p.getMessage());
        assertTrue(p.getMessage().contains("duplicate payer name") && p.getMessage().contains("`" + first + "`"),
                p.getMessage());
    }

    @ParameterizedTest(name = "lines ended by {0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"CR", "CRLF", "LF", "NEL", "LS"})
    void aControlCharacterIsLocatedWhateverEndsTheLines(String ending) {
        String eol = switch (ending) {
            case "CR" -> "\r";
            case "CRLF" -> "\r\n";
            case "NEL" -> "\u0085";
            case "LS" -> "\u2028";
            default -> "\n";
        };
        String[] lines = BASE.split("\n", -1);
        lines[11] = lines[11].replace("mean: 0.1", "mean: 0.1\u0007");
        String text = String.join(eol, lines);
        ScenarioException e = parseBytes("test.yaml", text.getBytes(StandardCharsets.UTF_8));
        assertEquals(12, e.line(), e.getMessage());
        assertEquals(lines[11].indexOf('\u0007') + 1, e.column(), e.getMessage());
        if (ending.equals("CR") || ending.equals("CRLF")) {
            // JSON counts \r and \r\n as one line break each, like YAML
            String json = "{\"name\": \"x\"," + eol + "\"description\": \"a\u0007b\"}";
            ScenarioException j = parseBytes("test.json", json.getBytes(StandardCharsets.UTF_8));
            assertEquals(2, j.line(), j.getMessage());
            assertEquals(18, j.column(), j.getMessage());
        }
    }
}
