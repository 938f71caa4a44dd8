package org.payrisk.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * The file operations {@code payrisk run} and {@code payrisk report} share for their hidden staging folders:
 * unique names, renames, and deletion, so both name and clean up their folders the same way.
 */
public final class FolderOps {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** How long a shutdown hook keeps removing a staging folder the main thread may still be writing. */
    private static final long GRACE_NANOS = 2_000_000_000L;

    private FolderOps() {
    }

    /** @return {@value RunDirectory#SUFFIX_HEX} random hexadecimal digits, the suffix of payrisk's hidden folders */
    public static String randomHex() {
        byte[] b = new byte[RunDirectory.SUFFIX_HEX / 2];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /**
     * @param parent a folder
     * @param prefix the name before the random suffix
     * @return a path in parent named prefix + {@link #randomHex()} (not created)
     */
    public static Path uniqueName(Path parent, String prefix) {
        return parent.resolve(prefix + randomHex());
    }

    /**
     * Creates a new folder named prefix + random digits; its permissions follow the umask (unlike
     * createTempDirectory's 0700), so others can read a finished run.
     *
     * @param parent where to create it
     * @param prefix the name before the random suffix
     * @return the new folder
     * @throws IOException if it cannot be created
     */
    public static Path createUnique(Path parent, String prefix) throws IOException {
        for (int attempt = 0; ; attempt++) {
            try {
                return Files.createDirectory(uniqueName(parent, prefix));
            } catch (FileAlreadyExistsException e) {
                if (attempt > 10) {
                    throw e;
                }
            }
        }
    }

    /**
     * Renames atomically where the file system can, replacing a file at {@code to} (never a non-empty folder).
     *
     * @param from the source
     * @param to the new name
     * @throws IOException if the rename fails
     */
    public static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Deletes a file, or a folder and everything in it, without following symbolic links.
     *
     * @param path what to delete
     * @throws IOException if something cannot be deleted
     */
    public static void deleteTree(Path path) throws IOException {
        try (Stream<Path> s = Files.walk(path)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * {@link #deleteTree} as far as it goes: a leftover hidden folder is removed by the next run.
     *
     * @param path what to delete
     */
    public static void deleteQuietly(Path path) {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            deleteTree(path);
        } catch (IOException | RuntimeException e) {
            // best effort: a leftover hidden sibling is removed by the next run's recovery
        }
    }

    /**
     * For a shutdown hook: the main thread may still be rendering into {@code staging} (and re-create it),
     * so it is removed again until {@code stopped} says the command gave up, or a 2 s grace period ends.
     *
     * @param staging the folder to remove
     * @param stopped whether the command has stopped writing
     */
    public static void keepDeleting(Path staging, BooleanSupplier stopped) {
        long end = System.nanoTime() + GRACE_NANOS;
        deleteQuietly(staging);
        while (!stopped.getAsBoolean() && System.nanoTime() < end) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                break;
            }
            deleteQuietly(staging);
        }
        deleteQuietly(staging);
    }
}
