package org.payrisk.cli;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.payrisk.report.FolderOps;
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
 * are kept: only files the run's marker lists as payrisk's are replaced or removed, and a render that would
 * overwrite a file of the user's is refused, naming it.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Re-render charts/, report.html, brief.md and brief.html of a finished run from its summary.json, "
                + "without simulating again.")
final class ReportCommand implements Callable<Integer> {

    /** Inputs the renderer reads from a run folder. */
    private static final List<String> INPUTS = List.of("summary.json", "run.json", "scenario.yaml", "scenario.yml",
            "scenario.json");

    /** Linked into the stage: the inputs, and the marker that says which charts are payrisk's. */
    private static final List<String> STAGED_INPUTS = List.of("summary.json", "run.json", "scenario.yaml", "scenario.yml",
            "scenario.json", RunDirectory.MARKER);

    private static final java.util.regex.Pattern STAGE = java.util.regex.Pattern.compile(
            java.util.regex.Pattern.quote(RunDirectory.REPORT_STAGE_PREFIX) + "[0-9a-f]{12}");

    @Parameters(index = "0", paramLabel = "DIR", description = "A run directory (holding summary.json).")
    Path dir;

    @Mixin
    DebugOption debugOption;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path run = dir.toAbsolutePath().normalize();
        Outputs.recover(spec, run);
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
        Path stage = FolderOps.createUnique(run, RunDirectory.REPORT_STAGE_PREFIX);
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        Thread hook = new Thread(() -> FolderOps.keepDeleting(stage, done::get), "payrisk-report-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
        RenderResult r;
        try {
            for (String name : STAGED_INPUTS) {
                if (Files.isRegularFile(run.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
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
            List<String> outputs = new ArrayList<>();
            for (Path p : r.files()) {
                outputs.add(stage.relativize(p).toString().replace(java.io.File.separatorChar, '/'));
            }
            refuseOverwritingUsersFiles(run, outputs);
            moveInto(stage, run, outputs);
        } finally {
            FolderOps.deleteQuietly(stage);
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
    private static void moveInto(Path stage, Path run, List<String> outputs) throws IOException {
        Set<String> owned = RunDirectory.ownedFiles(run);
        List<String> removed = new ArrayList<>();
        Path newCharts = stage.resolve("charts");
        if (Files.isDirectory(newCharts)) {
            Path charts = run.resolve("charts");
            Files.createDirectories(charts);
            List<Path> fresh = listFiles(newCharts);
            Set<Path> names = new java.util.HashSet<>();
            for (Path p : fresh) {
                names.add(p.getFileName());
                FolderOps.move(p, charts.resolve(p.getFileName()));
            }
            for (Path p : listFiles(charts)) {
                String rel = "charts/" + p.getFileName();
                if (!names.contains(p.getFileName()) && owned.contains(rel)) {
                    // every file of charts/ was linked into the stage; a listed one missing there was removed as stale
                    Files.deleteIfExists(p);
                    removed.add(rel);
                }
            }
        }
        for (Path p : listFiles(stage)) {
            if (!STAGED_INPUTS.contains(p.getFileName().toString())) {
                FolderOps.move(p, run.resolve(p.getFileName()));
            }
        }
        RunDirectory.recordOutputs(run, outputs, removed);
    }

    /**
     * A render writes fixed names (report.html, charts/box.png ...); in a run folder with the marker, one
     * that exists but is not listed there is the user's, and the render stops before changing anything.
     */
    private static void refuseOverwritingUsersFiles(Path run, List<String> outputs) throws UserInputException {
        if (!Files.isRegularFile(run.resolve(RunDirectory.MARKER), LinkOption.NOFOLLOW_LINKS)) {
            return; // a run from before the marker: payrisk's files there were never listed
        }
        Set<String> owned = RunDirectory.ownedFiles(run);
        for (String rel : outputs) {
            if (Files.exists(run.resolve(rel), LinkOption.NOFOLLOW_LINKS) && !owned.contains(rel)) {
                throw new UserInputException(run.resolve(rel) + ": the re-render would overwrite this file, which payrisk "
                        + "did not write (it is not listed in " + RunDirectory.MARKER + "); nothing was changed: move or "
                        + "rename it, then run payrisk report again");
            }
        }
    }

    /**
     * Deletes staging folders a killed re-render left (kill -9 runs no cleanup). One younger than an
     * hour may belong to a re-render still going, and is left alone.
     */
    private static void removeOldStages(Path run) throws IOException {
        long cutoff = System.currentTimeMillis() - 3_600_000L;
        try (DirectoryStream<Path> s = Files.newDirectoryStream(run, RunDirectory.REPORT_STAGE_PREFIX + "*")) {
            for (Path p : s) {
                // only payrisk's own name, so a folder of the user's that merely looks alike is left alone
                if (STAGE.matcher(p.getFileName().toString()).matches() && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
                        && Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toMillis() < cutoff) {
                    FolderOps.deleteQuietly(p);
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
}
