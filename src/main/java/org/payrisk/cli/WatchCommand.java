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
import picocli.CommandLine.Command;

/**
 * {@code payrisk watch}: runs a scenario as {@code payrisk run} does, then runs it again each time the
 * scenario file's content changes, in the same process, until Ctrl-C.
 *
 * <p>Why: a researcher explores by editing a scenario and reading the report again. A new process
 * pays the JVM's start, picocli and the just-in-time compilation of every run; a process that stays
 * up pays them once, and its later runs are compiled by C2 (the launcher gives {@code watch} both
 * compilers, with the JVM's own thresholds). Measured on the 2-core machine: the shipped scenario at 10,000 trials
 * with its report, about 1.8 s as a new process in a quiet hour, 0.93-1.22 s a run from the fourth run
 * in one process (docs/performance.md, "{@code payrisk watch}").
 *
 * <p>Every run is a {@code payrisk run} with the same options and the same guarantees (staged, atomic,
 * the same bytes). Only the first run respects the user's {@code --force}: once it has written the
 * output folder, the later runs replace that run, as a watch is asked to. A run that fails (an error
 * in the scenario being edited, say) prints its error as {@code run} does and leaves the last good
 * run in place; the watch goes on waiting for the next change.
 */
@Command(name = "watch", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a scenario as payrisk run does, then run it again each time its file is saved with other "
                + "content, in the same process, until Ctrl-C. Later runs are faster (no JVM start, code already "
                + "compiled) and replace the run this watch wrote; a scenario with an error prints the error and "
                + "keeps the last good run. Takes every option of payrisk run.", ""})
final class WatchCommand extends RunCommand {

    /**
     * How often the scenario file is checked while waiting. A check reads its size and time (its content
     * only when they change), so checking ten times a second costs next to nothing.
     */
    static final long POLL_MILLIS = 100;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Snapshot seen = Snapshot.of(scenarioFile, null);
        try {
            while (true) {
                runOnce(err);
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

    /**
     * One {@code payrisk run}. An error is printed exactly as {@code run} prints it, and the watch goes
     * on; only an interruption ends it.
     */
    private void runOnce(PrintWriter err) throws InterruptedException {
        try {
            super.call();
            force = true; // the output folder now holds this watch's own run: later runs replace it
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception | OutOfMemoryError e) {
            Failures.report(e, err, debugOption.debug);
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
            Snapshot now = Snapshot.of(file, last);
            if (now != null && now.equals(last) && !now.sameContent(seen)) {
                return now;
            }
            last = now;
        }
    }

    /**
     * A scenario file as the watch compares it: its size and modification time, cheap to read every
     * poll, and the SHA-256 digest of its content, computed again only when they change (so saving the
     * same content again starts no run, and a large file is not read every poll).
     */
    record Snapshot(long size, FileTime modified, byte[] sha256) {

        /**
         * @param previous the last snapshot, whose digest is kept if size and time are unchanged (may be null)
         * @return the file now, or null while it is not a readable regular file (a link to one counts)
         */
        static Snapshot of(Path file, Snapshot previous) {
            try {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                if (!a.isRegularFile()) {
                    return null; // a FIFO would block the read; the run itself says what is wrong
                }
                if (previous != null && previous.size == a.size() && previous.modified.equals(a.lastModifiedTime())) {
                    return previous;
                }
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                try (InputStream in = Files.newInputStream(file)) {
                    byte[] buffer = new byte[64 * 1024];
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        sha.update(buffer, 0, n);
                    }
                }
                return new Snapshot(a.size(), a.lastModifiedTime(), sha.digest());
            } catch (IOException e) {
                return null;
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime has SHA-256", e);
            }
        }

        boolean sameContent(Snapshot other) {
            return other != null && Arrays.equals(sha256, other.sha256);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Snapshot s && size == s.size && modified.equals(s.modified) && Arrays.equals(sha256, s.sha256);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(size) * 31 + Arrays.hashCode(sha256);
        }
    }
}
