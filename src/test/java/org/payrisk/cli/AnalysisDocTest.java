package org.payrisk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/analysis.md's Python block, run as written against a fresh run: it recomputes every model's P5
 * and P(loss) from trials.csv and asserts they equal summary.json's. Skipped only where python3 is
 * absent (it is on the project's machines and in CI).
 */
class AnalysisDocTest {

    @Test
    void pythonSnippetReproducesHeadlineFiguresFromTrialsCsv(@TempDir Path tmp) throws IOException, InterruptedException {
        assumeTrue(python3Available(), "python3 not on PATH");
        String doc = Files.readString(Path.of("docs/analysis.md"), StandardCharsets.UTF_8);
        Matcher block = Pattern.compile("## Python.*?```python\\n(.*?)```", Pattern.DOTALL).matcher(doc);
        assertTrue(block.find(), "docs/analysis.md has a ```python block under '## Python'");
        Path script = tmp.resolve("check.py");
        Files.writeString(script, block.group(1), StandardCharsets.UTF_8);

        Path run = tmp.resolve("demo");
        // 1,000 trials: P(loss) is non-zero for some model, so both figures are exercised
        CliTest.Result r = CliTest.payrisk("run", CliTest.SCENARIO, "--trials", "1000", "--seed", "11", "--out",
                run.toString(), "--export-trials", "--no-report", "--quiet");
        assertEquals(0, r.status(), r.err());

        Process p = new ProcessBuilder("python3", script.toString(), run.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "python3 finished");
        assertEquals(0, p.exitValue(), output);
        for (String model : new String[] {"fee-for-service", "capitation", "bundled"}) {
            assertTrue(output.contains(model + ": 1 year in 20 below $"), output);
        }
    }

    private static boolean python3Available() {
        try {
            Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
