package org.payrisk.testing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.payrisk.engine.LocalEngine;
import org.payrisk.engine.RunSettings;
import org.payrisk.engine.SimulationEngine;
import org.payrisk.practice.PracticeModel;
import org.payrisk.scenario.Scenario;
import org.payrisk.scenario.ScenarioException;
import org.payrisk.scenario.ScenarioLoader;
import org.payrisk.scenario.ScenarioSource;
import org.payrisk.stats.TrialOutcomes;

/** Test helpers: scenarios from inline YAML, and runs on the local engine. */
public final class Scenarios {
    private Scenarios() {
    }

    /**
     * @param yaml scenario text
     * @return the parsed scenario (file name {@code test.yaml})
     */
    public static Scenario parse(String yaml) {
        try {
            return ScenarioLoader.parse(new ScenarioSource(Path.of("test.yaml"), yaml.getBytes(StandardCharsets.UTF_8)));
        } catch (ScenarioException e) {
            throw new AssertionError("test scenario invalid: " + e.getMessage(), e);
        }
    }

    /**
     * A 12-month practice (9 visits per clinician-day, 20 workdays, $500 a month plus $20 a visit) with
     * the demand given, paid by one placeholder fee-for-service model: for tests of the practice
     * simulation and of payment rules called directly.
     *
     * @param clinicians clinicians
     * @param arrivals {@code newEpisodesPerMonth}, e.g. {@code "{ poisson: { mean: 12 } }"}
     * @param cancellationRate {@code cancellationRate}, a number or a distribution
     * @param payers {@code payers}, e.g. {@code "{ a: 0.6, b: 0.4 }"}
     * @param cases one flow map per case
     * @return the parsed practice
     */
    public static PracticeModel practice(int clinicians, String arrivals, String cancellationRate, String payers,
                                         String... cases) {
        StringBuilder yaml = new StringBuilder(String.join("\n",
                "name: practice",
                "horizonMonths: 12",
                "practice: { clinicians: " + clinicians + ", visitsPerClinicianDay: 9, workdaysPerMonth: 20,",
                "            costs: { fixedPerMonth: 500, perAttendedVisit: 20 } }",
                "demand:",
                "  newEpisodesPerMonth: " + arrivals,
                "  cancellationRate: " + cancellationRate,
                "  payers: " + payers,
                "  cases:", ""));
        for (String c : cases) {
            yaml.append("    - ").append(c).append('\n');
        }
        yaml.append("models: [ { name: m, default: { feeForService: { evaluation: 1, perUnit: 1 } } } ]\n");
        return parse(yaml.toString()).practice();
    }

    /**
     * @param s scenario
     * @param trials trials
     * @param seed seed
     * @param threads threads
     * @return outcomes
     */
    public static TrialOutcomes run(Scenario s, int trials, long seed, int threads) {
        try {
            return new LocalEngine().run(s, new RunSettings(trials, seed, threads), SimulationEngine.Progress.NONE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
