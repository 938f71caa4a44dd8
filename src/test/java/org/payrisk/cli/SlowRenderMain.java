package org.payrisk.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.payrisk.report.render.RenderResult;

/**
 * Child JVM for {@link OutputSafetyTest}: payrisk whose renderer keeps writing charts until the
 * process is stopped, after creating the file named by the system property {@code started}.
 */
final class SlowRenderMain {

    private SlowRenderMain() {
    }

    public static void main(String[] args) {
        Path started = Path.of(System.getProperty("started"));
        Renderer.CURRENT[0] = dir -> {
            Path charts = Files.createDirectories(dir.resolve("charts"));
            Files.writeString(started, "rendering");
            for (long i = 0; ; i++) {
                Files.write(charts.resolve("chart-" + (i % 50) + ".png"), new byte[4096]);
                if (i < 0) {
                    return new RenderResult(List.of(), 0);
                }
                sleep();
            }
        };
        Main.main(args);
    }

    private static void sleep() throws IOException {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            throw new IOException("interrupted", e);
        }
    }
}
