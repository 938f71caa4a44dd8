package org.payrisk.report.render;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What one {@link ReportRenderer#render} call wrote.
 *
 * @param files every file written, in the order written (charts first, then {@code report.html},
 *     {@code brief.md}, {@code brief.html}); paths are inside the run directory
 * @param seconds wall-clock seconds the render took, reading included (not deterministic)
 */
public record RenderResult(List<Path> files, double seconds) {

    /** Validates and copies: {@code files} is non-null and immutable, {@code seconds} finite and non-negative. */
    public RenderResult {
        files = List.copyOf(Objects.requireNonNull(files, "files"));
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("seconds must be finite and >= 0: " + seconds);
        }
    }
}
