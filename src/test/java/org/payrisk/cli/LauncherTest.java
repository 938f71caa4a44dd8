package org.payrisk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code payrisk} launcher script: which options it gives the JVM for which command. It runs the
 * real script from a copy of the project's layout (an up-to-date jar and class-data archive, so it
 * builds nothing) with a stand-in {@code java} first on the PATH that prints its arguments, in an
 * environment holding only PATH, HOME and LANG (so a JAVA_TOOL_OPTIONS of the machine changes
 * nothing). The copy lives under {@code target/}, in a folder whose name has a space, because a
 * temporary folder may forbid running programs.
 */
class LauncherTest {

    private static final String C1_ONLY = "-XX:TieredStopAtLevel=1";

    /** C2's on-stack replacements only after 40 million loop iterations (long jobs). */
    private static final String FEW_OSR = "-XX:Tier4BackEdgeThreshold=40000000";

    /** C2's whole-method compiles only after 500,000 calls (long runs that render their report). */
    private static final String LATE_C2 = "-XX:Tier4InvocationThreshold=500000";

    private Path home;

    private Path scenario;

    @BeforeEach
    void layout() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "the launcher is a bash script");
        Files.createDirectories(Path.of("target"));
        home = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "launcher test ");
        Path script = home.resolve("payrisk");
        Files.copy(Path.of("payrisk"), script);
        assertTrue(script.toFile().setExecutable(true));
        Files.createDirectories(home.resolve("src/main"));
        Files.writeString(home.resolve("pom.xml"), "<project/>");
        scenario = home.resolve("scenarios/ot-private-practice.yaml");
        Files.createDirectories(scenario.getParent());
        Files.writeString(scenario, "name: x\nsimulation: { trials: 10000, seed: 1 }\n");
        Path jar = home.resolve("target/payrisk.jar");
        Files.createDirectories(jar.getParent());
        Files.writeString(jar, "jar");
        Files.writeString(home.resolve("target/payrisk.jsa"), "archive");
        // sources older than the jar, the jar not newer than its archive: nothing to build or train
        FileTime old = FileTime.fromMillis(System.currentTimeMillis() - 60_000);
        for (String p : new String[] {"src/main", "pom.xml", "scenarios/ot-private-practice.yaml"}) {
            Files.setLastModifiedTime(home.resolve(p), old);
        }
        Path bin = Files.createDirectories(home.resolve("bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/bash\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done\n");
        assertTrue(java.toFile().setExecutable(true));
    }

    @AfterEach
    void removeLayout() throws IOException {
        if (home != null) {
            try (Stream<Path> files = Files.walk(home)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** @return the arguments the launcher gives java for {@code args} under {@code env} */
    private List<String> javaArgs(Map<String, String> env, String... args) throws IOException, InterruptedException {
        return javaArgs(home, List.of(home.resolve("payrisk").toString()), env, args);
    }

    /** @return the arguments java gets when {@code launcher} is run from {@code folder} */
    private List<String> javaArgs(Path folder, List<String> launcher, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(launcher);
        command.addAll(Arrays.asList(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().put("PATH", home.resolve("bin") + ":/usr/local/bin:/usr/bin:/bin");
        pb.environment().put("HOME", System.getProperty("user.home"));
        pb.environment().put("LANG", "C.UTF-8");
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the launcher finished");
        assertEquals(0, p.exitValue(), out);
        return List.of(out.split("\n"));
    }

    private List<String> javaArgs(String... args) throws IOException, InterruptedException {
        return javaArgs(Map.of(), args);
    }

    private Path scenarioWith(String name, String text) throws IOException {
        Path s = home.resolve(name);
        Files.writeString(s, text);
        return s;
    }

    @Test
    void passesTheArgumentsThroughUnchangedAfterTheJar() throws Exception {
        List<String> a = javaArgs("run", scenario.toString(), "--out", "a folder with spaces", "--seed=7");
        int jar = a.indexOf("-jar");
        assertTrue(jar > 0, a.toString());
        assertEquals(List.of(home.resolve("target/payrisk.jar").toString(), "run", scenario.toString(), "--out",
                "a folder with spaces", "--seed=7"), a.subList(jar + 1, a.size()));
        assertTrue(a.contains("-Djava.awt.headless=true"), a.toString());
        assertTrue(a.contains("-XX:SharedArchiveFile=" + home.resolve("target/payrisk.jsa")), a.toString());
    }

    @Test
    void findsItsJarHoweverItIsCalled() throws Exception {
        String jar = home.resolve("target/payrisk.jar").toString();
        assertTrue(javaArgs(home, List.of("./payrisk"), Map.of(), "--version").contains(jar), "./payrisk");
        assertTrue(javaArgs(home, List.of("/bin/bash", "payrisk"), Map.of(), "--version").contains(jar), "bash payrisk");
        // bash DIR/payrisk from DIR's parent, with a CDPATH holding a decoy folder of the same name
        Path decoy = Files.createDirectories(home.resolve("decoy").resolve(home.getFileName().toString()));
        List<String> a = javaArgs(home.getParent(), List.of("/bin/bash", home.getFileName() + "/payrisk"),
                Map.of("CDPATH", decoy.getParent().toString()), "--version");
        assertTrue(a.contains(jar), a.toString());
    }

    @Test
    void shortJobsRunWithC1AloneAndLongOnesWithBothCompilers() throws Exception {
        String s = scenario.toString();
        assertTrue(javaArgs("run", s).contains(C1_ONLY), "the scenario's own 10,000 trials");
        assertTrue(javaArgs("run", s).contains("-XX:CICompilerCount=1"), "one compiler thread with C1 alone");
        assertFalse(javaArgs("sweep", s).contains("-XX:CICompilerCount=1"), "both compilers need two threads");
        assertTrue(javaArgs("run", s, "--trials", "10_000").contains(C1_ONLY));
        assertFalse(javaArgs("run", s, "--trials", "10001").contains(C1_ONLY));
        assertFalse(javaArgs("run", s, "--trials=200000").contains(C1_ONLY));
        assertFalse(javaArgs("run", s, "--precision", "0.01").contains(C1_ONLY), "a precision run picks its trials");
        assertTrue(javaArgs("validate", s).contains(C1_ONLY));
        assertTrue(javaArgs("--version").contains(C1_ONLY));
        assertFalse(javaArgs("sweep", s).contains(C1_ONLY));

        Path big = scenarioWith("big.yaml", "name: big\nsimulation:\n  seed: 1\n  trials: 20_000\n");
        assertFalse(javaArgs("run", big.toString()).contains(C1_ONLY), "trials read from a block");
        Path block = scenarioWith("block.yaml", "name: b\r\nsimulation:\r\n  seed: 1\r\n  trials: 2_000\r\n");
        assertTrue(javaArgs("run", block.toString()).contains(C1_ONLY), "trials read from a block, CRLF lines");
        Path small = scenarioWith("small.yaml", "name: small\nsimulation: {seed: 1,trials: 500}\n");
        assertTrue(javaArgs("run", small.toString()).contains(C1_ONLY), "trials read from a flow mapping");
        Path outer = scenarioWith("outer.yaml", "name: u\nsimulation: { trials: 100 }\nuncertainty:\n  outerDraws: 50\n");
        assertFalse(javaArgs("run", outer.toString()).contains(C1_ONLY), "outer draws times trials");
        Path first = scenarioWith("first.yaml", "uncertainty:\n  outerDraws: 50\nsimulation: { trials: 100 }\n");
        assertFalse(javaArgs("run", first.toString()).contains(C1_ONLY), "uncertainty on the first line");

        assertFalse(javaArgs(Map.of("PAYRISK_JIT", "c2"), "run", s).contains(C1_ONLY));
        assertTrue(javaArgs(Map.of("PAYRISK_JIT", "c1"), "run", s, "--trials", "1000000").contains(C1_ONLY));
        assertFalse(javaArgs(Map.of("JAVA_OPTS", "-XX:CICompilerCount=2"), "run", s).contains(C1_ONLY),
                "JAVA_OPTS that set compilation win");
    }

    @Test
    void longJobsLeaveLoopsToC2OnlyAfterManyIterations() throws Exception {
        String s = scenario.toString();
        assertTrue(javaArgs("sweep", s).contains(FEW_OSR), "both compilers");
        assertTrue(javaArgs("run", s, "--trials", "100000").contains(FEW_OSR));
        assertTrue(javaArgs(Map.of("PAYRISK_JIT", "c2"), "run", s).contains(FEW_OSR));
        assertFalse(javaArgs("run", s).contains(FEW_OSR), "C1 alone has no C2 to hold back");
        assertFalse(javaArgs("validate", s).contains(FEW_OSR), "C1 alone");
        assertFalse(javaArgs(Map.of("PAYRISK_JIT", "c1"), "sweep", s).contains(FEW_OSR), "C1 alone, forced");
        List<String> watch = javaArgs("watch", s);
        assertFalse(watch.contains(FEW_OSR) || watch.contains(C1_ONLY) || watch.contains(LATE_C2),
                "a watch stays up: the JVM's own thresholds, " + watch);
        assertTrue(javaArgs(Map.of("PAYRISK_JIT", "c1"), "watch", s).contains(C1_ONLY), "C1 alone, forced");

        // a compilation option of the user's own, in any of the three variables, replaces the launcher's
        for (String variable : new String[] {"JAVA_OPTS", "JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS"}) {
            for (String own : new String[] {"-XX:Tier4BackEdgeThreshold=40000", "-XX:TieredStopAtLevel=1",
                    "-XX:-TieredCompilation", "-XX:CompileThresholdScaling=0.5"}) {
                List<String> a = javaArgs(Map.of(variable, own), "sweep", s);
                assertFalse(a.contains(FEW_OSR), variable + "=" + own + ": " + a);
            }
        }
        assertTrue(javaArgs(Map.of("JAVA_OPTS", "-XX:Tier4BackEdgeThreshold=40000"), "sweep", s)
                .contains("-XX:Tier4BackEdgeThreshold=40000"), "the user's own value is passed on");
        // options that only print or log compilation leave the launcher's choice as it is
        List<String> logged = javaArgs(Map.of("JAVA_OPTS", "-XX:+PrintCompilation"), "sweep", s);
        assertTrue(logged.contains(FEW_OSR), logged.toString());
        assertTrue(javaArgs(Map.of("JAVA_OPTS", "-XX:+UnlockDiagnosticVMOptions -XX:+LogCompilation"), "run", s)
                .contains(C1_ONLY), "a short job logged is still a short job");
    }

    @Test
    void longRunsWithTheirReportLeaveTheReportsCodeToC1() throws Exception {
        String s = scenario.toString();
        List<String> withReport = javaArgs("run", s, "--trials", "100000");
        assertTrue(withReport.contains(LATE_C2) && withReport.contains("-XX:Tier4CompileThreshold=1500000")
                && withReport.contains(FEW_OSR), withReport.toString());
        assertTrue(javaArgs(Map.of("PAYRISK_JIT", "c2"), "run", s).contains(LATE_C2), "forced C2, report rendered");
        assertFalse(javaArgs("run", s, "--trials", "100000", "--no-report").contains(LATE_C2), "no report to render");
        assertFalse(javaArgs("run", s, "--no-report", "--trials", "100000").contains(LATE_C2), "in any position");
        assertFalse(javaArgs("run", s).contains(LATE_C2), "a short run: C1 alone");
        assertFalse(javaArgs("sweep", s).contains(LATE_C2), "a sweep renders no run report");
        assertFalse(javaArgs("report", s).contains(LATE_C2), "report alone is a short job");
        List<String> own = javaArgs(Map.of("JAVA_OPTS", "-XX:Tier4InvocationThreshold=5000"), "run", s, "--trials", "100000");
        assertFalse(own.contains(LATE_C2) || own.contains(FEW_OSR), "the user's own option replaces the launcher's: " + own);
    }

    @Test
    void theCollectorHugePagesAndArchiveYieldToTheUsersOptions() throws Exception {
        String s = scenario.toString();
        assertTrue(javaArgs("run", s).contains("-XX:+UseParallelGC"));
        assertFalse(javaArgs(Map.of("JAVA_OPTS", "-XX:+UseG1GC"), "run", s).contains("-XX:+UseParallelGC"));
        assertFalse(javaArgs(Map.of("JDK_JAVA_OPTIONS", "-XX:+UseSerialGC"), "run", s).contains("-XX:+UseParallelGC"));
        assertFalse(javaArgs(Map.of("JAVA_TOOL_OPTIONS", "-XX:+UseSerialGC"), "run", s).contains("-XX:+UseParallelGC"));

        Path thp = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
        boolean madvise = Files.isReadable(thp) && Files.readString(thp).contains("[madvise]");
        assertEquals(madvise, javaArgs("run", s).contains("-XX:+UseTransparentHugePages"),
                "huge pages exactly where Linux gives them on request");
        assertFalse(javaArgs(Map.of("JAVA_OPTS", "-XX:-UseTransparentHugePages"), "run", s)
                .contains("-XX:+UseTransparentHugePages"));

        assertTrue(javaArgs("run", s).contains("-XX:-UsePerfData"));
        List<String> perfData = javaArgs(Map.of("JAVA_OPTS", "-XX:+UsePerfData"), "run", s);
        assertFalse(perfData.contains("-XX:-UsePerfData"), perfData.toString());
        assertTrue(perfData.contains("-XX:+UsePerfData"), perfData.toString());

        assertFalse(javaArgs(Map.of("PAYRISK_CDS", "off"), "run", s).stream().anyMatch(a -> a.startsWith("-XX:SharedArchiveFile")));
    }
}
