package org.payrisk.cli;

import java.nio.file.Path;
import org.payrisk.report.OutputException;
import org.payrisk.report.RunDirectory;
import picocli.CommandLine.Model.CommandSpec;

/** What every command that writes an output folder does first, said once. */
final class Outputs {

    private Outputs() {
    }

    /**
     * Finishes or undoes an interrupted earlier write of {@code target} ({@link RunDirectory#recover})
     * and tells the user, on standard error, what it found.
     *
     * @param spec the command, for its error stream
     * @param target the output folder
     * @throws OutputException when the folder cannot be read or repaired
     */
    static void recover(CommandSpec spec, Path target) throws OutputException {
        for (String note : RunDirectory.recover(target)) {
            spec.commandLine().getErr().println("payrisk: note: " + note);
        }
    }
}
