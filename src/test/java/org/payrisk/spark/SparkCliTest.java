package org.payrisk.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.payrisk.cli.Main;

/**
 * End to end through {@link Main#execute}: {@code run --engine spark} writes the local engine's
 * summary.json and trials.csv; bad engine options exit 2; and the command line, loaded without any
 * Spark jar on its class path, runs the local engine and answers {@code --engine spark} with exit 2
 * and how to get Spark.
 */
class SparkCliTest {

    static final String SCENARIO = "scenarios/ot-private-practice.yaml";

    record Result(int status, String out, String err) {
    }

    static Result payrisk(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(status, out.toString(), err.toString());
    }

    static void assertBadInput(Result r, String fragment) {
        assertEquals(Main.BAD_INPUT, r.status(), r.err());
        assertTrue(r.err().contains(fragment), () -> "expected '" + fragment + "' in: " + r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace for bad input");
    }

    @Test
    void sparkRunWritesTheLocalRunsFiles(@TempDir Path tmp) throws Exception {
        Path local = tmp.resolve("local");
        Path spark = tmp.resolve("spark");
        Result l = payrisk("run", SCENARIO, "--trials", "1100", "--seed", "3", "--out", local.toString(), "--export-trials",
                "--no-report", "--quiet");
        assertEquals(0, l.status(), l.err());
        Result s = payrisk("run", SCENARIO, "--trials", "1100", "--seed", "3", "--out", spark.toString(), "--export-trials",
                "--no-report", "--quiet", "--engine", "spark", "--master", "local[2]");
        assertEquals(0, s.status(), s.err());
        assertEquals(-1L, Files.mismatch(local.resolve("summary.json"), spark.resolve("summary.json")));
        assertEquals(-1L, Files.mismatch(local.resolve("trials.csv"), spark.resolve("trials.csv")));
        assertEquals("spark", new ObjectMapper().readTree(spark.resolve("run.json").toFile()).get("engine").asText());
    }

    @Test
    void badEngineOptionsAreBadInput(@TempDir Path tmp) {
        assertBadInput(payrisk("run", SCENARIO, "--trials", "10", "--out", tmp.resolve("a").toString(), "--engine", "hadoop"),
                "--engine: expected local or spark, found hadoop");
        assertBadInput(payrisk("run", SCENARIO, "--trials", "10", "--out", tmp.resolve("b").toString(), "--master", "local[2]"),
                "--master: applies only to --engine spark");
        Result r = payrisk("run", SCENARIO, "--trials", "10", "--out", tmp.resolve("c").toString(), "--engine", "spark",
                "--master", "nonsense://nowhere");
        assertBadInput(r, "nonsense://nowhere");
        assertFalse(Files.exists(tmp.resolve("c")), "no run directory is left behind");
    }

    @Test
    void withoutSparkTheLocalEngineRunsAndSparkIsExplained(@TempDir Path tmp) throws Exception {
        List<URL> urls = new ArrayList<>();
        int hidden = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (name.startsWith("spark-")) {
                hidden++;
                continue;
            }
            urls.add(Path.of(entry).toUri().toURL());
        }
        assertTrue(hidden > 0, "the test class path holds Spark's jars, to hide them");
        try (URLClassLoader noSpark = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            assertFalse(canLoad(noSpark, "org.apache.spark.SparkContext"));
            Method execute = noSpark.loadClass(Main.class.getName())
                    .getMethod("execute", String[].class, PrintWriter.class, PrintWriter.class);
            StringWriter err = new StringWriter();
            Object local = execute.invoke(null, new String[] {"run", SCENARIO, "--trials", "50", "--out",
                tmp.resolve("local").toString(), "--no-report", "--quiet"}, new PrintWriter(new StringWriter()), new PrintWriter(err, true));
            assertEquals(0, local, err.toString());

            StringWriter sparkErr = new StringWriter();
            Object spark = execute.invoke(null, new String[] {"run", SCENARIO, "--trials", "50", "--out",
                tmp.resolve("spark").toString(), "--no-report", "--quiet", "--engine", "spark"},
                    new PrintWriter(new StringWriter()), new PrintWriter(sparkErr, true));
            assertBadInput(new Result((Integer) spark, "", sparkErr.toString()), "spark-submit --class org.payrisk.cli.Main");
            assertTrue(sparkErr.toString().contains("./payrisk run SCENARIO --engine spark"), sparkErr.toString());
            assertFalse(Files.exists(tmp.resolve("spark")), "no run directory is left behind");
        }
    }

    private static boolean canLoad(ClassLoader loader, String name) {
        try {
            Class.forName(name, false, loader);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
