package org.payrisk.scenario;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.payrisk.stats.TrialOutcomes;
import org.payrisk.testing.Scenarios;

/**
 * The whole class of issue 7 items 4 and 5: every distribution family, with each parameter set in
 * turn to an extreme value (1e300, 1e-300, huge means, tiny sds, their negatives, the samplers'
 * limits), in every kind of place a distribution is used (counts, probabilities, amounts), either
 * is refused by validation with a located message naming a path inside that place, or validates
 * and then runs two trials with finite outcomes. Nothing may validate and then fail in the run.
 */
class ScenarioExtremesTest {

    /** Family, then its parameters at ordinary values (a law on [0, 1] where the family allows it). */
    static final Map<String, String> FAMILIES = new LinkedHashMap<>();

    static {
        FAMILIES.put("uniform", "min: 0, max: 1");
        FAMILIES.put("triangular", "min: 0, mode: 0.5, max: 1");
        FAMILIES.put("pert", "min: 0, mode: 0.5, max: 1");
        FAMILIES.put("normal", "mean: 0.5, sd: 0.1, min: 0, max: 1");
        FAMILIES.put("lognormal", "mean: 0.5, sd: 0.1");
        FAMILIES.put("gamma", "mean: 0.5, sd: 0.1");
        FAMILIES.put("beta", "mean: 0.5, sd: 0.1");
        FAMILIES.put("poisson", "mean: 5");
        FAMILIES.put("negativeBinomial", "mean: 5, dispersion: 2");
        FAMILIES.put("binomial", "n: 10, p: 0.5");
        FAMILIES.put("discrete", "values: [1, 2], weights: [1, 1]");
        FAMILIES.put("empirical", "values: [1, 2, 3]");
    }

    static final List<String> EXTREMES = List.of("1e300", "-1e300", "1e-300", "1e12", "1.07e9", "2e9", "1e-12", "0",
            "999999999", "1e308", "2000");

    /** Line of ScenarioErrorsTest.BASE, the text replaced there, and the field path it holds. */
    record Place(int line, String from, String path) {
    }

    static final List<Place> PLACES = List.of(
            new Place(10, "{ poisson: { mean: 20 } }", "demand.newEpisodesPerMonth"),
            new Place(12, "{ beta: { mean: 0.1, sd: 0.03 } }", "demand.cancellationRate"),
            new Place(17, "{ negativeBinomial: { mean: 9, dispersion: 3 } }", "demand.cases[0].followUpVisits"),
            new Place(19, "{ discrete: { values: [2, 3], weights: [1, 1] } }", "demand.cases[0].unitsPerVisit"),
            new Place(27, "100", "models[0].default.feeForService.evaluation"),
            new Place(27, "0.05", "models[0].default.feeForService.denialRate"),
            new Place(31, "4", "models[1].default.capitation.pmpm"),
            new Place(31, "10000", "models[1].default.capitation.members"),
            new Place(33, "900", "models[2].default.bundled.perEpisode.hand"),
            new Place(33, "50", "models[2].default.bundled.outlier.perVisit"));

    @Test
    void everyFamilyAtExtremeParametersIsRefusedWhereItStandsOrRuns() {
        List<String> failures = new ArrayList<>();
        int ran = 0;
        int refused = 0;
        for (Place place : PLACES) {
            for (var fam : FAMILIES.entrySet()) {
                String[] params = fam.getValue().split(", (?=[a-z]+:)");
                for (int i = 0; i < params.length; i++) {
                    for (String x : EXTREMES) {
                        String[] edited = params.clone();
                        String key = params[i].substring(0, params[i].indexOf(':'));
                        edited[i] = params[i].startsWith("values") || params[i].startsWith("weights")
                                ? key + ": [" + x + ", 1]" : key + ": " + x;
                        String dist = "{ " + fam.getKey() + ": { " + String.join(", ", edited) + " } }";
                        String text = replaceOnLine(ScenarioErrorsTest.BASE, place, dist);
                        String what = place.path() + " = " + dist;
                        Scenario s;
                        try {
                            s = ScenarioErrorsTest.parse(text);
                        } catch (ScenarioException e) {
                            refused++;
                            if (e.line() <= 0 || e.column() <= 0 || !e.path().startsWith(place.path())) {
                                failures.add(what + ": not located inside the field: " + e.getMessage());
                            }
                            continue;
                        } catch (RuntimeException e) {
                            failures.add(what + ": validation crashed: " + e);
                            continue;
                        }
                        try {
                            ran++;
                            TrialOutcomes out = Scenarios.run(s, 2, 1, 1);
                            for (int m = 0; m < out.models().size(); m++) {
                                for (int t = 0; t < 2; t++) {
                                    if (!Double.isFinite(out.netIncome(m, t))) {
                                        failures.add(what + ": validated, then a non-finite net income " + out.netIncome(m, t));
                                    }
                                }
                            }
                        } catch (RuntimeException e) {
                            failures.add(what + ": validated, then the run failed: " + e);
                        }
                    }
                }
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + (ran + refused) + " cases:\n" + String.join("\n", failures.subList(0,
                    Math.min(40, failures.size()))));
        }
        assertTrue(ran > 100 && refused > 100, "the grid should hold both kinds: ran " + ran + ", refused " + refused);
    }

    static String replaceOnLine(String text, Place p, String to) {
        String[] lines = text.split("\n", -1);
        String line = lines[p.line() - 1];
        int at = p.path().endsWith("perVisit") ? line.lastIndexOf(p.from()) : line.indexOf(p.from());
        if (p.path().endsWith("members")) {
            at = line.indexOf("members: ") + "members: ".length();
        } else if (p.path().endsWith("pmpm")) {
            at = line.indexOf("pmpm: ") + "pmpm: ".length();
        } else if (p.path().endsWith("denialRate")) {
            at = line.indexOf("denialRate: ") + "denialRate: ".length();
        } else if (p.path().endsWith("evaluation")) {
            at = line.indexOf("evaluation: ") + "evaluation: ".length();
        } else if (p.path().endsWith("hand")) {
            at = line.indexOf("hand: ") + "hand: ".length();
        }
        if (at < 0 || !line.startsWith(p.from(), at)) {
            throw new IllegalStateException("test place does not apply: " + p);
        }
        lines[p.line() - 1] = line.substring(0, at) + to + line.substring(at + p.from().length());
        return String.join("\n", lines);
    }
}
