package org.payrisk.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.payrisk.analysis.CertaintyEquivalents;
import org.payrisk.analysis.InputCorrelations;
import org.payrisk.analysis.PrecisionRun;
import org.payrisk.analysis.RunAnalyses;
import org.payrisk.analysis.Stopping;
import org.payrisk.dist.TrialStreams;
import org.payrisk.engine.EngineInput;
import org.payrisk.engine.RunSettings;
import org.payrisk.engine.TrialKernel;
import org.payrisk.engine.SimulationEngine;
import org.payrisk.report.render.RenderResult;
import org.payrisk.scenario.Scenario;
import org.payrisk.stats.BlockMerger;
import org.payrisk.stats.RunSummary;
import org.payrisk.stats.StreamingSummary;
import org.payrisk.stats.Summaries;
import org.payrisk.stats.TrialOutcomes;

/**
 * What {@code payrisk run} does between choosing its folder and committing it: simulate the scenario,
 * summarise the trials, and write the run's files into a folder: {@code summary.json}, the scenario copy,
 * {@code trials.csv} (optional), {@code run.json} and, optionally, the rendered report. The command line
 * adds only argument checks, the folder's safety ({@link RunDirectory}), the progress bar and the printed
 * table; tests and other callers (a sweep, a future Spark driver) run the same steps.
 *
 * <p>It lives in {@code report} because {@code report} owns the run folder's files and sits above the
 * engine in the layering; it needs no room of its own. Thread safety: each call works on its own folder.
 */
public final class RunPipeline {

    private RunPipeline() {
    }

    /** Renders a finished run folder ({@code ReportRenderer::render}, or a stand-in in tests). */
    @FunctionalInterface
    public interface Render {
        /**
         * @param runDir a folder holding summary.json, run.json and the scenario copy
         * @return what was written
         * @throws IOException when an output cannot be written
         */
        RenderResult render(Path runDir) throws IOException;
    }

    /**
     * A finished simulation, not yet written.
     *
     * @param scenario the scenario simulated
     * @param settings trials, seed and threads
     * @param engineName the engine that ran it, for run.json
     * @param outcomes every trial's outcomes, or null for a run beyond the exact limit (streamed)
     * @param summary the run's statistics
     * @param startedAt when the simulation started (UTC, milliseconds)
     * @param startNanos {@link System#nanoTime()} at the start, for the wall time
     * @param simulationSeconds seconds spent simulating, the end-of-run statistics included
     * @param summarySeconds of those, the seconds spent on the statistics after the last trial
     *                       (quantiles, monthly bands, sensitivities)
     * @param analyses what summary.json adds to the statistics (certainty equivalents, how a
     *                 precision-targeted run stopped)
     */
    public record Simulated(Scenario scenario, RunSettings settings, String engineName, TrialOutcomes outcomes,
                            RunSummary summary, Instant startedAt, long startNanos, double simulationSeconds,
                            double summarySeconds, RunAnalyses analyses) {

        /** @return attended visits over all trials (the mean per trial times the trials) */
        public double attendedVisits() {
            return summary.activity().get("attendedVisits").mean() * settings.trials();
        }
    }

    /**
     * Simulates and summarises a scenario, without trials.csv.
     *
     * @param scenario a validated scenario
     * @param settings trials, seed and threads
     * @param engine the engine to run it on
     * @param progress told of finished trials
     * @return the outcomes (null beyond {@link Summaries#EXACT_LIMIT}) and their summary
     * @throws InterruptedException if the simulation is interrupted
     */
    public static Simulated simulate(Scenario scenario, RunSettings settings, SimulationEngine engine,
                                     SimulationEngine.Progress progress) throws InterruptedException {
        try {
            return simulate(scenario, settings, engine, progress, null);
        } catch (IOException e) {
            throw new IllegalStateException("no file was to be written", e);
        }
    }

