package org.payrisk.cli;

import java.io.PrintWriter;
import java.util.List;
import org.payrisk.report.Version;
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
    public static final int BAD_INPUT = Failures.BAD_INPUT;
    /** Exit status for an internal error. */
    public static final int INTERNAL_ERROR = Failures.INTERNAL_ERROR;

    /** The subcommands, in the order the help lists them ({@link #commandLine} adds them). */
    static final List<Class<?>> SUBCOMMANDS = List.of(RunCommand.class, WatchCommand.class, ValidateCommand.class,
            InitCommand.class, ReportCommand.class, FitCommand.class, SweepCommand.class, SolveCommand.class,
            PopulationCommand.class, SchemaCommand.class, CommandLine.HelpCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        List<String> names = SUBCOMMANDS.stream().filter(c -> c != CommandLine.HelpCommand.class)
                .map(c -> c.getAnnotation(Command.class).name()).toList();
        throw new CommandLine.ParameterException(spec.commandLine(), "expected a command: "
                + String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1));
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
        if (args.length > 0 && ("run".equals(args[0]) || "watch".equals(args[0]) || "report".equals(args[0]))
                && !java.util.Arrays.asList(args).contains("--no-report")) {
            // A command that will render a report: warm the report's code up on the core that is idle
            // while picocli and the scenario (or, for report, the run's files) are read
            // (docs/performance.md, "End to end and the report"). It writes nothing and never throws; a
            // misfire (run --help, a bad scenario) only costs a little CPU.
            org.payrisk.report.render.ReportRenderer.warmUpInBackground();
        }
        PrintWriter out = Terminal.writer(rawOut);
        PrintWriter err = Terminal.writer(rawErr);
        CommandLine cl = commandLine(args);
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> Failures.report(ex, err, debug));
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
            return Failures.report(e, err, debug);
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

    /** Supplies {@code --version}. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"payrisk " + Version.get(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
        }
    }
}
