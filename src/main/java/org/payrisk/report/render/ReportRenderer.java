package org.payrisk.report.render;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.payrisk.report.RunDirectory;
import org.payrisk.report.SummaryJson;

/**
 * Renders a finished run directory into human-readable outputs:
 * {@code charts/*.png} (1800 x 1080 pixels, 2x of 900 x 540) and {@code charts/*.svg},
 * a self-contained {@code report.html}, and the one-page briefing {@code brief.md} / {@code brief.html}.
 * When every model of the summary has a {@code cash} object, the bank-balance view is added: one
 * {@code charts/cash-fan-<model>} chart per model, a "Cash in the bank" section and a briefing line;
 * summaries without it (older runs) render without them. Likewise, a summary with a {@code sensitivity}
 * object gets a "What drives the risk" section with {@code charts/tornado-*} and {@code charts/spider-*}.
 *
 * <p>It only reads {@code summary.json} (required), {@code run.json} and the scenario copy
 * ({@code scenario.yaml}, {@code scenario.yml} or {@code scenario.json}) and never simulates, so an old
 * run can be re-rendered. Every file is replaced atomically; chart files of an earlier render that this
 * render no longer produces (e.g. a model since renamed) are removed, if the run's marker lists them as payrisk's. The content of every output is
 * determined by the input files alone.
 *
 * <p>Thread safety: concurrent renders of different directories are safe; two concurrent renders of
 * the same directory each leave complete files (the last rename wins).
 */
public final class ReportRenderer {

    static {
        // Charts are drawn off-screen; without this, a desktop JVM might try to reach a display.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private ReportRenderer() {
    }

    /**
     * Renders charts/, report.html, brief.md and brief.html into runDir from runDir/summary.json,
     * runDir/run.json (optional) and runDir/scenario.yaml|scenario.json (optional).
     *
     * @param runDir a payrisk run directory
     * @return the files written and the seconds it took
     * @throws ReportInputException if runDir is not a directory, summary.json is missing or breaks the
     *     output contract, or run.json / the scenario copy exist but cannot be parsed (one-line message
     *     naming the file and the problem)
     * @throws IOException if an output cannot be written
     */
    public static RenderResult render(Path runDir) throws IOException {
        long start = System.nanoTime();
        Objects.requireNonNull(runDir, "runDir");
        if (!Files.isDirectory(runDir)) {
            throw new ReportInputException(runDir, Files.exists(runDir) ? "not a directory" : "no such directory");
        }
        SummaryJson.Document summary = SummaryJson.read(runDir.resolve("summary.json"));
        Optional<RunInfo> run = RunInfo.find(runDir);
        Optional<ScenarioAssumptions.Scenario> scenario = ScenarioAssumptions.find(runDir);
        awaitWarmUp(); // after the inputs: a broken input is reported as such even where the warm-up failed

        List<Path> written = new ArrayList<>();
        Path chartsDir = runDir.resolve("charts");
        Files.createDirectories(chartsDir);
        AtomicFiles.removeLeftovers(chartsDir);
        AtomicFiles.removeLeftovers(runDir);

        // Every chart claims its file name from one set, so two charts never share a file or an HTML id,
        // whatever the model names (a pair "a-vs-b" and "c" reads like the pair "a" and "b-vs-c").
        Set<String> slugs = new HashSet<>();
        List<RiskCharts.ChartSpec> risk = claim(slugs, RiskCharts.all(summary));
        risk.addAll(claim(slugs, AnalysisCharts.all(summary)));
        OptionalDouble reserve = scenario.map(ScenarioAssumptions.Scenario::startingReserve)
                .orElse(OptionalDouble.empty());
        List<RiskCharts.ChartSpec> cash = claim(slugs, RiskCharts.cash(summary, reserve));
        List<RiskCharts.ChartSpec> sensitivity = claim(slugs, SensitivityCharts.all(summary));
        List<RiskCharts.ChartSpec> all = new ArrayList<>(risk);
        all.addAll(cash);
        all.addAll(sensitivity);
        List<ChartWriter.WrittenChart> drawn = ChartWriter.writeAll(all, chartsDir);
        for (ChartWriter.WrittenChart c : drawn) {
            written.add(c.png());
            written.add(c.svg());
        }
        List<ReportView.Figure> figures = figures(risk, drawn.subList(0, risk.size()));
        List<ReportView.Figure> cashFigures = figures(cash, drawn.subList(risk.size(), risk.size() + cash.size()));
        List<ReportView.Figure> sensitivityFigures = figures(sensitivity,
                drawn.subList(risk.size() + cash.size(), drawn.size()));
        removeStaleCharts(runDir, chartsDir, written);

        Brief brief = Brief.of(summary, scenario);
        ReportView view = ReportView.of(summary, run, scenario, brief, figures, cashFigures, sensitivityFigures);
        written.add(write(runDir.resolve("report.html"), Templates.html(Templates.REPORT, view)));
        written.add(write(runDir.resolve("brief.md"), Templates.markdown(Templates.BRIEF_MD, brief)));
        written.add(write(runDir.resolve("brief.html"), Templates.html(Templates.BRIEF_HTML, brief)));

        return new RenderResult(written, (System.nanoTime() - start) / 1e9);
    }

