package org.payrisk.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;
import org.payrisk.report.RunDirectory;
import org.payrisk.scenario.ScenarioSchema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code payrisk init}: write a commented starter scenario. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Write a commented starter scenario (every field explained, figures sourced) to FILE.")
final class InitCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "Where to write it (default: scenario.yaml).")
    Path file = Path.of("scenario.yaml");

    @Option(names = "--force", description = "Overwrite FILE if it exists.")
    boolean force;

    @Mixin
    DebugOption debugOption;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, UserInputException {
        byte[] template;
        try (InputStream in = InitCommand.class.getResourceAsStream("starter.yaml")) {
            template = in.readAllBytes();
        }
        if (Files.isDirectory(file)) {
            throw new UserInputException(file + " is a directory: expected a file name such as my-practice.yaml");
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new UserInputException(file + " is " + RunDirectory.kindOf(file) + ": expected a file name such as "
                    + "my-practice.yaml");
        }
        Path abs = file.toAbsolutePath().normalize();
        for (Path p = abs.getParent(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                if (!Files.isDirectory(p)) {
                    throw new UserInputException(p + " is a file, so " + file + " cannot be created inside it: "
                            + "name a file in a folder, e.g. my-practice.yaml");
                }
                break;
            }
        }
        try {
            if (abs.getParent() != null) {
                Files.createDirectories(abs.getParent());
            }
            if (force) {
                Files.write(file, template);
            } else {
                Files.write(file, template, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            }
        } catch (FileAlreadyExistsException e) {
            if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                throw new UserInputException(file + " already exists: pass --force to overwrite it, or name another file");
            }
            throw new UserInputException("cannot create " + file + ": " + e.getFile() + " is in the way ("
                    + RunDirectory.describe(e) + "); name another file");
        }
        String name = Terminal.escape(file.toString());
        String schema = writeSchemaBeside(abs);
        spec.commandLine().getOut().printf("Wrote %s%s. Edit it, then: payrisk run %s%n", name, schema, name);
        spec.commandLine().getOut().flush();
        return 0;
    }

    /**
     * Writes the JSON Schema beside the starter, under the name its first-line modeline gives, so an
     * editor with the YAML language server offers completion and checks the file at once. An existing
     * schema file is kept (it may be the user's); the message then says how to refresh it.
     *
     * @return the words to add to the "Wrote" line
     */
    private static String writeSchemaBeside(Path starter) {
        Path schema = starter.resolveSibling(ScenarioSchema.FILE_NAME);
        if (Files.exists(schema, LinkOption.NOFOLLOW_LINKS)) {
            return " (kept the existing " + ScenarioSchema.FILE_NAME + "; refresh it with payrisk schema --out "
                    + Terminal.escape(schema.toString()) + " --force)";
        }
        try {
            SchemaCommand.write(schema, ScenarioSchema.json().getBytes(StandardCharsets.UTF_8), false);
            return " and " + Terminal.escape(schema.toString()) + " (its schema, for editor completion)";
        } catch (IOException | UserInputException e) {
            // the starter is written; the schema only helps editors, and payrisk schema can write it later
            return " (could not write " + ScenarioSchema.FILE_NAME + " beside it: " + e.getMessage()
                    + "; payrisk schema --out FILE writes it)";
        }
    }
}
