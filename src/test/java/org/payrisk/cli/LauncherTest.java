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
import java.nio.file.attribute.PosixFilePermissions;
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
 * The {@code payrisk} launcher script: which options it gives the JVM for which command, and when it
 * makes its class-data archive. It runs the real script from a copy of the project's layout (an
 * up-to-date jar, and a class-data archive stamped as made for that jar and that java, so it builds
 * nothing) with a stand-in {@code java} first on the PATH that prints its arguments, in an environment
 * holding only PATH, HOME and LANG (so a JAVA_TOOL_OPTIONS of the machine changes nothing). The
 * stand-in also plays the JVM's part in making an archive, and logs each step it is asked for. The
 * copy lives under {@code target/}, in a folder whose name has a space, because a temporary folder may
 * forbid running programs.
 */
class LauncherTest {

    private static final String C1_ONLY = "-XX:TieredStopAtLevel=1";

    /** C2's on-stack replacements only after 40 million loop iterations (long jobs). */
    private static final String FEW_OSR = "-XX:Tier4BackEdgeThreshold=40000000";

    /** C2's whole-method compiles only after 500,000 calls (long runs that render their report). */
    private static final String LATE_C2 = "-XX:Tier4InvocationThreshold=500000";

    private Path home;

    private Path scenario;

    /** The stand-in java first on the PATH. */
    private Path java;

    /** Where the stand-ins log the archive-making steps they are asked for. */
    private Path log;

