package org.payrisk.report.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.payrisk.engine.LocalEngine;
import org.payrisk.engine.RunSettings;
import org.payrisk.engine.SimulationEngine;
import org.payrisk.report.RunPipeline;
import org.payrisk.scenario.Scenario;
import org.payrisk.scenario.ScenarioException;
import org.payrisk.scenario.ScenarioLoader;
import org.payrisk.stats.RunSummary;

/**
 * The report's test fixture: a real run of the committed scenario copy {@code ot-practice/scenario.yaml}
 * (the shipped OT practice with a cash reserve and payment lags), {@value #TRIALS} trials at the scenario's
 * seed, simulated by the local engine, summarised by {@link org.payrisk.stats.Summaries} and written
 * through {@link RunPipeline}, the code {@code payrisk run} uses (summary.json, the scenario copy and
 * run.json; no report), so the report is tested on the numbers the engine produces and there is no second
 * summariser to drift from it. Built once per test JVM under {@code target/test-runs/fixture-run}.
 */
final class FixtureRun {

    /** Trials of the fixture run: enough for batch-means MCSEs (200 or more) and smooth charts. */
    static final int TRIALS = 2_000;
    /** The scenario copy's models, in order. */
    static final List<String> MODELS = List.of("fee-for-service", "capitation", "bundled");
    /** The scenario copy's name. */
    static final String SCENARIO_NAME = "Outpatient OT private practice (3 clinicians, Medicare-heavy)";

    private static Path built;
    private static RunSummary summary;

    private FixtureRun() {
    }

    /** Copies summary.json, scenario.yaml and run.json of the fixture run into {@code dir} (created if needed). */
    static Path copyTo(Path dir) throws IOException {
        Path from = built();
        Files.createDirectories(dir);
        for (String f : List.of("summary.json", "scenario.yaml", "run.json")) {
            Files.copy(from.resolve(f), dir.resolve(f), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return dir;
    }

    /** The statistics of the fixture run as the engine's summariser produced them (before writing). */
    static RunSummary summary() throws IOException {
        built();
        return summary;
    }

    /** Copies the summary.json committed in the 0.1.0 layout (with the fixture's scenario copy and run.json). */
    static Path copyLegacyRun(Path dir) throws IOException {
        copyTo(dir);
        try (InputStream in = FixtureRun.class.getResourceAsStream("ot-practice-0.1.0/summary.json")) {
            Files.write(dir.resolve("summary.json"), in.readAllBytes());
        }
        return dir;
    }

    private static synchronized Path built() throws IOException {
        if (built == null) {
            Path dir = RenderedRun.freshDir("fixture-run");
            Path scenarioFile = resource("ot-practice/scenario.yaml");
            Scenario scenario;
            try {
                scenario = ScenarioLoader.load(scenarioFile);
            } catch (ScenarioException e) {
                throw new AssertionError("the fixture scenario copy no longer validates: " + e.getMessage(), e);
            }
            if (!scenario.name().equals(SCENARIO_NAME) || scenario.models().size() != MODELS.size()) {
                throw new AssertionError("the fixture scenario copy changed: update FixtureRun's constants");
            }
            RunPipeline.Simulated run;
            try {
                run = RunPipeline.simulate(scenario, new RunSettings(TRIALS, scenario.seed(), 2), new LocalEngine(),
                        SimulationEngine.Progress.NONE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            summary = run.summary();
            RunPipeline.write(run, dir, false, null);
            built = dir;
        }
        return built;
    }

    private static Path resource(String name) {
        try {
            return Path.of(FixtureRun.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
