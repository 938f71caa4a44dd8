package org.payrisk.scenario;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Loads and validates scenario files. Every problem a user can cause becomes a
 * {@link ScenarioException}; anything else is a bug in payrisk. Thread safe (stateless).
 */
public final class ScenarioLoader {

    /** Largest scenario file accepted, in bytes (10 MB). */
    public static final int MAX_BYTES = 10 * 1024 * 1024;

    /** Most trials a run may ask for. */
    public static final int MAX_TRIALS = 100_000_000;

    private ScenarioLoader() {
    }

    /**
     * @param path a YAML ({@code .yaml}, {@code .yml}) or JSON ({@code .json}) scenario file
     * @return the validated scenario
     * @throws ScenarioException when the file is missing, unreadable, too large, malformed or invalid
     */
    public static Scenario load(Path path) throws ScenarioException {
        String file = path.toString();
        if (Files.isDirectory(path)) {
            throw new ScenarioException(file, 0, 0, "", "expected a scenario file, found a directory");
        }
        byte[] bytes;
        try {
            if (!Files.exists(path)) {
                throw new NoSuchFileException(file);
            }
            long size = Files.size(path);
            if (size > MAX_BYTES) {
                throw new ScenarioException(file, 0, 0, "", "expected a scenario file of at most " + MAX_BYTES
                        + " bytes (10 MB), found " + size + " bytes");
            }
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new ScenarioException(file, 0, 0, "", "no such file");
        } catch (AccessDeniedException e) {
            throw new ScenarioException(file, 0, 0, "", "cannot read the file: permission denied");
        } catch (IOException e) {
            throw new ScenarioException(file, 0, 0, "", "cannot read the file: " + e.getMessage());
        }
        return parse(new ScenarioSource(path, bytes));
    }

    /**
     * @param source bytes and the file name they came from
     * @return the validated scenario
     * @throws ScenarioException when the content is malformed or invalid
     */
    public static Scenario parse(ScenarioSource source) throws ScenarioException {
        String file = source.path().toString();
        if (source.bytes().length > MAX_BYTES) {
            throw new ScenarioException(file, 0, 0, "", "expected at most " + MAX_BYTES + " bytes, found "
                    + source.bytes().length);
        }
        if (new String(source.bytes(), java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            throw new ScenarioException(file, 0, 0, "", "expected a scenario, found an empty file");
        }
        SourceNode root = new SourceParser(file).parse(source.bytes(), source.isJson());
        return new ScenarioReader(file).read(root, source);
    }
}
