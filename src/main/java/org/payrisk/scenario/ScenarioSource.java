package org.payrisk.scenario;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The bytes a scenario was read from, kept for provenance (their SHA-256) and copied into every run
 * directory.
 *
 * @param path the file
 * @param bytes its exact content
 */
public record ScenarioSource(Path path, byte[] bytes) {

    /** Copies the bytes. */
    public ScenarioSource {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** @return the lowercase hex SHA-256 of the bytes */
    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** @return true for a {@code .json} file (otherwise YAML) */
    public boolean isJson() {
        return path.getFileName().toString().toLowerCase().endsWith(".json");
    }

    /** @return the file name without its extension, e.g. {@code ot-private-practice} */
    public String stem() {
        String name = path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
