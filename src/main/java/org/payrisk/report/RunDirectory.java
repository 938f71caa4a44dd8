package org.payrisk.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A run's output directory, written to a hidden staging sibling and renamed into place only when
 * complete, so a crash or Ctrl-C never leaves a half-written run where results are expected.
 *
 * <p>What a run owns is defined in one place, the marker file {@value #MARKER}: it lists, one per line,
 * every file the run (and later re-renders) wrote, by its path inside the folder. An existing non-empty
 * folder is replaced only with {@code --force}, and then only if it holds the marker and {@code run.json}
 * (or, for runs written before the marker existed, only {@code run.json}, {@code summary.json} and other
 * top-level files payrisk writes), and every file in it is listed. Anything else, whatever its name
 * (a {@code charts/logo.png} as much as a {@code notes.txt}), is the user's: the replace is refused,
 * naming it, and {@code payrisk report} neither deletes nor overwrites it.
 *
 * <p>Lock: {@code .NAME.lock} beside the target is a regular file on which the writing process holds an
 * operating-system lock ({@link FileChannel#tryLock()}) for the run's life; the system releases it when
 * the process dies, even by kill -9, so a stale lock file never blocks and two processes can never both
 * take it. The file's text (PID and start time) only names the holder in messages.
 *
 * <p>Recovery: siblings {@code .NAME.tmp-HEX} (a run being written) and {@code .NAME.old-HEX} (the
 * previous run, moved aside during a {@code --force} replace), with exactly the 12 hexadecimal digits
 * payrisk gives them and holding the marker (a staging folder gets it first thing), tell what a dead
 * process was doing. The next {@link #stage} or {@link #recover} of the same target, once it holds the
 * lock, restores the newest previous run that was moved aside but never replaced, deletes one that was
 * replaced, and deletes staging folders. A folder of any other name, or without the marker, is the user's
 * and is left alone. Ctrl-C and SIGTERM do the same at once (a shutdown hook).
 *
 * <p>Not thread safe; one per run. Two processes writing the same target are kept apart by the lock.
 */
public final class RunDirectory {

    /** Name of the marker file every run folder holds. */
    public static final String MARKER = ".payrisk-run";

    /**
     * Top-level files payrisk wrote in a run folder from before the marker existed; only these count as
     * payrisk's in such a folder (its {@code charts/} files were never recorded, so they count as the user's).
     */
    static final Set<String> LEGACY_OUTPUTS = Set.of("run.json", "summary.json", "scenario.yaml", "scenario.yml",
            "scenario.json", "trials.csv", "report.html", "brief.md", "brief.html");

    /** Hidden leftovers of payrisk's own atomic writes ({@code .NAME.DIGITS.tmp}) inside a run folder. */
    private static final Pattern OWN_TEMP_FILE = Pattern.compile("^\\..+\\.[0-9]+\\.tmp$");

    /** Digits of the random suffix payrisk gives its hidden folders. */
    static final int SUFFIX_HEX = 12;

    /** A re-render's staging folder inside a run ({@code payrisk report}). */
    public static final String REPORT_STAGE_PREFIX = ".report-tmp-";

    private static final Pattern OWN_STAGE_DIR = Pattern.compile("^\\.report-tmp-[0-9a-f]{" + SUFFIX_HEX + "}$");

    private static final Pattern SIBLING = Pattern.compile("^\\.(.+)\\.(tmp|old)-[0-9a-f]{" + SUFFIX_HEX + "}$");

    /** Lock files held by this JVM: a second channel on the same file would drop the first one's lock on close. */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    /** A step that may fail between the two renames of a replace; tests inject faults here. */
    @FunctionalInterface
    interface Step {
        void run() throws IOException;
    }

    /** Runs between moving the previous run aside and moving the new one in (tests only). */
    static volatile Step betweenRenames = () -> { };

    private final Path target;
    private final Path staging;
    private final Lock lock;
    private final boolean force;
    private final Thread cleanup;
    private Path aside;
    private boolean finished;
    /** Set once the command has given up the run, so the shutdown hook stops waiting. */
    private volatile boolean stopped;

    private RunDirectory(Path target, Path staging, Lock lock, boolean force) {
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
        Lock lock = Lock.take(abs);
        try {
            recoverLocked(abs);
            checkTarget(abs, force, keep); // recovery may have put a previous run back
            Path staging = FolderOps.createUnique(parent, "." + abs.getFileName() + ".tmp-");
            // first thing: the marker makes the folder recognisably payrisk's staging, for recovery
            Files.writeString(staging.resolve(MARKER), markerText(List.of()));
            return new RunDirectory(abs, staging, lock, force);
        } catch (IOException e) {
            lock.release();
            throw new OutputException("cannot create the run folder next to " + abs + ": " + describe(e));
        } catch (OutputException | RuntimeException e) {
            lock.release();
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
        boolean marked = Files.isRegularFile(dir.resolve(MARKER), LinkOption.NOFOLLOW_LINKS)
                && Files.isRegularFile(dir.resolve("run.json"), LinkOption.NOFOLLOW_LINKS);
        boolean legacy = !Files.exists(dir.resolve(MARKER), LinkOption.NOFOLLOW_LINKS)
                && Files.isRegularFile(dir.resolve("run.json"), LinkOption.NOFOLLOW_LINKS)
                && Files.isRegularFile(dir.resolve("summary.json"), LinkOption.NOFOLLOW_LINKS);
        String example = entries.stream().filter(n -> !n.equals(MARKER)).findFirst().orElse(MARKER);
        if (!marked && !legacy) {
            return new Verdict(false, example, null);
        }
        Optional<String> foreign = firstUnowned(dir, marked ? ownedFiles(dir) : LEGACY_OUTPUTS);
        if (foreign.isEmpty()) {
            return new Verdict(true, example, null);
        }
        // an unmarked folder is taken for an old run only if it holds nothing but payrisk's outputs
        return marked ? new Verdict(true, example, foreign.get()) : new Verdict(false, foreign.get(), null);
    }

    /**
     * @param dir a run folder
     * @param owned the paths (inside dir, '/'-separated) of the files payrisk wrote there
     * @return the first file or folder in dir that is neither listed, nor a folder holding listed files,
     *     nor a leftover of payrisk's own atomic writes
     */
    private static Optional<String> firstUnowned(Path dir, Set<String> owned) throws OutputException {
        Set<String> folders = new TreeSet<>();
        for (String f : owned) {
            for (int i = f.indexOf('/'); i > 0; i = f.indexOf('/', i + 1)) {
                folders.add(f.substring(0, i));
            }
        }
        String[] found = new String[1];
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    if (d.equals(dir)) {
                        return FileVisitResult.CONTINUE;
                    }
                    String rel = relative(dir, d);
                    if (d.getParent().equals(dir) && OWN_STAGE_DIR.matcher(rel).matches()) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    if (folders.contains(rel) || !isEmpty(d)) {
                        return FileVisitResult.CONTINUE; // an unlisted folder's files are named when visited
                    }
                    found[0] = rel + "/";
                    return FileVisitResult.TERMINATE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                    String rel = relative(dir, f);
                    if (rel.equals(MARKER) || owned.contains(rel)
                            || OWN_TEMP_FILE.matcher(f.getFileName().toString()).matches()) {
                        return FileVisitResult.CONTINUE;
                    }
                    found[0] = rel;
                    return FileVisitResult.TERMINATE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path f, IOException e) throws IOException {
                    throw e;
                }
            });
        } catch (IOException e) {
            throw new OutputException("cannot read the output folder " + dir + ": " + describe(e));
        }
        return Optional.ofNullable(found[0]);
    }

    private static boolean isEmpty(Path dir) {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            return !s.iterator().hasNext();
        } catch (IOException e) {
            return false;
        }
    }

    private static String relative(Path dir, Path p) {
        StringBuilder b = new StringBuilder();
        for (Path part : dir.relativize(p)) {
            b.append(b.length() == 0 ? "" : "/").append(part);
        }
        return b.toString();
    }

    /**
     * The files a run folder's marker lists as payrisk's: exactly these may be replaced by {@code --force}
     * or by a re-render; everything else in the folder is the user's.
     *
     * @param run a run folder
     * @return '/'-separated paths inside it (empty without a readable marker)
     */
    public static Set<String> ownedFiles(Path run) {
        return readMarker(run.resolve(MARKER));
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
        Lock lock;
        try {
            lock = Lock.take(abs);
        } catch (Lock.Busy busy) {
            return List.of();
        }
        try {
            return recoverLocked(abs);
        } catch (IOException e) {
            throw new OutputException("cannot restore the run folder " + abs + " left by an interrupted run: " + describe(e));
        } finally {
            lock.release();
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
                // only payrisk's own: its exact name, a real folder, and the marker it writes first thing
                if (m.matches() && m.group(1).equals(target.getFileName().toString())
                        && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
                        && Files.isRegularFile(p.resolve(MARKER), LinkOption.NOFOLLOW_LINKS)) {
                    (m.group(2).equals("old") ? olds : stagings).add(p);
                }
            }
        }
        // the newest previous run is the one last moved aside (the random names say nothing of time)
        olds.sort(Comparator.comparing(RunDirectory::markerTime).thenComparing(p -> p.getFileName().toString()));
        if (!olds.isEmpty() && !Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            Path back = olds.remove(olds.size() - 1);
            FolderOps.move(back, target);
            notes.add("restored the previous run in " + target + " (an earlier payrisk process stopped while replacing it)");
        }
        for (Path old : olds) {
            FolderOps.deleteTree(old);
            notes.add("deleted " + old + ", a previous run an earlier --force had already replaced");
        }
        for (Path st : stagings) {
            FolderOps.deleteTree(st);
            notes.add("deleted " + st + ", the unfinished output of a stopped run");
        }
        return notes;
    }

    private static FileTime markerTime(Path folder) {
        try {
            return Files.getLastModifiedTime(folder.resolve(MARKER), LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    /**
     * Updates the marker's list of files the run wrote after a re-render, so a later {@code --force} or
     * re-render knows them for payrisk's own. Does nothing in a folder without the marker.
     *
     * @param run a run folder
     * @param added paths (inside run, '/'-separated) just written
     * @param removed paths just deleted
     * @throws IOException if the marker cannot be rewritten
     */
    public static void recordOutputs(Path run, Collection<String> added, Collection<String> removed) throws IOException {
        Path marker = run.resolve(MARKER);
        if (!Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Set<String> all = readMarker(marker);
        Set<String> before = new TreeSet<>(all);
        all.removeAll(removed);
        all.addAll(added);
        if (all.equals(before)) {
            return;
        }
        Path tmp = marker.resolveSibling(MARKER + "." + ProcessHandle.current().pid() + ".tmp");
        Files.writeString(tmp, markerText(all));
        FolderOps.move(tmp, marker);
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
    public void commit() throws OutputException {
        commit(previous -> true);
    }

    /**
     * {@link #commit()}, replacing a previous run (with force) only if {@code mayReplace} accepts the
     * target folder as it is at the moment of the replace: {@code payrisk watch} replaces its own last
     * run but not one that another program wrote there while this run was being simulated.
     *
     * @param mayReplace given the target folder holding a previous run; false keeps that run and
     *     discards this one, as when the folder was filled by another program meanwhile
     * @throws OutputException as {@link #commit()}
     */
    public synchronized void commit(Predicate<Path> mayReplace) throws OutputException {
        if (finished) {
            throw new OutputException("the run was stopped before it could be moved into " + target);
        }
        try {
            Files.writeString(staging.resolve(MARKER), markerText(filesIn(staging)));
        } catch (IOException e) {
            throw new OutputException("cannot finish the run in " + staging.getParent() + ": " + describe(e));
        }
        try {
            List<String> present = Files.exists(target, LinkOption.NOFOLLOW_LINKS) ? list(target) : List.of();
            if (!present.isEmpty()) {
                Verdict v = judge(target, present);
                if (!force || !v.isRun() || v.foreign() != null || !mayReplace.test(target)) {
                    throw new OutputException("the output folder " + target + " was filled by another program while this run "
                            + "was going; nothing in it was changed and this run was discarded: choose another folder with --out");
                }
                if (!Files.exists(target.resolve(MARKER), LinkOption.NOFOLLOW_LINKS)) {
                    // a run from before the marker: mark it, so recovery knows the folder moved aside for payrisk's
                    Files.writeString(target.resolve(MARKER), markerText(filesIn(target)));
                }
                Path old = FolderOps.uniqueName(target.getParent(), "." + target.getFileName() + ".old-");
                FolderOps.move(target, old);
                aside = old;
            }
            try {
                betweenRenames.run();
                FolderOps.move(staging, target);
            } catch (IOException e) {
                throw new OutputException("cannot move the finished run into " + target + ": " + describe(e) + "; "
                        + putBack() + " This run was discarded.");
            }
            Path old = aside;
            aside = null;
            finished = true;
            if (old != null) {
                FolderOps.deleteQuietly(old);
            }
        } catch (IOException e) {
            throw new OutputException("cannot replace the run in " + target + ": " + describe(e) + "; " + putBack());
        } finally {
            if (!finished) {
                finished = true;
                FolderOps.deleteQuietly(staging);
            }
            lock.release();
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
                FolderOps.move(aside, target);
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
            lock.release();
        }
        FolderOps.deleteQuietly(staging);
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
            FolderOps.deleteQuietly(staging);
            if (aside != null) {
                putBack();
            }
        }
        FolderOps.keepDeleting(staging, () -> stopped);
        lock.release();
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

    /** The operating-system lock on a target's lock file, held from {@link #take} to {@link #release}. */
    private static final class Lock {
        private final Path path;
        private final FileChannel channel;
        private final FileLock fileLock;
        private boolean released;

        /** The lock is held by another process (or another run in this JVM). */
        static final class Busy extends OutputException {
            private static final long serialVersionUID = 1L;

            Busy(String message) {
                super(message);
            }
        }

        private Lock(Path path, FileChannel channel, FileLock fileLock) {
            this.path = path;
            this.channel = channel;
            this.fileLock = fileLock;
        }

        static Lock take(Path target) throws OutputException {
            Path path = lockOf(target);
            if (!HELD.add(path)) {
                throw busy(target, path);
            }
            try {
                for (int attempt = 0; attempt < 5; attempt++) {
                    Lock l = tryOnce(target, path);
                    if (l != null) {
                        return l;
                    }
                }
                throw new OutputException("cannot take the lock " + path + " of the output folder " + target
                        + ": other payrisk processes keep replacing it; try again");
            } catch (OutputException | RuntimeException e) {
                HELD.remove(path);
                throw e;
            }
        }

        /** @return the lock, or null when the file was deleted by its previous holder meanwhile (try again) */
        private static Lock tryOnce(Path target, Path path) throws OutputException {
            if (Files.exists(path, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                throw new OutputException("the lock path " + path + " is " + (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)
                        ? "a folder" : kindOf(path)) + ", not the regular file payrisk keeps there while writing "
                        + target + "; nothing was changed: move it away, or choose another folder with --out");
            }
            FileChannel ch;
            try {
                ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE,
                        LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                throw new OutputException("cannot write the lock file " + path + " of the output folder " + target + ": "
                        + describe(e));
            }
            try {
                FileLock fl = ch.tryLock();
                if (fl == null) {
                    ch.close();
                    throw busy(target, path);
                }
                // the previous holder deletes the file while holding the lock: ours may be a deleted one
                ProcessHandle me = ProcessHandle.current();
                String text = me.pid() + " " + me.info().startInstant().map(Instant::toEpochMilli).orElse(0L) + " "
                        + FolderOps.randomHex() + "\n";
                ch.truncate(0);
                ch.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), 0);
                String now;
                try {
                    now = Files.readString(path, StandardCharsets.UTF_8);
                } catch (IOException gone) {
                    now = "";
                }
                if (now.equals(text)) {
                    return new Lock(path, ch, fl);
                }
                fl.release();
                ch.close();
                return null;
            } catch (OverlappingFileLockException e) {
                closeQuietly(ch);
                throw busy(target, path);
            } catch (IOException e) {
                closeQuietly(ch);
                throw new OutputException("cannot lock the output folder " + target + " with " + path + ": " + describe(e));
            }
        }

        private static Busy busy(Path target, Path path) {
            return new Busy("another payrisk process (" + holderText(path) + ") is writing " + target + "; wait for it to "
                    + "finish, or choose another folder with --out (the lock is held by a running process, so it is not "
                    + "stale: if no payrisk is running, delete " + path + " and try again)");
        }

        /** Deletes the lock file (while still holding the lock, so no one else can have taken it) and lets go. */
        synchronized void release() {
            if (released) {
                return;
            }
            released = true;
            try {
                Files.deleteIfExists(path); // a regular file: checked when taken
            } catch (IOException e) {
                // left behind it blocks no one: the next process takes the file's lock
            }
            try {
                fileLock.release();
            } catch (IOException | RuntimeException e) {
                // closing the channel releases it too
            }
            closeQuietly(channel);
            HELD.remove(path);
        }

        private static void closeQuietly(FileChannel ch) {
            try {
                ch.close();
            } catch (IOException e) {
                // nothing held
            }
        }
    }

    private static String holderText(Path lock) {
        try {
            String[] parts = Files.readString(lock, StandardCharsets.UTF_8).trim().split("\\s+");
            return parts[0].matches("[0-9]{1,19}") ? "process " + parts[0] : "lock " + lock;
        } catch (IOException | RuntimeException e) {
            return "lock " + lock;
        }
    }

    // ---- helpers ----

    private static String markerText(Collection<String> files) {
        StringBuilder b = new StringBuilder("This folder was written by payrisk " + Version.get()
                + "; payrisk run --force may replace it.\n"
                + "Below is every file payrisk wrote here; payrisk never deletes or overwrites any other file.\n");
        for (String f : new TreeSet<>(files)) {
            b.append("file: ").append(escapeLine(f)).append('\n');
        }
        return b.toString();
    }

    /** Every file under dir but the marker and atomic-write leftovers, as '/'-separated paths. */
    private static List<String> filesIn(Path dir) throws IOException {
        List<String> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.toList()) {
                String rel = p.equals(dir) ? "" : relative(dir, p);
                if (!rel.isEmpty() && !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) && !rel.equals(MARKER)
                        && !OWN_TEMP_FILE.matcher(p.getFileName().toString()).matches()) {
                    files.add(rel);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return files;
    }

    private static String escapeLine(String s) {
        return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static String unescapeLine(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                b.append(n == 'n' ? '\n' : n == 'r' ? '\r' : n);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static Set<String> readMarker(Path marker) {
        Set<String> names = new TreeSet<>();
        if (!Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS)) {
            return names;
        }
        try {
            for (String line : Files.readAllLines(marker, StandardCharsets.UTF_8)) {
                if (line.startsWith("file: ")) {
                    names.add(unescapeLine(line.substring(6)));
                } else if (line.startsWith("files:")) {
                    // the first marker's form: top-level names only (a folder listed there owns nothing in it)
                    for (String n : line.substring(6).trim().split(" ")) {
                        if (!n.isEmpty()) {
                            names.add(n);
                        }
                    }
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // an unreadable list: nothing counts as payrisk's
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

    /**
     * @param e an I/O failure
     * @return its reason in words, e.g. "No space left on device" or "permission denied (/x)"
     */
    public static String describe(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied (" + e.getMessage() + ")";
        }
        if (e instanceof NoSuchFileException n) {
            return "no such file or folder (" + n.getFile() + "); it may have been removed, or this file system"
                    + " does not allow creating files there";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException f) {
            return "a file or folder of that name already exists (" + f.getFile() + ")";
        }
        if (e instanceof java.nio.file.NotDirectoryException f) {
            return "not a folder (" + f.getFile() + ")";
        }
        if (e instanceof java.nio.file.DirectoryNotEmptyException f) {
            return "the folder is not empty (" + f.getFile() + ")";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason() + " (" + f.getFile() + ")";
        }
        if (e instanceof FileSystemException f) {
            return "the file system refused it (" + f.getFile() + ")";
        }
        // Never a Java class name: the user reads this. The message of a plain IOException is the OS's words.
        return e.getMessage() == null || e.getMessage().isBlank() ? "the file system refused it" : e.getMessage();
    }
}
