package org.payrisk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Locale;
import org.payrisk.analysis.AnalysisInputException;
import org.payrisk.engine.NonFiniteOutcomeException;
import org.payrisk.report.OutputException;
import org.payrisk.scenario.ScenarioException;

/**
 * How a command's failure reaches the user: one paragraph on stderr and an exit status, never a stack
 * trace for bad input. {@link Main} reports every command's failure this way, and {@code payrisk watch}
 * each failed run's, before it waits for the next save.
 */
final class Failures {

    /** Exit status for bad input, or an environment problem the user can fix. */
    static final int BAD_INPUT = 2;
    /** Exit status for an internal error. */
    static final int INTERNAL_ERROR = 1;

    /**
     * Reasons (strerror texts) of I/O failures that come from the machine, not from payrisk: the
     * user fixes them by freeing space, changing permissions or choosing another place.
     */
    private static final List<String> ENVIRONMENT_REASONS = List.of("no space left on device", "disk quota exceeded",
            "read-only file system", "permission denied", "operation not permitted", "input/output error",
            "file too large", "too many open files", "stale file handle", "file name too long", "not a directory",
            "is a directory", "no such device", "device or resource busy", "no such file or directory",
            "invalid argument", "cross-device link", "too many links", "no space");

    private Failures() {
    }

    /**
     * Prints what went wrong, in one paragraph, and picks the exit status: {@link #BAD_INPUT} for bad
     * input and for problems of the machine the user can fix, {@link #INTERNAL_ERROR} (a bug) for
     * anything else, with the stack trace only under {@code --debug}.
     *
     * @param ex what was thrown
     * @param err where the paragraph goes
     * @param debug whether {@code --debug} was given
     * @return the exit status
     */
    static int report(Throwable ex, PrintWriter err, boolean debug) {
        try {
            if (shuttingDown()) {
                // Ctrl-C or SIGTERM: the shutdown hooks removed the unfinished output under our feet
                err.println("payrisk: stopped by a signal before finishing; the output folder was left as it was");
                return BAD_INPUT;
            }
            if (ex instanceof ScenarioException || ex instanceof OutputException || ex instanceof UserInputException
                    || ex instanceof NonFiniteOutcomeException || ex instanceof AnalysisInputException) {
                err.println("payrisk: " + ex.getMessage());
                return BAD_INPUT;
            }
            for (Throwable c = ex; c != null; c = c.getCause()) {
                if (c instanceof OutOfMemoryError) {
                    err.println("payrisk: " + Memory.outOfMemoryMessage());
                    return BAD_INPUT;
                }
            }
            String environment = environmentProblem(ex);
            if (environment != null) {
                err.println("payrisk: " + environment);
                return BAD_INPUT;
            }
            err.println("payrisk: internal error: " + ex + (debug ? "" : " (rerun with --debug for the stack trace;"
                    + " this is a bug in payrisk, please report it)"));
            if (debug) {
                ex.printStackTrace(err);
            }
            return INTERNAL_ERROR;
        } finally {
            err.flush();
        }
    }

    /**
     * @param ex a failure
     * @return a plain message if it (or a cause) is an I/O failure of the machine (disk full,
     *     permissions, read-only or special file systems), else null
     */
    static String environmentProblem(Throwable ex) {
        for (Throwable c = ex; c != null; c = c.getCause()) {
            if (c instanceof UncheckedIOException) {
                continue;
            }
            if (c instanceof java.nio.file.ReadOnlyFileSystemException) {
                return "cannot write: the file system is read-only; choose another folder";
            }
            if (!(c instanceof IOException io)) {
                continue;
            }
            if (io instanceof AccessDeniedException a) {
                return "cannot read or write " + a.getFile() + ": permission denied; check the permissions of the folder, "
                        + "or choose another one";
            }
            if (io instanceof NoSuchFileException n) {
                return "cannot read or write " + n.getFile() + ": no such file or folder (it may have been removed, or "
                        + "the file system does not allow creating it)";
            }
            String reason = io instanceof FileSystemException f && f.getReason() != null ? f.getReason() : io.getMessage();
            String file = io instanceof FileSystemException f ? f.getFile() : null;
            if (io instanceof FileSystemException || isEnvironmentReason(reason)) {
                return (file != null ? "cannot read or write " + file + ": " : "cannot write the output: ")
                        + (reason == null ? io.getClass().getSimpleName() : reason) + advice(reason);
            }
        }
        return null;
    }

    private static boolean isEnvironmentReason(String reason) {
        if (reason == null) {
            return false;
        }
        String r = reason.toLowerCase(Locale.ROOT);
        return ENVIRONMENT_REASONS.stream().anyMatch(r::contains);
    }

    private static String advice(String reason) {
        String r = reason == null ? "" : reason.toLowerCase(Locale.ROOT);
        if (r.contains("no space") || r.contains("quota") || r.contains("too large")) {
            return ". The disk is full: free some space or choose another folder (--out), then run again; nothing "
                    + "half-written was left in place";
        }
        if (r.contains("permission") || r.contains("not permitted") || r.contains("read-only")) {
            return ". Check the folder's permissions, or choose another folder";
        }
        return ". This is a problem of the file system, not of the scenario: choose another folder";
    }

    /** @return whether the JVM is running its shutdown hooks (Ctrl-C, SIGTERM) */
    private static boolean shuttingDown() {
        try {
            Thread probe = new Thread(() -> { });
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }
}