    /** The last warm-up started, or null; {@link #render} waits for it (see {@link #warmUpInBackground}). */
    private static volatile WarmUp warmUp;

    /** A warm-up thread and what it threw, if anything. */
    private static final class WarmUp extends Thread {
        private volatile Throwable failure;

        WarmUp() {
            super("payrisk-report-warm-up");
            setDaemon(true);
        }

        @Override
        public void run() {
            try {
                ChartWriter.warmUp();
                Templates.compileAll();
            } catch (Throwable e) { // kept for the render, never printed here
                failure = e;
            }
        }
    }

    /**
     * Starts, on a background daemon thread, the work a process's first render pays once: loading and
     * initialising the chart, font, image and template code and compiling its hottest parts, on a
     * small chart drawn in memory ({@code ChartWriter.warmUp} takes no path and writes nothing). A run
     * calls it at its start, so this work overlaps reading the scenario. The next {@link #render} waits
     * for it (by then it has long finished) and, if it failed with an error such as a missing font
     * library (not running out of memory), throws that original error rather than the vaguer one a
     * second attempt would give.
     * Never throws: a thread that cannot be started is no warm-up.
     */
    public static void warmUpInBackground() {
        try {
            WarmUp t = new WarmUp();
            t.start();
            warmUp = t;
        } catch (Throwable e) { // e.g. no native thread left: the render simply starts cold
            warmUp = null;
        }
    }

    /**
     * Waits for a warm-up started earlier; rethrows an error it met, except running out of memory (a
     * runtime exception is left to the render to meet).
     */
    private static void awaitWarmUp() throws java.io.InterruptedIOException {
        WarmUp t = warmUp;
        if (t == null) {
            return;
        }
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while waiting for the report's warm-up");
        }
        warmUp = null;
        // An error of the machine's set-up (no font library, no fonts) is the render's error too, and the
        // warm-up saw it first. Running out of memory is left out: the warm-up ran beside the simulation,
        // at the run's memory peak, and the render may well have room.
        if (t.failure instanceof Error err && !(err instanceof VirtualMachineError)) {
            throw err;
        }
    }

    /** The charts under file names claimed from {@code slugs}, in order. */
    private static List<RiskCharts.ChartSpec> claim(Set<String> slugs, List<RiskCharts.ChartSpec> wanted) {
        List<RiskCharts.ChartSpec> out = new ArrayList<>();
        for (RiskCharts.ChartSpec w : wanted) {
            out.add(w.withSlug(Names.claim(slugs, w.slug())));
        }
        return out;
    }

    private static List<ReportView.Figure> figures(List<RiskCharts.ChartSpec> specs, List<ChartWriter.WrittenChart> drawn) {
        List<ReportView.Figure> out = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            RiskCharts.ChartSpec spec = specs.get(i);
            out.add(new ReportView.Figure(spec.slug(), spec.title(), spec.caption(), drawn.get(i).inlineSvg()));
        }
        return out;
    }

    private static Path write(Path file, String text) throws IOException {
        AtomicFiles.writeString(file, text);
        return file;
    }

    /**
     * Removes charts of an earlier render that this one no longer produces: only files the run folder's
     * marker lists as payrisk's ({@link RunDirectory#ownedFiles}); any other file in charts/ is the user's.
     */
    private static void removeStaleCharts(Path runDir, Path chartsDir, List<Path> written) throws IOException {
        Set<Path> keep = new HashSet<>();
        for (Path p : written) {
            keep.add(p.getFileName());
        }
        Set<String> owned = RunDirectory.ownedFiles(runDir);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(chartsDir)) {
            for (Path p : files) {
                if (owned.contains("charts/" + p.getFileName()) && !keep.contains(p.getFileName())
                        && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
