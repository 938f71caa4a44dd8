package org.payrisk.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.payrisk.report.OutputException;
import picocli.CommandLine.Command;

/**
 * {@code payrisk watch}: runs a scenario as {@code payrisk run} does, then runs it again each time the
 * scenario file's content changes, in the same process, until Ctrl-C.
 *
 * <p>Why: a researcher explores by editing a scenario and reading the report again. A new process
 * pays the JVM's start, picocli and the just-in-time compilation of every run; a process that stays
 * up pays them once, and its later runs are compiled by C2 (the launcher gives {@code watch} both
 * compilers, with the JVM's own thresholds). Measured on the 2-core machine: the shipped scenario at
 * 10,000 trials with its report, about 1.8 s as a new process in a quiet hour, 0.93-1.22 s a run from
 * the fourth run in one process (docs/performance.md, "{@code payrisk watch}").
 *
 * <p>Every run is a {@code payrisk run} with the same options and the same guarantees (staged, atomic,
 * the same bytes). Only the first run follows the user's {@code --force}: once it has written the
 * output folder, a later run replaces that run, as a watch is asked to, but not a run that something
 * else wrote there in the meantime (that run is kept unless the user gave {@code --force}). A first
 * run whose output folder is refused (an earlier run there, without {@code --force}), or a scenario
 * path that is not a readable file when the watch starts, ends the watch with exit status 2, since no
 * edit of the scenario can change that. Any other failed run (an error in
 * the scenario being edited, say) prints its error as {@code run} does and leaves the last good run in
 * place; the watch goes on waiting for the next change.
 */
@Command(name = "watch", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a scenario as payrisk run does, then run it again each time its file is saved with other "
                + "content, in the same process, until Ctrl-C. Later runs are faster (no JVM start, code already "
                + "compiled) and replace the run this watch wrote; a scenario with an error prints the error and "
                + "keeps the last good run. Takes every option of payrisk run.", ""})
final class WatchCommand extends RunCommand {

    /** How often the scenario file is checked while waiting (a check costs microseconds: see {@link Snapshot}). */
    static final long POLL_MILLIS = 100;

    /** The user's {@code --force}; {@link #force} is set anew before each run. */
    private boolean userForce;

    /** run.json of the last run this watch wrote, as it wrote it; null before the first. */
    private byte[] ownRunJson;

    /** run.json of the run being moved into place, read from its staging folder. */
    private byte[] stagedRunJson;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        userForce = force;
        Snapshot seen = Snapshot.of(scenarioFile);
        try {
            while (true) {
                // replace the watch's own run, and anything else only if the user said --force
                force = userForce || isOwnRun(written);
                try {
                    stagedRunJson = null;
                    super.call();
                    // as staged, not read back from the target: a run put there after the commit is not ours
                    ownRunJson = stagedRunJson;
                } catch (InterruptedException e) {
                    throw e;
                } catch (Exception | OutOfMemoryError e) {
                    int status = Failures.report(e, err, debugOption.debug);
                    if (written == null && (e instanceof OutputException || seen == null)) {
                        // before any run succeeded: a refused output folder, or a scenario path that is no
                        // readable file (a misspelt name, a folder), which no edit of a scenario changes
                        return status;
                    }
                }
                if (!quiet) { // --quiet: errors only, as for run
                    out.println("payrisk watch: waiting for " + Terminal.escape(scenarioFile.toString())
                            + " to change (Ctrl-C to stop)");
                    out.flush();
                }
                seen = awaitChange(scenarioFile, seen);
            }
        } catch (InterruptedException e) {
            return 0; // stopped from within the process (tests); Ctrl-C ends the JVM instead
        }
    }

    @Override
    void staged(Path staging) {
        stagedRunJson = runJsonOf(staging);
    }

    /**
     * Checked again as the new run is moved into place: a run that another program wrote into the
     * folder while this one was simulated is kept (this run is then discarded with a message), unless
     * the user gave {@code --force}.
     */
    @Override
    boolean mayReplace(Path target) {
        return userForce || isOwnRun(target);
    }

    /** Whether {@code dir} still holds the run this watch last wrote there. */
    private boolean isOwnRun(Path dir) {
        return ownRunJson != null && Arrays.equals(ownRunJson, runJsonOf(dir));
    }

    /** @return the bytes of {@code dir}'s run.json, or null if there is none to read */
    private static byte[] runJsonOf(Path dir) {
        try {
            return dir == null ? null : Files.readAllBytes(dir.resolve("run.json"));
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Waits until the file's content differs from {@code seen}'s and has stayed the same for one more
     * poll (an editor may write a file in several steps, or remove it and write it anew).
     *
     * @param seen the file as the last run read it (null if it could not be read)
     * @return the file as it is now
     */
    static Snapshot awaitChange(Path file, Snapshot seen) throws InterruptedException {
        Snapshot last = seen;
        while (true) {
            Thread.sleep(POLL_MILLIS);
            Snapshot now = Snapshot.of(file);
            if (now != null && now.equals(last) && !now.sameContent(seen)) {
                return now;
            }
            last = now;
        }
    }

    /** Files up to this size (scenarios are a few kilobytes) are compared by content at every check. */
    static final int HASHED_BYTES = 1024 * 1024;

    /**
     * A scenario file as the watch compares it: its size, its modification time and the SHA-256 digest
     * of its content, read again at every check (microseconds for a scenario of a few kilobytes; times
     * alone could miss an edit saved within the same second on a file system that keeps whole seconds).
     * Saving the same content again starts no run. A file above {@link #HASHED_BYTES} is compared by
     * size and time alone, so that a check never reads more.
     */
    record Snapshot(long size, FileTime modified, byte[] sha256) {

        /** @return the file now, or null while it is not a readable regular file (a link to one counts) */
        static Snapshot of(Path file) {
            try {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                if (!a.isRegularFile()) {
                    return null; // a FIFO would block the read; the run itself says what is wrong
                }
                if (a.size() > HASHED_BYTES) {
                    return new Snapshot(a.size(), a.lastModifiedTime(), null);
                }
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                try (InputStream in = Files.newInputStream(file)) {
                    sha.update(in.readNBytes(HASHED_BYTES + 1)); // it may have grown since its size was read
                }
                return new Snapshot(a.size(), a.lastModifiedTime(), sha.digest());
            } catch (IOException e) {
                return null;
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime has SHA-256", e);
            }
        }

        /** Whether the two hold the same content (for files too large to read: the same size and time). */
        boolean sameContent(Snapshot other) {
            if (other == null) {
                return false;
            }
            return sha256 == null || other.sha256 == null ? equals(other) : Arrays.equals(sha256, other.sha256);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Snapshot s && size == s.size && modified.equals(s.modified)
                    && Arrays.equals(sha256, s.sha256);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(size) * 31 + Arrays.hashCode(sha256);
        }
    }
}
