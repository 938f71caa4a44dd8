package org.payrisk.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;
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
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            if (force) {
                Files.write(file, template);
            } else {
                Files.write(file, template, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            }
        } catch (FileAlreadyExistsException e) {
            throw new UserInputException(file + " already exists: pass --force to overwrite it, or name another file");
        }
        spec.commandLine().getOut().printf("Wrote %s. Edit it, then: payrisk run %s%n", file, file);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
