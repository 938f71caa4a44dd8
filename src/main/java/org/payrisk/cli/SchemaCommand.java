package org.payrisk.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;
import org.payrisk.report.RunDirectory;
import org.payrisk.scenario.ScenarioSchema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code payrisk schema}: the JSON Schema of scenario files, for editors (completion, hover text with
 * units, inline errors). Generated from the declarations the reader validates with, so it is the
 * schema of this version of payrisk.
 */
@Command(name = "schema", mixinStandardHelpOptions = true,
        description = {"Print the JSON Schema (draft-07) of scenario files, for editor completion and checking.",
                "Point an editor at it with a first line such as",
                "  # yaml-language-server: $schema=scenario.schema.json",
                "(README.md, Editor support). payrisk validate stays the authority: it also checks what a schema "
                        + "cannot (shares summing to 1, case and payer names, a distribution's tail)."})
final class SchemaCommand implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "FILE", description = "Write the schema to FILE instead of standard output.")
    Path out;

    @Option(names = "--force", description = "Overwrite FILE if it exists.")
    boolean force;

    @Mixin
    DebugOption debugOption;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, UserInputException {
        String json = ScenarioSchema.json();
        if (out == null) {
            spec.commandLine().getOut().print(json);
            spec.commandLine().getOut().flush();
            return 0;
        }
        write(out, json.getBytes(StandardCharsets.UTF_8), force);
        spec.commandLine().getOut().printf("Wrote %s.%n", Terminal.escape(out.toString()));
        spec.commandLine().getOut().flush();
        return 0;
    }

    /**
     * Writes {@code bytes} to {@code file} so that a reader only ever sees no file, the old file or
     * the complete new one: a temporary sibling, forced to disk, then linked (no --force: fails if the
     * file appeared meanwhile) or renamed over it (--force).
     */
    static void write(Path file, byte[] bytes, boolean force) throws IOException, UserInputException {
        if (Files.isDirectory(file)) {
            throw new UserInputException(file + " is a directory: expected a file name such as scenario.schema.json");
        }
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                throw new UserInputException(file + " is " + RunDirectory.kindOf(file) + ": expected a file name such as "
                        + "scenario.schema.json");
            }
            if (!force) {
                throw new UserInputException(file + " already exists: pass --force to overwrite it, or name another file");
            }
        }
        Path abs = file.toAbsolutePath().normalize();
        Path dir = abs.getParent();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                if (!Files.isDirectory(p)) {
                    throw new UserInputException(p + " is a file, so " + file + " cannot be created inside it: "
                            + "name a file in a folder, e.g. scenario.schema.json");
                }
                break;
            }
        }
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
        try {
            try (OutputStream o = Files.newOutputStream(tmp, StandardOpenOption.TRUNCATE_EXISTING)) {
                o.write(bytes);
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            // a schema is meant to be read by editors and colleagues like any file the user writes
            try {
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: keep the default permissions
            }
            if (force) {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
            } else {
                try {
                    Files.createLink(abs, tmp);
                } catch (FileAlreadyExistsException e) {
                    throw new UserInputException(file + " already exists: pass --force to overwrite it, or name another file");
                } catch (UnsupportedOperationException e) {
                    Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
                }
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
