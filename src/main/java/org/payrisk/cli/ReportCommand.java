package org.payrisk.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code payrisk report}: re-render a finished run's charts, report and brief. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Re-render charts/, report.html, brief.md and brief.html of a finished run from its summary.json, "
                + "without simulating again.")
final class ReportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "A run directory (holding summary.json).")
    Path dir;

    @Mixin
    DebugOption debugOption;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(dir.resolve("summary.json"))) {
            throw new UserInputException(dir + ": expected a run directory holding summary.json, found none");
        }
        Reports.render(dir);
        spec.commandLine().getOut().printf("Rendered the report of %s%n", dir);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
