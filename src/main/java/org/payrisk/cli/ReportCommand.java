package org.payrisk.cli;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.payrisk.report.RunDirectory;
import org.payrisk.report.render.RenderResult;
import org.payrisk.report.render.ReportInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code payrisk report}: re-render a finished run's charts, report and brief.
 *
 * <p>The render goes to a hidden staging folder inside the run ({@code .report-tmp-*}), which holds
 * links to (or copies of) the run's inputs and current charts; only when every output is written are
 * they renamed into the run, one rename per file. A full disk, a crash or a signal part-way therefore
 * leaves the run as it was, never a partial {@code charts/}. Files of the user's own in {@code charts/}
 * are kept (the renderer removes only chart names it owns).
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Re-render charts/, report.html, brief.md and brief.html of a finished run from its summary.json, "
                + "without simulating again.")
final class ReportCommand implements Callable<Integer> {

    /** Inputs the renderer reads from a run folder. */
    private static final List<String> INPUTS = List.of("summary.json", "run.json", "scenario.yaml", "scenario.yml",
            "scenario.json");

    private static final SecureRandom RANDOM = new SecureRandom();

    @Parameters(index = "0", paramLabel = "DIR", description = "A run directory (holding summary.json).")
    Path dir;

    @Mixin
    DebugOption debugOption;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path run = dir.toAbsolutePath().normalize();
        for (String note : RunDirectory.recover(run)) {
            spec.commandLine().getErr().println("payrisk: note: " + note);
        }
        Path summary = run.resolve("summary.json");
        if (Files.exists(summary) && !Files.isRegularFile(summary)) {
            throw new UserInputException(summary + ": expected the run's summary.json file, found "
                    + RunDirectory.kindOf(summary));
        }
        if (!Files.isRegularFile(summary)) {
            throw new UserInputException(dir + ": expected a run directory holding summary.json, found none");
        }
        for (String name : INPUTS) {
            Path p = run.resolve(name);
            if (Files.exists(p) && !Files.isRegularFile(p)) {
                throw new UserInputException(p + ": expected a regular file, found " + RunDirectory.kindOf(p));
            }
        }
        removeOldStages(run);
        Path stage = createStage(run);
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        Thread hook = new Thread(() -> {
            // the render may re-create the stage while it runs: remove it until the command stops (at most 2 s)
            long end = System.nanoTime() + 2_000_000_000L;
            do {
                deleteQuietly(stage);
                sleepQuietly();
            } while (!done.get() && System.nanoTime() < end);
            deleteQuietly(stage);
        }, "payrisk-report-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
        RenderResult r;
        try {
            for (String name : INPUTS) {
                if (Files.isRegularFile(run.resolve(name))) {
                    linkOrCopy(run.resolve(name), stage.resolve(name));
                }
            }
            Path charts = run.resolve("charts");
            if (Files.isDirectory(charts, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectory(stage.resolve("charts"));
                for (Path p : listFiles(charts)) {
                    linkOrCopy(p, stage.resolve("charts").resolve(p.getFileName()));
                }
            }
            try {
                r = Renderer.current().render(stage);
            } catch (ReportInputException e) {
                throw new UserInputException(e.getMessage().replace(stage.toString(), run.toString()));
            }
            moveInto(stage, run);
        } finally {
            deleteQuietly(stage);
            done.set(true);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running
            }
        }
        spec.commandLine().getOut().printf("Rendered %d files into %s in %.1f s: open %s%n", r.files().size(),
                Terminal.escape(dir.toString()), r.seconds(), Terminal.escape(dir.resolve("report.html").toString()));
        spec.commandLine().getOut().flush();
        return 0;
    }

    /**
     * Renames the rendered outputs into the run: each chart into charts/, charts the render removed
     * out of it, then every other new top-level file. Renames need no space, so a full disk cannot
     * stop them half-way.
     */
    private static void moveInto(Path stage, Path run) throws IOException {
        Path newCharts = stage.resolve("charts");
        if (Files.isDirectory(newCharts)) {
            Path charts = run.resolve("charts");
            Files.createDirectories(charts);
            List<Path> fresh = listFiles(newCharts);
            Set<Path> names = new java.util.HashSet<>();
            for (Path p : fresh) {
                names.add(p.getFileName());
                move(p, charts.resolve(p.getFileName()));
            }
            for (Path p : listFiles(charts)) {
                if (!names.contains(p.getFileName())) {
                    // every file of charts/ was linked into the stage; one missing there was removed as stale
                    Files.deleteIfExists(p);
                }
            }
        }
        List<String> written = new ArrayList<>();
        if (Files.isDirectory(newCharts)) {
            written.add("charts");
        }
        for (Path p : listFiles(stage)) {
            if (!INPUTS.contains(p.getFileName().toString())) {
                move(p, run.resolve(p.getFileName()));
                written.add(p.getFileName().toString());
            }
        }
        RunDirectory.recordOutputs(run, written);
    }

    /**
     * Deletes staging folders a killed re-render left (kill -9 runs no cleanup). One younger than an
     * hour may belong to a re-render still going, and is left alone.
     */
    private static void removeOldStages(Path run) throws IOException {
        long cutoff = System.currentTimeMillis() - 3_600_000L;
        try (DirectoryStream<Path> s = Files.newDirectoryStream(run, ".report-tmp-*")) {
            for (Path p : s) {
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
                        && Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toMillis() < cutoff) {
                    deleteQuietly(p);
                }
            }
        }
    }

    private static Path createStage(Path run) throws IOException {
        for (int attempt = 0; ; attempt++) {
            byte[] b = new byte[6];
            RANDOM.nextBytes(b);
            try {
                return Files.createDirectory(run.resolve(".report-tmp-" + HexFormat.of().formatHex(b)));
            } catch (FileAlreadyExistsException e) {
                if (attempt > 10) {
                    throw e;
                }
            }
        }
    }

    /** Regular, non-hidden files directly in dir. */
    private static List<Path> listFiles(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && !p.getFileName().toString().startsWith(".")) {
                    files.add(p);
                }
            }
        }
        files.sort(null);
        return files;
    }

    /** A hard link costs no space and keeps the original untouched when the render replaces the name. */
    private static void linkOrCopy(Path from, Path to) throws IOException {
        try {
            Files.createLink(to, from);
        } catch (UnsupportedOperationException | IOException e) {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | RuntimeException e) {
            // best effort: the next report removes a leftover .report-tmp-* folder
        }
    }
}
