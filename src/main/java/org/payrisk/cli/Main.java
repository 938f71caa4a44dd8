package org.payrisk.cli;

import java.io.PrintWriter;
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
        subcommands = {RunCommand.class, ValidateCommand.class, InitCommand.class, ReportCommand.class, FitCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Exit status: 0 success, 2 bad input (scenario, flags, paths), 1 internal error "
                + "(add --debug for the stack trace).",
                "Start here: payrisk run scenarios/ot-private-practice.yaml"})
public final class Main implements Runnable {

    /** Exit status for bad input. */
    public static final int BAD_INPUT = 2;
    /** Exit status for an internal error. */
    public static final int INTERNAL_ERROR = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "expected a command: run, validate, init or report");
    }

    /**
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * Runs the command line and returns its exit status (for tests and {@link #main}).
     *
     * @param args arguments
     * @param out standard output
     * @param err standard error
     * @return exit status
     */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        boolean debug = java.util.Arrays.asList(args).contains("--debug");
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof ScenarioException || ex instanceof OutputException || ex instanceof UserInputException) {
                err.println("payrisk: " + ex.getMessage());
                err.flush();
                return BAD_INPUT;
            }
            err.println("payrisk: internal error: " + ex + (debug ? "" : " (rerun with --debug for the stack trace;"
                    + " this is a bug in payrisk, please report it)"));
            if (debug) {
                ex.printStackTrace(err);
            }
            err.flush();
            return INTERNAL_ERROR;
        });
        return cl.execute(args);
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
