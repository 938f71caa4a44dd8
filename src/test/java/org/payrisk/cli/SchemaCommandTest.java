package org.payrisk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.payrisk.cli.CliTest.assertBadInput;
import static org.payrisk.cli.CliTest.payrisk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.payrisk.scenario.ScenarioSchema;

/** {@code payrisk schema} and the schema {@code payrisk init} writes beside its starter. */
class SchemaCommandTest {

    @Test
    void printsTheGeneratedSchema() {
        CliTest.Result r = payrisk("schema");
        assertEquals(0, r.status(), r.err());
        assertEquals(ScenarioSchema.json(), r.out().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void writesAtomicallyAndRefusesToOverwriteWithoutForce(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("sub/scenario.schema.json");
        CliTest.Result r = payrisk("schema", "--out", file.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals(ScenarioSchema.json(), Files.readString(file));
        Files.writeString(file, "mine");
        assertBadInput(payrisk("schema", "--out", file.toString()), "already exists: pass --force");
        assertEquals("mine", Files.readString(file), "refused without --force, the file is untouched");
        assertEquals(0, payrisk("schema", "--out", file.toString(), "--force").status());
        assertEquals(ScenarioSchema.json(), Files.readString(file));
        try (Stream<Path> left = Files.list(file.getParent())) {
            assertEquals(1, left.count(), "no temporary file is left beside it");
        }
        assertBadInput(payrisk("schema", "--out", tmp.toString(), "--force"), "is a directory");
        Path blocker = Files.writeString(tmp.resolve("plain"), "x");
        assertBadInput(payrisk("schema", "--out", blocker.resolve("s.json").toString()), "is a file");
    }

    @Test
    void initWritesTheSchemaItsModelineNamesAndKeepsAnExistingOne(@TempDir Path tmp) throws IOException {
        Path starter = tmp.resolve("mine.yaml");
        CliTest.Result r = payrisk("init", starter.toString());
        assertEquals(0, r.status(), r.err());
        Path schema = tmp.resolve(ScenarioSchema.FILE_NAME);
        assertEquals(ScenarioSchema.json(), Files.readString(schema));
        assertTrue(Files.readAllLines(starter).get(0).endsWith("$schema=" + ScenarioSchema.FILE_NAME));
        assertTrue(r.out().contains(ScenarioSchema.FILE_NAME), r.out());
        Files.writeString(schema, "the user's own");
        CliTest.Result again = payrisk("init", tmp.resolve("other.yaml").toString());
        assertEquals(0, again.status(), again.err());
        assertEquals("the user's own", Files.readString(schema));
        assertTrue(again.out().contains("kept the existing"), again.out());
        assertFalse(again.out().contains("Exception"), again.out());
    }
}
