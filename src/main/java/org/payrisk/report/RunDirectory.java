package org.payrisk.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A run's output directory, written to a hidden temporary sibling and renamed into place only when
 * complete, so a crash or Ctrl-C never leaves a half-written run where results are expected, and
 * an existing non-empty directory is never replaced unless asked ({@code --force}).
 *
 * <p>Not thread safe; one per run.
 */
public final class RunDirectory {

    private final Path target;
    private final Path staging;
    private final boolean force;
    private final Thread cleanup;

    private RunDirectory(Path target, Path staging, boolean force) {
        this.target = target;
        this.staging = staging;
        this.force = force;
        this.cleanup = new Thread(() -> deleteQuietly(staging), "payrisk-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
    }

    /**
     * Checks the target and creates the staging directory. Call before simulating, so a bad path
     * fails at once.
     *
     * @param target where the run should end up
     * @param force whether an existing non-empty directory may be replaced
     * @return the staged run directory
     * @throws OutputException when the target cannot be used
     */
    public static RunDirectory stage(Path target, boolean force) throws OutputException {
        Path abs = target.toAbsolutePath().normalize();
        checkTarget(abs, force);
        Path parent = abs.getParent();
        try {
            Files.createDirectories(parent);
            Path staging = Files.createTempDirectory(parent, "." + abs.getFileName() + ".tmp-");
            return new RunDirectory(abs, staging, force);
        } catch (IOException e) {
            throw new OutputException("cannot create the output directory " + parent + ": " + describe(e));
        }
    }

    /**
     * @param target an output directory
     * @param force whether replacing a non-empty directory is allowed
     * @throws OutputException when the target is a file, or a non-empty directory without force
     */
    public static void checkTarget(Path target, boolean force) throws OutputException {
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new OutputException("the output path " + target + " is a file: expected a directory (or no such path)");
        }
        if (Files.isDirectory(target) && !force && !isEmpty(target)) {
            throw new OutputException("the output directory " + target + " already holds a run; pass --force to replace it, "
                    + "or choose another with --out");
        }
    }

    private static boolean isEmpty(Path dir) {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            return !s.iterator().hasNext();
        } catch (IOException e) {
            return false;
        }
    }

    /** @return the directory to write into now */
    public Path staging() {
        return staging;
    }

    /** @return where the run will be once committed */
    public Path target() {
        return target;
    }

    /**
     * Moves the staged run into place. With force, a previous run is moved aside first and deleted
     * only after the new one is in place.
     *
     * @throws OutputException when the target appeared meanwhile (without force) or a rename fails
     */
    public void commit() throws OutputException {
        Path old = null;
        try {
            if (Files.exists(target)) {
                if (!force && !isEmpty(target)) {
                    throw new OutputException("the output directory " + target + " was filled while this run was going; "
                            + "the new run is kept at " + staging);
                }
                old = target.resolveSibling("." + target.getFileName() + ".old-" + System.nanoTime());
                move(target, old);
            }
            move(staging, target);
        } catch (IOException e) {
            throw new OutputException("cannot move the finished run into " + target + " (it is kept at " + staging + "): "
                    + describe(e));
        } finally {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        }
        if (old != null) {
            deleteQuietly(old);
        }
    }

    /** Deletes the staging directory (after a failed run). */
    public void abandon() {
        deleteQuietly(staging);
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException shuttingDown) {
            // already running the hook
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // best effort: a leftover hidden staging directory is harmless
        }
    }

    private static String describe(IOException e) {
        return e.getClass().getSimpleName().replace("Exception", "") + " " + e.getMessage();
    }
}