    @BeforeEach
    void layout() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "the launcher is a bash script");
        // under the system's temporary folder, which every user may pass through (the checkout may lie in a
        // folder only its owner can enter), so that makesNoArchiveWhereTargetCannotBeWritten can run the
        // launcher as another user; a space in the name, as a checkout's path may have
        home = Files.createTempDirectory("payrisk launcher test ");
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
        log = Files.createDirectories(home.resolve("log")).resolve("java.log");
        java = fakeJava(home.resolve("bin"));
        stamp(jar, java);
        // sources older than the jar, the jar not newer than its archive, which is stamped as made for this jar
        // with the stand-in java: nothing to build or train
        FileTime old = FileTime.fromMillis(System.currentTimeMillis() - 60_000);
        for (String p : new String[] {"src/main", "pom.xml", "scenarios/ot-private-practice.yaml"}) {
            Files.setLastModifiedTime(home.resolve(p), old);
        }
    }

    /**
     * Writes a stand-in java into {@code dir}: it prints its arguments, one a line, and plays the JVM's part
     * in making the class-data archive. For each step asked of it (the training run's class list, the dump,
     * the dynamic archive, the trial of the archive) it logs its own path and the step; it then writes the
     * file the step makes, or fails when FAKE_JAVA_FAILS is set or the file cannot be written. Its trial
     * reports picocli mapped from the archive, as a good static archive does.
     *
     * @return the stand-in
     */
    private Path fakeJava(Path dir) throws IOException {
        Path j = Files.createDirectories(dir).resolve("java");
        Files.writeString(j, """
                #!/bin/bash
                step= file=
                for a in "$@"; do
                  case "$a" in
                    -XX:DumpLoadedClassList=*) step=list file="${a#*=}" ;;
                    -XX:ArchiveClassesAtExit=*) step=dynamic file="${a#*=}" ;;
                    -Xshare:dump) step=dump ;;
                    -XX:SharedArchiveFile=*) file="${a#*=}" ;;
                    -Xlog:class+load) step=trial ;;
                  esac
                done
                if [ -n "$step" ]; then
                  printf '%s %s\\n' "$0" "$step" >>'LOG'
                  [ -z "${FAKE_JAVA_FAILS:-}" ] || exit 1
                  case "$step" in
                    trial) echo 'picocli.CommandLine source: shared objects file' ;;
                    *) printf 'made by %s\\n' "$0" >"$file" || exit 1 ;;
                  esac
                fi
                for a in "$@"; do printf '%s\\n' "$a"; done
                """.replace("LOG", log.toString()));
        Files.setPosixFilePermissions(j, PosixFilePermissions.fromString("rwxr-xr-x"));
        return j;
    }

    /** Stamps target/payrisk.jsa as made for {@code jar} with {@code java} (the launcher's three lines). */
    private void stamp(Path jar, Path java) throws IOException {
        Files.write(home.resolve("target/payrisk.jsa.stamp"), stampLines(jar, java));
    }

    /** The stamp's lines: the jar, the real java, and its JDK's JAVA_RUNTIME_VERSION line ("" without a release file). */
    private static List<String> stampLines(Path jar, Path java) throws IOException {
        Path real = java.toRealPath();
        Path release = real.getParent().resolveSibling("release");
        String runtime = !Files.isRegularFile(release) ? "" : Files.readAllLines(release).stream()
                .filter(l -> l.startsWith("JAVA_RUNTIME_VERSION=")).findFirst().orElse("");
        return List.of(jar.toString(), real.toString(), runtime);
    }

    /** @return the archive-making steps the stand-ins were asked for since the last call, as "JAVA STEP" */
    private List<String> madeSteps() throws IOException {
        if (!Files.exists(log)) {
            return List.of();
        }
        List<String> steps = Files.readAllLines(log);
        Files.delete(log);
        return steps;
    }

    /** @return the PATH with {@code dir} first, where the test's stand-in java would be */
    private Map<String, String> pathWith(Path dir) {
        return Map.of("PATH", dir + ":/usr/local/bin:/usr/bin:/bin");
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

    /**
     * Writes {@code text} as the scenario file {@code name} and says whether the launcher gives {@code run}
     * of it, with {@code options}, C1 alone (the JIT choice for a short job).
     */
    private boolean c1Alone(String name, String text, String... options) throws IOException, InterruptedException {
        Path s = home.resolve(name);
        Files.writeString(s, text);
        List<String> args = new ArrayList<>(List.of("run", s.toString()));
        args.addAll(List.of(options));
        return javaArgs(args.toArray(String[]::new)).contains(C1_ONLY);
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

        assertFalse(c1Alone("big.yaml", "name: big\nsimulation:\n  seed: 1\n  trials: 20_000\n"),
                "trials read from a block");
        assertTrue(c1Alone("block.yaml", "name: b\r\nsimulation:\r\n  seed: 1\r\n  trials: 2_000\r\n"),
                "trials read from a block, CRLF lines");
        assertTrue(c1Alone("small.yaml", "name: small\nsimulation: {seed: 1,trials: 500}\n"),
                "trials read from a flow mapping");
        assertFalse(c1Alone("outer.yaml", "name: u\nsimulation: { trials: 100 }\nuncertainty:\n  outerDraws: 50\n"),
                "outer draws times trials");
        assertFalse(c1Alone("first.yaml", "uncertainty:\n  outerDraws: 50\nsimulation: { trials: 100 }\n"),
                "uncertainty on the first line");

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

    @Test
    void shortRunsAreJudgedByTheTrialsInEveryFormAScenarioOrTrialsAccepts() throws Exception {
        // WholeNumbers and the scenario reader take 1e4, 1.0e4, 10000.0, +10000 and 10_000 for 10,000
        for (String n : new String[] {"1e4", "1.0e4", "10000.0", "+10000", "10_000", ".5e4"}) {
            assertTrue(c1Alone("n.yaml", "name: n\nsimulation: { trials: " + n + ", seed: 1 }\n"), "trials: " + n);
            assertTrue(javaArgs("run", scenario.toString(), "--trials=" + n).contains(C1_ONLY), "--trials=" + n);
        }
        for (String n : new String[] {"1e6", "1e5", "1.00001e5", "2E4", "10_001"}) {
            assertFalse(c1Alone("n.yaml", "name: n\nsimulation: { trials: " + n + ", seed: 1 }\n"), "trials: " + n);
            assertFalse(javaArgs("run", scenario.toString(), "--trials", n).contains(C1_ONLY), "--trials " + n);
        }
        assertFalse(c1Alone("unread.yaml", "name: u\nsimulation:\n  trials:\n    500\n"),
                "a value the launcher cannot read: not short");

        assertFalse(c1Alone("quoted.yaml", "name: q\nsimulation: { 'trials': 20000 }\n"), "a quoted key");
        assertFalse(c1Alone("flow.yaml", "{name: f, uncertainty: {outerDraws: 5}, simulation: {trials: 5}}\n"),
                "uncertainty in a flow mapping");
        assertTrue(c1Alone("empty.yaml", ""), "an empty file: the run says what is wrong");
        assertTrue(c1Alone("absent.yaml", "name: a\nsimulation: { seed: 1 }\n"), "no trials: the default 10,000");
        String toPrecision = "name: p\nsimulation: { seed: 1, precision: 0.01 }\n";
        assertFalse(c1Alone("precise.yaml", toPrecision), "a run to a precision picks its count");
        assertTrue(c1Alone("precise.yaml", toPrecision, "--trials", "500"), "unless --trials is given");
        assertFalse(c1Alone("precise.yaml", toPrecision, "--max-trials", "500"), "--max-trials caps it");

        assertFalse(c1Alone("commented.yaml",
                "name: c\n# simulation: { trials: 500 }\nsimulation:\n  # trials: 500\n  trials: 200000\n"),
                "a comment line is not the value");
        assertFalse(c1Alone("trailing.yaml", "name: t\nsimulation:\n  seed: 1 # was {trials: 500}\n  trials: 200000\n"),
                "a comment after a value is not the value");

        assertTrue(c1Alone("small.json", "{\"name\": \"j\", \"simulation\": {\"seed\": 1, \"trials\": 500}}\n"),
                "trials read from a JSON scenario");
        assertFalse(c1Alone("big.json", "{\"name\": \"j\", \"simulation\": {\"trials\":2e5}}\n"));
        assertFalse(c1Alone("outer.json",
                "{\"name\": \"j\", \"simulation\": {\"trials\": 100}, \"uncertainty\": {\"outer\": 50}}\n"),
                "outer draws times trials");
    }

    @Test
    void onlyAnOptionThatPicksACollectorReplacesTheParallelOne() throws Exception {
        String s = scenario.toString();
        for (String tuning : new String[] {"-XX:ParallelGCThreads=1", "-XX:+UseMaximumCompactionOnSystemGC",
                "-Xlog:gc", "-XX:+PrintGCDetails -Xmx1g"}) {
            List<String> a = javaArgs(Map.of("JAVA_OPTS", tuning), "run", s);
            assertTrue(a.contains("-XX:+UseParallelGC"), tuning + ": " + a);
        }
        for (String picks : new String[] {"-XX:+UseZGC", "-XX:+UseShenandoahGC", "-Xmx1g -XX:+UseEpsilonGC",
                "-XX:-UseParallelGC", "-XX:+UseG1GC -XX:ParallelGCThreads=1"}) {
            List<String> a = javaArgs(Map.of("JDK_JAVA_OPTIONS", picks), "run", s);
            assertFalse(a.contains("-XX:+UseParallelGC"), picks + ": " + a);
        }
    }

    @Test
    void anArchiveMadeForAnotherCheckoutOrAnotherJavaIsMadeAgain() throws Exception {
        Path jar = home.resolve("target/payrisk.jar");
        Path jsa = home.resolve("target/payrisk.jsa");
        Path stamp = home.resolve("target/payrisk.jsa.stamp");
        String named = "-XX:SharedArchiveFile=" + jsa;

        List<String> a = javaArgs("--version");
        assertEquals(List.of(), madeSteps(), "an archive stamped for this jar and this java is used as it is");
        assertTrue(a.contains(named), a.toString());

        // the checkout moved: the archive was made for the jar at another path
        stamp(Path.of("/elsewhere/payrisk/target/payrisk.jar"), java);
        a = javaArgs("--version");
        assertEquals(List.of(java + " list", java + " dump", java + " trial"), madeSteps());
        assertEquals("made by " + java + "\n", Files.readString(jsa));
        assertEquals(stampLines(jar, java), Files.readAllLines(stamp));
        assertTrue(a.contains(named), a.toString());
        assertEquals("--version", a.get(a.size() - 1), "the training run is silent: " + a);
        assertFalse(a.stream().anyMatch(x -> x.contains("picocli") || x.contains("Xshare") || x.startsWith("payrisk")),
                "the training run is silent: " + a);

        // another java first on the PATH
        Path other = fakeJava(home.resolve("jdk 2/bin"));
        a = javaArgs(pathWith(other.getParent()), "--version");
        assertEquals(List.of(other + " list", other + " dump", other + " trial"), madeSteps());
        assertEquals(stampLines(jar, other), Files.readAllLines(stamp));
        assertTrue(a.contains(named), a.toString());

        // the same JDK upgraded in place: its java at the same path, its release file naming another build
        Path release = other.getParent().resolveSibling("release");
        Files.writeString(release, "IMPLEMENTOR=\"x\"\nJAVA_RUNTIME_VERSION=\"17.0.15+6\"\nJAVA_VERSION=\"17.0.15\"\n");
        stamp(jar, other);
        assertTrue(javaArgs(pathWith(other.getParent()), "--version").contains(named));
        assertEquals(List.of(), madeSteps(), "the JDK the archive was made with");
        Files.writeString(release, "IMPLEMENTOR=\"x\"\nJAVA_RUNTIME_VERSION=\"17.0.16+8\"\nJAVA_VERSION=\"17.0.16\"\n");
        a = javaArgs(pathWith(other.getParent()), "--version");
        assertEquals(List.of(other + " list", other + " dump", other + " trial"), madeSteps(), "a JDK upgraded in place");
        assertEquals("JAVA_RUNTIME_VERSION=\"17.0.16+8\"", Files.readAllLines(stamp).get(2));
        assertTrue(a.contains(named), a.toString());

        // the same java through a symbolic link (as /usr/bin/java to a JDK), and the same checkout through one
        Path linked = Files.createSymbolicLink(Files.createDirectories(home.resolve("linked")).resolve("java"), other);
        assertTrue(javaArgs(pathWith(linked.getParent()), "--version").contains(named));
        assertEquals(List.of(), madeSteps(), "the same java");
        Path checkoutLink = Files.createSymbolicLink(home.resolveSibling(home.getFileName() + " link"), home);
        try {
            a = javaArgs(home, List.of(checkoutLink.resolve("payrisk").toString()), pathWith(other.getParent()), "--version");
            assertTrue(a.contains("-XX:SharedArchiveFile=" + checkoutLink.resolve("target/payrisk.jsa")), a.toString());
            assertEquals(List.of(), madeSteps(), "the same jar");
        } finally {
            Files.delete(checkoutLink);
        }
    }

    @Test
    void aStaleArchiveThatCannotBeMadeAgainIsNotNamed() throws Exception {
        Map<String, String> failing = Map.of("FAKE_JAVA_FAILS", "yes");
        stamp(home.resolve("target/payrisk.jar"), Files.createDirectories(home.resolve("another jdk")));
        List<String> a = javaArgs(failing, "--version");
        assertEquals(List.of(java + " list"), madeSteps(), "tried once");
        assertFalse(a.stream().anyMatch(x -> x.startsWith("-XX:SharedArchiveFile")),
                "no stale archive named: the JVM keeps its default one: " + a);
        assertTrue(Files.exists(home.resolve("target/payrisk.jsa.failed")));

        // the marker keeps later starts with this jar and this java from trying again
        assertFalse(javaArgs(failing, "--version").stream().anyMatch(x -> x.startsWith("-XX:SharedArchiveFile")));
        assertEquals(List.of(), madeSteps(), "not tried again");
        // but not a start with another java
        Path other = fakeJava(home.resolve("jdk 2/bin"));
        javaArgs(pathWith(other.getParent()), "--version");
        assertEquals(List.of(other + " list", other + " dump", other + " trial"), madeSteps(), "tried for the other java");
    }

    @Test
    void makesNoArchiveWhereTargetCannotBeWritten() throws Exception {
        Path target = home.resolve("target");
        Path jsa = target.resolve("payrisk.jsa");
        String named = "-XX:SharedArchiveFile=" + jsa;
        List<String> launcher = new ArrayList<>();
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            if (Files.isWritable(target)) {
                // root writes anywhere: run the launcher as the unprivileged user nobody, to whom target/ is read-only
                Path setpriv = Path.of("/usr/bin/setpriv");
                assumeTrue(Files.isExecutable(setpriv), "running as root, and no setpriv to run the launcher as nobody");
                launcher.addAll(List.of(setpriv.toString(), "--reuid=65534", "--regid=65534", "--clear-groups", "--"));
                Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
                Files.setPosixFilePermissions(log.getParent(), PosixFilePermissions.fromString("rwxrwxrwx"));
                List<String> check = new ArrayList<>(launcher);
                // nobody must reach the stand-in java and the launcher (a umask of 077 would hide them), and
                // find target/ read-only
                check.addAll(List.of("/bin/bash", "-c", "[ -x \"$0\" ] && [ ! -w \"$0\" ] && [ -x \"$1\" ] && [ -r \"$2\" ]",
                        target.toString(), java.toString(), home.resolve("payrisk").toString()));
                Process p = new ProcessBuilder(check).start();
                assumeTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0,
                        "nobody cannot run the launcher with target/ read-only here");
            }
            launcher.add(home.resolve("payrisk").toString());

            assertTrue(javaArgs(home, launcher, Map.of(), "--version").contains(named), "a matching archive is used");
            // a rebuilt jar, newer than the archive: no attempt to make another on any start
            Files.setLastModifiedTime(jsa, FileTime.fromMillis(System.currentTimeMillis() - 120_000));
            for (int start = 1; start <= 2; start++) {
                List<String> a = javaArgs(home, launcher, Map.of(), "--version");
                assertEquals(List.of(), madeSteps(), "start " + start);
                assertFalse(a.contains(named), "start " + start + ": " + a);
            }
        } finally {
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
