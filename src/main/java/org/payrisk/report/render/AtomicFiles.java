package org.payrisk.report.render;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Pattern;

/**
 * Writes files so that a reader (or a re-render over an existing run) only ever sees the old file or
 * the complete new one: bytes go to a temporary sibling in the same directory, are forced to disk, and
 * the sibling is renamed over the target with {@link StandardCopyOption#ATOMIC_MOVE}.
 *
 * <p>Temporary files are named {@code .<target name>.<random>.tmp}; {@link #removeLeftovers} deletes
 * those a killed process left behind. Thread safe: no state; concurrent writers to the same target
 * each leave a complete file, the last rename wins.
 */
final class AtomicFiles {

    private static final String TMP_SUFFIX = ".tmp";
    private static final Pattern LEFTOVER = Pattern.compile("^\\..+\\.[0-9]+\\.tmp$");

    private AtomicFiles() {
    }

    /** Writes text as UTF-8. */
    static void writeString(Path target, String text) throws IOException {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Replaces {@code target} with {@code bytes} atomically, creating the parent directory if needed.
     *
     * @throws IOException if writing or renaming fails; the target is then untouched and no
     *     temporary file is left
     */
    static void write(Path target, byte[] bytes) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", TMP_SUFFIX, readableByAll(dir));
        try {
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.TRUNCATE_EXISTING)) {
                out.write(bytes);
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            // On POSIX, rename(2) replaces an existing target atomically.
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** Deletes temporary files of earlier writes into {@code dir} that never got renamed (a killed render). */
    static void removeLeftovers(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path p : files) {
                if (LEFTOVER.matcher(p.getFileName().toString()).matches() && Files.isRegularFile(p)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /**
     * createTempFile makes owner-only files (0600) for secrecy; reports are meant to be shared like any
     * file the user writes, so ask for 0666 and let the umask take away what the user wants private
     * (0644 under the usual umask 022, 0664 under 002).
     */
    private static FileAttribute<?>[] readableByAll(Path dir) {
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[] {
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-rw-rw-"))};
        }
        return new FileAttribute<?>[0];
    }
}