    /**
     * Simulates and summarises a scenario, block by block in block order. Up to
     * {@link Summaries#EXACT_LIMIT} trials every trial's outcomes are kept and summarised exactly
     * ({@link Summaries#run}); beyond it each block is reduced by a {@link StreamingSummary} and
     * dropped, so memory does not grow with the trial count, and {@link Simulated#outcomes()} is null.
     * trials.csv, when asked, is streamed to disk as blocks merge, in trial order, on both paths.
     *
     * @param scenario a validated scenario
     * @param settings trials, seed and threads
     * @param engine the engine to run it on
     * @param progress told of finished trials
     * @param trialsCsv where to stream trials.csv ({@code .gz} name: gzip-compressed), or null for none
     * @return the outcomes and their summary
     * @throws InterruptedException if the simulation is interrupted
     * @throws IOException when trials.csv cannot be written
     */
    public static Simulated simulate(Scenario scenario, RunSettings settings, SimulationEngine engine,
                                     SimulationEngine.Progress progress, Path trialsCsv)
            throws InterruptedException, IOException {
        Instant started = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        long t0 = System.nanoTime();
        EngineInput input = EngineInput.of(scenario);
        int months = input.practice().horizonMonths();
        boolean exact = Summaries.isExact(settings.trials());
        TrialOutcomes outcomes = null;
        RunSummary summary;
        long summaryStart;
        long summaryEnd;
        List<String> inputs = new TrialKernel(input, settings.seed()).inputs();
        try (TrialsCsv.Stream csv = trialsCsv == null ? null : new TrialsCsv.Stream(input.modelNames(), inputs, trialsCsv)) {
            Consumer<TrialOutcomes> toCsv = csv == null ? b -> { } : b -> {
                try {
                    csv.append(b);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            };
            try {
                if (exact) {
                    BlockMerger all = new BlockMerger(input.modelNames(), inputs, settings.trials(), months, toCsv);
                    engine.runBlocks(scenario, settings, progress, all::accept);
                    outcomes = all.result();
                    summaryStart = System.nanoTime();
                    summary = Summaries.run(outcomes);
                    summaryEnd = System.nanoTime();
                } else {
                    StreamingSummary streaming = new StreamingSummary(input.modelNames(), settings.trials(), months);
                    engine.runBlocks(scenario, settings, progress, streaming.andThen(toCsv));
                    summaryStart = System.nanoTime();
                    summary = streaming.result();
                    summaryEnd = System.nanoTime();
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
        long end = System.nanoTime();
        return new Simulated(scenario, settings, engine.name(), outcomes, summary, started, t0, (end - t0) / 1e9,
                (summaryEnd - summaryStart) / 1e9, analyses(outcomes, null).with(InputCorrelations.of(scenario.correlations()), null));
    }

    /**
     * Simulates a scenario until every model's net income is known to the precision asked
     * ({@link PrecisionRun}): the outcomes and summary are those of a run of the trial count it stopped
     * at, with the stopping record added.
     *
     * @param scenario a validated scenario
     * @param seed the run seed
     * @param threads worker threads
     * @param precision REL, in (0, 1]
     * @param maxTrials the cap
     * @param engine the engine
     * @param progress told of finished trials
     * @return the outcomes, their summary and how the run stopped
     * @throws InterruptedException if the simulation is interrupted
     */
    public static Simulated simulateToPrecision(Scenario scenario, long seed, int threads, double precision,
                                                int maxTrials, SimulationEngine engine,
                                                SimulationEngine.Progress progress) throws InterruptedException {
        Instant started = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        long t0 = System.nanoTime();
        EngineInput input = EngineInput.of(scenario);
        List<TrialOutcomes> blocks = new ArrayList<>();
        Stopping stopping = PrecisionRun.run(engine, input, seed, threads, precision, maxTrials, progress, blocks::add);
        TrialOutcomes outcomes = TrialOutcomes.merge(blocks);
        blocks.clear();
        long summaryStart = System.nanoTime();
        RunSummary summary = Summaries.run(outcomes);
        long end = System.nanoTime();
        return new Simulated(scenario, new RunSettings(stopping.trials(), seed, threads), engine.name(), outcomes,
                summary, started, t0, (end - t0) / 1e9, (end - summaryStart) / 1e9,
                analyses(outcomes, stopping).with(InputCorrelations.of(scenario.correlations()), null));
    }

    /**
     * The analyses summary.json adds: certainty equivalents from the net income of every trial. A run
     * streamed beyond {@link Summaries#EXACT_LIMIT} keeps no trials, so it has none.
     */
    private static RunAnalyses analyses(TrialOutcomes outcomes, Stopping stopping) {
        if (outcomes == null) {
            return new RunAnalyses(null, stopping);
        }
        double[][] net = new double[outcomes.models().size()][];
        for (int m = 0; m < net.length; m++) {
            net[m] = outcomes.netIncomeColumn(m);
        }
        return new RunAnalyses(CertaintyEquivalents.of(outcomes.models(), net), stopping);
    }

    /**
     * Writes a simulated run into {@code dir}: summary.json, the scenario copy ({@code scenario.yaml} or
     * {@code scenario.json}), trials.csv when asked, run.json, then the report when a renderer is given,
     * then run.json again with the report and wall times.
     *
     * @param run the simulation
     * @param dir an existing, empty folder (the staging folder of a {@link RunDirectory})
     * @param exportTrials whether to write trials.csv
     * @param render the renderer, or null for no report ({@code --no-report})
     * @throws IOException when a file cannot be written
     */
    public static void write(Simulated run, Path dir, boolean exportTrials, Render render) throws IOException {
        Scenario scenario = run.scenario();
        RunSettings settings = run.settings();
        RunInfo info = new RunInfo(scenario.name(), scenario.source().path().getFileName().toString(),
                scenario.source().sha256(), settings.seed(), settings.trials(), scenario.practice().horizonMonths(),
                scenario.practice().warmUpMonths(), TrialStreams.GENERATOR);
        Files.write(dir.resolve("summary.json"), SummaryJson.toBytes(info, run.summary(), run.analyses()));
        Files.write(dir.resolve(scenario.source().isJson() ? "scenario.json" : "scenario.yaml"),
                scenario.source().bytes());
        if (exportTrials) {
            if (run.outcomes() == null) {
                throw new IllegalStateException("a streamed run keeps no outcomes: stream trials.csv while simulating");
            }
            TrialsCsv.write(run.outcomes(), dir.resolve("trials.csv"));
        }
        // run.json first, so the report's provenance reads the same file a later re-render reads
        RunJson.write(dir.resolve("run.json"), run, Double.NaN, Double.NaN);
        double reportSeconds = Double.NaN;
        if (render != null) {
            long t1 = System.nanoTime();
            render.render(dir);
            reportSeconds = (System.nanoTime() - t1) / 1e9;
        }
        double wall = (System.nanoTime() - run.startNanos()) / 1e9;
        RunJson.write(dir.resolve("run.json"), run, wall, reportSeconds);
    }
}
