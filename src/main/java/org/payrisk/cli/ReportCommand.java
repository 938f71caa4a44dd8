package org.payrisk.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.payrisk.report.render.RenderResult;
import org.payrisk.report.render.ReportRenderer;
import org.payrisk.report.render.ReportInputException;
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
        RenderResult r;
        try {
            r = ReportRenderer.render(dir);
        } catch (ReportInputException e) {
            throw new UserInputException(e.getMessage());
        }
        spec.commandLine().getOut().printf("Rendered %d files into %s in %.1f s: open %s%n", r.files().size(), dir,
                r.seconds(), dir.resolve("report.html"));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
