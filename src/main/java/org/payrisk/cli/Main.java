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
import org.payrisk.report.Version;
import org.payrisk.scenario.ScenarioException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code payrisk} command.
 */
@Command(name = "payrisk", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = {"Monte Carlo income risk of a therapy practice under fee-for-service, capitation, "
                + "bundled and value-based payment.", ""},
        footer = {"", "Exit status: 0 success; 2 bad input (scenario, flags, paths) or a problem of the machine you "
                + "can fix (disk full, permissions, a special file, too little memory); 1 internal error, a bug "
                + "(add --debug for the stack trace).",
                "Start here: payrisk run scenarios/ot-private-practice.yaml"})
public final class Main implements Runnable {

    /** Exit status for bad input, or an environment problem the user can fix. */
    public static final int BAD_INPUT = 2;
    /** Exit status for an internal error. */
    public static final int INTERNAL_ERROR = 1;

    /**
     * Reasons (strerror texts) of I/O failures that come from the machine, not from payrisk: the
     * user fixes them by freeing space, changing permissions or choosing another place.
     */
    private static final List<String> ENVIRONMENT_REASONS = List.of("no space left on device", "disk quota exceeded",
            "read-only file system", "permission denied", "operation not permitted", "input/output error",
            "file too large", "too many open files", "stale file handle", "file name too long", "not a directory",
            "is a directory", "no such device", "device or resource busy", "no such file or directory",
            "invalid argument", "cross-device link", "too many links", "no space");

    /** The subcommands, in the order the help lists them ({@link #commandLine} adds them). */
    static final List<Class<?>> SUBCOMMANDS = List.of(RunCommand.class, WatchCommand.class, ValidateCommand.class, InitCommand.class,
            ReportCommand.class, FitCommand.class, SweepCommand.class, SolveCommand.class, PopulationCommand.class,
            SchemaCommand.class, CommandLine.HelpCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "expected a command: run, watch, sweep, solve, population, fit, validate, init, report or schema");
    }

    /**
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * Runs the command line and returns its exit status (for tests and {@link #main}). Everything
     * printed goes through {@link Terminal#writer}, which escapes control characters.
     *
     * @param args arguments
     * @param rawOut standard output
     * @param rawErr standard error
     * @return exit status
     */
    public static int execute(String[] args, PrintWriter rawOut, PrintWriter rawErr) {
        boolean debug = java.util.Arrays.asList(args).contains("--debug");
        if (args.length > 0 && ("run".equals(args[0]) || "watch".equals(args[0]))
                && !java.util.Arrays.asList(args).contains("--no-report")) {
            // A run that will render its report: warm the report's code up on the core that is idle
            // while picocli and the scenario are read (docs/performance.md, "End to end and the report").
            // It writes nothing and never throws; a misfire (run --help, a bad scenario) only costs a
            // little CPU.
            org.payrisk.report.render.ReportRenderer.warmUpInBackground();
        }
        PrintWriter out = Terminal.writer(rawOut);
        PrintWriter err = Terminal.writer(rawErr);
        CommandLine cl = commandLine(args);
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> handle(ex, err, debug));
        cl.setParameterExceptionHandler((ex, arguments) -> {
            // one paragraph and a pointer to the help, not the whole usage text
            err.println("payrisk: " + ex.getMessage());
            if (!CommandLine.UnmatchedArgumentException.printSuggestions(ex, err)) {
                err.println("Try: " + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help");
            }
            err.flush();
            return BAD_INPUT;
        });
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            return handle(e, err, debug);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /**
     * The command line for {@code args}. picocli builds a command's model by reading every option's
     * annotations by reflection, which made building all ten subcommands about a third of a short run's
     * start-up (some 80 ms of 230 on the 2-core machine, measured without the class-data archive). So
     * when the first argument names a subcommand other than {@code help}, only that one is added;
     * anything else (no argument, {@code --help}, {@code --version}, {@code help}, a misspelt command,
     * an {@code @file} of arguments) gets all of them, for the help text and picocli's suggestions.
     *
     * @param args the arguments
     * @return the {@code payrisk} command line with its subcommands
     */
    static CommandLine commandLine(String[] args) {
        CommandLine cl = new CommandLine(new Main());
        Class<?> only = null;
        for (Class<?> c : SUBCOMMANDS) {
            if (args.length > 0 && c != CommandLine.HelpCommand.class
                    && args[0].equals(c.getAnnotation(Command.class).name())) {
                only = c;
            }
        }
        for (Class<?> c : SUBCOMMANDS) {
            if (only == null || c == only) {
                cl.addSubcommand(c);
            }
        }
        return cl;
    }

    /** Prints what went wrong, in one paragraph, and picks the exit status. */
    static int handle(Throwable ex, PrintWriter err, boolean debug) {
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

    /** Supplies {@code --version}. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"payrisk " + Version.get(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
        }
    }
}
