package org.payrisk.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * "Did you mean" finds the intended name for common misspellings of every distribution family,
 * payment rule and overlay, including the names R ({@code dnbinom}, {@code rlnorm}...), numpy
 * ({@code numpy.random.Generator.negative_binomial}...) and scipy.stats ({@code nbinom},
 * {@code lognorm}, {@code triang}) give the same laws, and through the whole reader, not only
 * {@link Names}.
 */
class NamesTest {

    /** Intended name, then what users write for it. */
    static final Map<String, List<String>> MISSPELLINGS = Map.ofEntries(
            Map.entry("negativeBinomial", List.of("negbinomial", "negBinomial", "nbinom", "negative_binomial",
                    "negative-binomial", "NegativeBinomial", "negbin", "neg_binom", "negativebinomal", "negativeBinom")),
            Map.entry("lognormal", List.of("lnorm", "lognorm", "logNormal", "log_normal", "log-normal", "LogNormal",
                    "lognormale", "lgnormal")),
            Map.entry("uniform", List.of("unif", "Uniform", "uniforn", "uniformly", "unifrom")),
            Map.entry("normal", List.of("norm", "Normal", "gaussian_normal", "nromal", "normale")),
            Map.entry("poisson", List.of("pois", "poison", "Poisson", "poissson", "poisson_dist")),
            Map.entry("binomial", List.of("binom", "Binomial", "binomal", "binomiall")),
            Map.entry("gamma", List.of("gama", "Gamma", "gamm", "gammma")),
            Map.entry("beta", List.of("Beta", "betta", "bet")),
            Map.entry("triangular", List.of("triang", "triangle", "Triangular", "triangualr", "tri")),
            Map.entry("pert", List.of("PERT", "betaPert", "beta_pert", "pret")),
            Map.entry("discrete", List.of("Discrete", "discreet", "rv_discrete", "disc")),
            Map.entry("empirical", List.of("empiric", "Empirical", "emprical", "empirical_dist")));

    static final Map<String, List<String>> RULE_MISSPELLINGS = Map.of(
            "feeForService", List.of("ffs", "fee_for_service", "FeeForService", "fee-for-service", "feeforservice",
                    "feeForServices", "fee"),
            "capitation", List.of("capitated", "Capitation", "capitaton", "capitation_pmpm", "cap"),
            "bundled", List.of("bundle", "Bundled", "bundledPayment", "bundled_payment", "bunlded"));

    static final Map<String, List<String>> OVERLAY_MISSPELLINGS = Map.of(
            "qualityWithhold", List.of("quality_withhold", "withhold", "qualityWithold"),
            "payForPerformance", List.of("pay_for_performance", "payforperformance", "PayForPerformance", "pay4performance"),
            "sharedSavings", List.of("shared_savings", "sharedSaving", "savings"));

    static Stream<Arguments> families() {
        return MISSPELLINGS.entrySet().stream().flatMap(e -> e.getValue().stream().map(w -> Arguments.of(w, e.getKey())));
    }

    static Stream<Arguments> rules() {
        return RULE_MISSPELLINGS.entrySet().stream().flatMap(e -> e.getValue().stream().map(w -> Arguments.of(w, e.getKey())));
    }

    static Stream<Arguments> overlays() {
        return OVERLAY_MISSPELLINGS.entrySet().stream().flatMap(e -> e.getValue().stream().map(w -> Arguments.of(w, e.getKey())));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("families")
    void familyMisspellingsLeadToTheFamily(String written, String intended) {
        String text = ScenarioErrorsTest.BASE.replace("{ poisson: { mean: 20 } }", "{ " + written + ": { mean: 20 } }");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioErrorsTest.parse(text));
        assertEquals("demand.newEpisodesPerMonth." + written, e.path());
        assertTrue(e.problem().startsWith("unknown distribution family `" + written + "`; did you mean `" + intended + "`?"),
                e.getMessage());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("rules")
    void ruleMisspellingsLeadToTheRule(String written, String intended) {
        String text = ScenarioErrorsTest.BASE.replace("default: { capitation:", "default: { " + written + ":");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioErrorsTest.parse(text));
        assertEquals("models[1].default." + written, e.path());
        assertTrue(e.problem().contains("; did you mean `" + intended + "`?"), e.getMessage());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("overlays")
    void overlayMisspellingsLeadToTheOverlay(String written, String intended) {
        assertEquals(intended, Names.nearest(written, PaymentRules.OVERLAYS));
    }

    @Test
    void exactFamilyAndRuleNamesSuggestThemselvesUnderEveryCaseAndSeparator() {
        for (String f : DistributionReader.FAMILIES.keySet()) {
            assertEquals(f, Names.nearest(f.toUpperCase(), DistributionReader.FAMILIES.keySet()));
            assertEquals(f, Names.nearest(f.replaceAll("([A-Z])", "_$1").toLowerCase(), DistributionReader.FAMILIES.keySet()));
        }
        for (String r : RuleRegistry.keys()) {
            assertEquals(r, Names.nearest(r.replaceAll("([A-Z])", "-$1").toLowerCase(), RuleRegistry.keys()));
        }
    }

    @Test
    void unrelatedOrTooShortNamesSuggestNothing() {
        for (String w : List.of("weibull", "x", "ab", "exponential", "zipf", "hypergeom")) {
            assertNull(Names.nearest(w, DistributionReader.FAMILIES.keySet()), w);
        }
    }

    @Test
    void fieldSuggestionsUseTheSameRules() throws Exception {
        String text = ScenarioErrorsTest.BASE.replace("visitsPerClinicianDay", "visits_per_clinician_day");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(
                new ScenarioSource(Path.of("t.yaml"), text.getBytes(StandardCharsets.UTF_8))));
        assertTrue(e.problem().startsWith("unknown field `visits_per_clinician_day`; did you mean `visitsPerClinicianDay`?"),
                e.getMessage());
    }
}
