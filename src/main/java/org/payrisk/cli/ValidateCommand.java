package org.payrisk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.payrisk.analysis.ParameterUncertainty;
import org.payrisk.scenario.Scenario;
import org.payrisk.scenario.ScenarioException;
import org.payrisk.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code payrisk validate}: check scenario files without running them. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check scenario files and report every file's first problem (file:line:column, field, expected, found).")
final class ValidateCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "SCENARIO", description = "Scenario files.")
    List<Path> files;

    @Mixin
    DebugOption debugOption;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int bad = 0;
        for (Path file : files) {
            try {
                Scenario s = ScenarioLoader.load(file);
                if (s.uncertainty() != null) {
                    // every outer draw must be a valid scenario: the check a run makes before its long part
                    ParameterUncertainty.plan(s, s.uncertainty(), s.seed());
                }
                out.printf("ok: %s (%s; %d payment models: %s)%n", Terminal.escape(file.toString()),
                        Terminal.escape(s.name()), s.models().size(), Terminal.escape(String.join(", ", s.modelNames())));
            } catch (ScenarioException e) {
                err.println("payrisk: " + e.getMessage());
                bad++;
            }
        }
        out.flush();
        err.flush();
        return bad == 0 ? 0 : Failures.BAD_INPUT;
    }
}
