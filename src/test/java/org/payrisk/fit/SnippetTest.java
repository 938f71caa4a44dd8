package org.payrisk.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.payrisk.dist.Beta;
import org.payrisk.dist.Binomial;
import org.payrisk.dist.Distribution;
import org.payrisk.dist.LogNormal;
import org.payrisk.dist.NegativeBinomial;
import org.payrisk.scenario.Scenario;
import org.payrisk.scenario.ScenarioException;
import org.payrisk.scenario.ScenarioLoader;
import org.payrisk.scenario.ScenarioSource;

/**
 * The YAML line {@code payrisk fit} prints is pasted, comment and all, over a field of the shipped
 * scenario, and payrisk's own scenario reader (DistributionReader behind ScenarioLoader) must read
 * it back as the fitted family with the printed parameters, each within 0.05 of its standard error
 * of the unrounded estimate. Deterministic (fixed data).
 */
class SnippetTest {

    static final Path SCENARIO = Path.of("scenarios/ot-private-practice.yaml");

    static DataColumn named(String column, double[] x) {
        int[] ones = new int[x.length];
        java.util.Arrays.fill(ones, 1);
        return new DataColumn(Path.of("data.csv"), column, x, ones, ones);
    }

    /** Replaces the first line holding {@code field:} with the snippet, indented the same. */
    static Scenario pasteOver(String field, String snippet) throws IOException, ScenarioException {
        String text = Files.readString(SCENARIO, StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("(?m)^( *)" + field + ":.*$").matcher(text);
        assertTrue(m.find(), field + " in the scenario");
        String pasted = text.substring(0, m.start()) + m.group(1) + snippet + text.substring(m.end());
        return ScenarioLoader.parse(new ScenarioSource(SCENARIO, pasted.getBytes(StandardCharsets.UTF_8)));
    }

    static void assertRounded(FamilyFit f, double... parsed) {
        int j = 0;
        for (Parameter p : f.parameters()) {
            double tolerance = p.fixed() ? 0 : 0.05 * p.standardError() * (1 + 1e-9);
            assertEquals(p.value(), parsed[j++], tolerance, p.name() + " printed within 0.05 SE of the estimate");
        }
    }

    @Test
    void countSnippetReadsBackAsTheFittedNegativeBinomial() throws Exception {
        FitResult r = Fitter.fit(named("followUpVisits", FitterReferenceTest.COUNTS), null, 0, Fitter.MIN_BOOTSTRAP, null);
        String line = Snippet.yaml(r, r.winner());
        assertTrue(line.startsWith("followUpVisits: { negativeBinomial: { mean: "), line);
        assertTrue(line.contains("# fitted to data.csv:followUpVisits, n = 40, maximum likelihood; chi-square "), line);
        Distribution d = pasteOver("followUpVisits", line).practice().demand().cases().get(0).followUpVisits();
        NegativeBinomial nb = assertInstanceOf(NegativeBinomial.class, d);
        assertRounded(r.winner(), nb.mean(), nb.dispersion());
    }

    @Test
    void binomialSnippetKeepsItsN() throws Exception {
        FitResult r = Fitter.fit(named("followUpVisits", FitterReferenceTest.COUNTS), FitKind.COUNT, 20,
                Fitter.MIN_BOOTSTRAP, null);
        FamilyFit binomial = r.fits().stream().filter(f -> f.family().equals("binomial")).findFirst().orElseThrow();
        Distribution d = pasteOver("followUpVisits", Snippet.yaml(r, binomial)).practice().demand().cases().get(0)
                .followUpVisits();
        Binomial b = assertInstanceOf(Binomial.class, d);
        assertEquals(20, b.n());
        assertRounded(binomial, b.n(), b.p());
    }

    @Test
    void normalThatCanDrawNegativesSaysSoAndIsRefusedForACount() throws Exception {
        FitResult r = Fitter.fit(named("followUpVisits", FitterReferenceTest.AMOUNTS), null, 0, Fitter.MIN_BOOTSTRAP, null);
        FamilyFit normal = r.fits().stream().filter(f -> f.family().equals("normal")).findFirst().orElseThrow();
        String line = Snippet.yaml(r, normal);
        assertTrue(line.contains("draws below 0 with probability 0.025, so fields that cannot be negative refuse it"), line);
        ScenarioException e = org.junit.jupiter.api.Assertions.assertThrows(ScenarioException.class,
                () -> pasteOver("followUpVisits", line));
        assertTrue(e.getMessage().contains("draws a negative value with probability"), e.getMessage());
        assertTrue(!Snippet.yaml(r, r.winner()).contains("draws below 0"), "gamma stays above 0");
    }

    @Test
    void continuousSnippetReadsBackAsTheFittedLaw() throws Exception {
        // shifted so that the normal fit, too, keeps clear of 0 (P(X < 0) about 1e-10)
        double[] x = java.util.Arrays.stream(FitterReferenceTest.AMOUNTS).map(v -> v + 3000).toArray();
        FitResult r = Fitter.fit(named("followUpVisits", x), null, 0, Fitter.MIN_BOOTSTRAP, null);
        assertEquals(3, r.fits().size());
        for (FamilyFit f : r.fits()) {
            Distribution d = pasteOver("followUpVisits", Snippet.yaml(r, f)).practice().demand().cases().get(0)
                    .followUpVisits();
            assertEquals(f.family(), d.family());
            if (d instanceof LogNormal ln) {
                assertRounded(f, ln.mean(), ln.sdValue());
            } else if (d instanceof org.payrisk.dist.Gamma g) {
                assertRounded(f, g.mean(), g.sdValue());
            } else if (d instanceof org.payrisk.dist.Normal n) {
                assertRounded(f, n.mu(), n.sigma());
            }
        }
    }

    @Test
    void probabilitySnippetReadsBackAsTheFittedBeta() throws Exception {
        FitResult r = Fitter.fit(named("cancellationRate", FitterReferenceTest.SHARES), null, 0, Fitter.MIN_BOOTSTRAP, null);
        assertEquals(FitKind.PROBABILITY, r.kind());
        Distribution d = pasteOver("cancellationRate", Snippet.yaml(r, r.winner())).practice().demand().cancellationRate();
        Beta b = assertInstanceOf(Beta.class, d);
        assertRounded(r.winner(), b.mean(), b.sdValue());
    }

    @Test
    void roundingKeepsTwoDigitsOfTheStandardErrorAndThreeOfTheValue() {
        assertEquals("9.123", Snippet.round(9.1234, 0.0456, 0));
        assertEquals("1530", Snippet.round(1529.706, 29.1, 0));
        assertEquals("0.1073", Snippet.round(0.10734, 0.002, 0));
        // a huge SE still leaves three significant digits of the value
        assertEquals("4.56", Snippet.round(4.5633, 20, 0));
        assertEquals("\"visits per episode\"", Snippet.key("visits per episode"));
        assertEquals("visits_2", Snippet.key("visits_2"));
        assertEquals("\"a\\u000Ab \\\"c\\\"\"", Snippet.key("a\nb \"c\""));
        assertEquals("visits?2.csv:x", Snippet.printable("visits\n2.csv:x"));
    }
}
