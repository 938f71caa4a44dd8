package org.payrisk.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

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
        return parse(read(path));
    }

    /**
     * Reads a scenario file's bytes. Only a regular file (after following symbolic links) is read, and
     * through a bounded stream of at most {@link #MAX_BYTES} + 1 bytes, so a FIFO, a device such as
     * {@code /dev/zero}, or a file that grows while being read fails at once instead of hanging or
     * filling memory.
     *
     * @param path a scenario file
     * @return its bytes and path
     * @throws ScenarioException when the file is missing, not a regular file, unreadable or too large
     */
    public static ScenarioSource read(Path path) throws ScenarioException {
        String file = path.toString();
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new ScenarioException(file, 0, 0, "", Files.isSymbolicLink(path)
                    ? "no such file (a symbolic link to a missing file)" : "no such file");
        } catch (AccessDeniedException e) {
            throw new ScenarioException(file, 0, 0, "", "cannot read the file: permission denied");
        } catch (IOException e) {
            throw new ScenarioException(file, 0, 0, "", "cannot read the file: " + reason(e));
        }
        if (attrs.isDirectory()) {
            throw new ScenarioException(file, 0, 0, "", "expected a scenario file, found a directory");
        }
        if (!attrs.isRegularFile()) {
            throw new ScenarioException(file, 0, 0, "", "expected a regular scenario file, found " + kindOf(path)
                    + " (it is not read, as it could be endless)");
        }
        if (attrs.size() > MAX_BYTES) {
            throw tooLarge(file, Long.toString(attrs.size()));
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (AccessDeniedException e) {
            throw new ScenarioException(file, 0, 0, "", "cannot read the file: permission denied");
        } catch (IOException e) {
            throw new ScenarioException(file, 0, 0, "", "cannot read the file: " + reason(e));
        }
        if (bytes.length > MAX_BYTES) {
            throw tooLarge(file, "more than " + MAX_BYTES);
        }
        return new ScenarioSource(path, bytes);
    }

    private static ScenarioException tooLarge(String file, String found) {
        return new ScenarioException(file, 0, 0, "", "expected a scenario file of at most " + MAX_BYTES
                + " bytes (10 MB), found " + found + " bytes");
    }

    private static String reason(IOException e) {
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage();
    }

    /** Names a non-regular file for a message (POSIX file type when known). */
    private static String kindOf(Path path) {
        try {
            int mode = (Integer) Files.getAttribute(path, "unix:mode");
            switch (mode & 0170000) {
                case 0010000: return "a FIFO (named pipe)";
                case 0020000: return "a character device";
                case 0060000: return "a block device";
                case 0140000: return "a socket";
                default: return "a special file";
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return "a special file";
        }
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
