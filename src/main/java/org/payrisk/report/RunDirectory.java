package org.payrisk.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A run's output directory, written to a hidden staging sibling and renamed into place only when
 * complete, so a crash or Ctrl-C never leaves a half-written run where results are expected.
 *
 * <p>What may be replaced: an existing non-empty folder is replaced only with {@code --force}, and
 * then only if a payrisk run wrote it: it holds the marker file {@value #MARKER} and {@code run.json}
 * (or, for runs written before the marker existed, {@code run.json} and {@code summary.json}), and
 * every entry in it is a file a payrisk run or re-render writes. A user's own file inside a run
 * folder is therefore never deleted: the replace is refused, naming it.
 *
 * <p>Recovery: siblings of the target {@code .NAME.lock} (the PID and start time of the process
 * writing NAME), {@code .NAME.tmp-*} (a run being written) and {@code .NAME.old-*} (the previous run,
 * moved aside during a {@code --force} replace) tell what a dead process was doing. The next
 * {@link #stage} or {@link #recover} of the same target, once the process in the lock is gone,
 * restores a previous run that was moved aside but never replaced, deletes one that was replaced,
 * and deletes staging folders. Ctrl-C and SIGTERM do the same at once (a shutdown hook).
 *
 * <p>Not thread safe; one per run. Two processes writing the same target are kept apart by the lock.
 */
public final class RunDirectory {

    /** Name of the marker file every run folder holds. */
    public static final String MARKER = ".payrisk-run";

    /**
     * Top-level names payrisk itself writes in a run folder (by {@code run} or {@code report}); the
     * marker lists the names of its own run too, so outputs added by later versions are recognised.
     */
    static final Set<String> KNOWN_OUTPUTS = Set.of(MARKER, "run.json", "summary.json", "scenario.yaml", "scenario.yml",
            "scenario.json", "trials.csv", "report.html", "brief.md", "brief.html", "charts");

    /** Hidden leftovers of payrisk's own atomic writes and re-renders inside a run folder. */
    private static final Pattern OWN_HIDDEN = Pattern.compile("^\\.(.+\\.[0-9]+\\.tmp|report-tmp-[0-9a-f]+)$");

    private static final Pattern CHART_FILE = Pattern.compile("^[^.].*\\.(png|svg)$");

    private static final Pattern SIBLING = Pattern.compile("^\\.(.+)\\.(tmp|old)-[0-9a-f]+$");

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A step that may fail between the two renames of a replace; tests inject faults here. */
    @FunctionalInterface
    interface Step {
        void run() throws IOException;
    }

    /** Runs between moving the previous run aside and moving the new one in (tests only). */
    static volatile Step betweenRenames = () -> { };

    private final Path target;
    private final Path staging;
    private final Path lock;
    private final boolean force;
    private final Thread cleanup;
    private Path aside;
    private boolean finished;
    /** Set once the command has given up the run, so the shutdown hook stops waiting. */
    private volatile boolean stopped;

    private RunDirectory(Path target, Path staging, Path lock, boolean force) {
        this.target = target;
        this.staging = staging;
        this.lock = lock;
        this.force = force;
        this.cleanup = new Thread(this::onShutdown, "payrisk-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
    }

    /**
     * Checks the target, takes its lock, recovers what a dead process left beside it, and creates the
     * staging directory. Call before simulating, so a bad path fails at once.
     *
     * @param target where the run should end up
     * @param force whether an existing run may be replaced
     * @param keep paths the target must not be, or hold (the scenario file, the working folder), each with
     *     the words that name it in a message
     * @return the staged run directory
     * @throws OutputException when the target cannot be used (exit status 2)
     */
    public static RunDirectory stage(Path target, boolean force, Map<Path, String> keep) throws OutputException {
        Path abs = target.toAbsolutePath().normalize();
        checkTarget(abs, force, keep);
        Path parent = abs.getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new OutputException("cannot create the folder " + parent + " for the run: " + describe(e));
        }
        Path lock = lockOf(abs);
        takeLock(abs, lock);
        try {
            recoverLocked(abs);
            checkTarget(abs, force, keep); // recovery may have put a previous run back
            Path staging = createStaging(parent, "." + abs.getFileName() + ".tmp-");
            Files.writeString(staging.resolve(MARKER), markerText(List.of()));
            return new RunDirectory(abs, staging, lock, force);
        } catch (IOException e) {
            deleteQuietly(lock);
            throw new OutputException("cannot create the run folder next to " + abs + ": " + describe(e));
        } catch (OutputException | RuntimeException e) {
            deleteQuietly(lock);
            throw e;
        }
    }

    /**
     * Checks that a run may be written to {@code target}, without changing anything.
     *
     * @param target an output directory
     * @param force whether replacing an earlier run is allowed
     * @param keep paths the target must not be, or be an ancestor of, each with the words that name it
     * @throws OutputException when the target is the file system root, a file, a mount point, holds
     *     one of {@code keep}, holds something other than a run, or holds a run and force is off
     */
    public static void checkTarget(Path target, boolean force, Map<Path, String> keep) throws OutputException {
        Path abs = target.toAbsolutePath().normalize();
        if (abs.getParent() == null) {
            throw new OutputException("the output folder " + abs + " is the root of the file system: a run needs a folder of "
                    + "its own; choose one with --out, e.g. --out output/my-run");
        }
        Optional<Path> blocker = fileInTheWay(abs);
        if (blocker.isPresent()) {
            throw new OutputException(blocker.get() + " is a file, so the output folder " + abs
                    + " cannot be created inside it: choose another folder with --out");
        }
        if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(abs)) {
            throw new OutputException("the output path " + abs + " is " + kindOf(abs) + ": expected a directory (or no such path)");
        }
        for (Map.Entry<Path, String> k : keep.entrySet()) {
            Path kk = real(k.getKey());
            Path real = real(abs);
            if (kk.startsWith(real)) {
                throw new OutputException("the output folder " + abs + (kk.equals(real) ? " is " : " holds ") + k.getValue()
                        + ": a run replaces its whole folder, so it must not be (or contain) the scenario's folder or the "
                        + "current folder; nothing was changed: choose a new folder with --out, e.g. --out output/my-run");
            }
        }
        if (!Files.isDirectory(abs)) {
            return;
        }
        if (isMountPoint(abs)) {
            throw new OutputException("the output folder " + abs + " is a mount point: a run is renamed into place, which a "
                    + "mount point cannot take; choose a folder inside it, e.g. --out " + abs.resolve("run"));
        }
        List<String> entries = list(abs);
        if (entries.isEmpty()) {
            return;
        }
        Verdict v = judge(abs, entries);
        if (!v.isRun()) {
            throw new OutputException("the output folder " + abs + " is not empty and holds no payrisk run (found "
                    + v.example() + ", and no " + MARKER + " with run.json)" + (force ? "; --force replaces only a folder "
                    + "a payrisk run wrote, so" : ";") + " nothing was changed: choose a new or empty folder with --out");
        }
        if (v.foreign() != null) {
            throw new OutputException("the output folder " + abs + " holds a payrisk run but also " + v.foreign()
                    + ", which payrisk did not write" + (force ? "; --force would delete it, so nothing was changed" : "")
                    + ": move it elsewhere, or choose another folder with --out");
        }
        if (!force) {
            throw new OutputException("the output folder " + abs + " already holds a run; pass --force to replace it, "
                    + "or choose another with --out");
        }
    }

    /** What an existing non-empty folder holds. */
    private record Verdict(boolean isRun, String example, String foreign) {
    }

    private static Verdict judge(Path dir, List<String> entries) throws OutputException {
        Set<String> names = new TreeSet<>(entries);
        boolean marked = Files.isRegularFile(dir.resolve(MARKER)) && Files.isRegularFile(dir.resolve("run.json"));
        boolean legacy = Files.isRegularFile(dir.resolve("run.json")) && Files.isRegularFile(dir.resolve("summary.json"));
        String example = names.stream().filter(n -> !n.equals(MARKER)).findFirst().orElse(MARKER);
        if (!marked && !legacy) {
            return new Verdict(false, example, null);
        }
        Set<String> own = new TreeSet<>(KNOWN_OUTPUTS);
        if (marked) {
            own.addAll(readMarker(dir.resolve(MARKER)));
        }
        for (String n : names) {
            if (!own.contains(n) && !OWN_HIDDEN.matcher(n).matches()) {
                if (!marked) {
                    // an unmarked folder is taken for an old run only if it holds nothing but payrisk's outputs
                    return new Verdict(false, n, null);
                }
                return new Verdict(true, example, n);
            }
        }
        Path charts = dir.resolve("charts");
        if (Files.isDirectory(charts, LinkOption.NOFOLLOW_LINKS)) {
            for (String n : list(charts)) {
                // charts/ is payrisk's, but a user may drop a file there: anything but a chart is theirs
                if (!CHART_FILE.matcher(n).matches() && !OWN_HIDDEN.matcher(n).matches()) {
                    return new Verdict(marked, marked ? example : "charts/" + n, marked ? "charts/" + n : null);
                }
            }
        }
        return new Verdict(true, example, null);
    }

    /**
     * Restores or removes what a dead process left beside {@code target} while writing it: a previous
     * run moved aside but never replaced is renamed back, one that was replaced is deleted, and
     * staging folders are deleted. Does nothing while a live process holds the target's lock.
     *
     * @param target a run folder (existing or not)
     * @return one line per action taken, for the user
     * @throws OutputException when the leftovers cannot be restored
     */
    public static List<String> recover(Path target) throws OutputException {
        Path abs = target.toAbsolutePath().normalize();
        if (abs.getParent() == null || !Files.isDirectory(abs.getParent())) {
            return List.of();
        }
        Path lock = lockOf(abs);
        if (Files.exists(lock, LinkOption.NOFOLLOW_LINKS) && holderAlive(lock)) {
            return List.of();
        }
        try {
            takeLock(abs, lock);
        } catch (OutputException busy) {
            return List.of();
        }
        try {
            return recoverLocked(abs);
        } catch (IOException e) {
            throw new OutputException("cannot restore the run folder " + abs + " left by an interrupted run: " + describe(e));
        } finally {
            deleteQuietly(lock);
        }
    }

    private static List<String> recoverLocked(Path target) throws IOException {
        List<String> notes = new ArrayList<>();
        Path parent = target.getParent();
        List<Path> olds = new ArrayList<>();
        List<Path> stagings = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(parent)) {
            for (Path p : s) {
                Matcher m = SIBLING.matcher(p.getFileName().toString());
                if (m.matches() && m.group(1).equals(target.getFileName().toString())
                        && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    (m.group(2).equals("old") ? olds : stagings).add(p);
                }
            }
        }
        olds.sort(Comparator.comparing(p -> p.getFileName().toString()));
        if (!olds.isEmpty() && !Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            Path back = olds.remove(olds.size() - 1);
            move(back, target);
            notes.add("restored the previous run in " + target + " (an earlier payrisk process stopped while replacing it)");
        }
        for (Path old : olds) {
            deleteTree(old);
            notes.add("deleted " + old + ", a previous run an earlier --force had already replaced");
        }
        for (Path st : stagings) {
            deleteTree(st);
            notes.add("deleted " + st + ", the unfinished output of a stopped run");
        }
        return notes;
    }

    /**
     * Adds names to the marker's list of files the run wrote (after a re-render), so a later
     * {@code --force} knows them for payrisk's own. Does nothing in a folder without the marker.
     *
     * @param run a run folder
     * @param names top-level names just written into it
     * @throws IOException if the marker cannot be rewritten
     */
    public static void recordOutputs(Path run, Collection<String> names) throws IOException {
        Path marker = run.resolve(MARKER);
        if (!Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Set<String> all = readMarker(marker);
        if (all.containsAll(names)) {
            return;
        }
        all.addAll(names);
        Path tmp = marker.resolveSibling(MARKER + "." + ProcessHandle.current().pid() + ".tmp");
        Files.writeString(tmp, markerText(new ArrayList<>(all)));
        move(tmp, marker);
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
     * only after the new one is in place; if the second rename fails, the previous run is moved back.
     *
     * @throws OutputException when the target was filled by someone else meanwhile, or a rename fails;
     *     the message says where the previous run is, and the new run is discarded
     */
    public synchronized void commit() throws OutputException {
        if (finished) {
            throw new OutputException("the run was stopped before it could be moved into " + target);
        }
        try {
            Files.writeString(staging.resolve(MARKER), markerText(list(staging)));
        } catch (IOException e) {
            throw new OutputException("cannot finish the run in " + staging.getParent() + ": " + describe(e));
        }
        try {
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !list(target).isEmpty()) {
                Verdict v = judge(target, list(target));
                if (!force || !v.isRun() || v.foreign() != null) {
                    throw new OutputException("the output folder " + target + " was filled by another program while this run "
                            + "was going; nothing in it was changed and this run was discarded: choose another folder with --out");
                }
                Path old = createName(target.getParent(), "." + target.getFileName() + ".old-");
                move(target, old);
                aside = old;
            }
            try {
                betweenRenames.run();
                move(staging, target);
            } catch (IOException e) {
                throw new OutputException("cannot move the finished run into " + target + ": " + describe(e) + "; "
                        + putBack() + " This run was discarded.");
            }
            Path old = aside;
            aside = null;
            finished = true;
            if (old != null) {
                deleteQuietly(old);
            }
        } catch (IOException e) {
            throw new OutputException("cannot replace the run in " + target + ": " + describe(e) + "; " + putBack());
        } finally {
            if (!finished) {
                finished = true;
                deleteQuietly(staging);
            }
            deleteQuietly(lock);
            removeHook();
        }
    }

    /** Moves the previous run back after a failed replace; says where it is. */
    private String putBack() {
        if (aside == null) {
            return "nothing in " + target + " was changed.";
        }
        try {
            if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                move(aside, target);
                aside = null;
                return "the previous run is back in " + target + ".";
            }
        } catch (IOException e) {
            // fall through: say where it is
        }
        Path where = aside;
        aside = null;
        return "the previous run is kept at " + where + " (rename it to " + target.getFileName() + " to restore it).";
    }

    /** Deletes the staging directory and releases the lock (after a failed or stopped run). */
    public synchronized void abandon() {
        if (!finished) {
            finished = true;
            deleteQuietly(lock);
        }
        deleteQuietly(staging);
        stopped = true;
        removeHook();
    }

    /**
     * Ctrl-C or SIGTERM: remove the staging folder, put back a previous run moved aside, release the
     * lock. The main thread may still be rendering into the staging folder (and re-create it), so
     * the folder is removed again until the command stops or a short grace period ends.
     */
    private void onShutdown() {
        synchronized (this) {
            if (finished) {
                return;
            }
            finished = true;
            deleteQuietly(staging);
            if (aside != null) {
                putBack();
            }
        }
        long end = System.nanoTime() + 2_000_000_000L;
        while (!stopped && System.nanoTime() < end) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                break;
            }
            deleteQuietly(staging);
        }
        deleteQuietly(staging);
        deleteQuietly(lock);
    }

    private void removeHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException shuttingDown) {
            // already running the hook
        }
    }

    // ---- lock ----

    private static Path lockOf(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".lock");
    }

    private static void takeLock(Path target, Path lock) throws OutputException {
        ProcessHandle me = ProcessHandle.current();
        String text = me.pid() + " " + me.info().startInstant().map(Instant::toEpochMilli).orElse(0L) + "\n";
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                Files.writeString(lock, text, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                return;
            } catch (FileAlreadyExistsException e) {
                if (holderAlive(lock)) {
                    throw new OutputException("another payrisk process (" + holderText(lock) + ") is writing " + target
                            + "; wait for it to finish, or choose another folder with --out");
                }
                deleteQuietly(lock); // its process is gone: the lock is stale
            } catch (IOException e) {
                throw new OutputException("cannot write in " + target.getParent() + ": " + describe(e));
            }
        }
        throw new OutputException("cannot take the lock " + lock + " of the output folder " + target
                + ": other payrisk processes keep taking it; try again");
    }

    private static boolean holderAlive(Path lock) {
        String[] parts;
        try {
            parts = Files.readString(lock, StandardCharsets.UTF_8).trim().split("\\s+");
        } catch (IOException e) {
            return false;
        }
        try {
            long pid = Long.parseLong(parts[0]);
            long started = parts.length > 1 ? Long.parseLong(parts[1]) : 0;
            Optional<ProcessHandle> p = ProcessHandle.of(pid);
            if (p.isEmpty() || !p.get().isAlive()) {
                return false;
            }
            // a reused PID belongs to a process started at another time
            Optional<Instant> s = p.get().info().startInstant();
            return started == 0 || s.isEmpty() || Math.abs(s.get().toEpochMilli() - started) < 2000;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String holderText(Path lock) {
        try {
            return "process " + Files.readString(lock, StandardCharsets.UTF_8).trim().split("\\s+")[0];
        } catch (IOException | RuntimeException e) {
            return "lock " + lock;
        }
    }

    // ---- helpers ----

    private static String markerText(List<String> files) {
        return "This folder was written by payrisk " + Version.get() + "; payrisk run --force may replace it.\n"
                + "files: " + String.join(" ", files) + "\n";
    }

    private static Set<String> readMarker(Path marker) {
        Set<String> names = new TreeSet<>();
        try {
            for (String line : Files.readAllLines(marker, StandardCharsets.UTF_8)) {
                if (line.startsWith("files:")) {
                    for (String n : line.substring(6).trim().split(" ")) {
                        if (!n.isEmpty()) {
                            names.add(n);
                        }
                    }
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // an unreadable list: only the known outputs count as payrisk's
        }
        return names;
    }

    /** The nearest existing ancestor of {@code path} if it is not a directory. */
    private static Optional<Path> fileInTheWay(Path path) {
        for (Path p = path.getParent(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                return Files.isDirectory(p) ? Optional.empty() : Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * @param path an existing path that is not a directory
     * @return "a file", "a FIFO", "a device" ... for messages
     */
    public static String kindOf(Path path) {
        if (Files.isSymbolicLink(path) && !Files.exists(path)) {
            return "a broken symbolic link";
        }
        if (Files.isRegularFile(path)) {
            return "a file";
        }
        try {
            int mode = (Integer) Files.getAttribute(path, "unix:mode");
            switch (mode & 0170000) {
                case 0010000: return "a FIFO (named pipe), not a file";
                case 0020000: return "a character device, not a file";
                case 0060000: return "a block device, not a file";
                case 0140000: return "a socket, not a file";
                default: return "a special file";
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return "a special file";
        }
    }

    private static boolean isMountPoint(Path dir) {
        try {
            Object a = Files.getAttribute(dir, "unix:dev");
            Object b = Files.getAttribute(dir.getParent(), "unix:dev");
            return !a.equals(b);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    private static Path real(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        try {
            return abs.toRealPath();
        } catch (IOException e) {
            Path parent = abs.getParent();
            return parent == null ? abs : real(parent).resolve(abs.getFileName());
        }
    }

    private static List<String> list(Path dir) throws OutputException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                names.add(p.getFileName().toString());
            }
        } catch (AccessDeniedException e) {
            throw new OutputException("cannot read the output folder " + dir + ": permission denied");
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new OutputException("cannot read the output folder " + dir + ": " + describe(e));
        }
        names.sort(null);
        return names;
    }

    /** Creates a new directory with a random suffix; its permissions follow the umask (unlike createTempDirectory's 0700). */
    private static Path createStaging(Path parent, String prefix) throws IOException {
        for (int attempt = 0; ; attempt++) {
            try {
                return Files.createDirectory(createName(parent, prefix));
            } catch (FileAlreadyExistsException e) {
                if (attempt > 10) {
                    throw e;
                }
            }
        }
    }

    private static Path createName(Path parent, String prefix) {
        byte[] b = new byte[6];
        RANDOM.nextBytes(b);
        return parent.resolve(prefix + HexFormat.of().formatHex(b));
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    static void deleteQuietly(Path dir) {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            deleteTree(dir);
        } catch (IOException | UncheckedIOException e) {
            // best effort: a leftover hidden sibling is removed by the next run's recovery
        }
    }

    /**
     * @param e an I/O failure
     * @return its reason in words, e.g. "No space left on device" or "permission denied (/x)"
     */
    public static String describe(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied (" + e.getMessage() + ")";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason() + " (" + f.getFile() + ")";
        }
        return e.getClass().getSimpleName().replace("Exception", "") + " " + e.getMessage();
    }
}
