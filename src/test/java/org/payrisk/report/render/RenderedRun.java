package org.payrisk.report.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The fixture run ({@link FixtureRun}), rendered once per test JVM (rendering takes about a second, and
 * several test classes inspect the same outputs). Lives under {@code target/test-runs/} so it can be
 * opened by hand after a test run.
 */
final class RenderedRun {

    private static RenderedRun shared;

    final Path dir;
    final RenderResult result;
    /** summary.json read independently of the code under test. */
    final JsonNode summary;

    private RenderedRun(Path dir, RenderResult result, JsonNode summary) {
        this.dir = dir;
        this.result = result;
        this.summary = summary;
    }

    static synchronized RenderedRun get() {
        if (shared == null) {
            try {
                Path dir = freshDir("ot-practice");
                FixtureRun.copyTo(dir);
                RenderResult r = ReportRenderer.render(dir);
                shared = new RenderedRun(dir, r, new ObjectMapper().readTree(dir.resolve("summary.json").toFile()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    /** An empty directory {@code target/test-runs/<name>}, cleared if a previous run left it. */
    static Path freshDir(String name) throws IOException {
        Path dir = Path.of("target", "test-runs", name).toAbsolutePath();
        if (Files.exists(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        return Files.createDirectories(dir);
    }

    String read(String file) throws IOException {
        return Files.readString(dir.resolve(file));
    }
}
