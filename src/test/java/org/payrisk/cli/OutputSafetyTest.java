package org.payrisk.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.payrisk.cli.CliTest.assertBadInput;
import static org.payrisk.cli.CliTest.payrisk;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.payrisk.report.RunDirectory;
import org.payrisk.report.render.ReportRenderer;
import org.payrisk.testing.ChildJvm;

/**
 * The command line never loses a user's files, never hangs on a special file, and reports problems of
 * the machine (full disk, permissions, memory) as exit 2 with a plain message: each test is one class
 * of defect of issue 7, checked by exit status, message, no stack trace, nothing written, nothing
 * deleted.
 */
class OutputSafetyTest {

    static final Path SCENARIO = Path.of(CliTest.SCENARIO).toAbsolutePath();

    @AfterEach
    void restoreRenderer() {
        Renderer.CURRENT[0] = ReportRenderer::render;
    }

    /** Every file under dir (relative path -> content), to show nothing was written or deleted. */
    static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.toList()) {
                String key = dir.relativize(p).toString() + (Files.isDirectory(p) ? "/" : "");
                files.put(key, Files.isRegularFile(p) ? Files.readString(p, java.nio.charset.StandardCharsets.ISO_8859_1) : "");
            }
        }
        return files;
    }

    static Path userFolder(Path tmp) throws IOException {
        Path mine = Files.createDirectories(tmp.resolve("mine/sub"));
        Files.writeString(tmp.resolve("mine/thesis.tex"), "chapter 1");
        Files.writeString(mine.resolve("data.csv"), "1,2,3");
        return tmp.resolve("mine");
    }

    static void assertNoInternalError(CliTest.Result r) {
        assertFalse(r.err().contains("internal error") || r.err().contains("Exception"), r.err());
    }

    // ---- 1. --force replaces only a folder a payrisk run wrote ----

    @Test
    void forceRefusesAFolderNoRunWroteAndDeletesNothing(@TempDir Path tmp) throws IOException {
        Path mine = userFolder(tmp);
        Map<String, String> before = snapshot(tmp);
        CliTest.Result r = payrisk("run", CliTest.SCENARIO, "--trials", "20", "--out", mine.toString(), "--force", "--quiet");
        assertBadInput(r, "the output folder " + mine + " is not empty and holds no payrisk run");
        assertTrue(r.err().contains("--force replaces only a folder a payrisk run wrote"), r.err());
        assertEquals(before, snapshot(tmp), "nothing written, nothing deleted");

        CliTest.Result plain = payrisk("run", CliTest.SCENARIO, "--trials", "20", "--out", mine.toString(), "--quiet");
        assertBadInput(plain, "holds no payrisk run");
        assertFalse(plain.err().contains("already holds a run"), "a folder with no run is not said to hold one");
        assertFalse(plain.err().contains("--force"), "--force would not help, so it is not suggested");
        assertEquals(before, snapshot(tmp));
    }

    @Test
    void forceRefusesTheScenariosOwnFolder(@TempDir Path tmp) throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("study"));
        Path scenario = Files.copy(SCENARIO, folder.resolve("s.yaml"));
        // even a folder that looks like an earlier run is refused when it holds the scenario
        Files.writeString(folder.resolve("run.json"), "{}");
        Files.writeString(folder.resolve("summary.json"), "{}");
        Map<String, String> before = snapshot(tmp);
        for (Path out : List.of(folder, tmp)) {
            CliTest.Result r = payrisk("run", scenario.toString(), "--trials", "20", "--out", out.toString(), "--force");
            assertBadInput(r, "the output folder " + out + " holds the scenario file " + scenario);
            assertEquals(before, snapshot(tmp), "the scenario and its folder are untouched");
        }
    }

    @Test
    void theRootIsRefusedUpFrontWithoutSuggestingForce() {
        for (String[] args : List.of(new String[] {"--out", "/"}, new String[] {"--out", "/", "--force"},
                new String[] {"--out", "/.", "--force"})) {
            String[] all = Stream.concat(Stream.of("run", CliTest.SCENARIO, "--trials", "20"), Stream.of(args))
                    .toArray(String[]::new);
            CliTest.Result r = payrisk(all);
            assertBadInput(r, "the output folder / is the root of the file system");
            assertNoInternalError(r);
            assertFalse(r.err().contains("--force"), r.err());
        }
    }

    @Test
    void theScenarioFileOrAnotherFileIsNotAnOutputFolder(@TempDir Path tmp) throws IOException {
        Path scenario = Files.copy(SCENARIO, tmp.resolve("s.yaml"));
        byte[] bytes = Files.readAllBytes(scenario);
        for (String force : List.of("--quiet", "--force")) {
            CliTest.Result r = payrisk("run", scenario.toString(), "--trials", "20", "--out", scenario.toString(), force);
            assertEquals(Main.BAD_INPUT, r.status(), r.err());
            assertTrue(r.err().contains("is a file") || r.err().contains("holds"), r.err());
            assertArrayEquals(bytes, Files.readAllBytes(scenario));
        }
        assertBadInput(payrisk("run", scenario.toString(), "--out", scenario.resolve("run").toString(), "--force"),
                scenario + " is a file, so the output folder");
        assertEquals(List.of("s.yaml"), CliTest.list(tmp));
    }

    @Test
    void aUsersOwnFileInsideARunFolderIsNeverDeleted(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("run");
        assertEquals(0, payrisk("run", CliTest.SCENARIO, "--trials", "20", "--out", out.toString(), "--no-report",
                "--quiet").status());
        assertTrue(Files.isRegularFile(out.resolve(RunDirectory.MARKER)), "every run folder has the marker");
        Files.writeString(out.resolve("notes.txt"), "what I found");
        Map<String, String> before = snapshot(tmp);
        CliTest.Result r = payrisk("run", CliTest.SCENARIO, "--trials", "30", "--out", out.toString(), "--force", "--quiet");
        assertBadInput(r, "holds a payrisk run but also notes.txt, which payrisk did not write; --force would delete it");
        assertEquals(before, snapshot(tmp));
    }

    @Test
    void aRunFromBeforeTheMarkerIsReplacedWithForce(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("run");
        assertEquals(0, payrisk("run", CliTest.SCENARIO, "--trials", "20", "--out", out.toString(), "--no-report",
                "--quiet").status());
        Files.delete(out.resolve(RunDirectory.MARKER)); // as written by payrisk before the marker
        CliTest.Result r = payrisk("run", CliTest.SCENARIO, "--trials", "30", "--out", out.toString(), "--force", "--quiet",
                "--no-report");
        assertEquals(0, r.status(), r.err());
        assertTrue(Files.readString(out.resolve("summary.json")).contains("\"trials\" : 30"));
        assertTrue(Files.isRegularFile(out.resolve(RunDirectory.MARKER)));
        assertEquals(List.of("run"), CliTest.list(tmp));
    }

    @Test
    void theWorkingFolderAndItsParentsAreRefused(@TempDir Path tmp) throws Exception {
        Path work = Files.createDirectories(tmp.resolve("work/inner"));
        Files.writeString(work.resolve("thesis.tex"), "chapter 1");
        Files.writeString(tmp.resolve("work/keep.txt"), "keep");
        Map<String, String> before = snapshot(tmp);
        for (String out : List.of(".", "..", work.toString())) {
            ChildJvm.Result r = ChildJvm.run(work, null, List.of(), Main.class, "run", SCENARIO.toString(), "--trials", "20",
                    "--out", out, "--force", "--quiet");
            assertEquals(Main.BAD_INPUT, r.status(), r.err());
            assertTrue(r.err().contains("must not be (or contain) the scenario's folder or the current folder"), r.err());
            assertEquals(before, snapshot(tmp), "nothing in the working folder was touched");
        }
    }

    // ---- 3. special files as the scenario ----

    @Test
    void specialFilesAsTheScenarioFailAtOnce(@TempDir Path tmp) throws Exception {
        Path fifo = tmp.resolve("pipe.yaml");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo available");
        Path toUrandom = Files.createSymbolicLink(tmp.resolve("random.yaml"), Path.of("/dev/urandom"));
        Path toFifo = Files.createSymbolicLink(tmp.resolve("link.yaml"), fifo);
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            for (Path p : List.of(fifo, Path.of("/dev/zero"), toUrandom, toFifo)) {
                assertBadInput(payrisk("validate", p.toString()), p + ": expected a regular scenario file, found a");
                assertBadInput(payrisk("run", p.toString(), "--out", tmp.resolve("out").toString(), "--quiet"),
                        p + ": expected a regular scenario file, found a");
            }
        }, "a special file must not be read: it could be endless");
        assertFalse(Files.exists(tmp.resolve("out")), "no run folder for a scenario that was refused");
    }

    // ---- 8. memory ----

    @Test
    void aRunThatCannotFitIsRefusedUpFrontNamingTheHeapToUse(@TempDir Path tmp) throws Exception {
        ChildJvm.Result r = ChildJvm.run(tmp, null, List.of("-Xmx128m"), Main.class, "run", SCENARIO.toString(),
                "--trials", "150000", "--out", "out", "--quiet");
        assertEquals(Main.BAD_INPUT, r.status(), r.err());
        assertTrue(r.err().matches("(?s)payrisk: 150,000 trials need about [0-9,]+ MB of memory.*-Xmx[0-9]+[mg].*"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace");
        assertEquals(List.of(), CliTest.list(tmp), "nothing written");
    }

    @Test
    void anOutOfMemoryErrorGivesAPlainMessage(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        Renderer.CURRENT[0] = dir -> {
            throw new OutOfMemoryError("Java heap space");
        };
        CliTest.Result r = payrisk("run", CliTest.SCENARIO, "--trials", "20", "--out", out.toString(), "--quiet");
        assertBadInput(r, "Java ran out of memory");
        assertTrue(r.err().matches("(?s).*give it more with -Xmx[0-9]+[mg].*"), r.err());
        assertEquals(List.of(), CliTest.list(tmp), "nothing written, no staging left");
    }

    // ---- 9. problems of the machine ----

    @Test
    void aFullDiskWhileRunningIsAnEnvironmentErrorAndLeavesNothing(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        for (IOException full : List.of(new FileSystemException("charts/x.png", null, "No space left on device"),
                new IOException("No space left on device"), new IOException("Disk quota exceeded"))) {
            Renderer.CURRENT[0] = dir -> {
                Files.createDirectories(dir.resolve("charts"));
                Files.writeString(dir.resolve("charts/income-distribution.png"), "partial");
                throw full;
            };
            CliTest.Result r = payrisk("run", CliTest.SCENARIO, "--trials", "20", "--out", out.toString(), "--quiet");
            assertBadInput(r, full.getMessage().contains("quota") ? "Disk quota exceeded" : "No space left on device");
            assertTrue(r.err().contains("free some space"), r.err());
            assertNoInternalError(r);
            assertEquals(List.of(), CliTest.list(tmp), "no run folder, staging or lock left");
        }
    }

    @Test
    void aFullDiskWhileReRenderingLeavesTheRunAsItWas(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("run");
        assertEquals(0, payrisk("run", CliTest.SCENARIO, "--trials", "20", "--out", out.toString(), "--no-report",
                "--quiet").status());
        Map<String, String> before = snapshot(tmp);
        Renderer.CURRENT[0] = dir -> {
            Files.createDirectories(dir.resolve("charts"));
            Files.writeString(dir.resolve("charts/income-distribution.png"), "partial");
            throw new FileSystemException(dir.resolve("charts/exceedance.png").toString(), null, "No space left on device");
        };
        CliTest.Result r = payrisk("report", out.toString());
        assertBadInput(r, "No space left on device");
        assertEquals(before, snapshot(tmp), "no partial charts/ folder, no staging left");

        // and a re-render that succeeds after a first one keeps a user's own file in charts/
        Renderer.CURRENT[0] = ReportRenderer::render;
        assertEquals(0, payrisk("report", out.toString()).status());
        Files.writeString(out.resolve("charts/my-notes.txt"), "mine");
        CliTest.Result again = payrisk("report", out.toString());
        assertEquals(0, again.status(), again.err());
        assertEquals("mine", Files.readString(out.resolve("charts/my-notes.txt")));
        assertTrue(Files.isRegularFile(out.resolve("charts/income-distribution.png")));

        // --force will not delete that file either; once it is moved out, the re-rendered run is replaced
        assertBadInput(payrisk("run", CliTest.SCENARIO, "--trials", "20", "--out", out.toString(), "--force", "--quiet"),
                "also charts/my-notes.txt, which payrisk did not write");
        Files.move(out.resolve("charts/my-notes.txt"), tmp.resolve("my-notes.txt"));
        CliTest.Result forced = payrisk("run", CliTest.SCENARIO, "--trials", "20", "--out", out.toString(), "--force",
                "--quiet", "--no-report");
        assertEquals(0, forced.status(), forced.err());
        assertEquals(List.of("my-notes.txt", "run"), CliTest.list(tmp));
    }

    @Test
    void initIntoASystemFolderIsAnEnvironmentError() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "a Linux /proc");
        CliTest.Result r = payrisk("init", "/proc/payrisk-starter.yaml");
        assertBadInput(r, "/proc/payrisk-starter.yaml");
        assertNoInternalError(r);
        assertFalse(Files.exists(Path.of("/proc/payrisk-starter.yaml")));
    }

    /** The file system's refusal is said in words, never as a Java exception class ("NoSuchFile"). */
    @Test
    void aRunIntoASystemFolderNamesTheReasonInWords() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "a Linux /proc");
        CliTest.Result r = payrisk("run", CliTest.SCENARIO, "--trials", "20", "--out", "/proc/self/payrisk-x", "--quiet");
        assertBadInput(r, "/proc/self/payrisk-x");
        assertNoInternalError(r);
        assertFalse(r.err().matches("(?s).*(NoSuchFile|Exception|FileSystem\\b).*"), r.err());
        assertTrue(r.err().contains("no such file or folder"), r.err());
    }

    @Test
    void aSignalWhileRenderingIsNotReportedAsABug(@TempDir Path tmp) throws Exception {
        Path started = tmp.resolve("started");
        Path out = tmp.resolve("out");
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-Dstarted=" + started, "-cp", System.getProperty("java.class.path"),
                SlowRenderMain.class.getName(), "run", SCENARIO.toString(), "--trials", "20", "--out", out.toString(),
                "--quiet");
        Path err = tmp.resolve("err.txt");
        Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).redirectOutput(tmp.resolve("out.txt").toFile())
                .start();
        for (int i = 0; i < 6000 && !Files.exists(started) && p.isAlive(); i++) {
            Thread.sleep(10);
        }
        assertTrue(Files.exists(started), "the child started rendering");
        p.destroy(); // SIGTERM
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String text = Files.readString(err);
        assertFalse(text.contains("internal error") || text.contains("Exception"), text);
        assertEquals(List.of("err.txt", "out.txt", "started"), CliTest.list(tmp), "no run, staging or lock left");
    }

    // ---- 13. messages ----

    @Test
    void numericFlagsSayTheirRange() {
        assertBadInput(payrisk("run", CliTest.SCENARIO, "--trials", "2147483648"),
                "--trials': expected a whole number in [1, 100000000], found 2147483648");
        assertBadInput(payrisk("run", CliTest.SCENARIO, "--trials", "-5"),
                "--trials': expected a whole number in [1, 100000000], found -5");
        assertBadInput(payrisk("run", CliTest.SCENARIO, "--threads", "4294967297"),
                "--threads': expected a whole number in [1, 1024], found 4294967297");
        assertBadInput(payrisk("run", CliTest.SCENARIO, "--seed", "9223372036854775808"),
                "--seed': expected a whole number in [-9223372036854775808, 9223372036854775807], found 9223372036854775808");
        assertBadInput(payrisk("run", CliTest.SCENARIO, "--seed", "1.5"), "--seed': expected a whole number in [");
    }

    @Test
    void initInsideAFileSaysSo(@TempDir Path tmp) throws IOException {
        Path readme = Files.writeString(tmp.resolve("README.md"), "# mine");
        CliTest.Result r = payrisk("init", readme.resolve("x.yaml").toString());
        assertBadInput(r, readme + " is a file, so " + readme.resolve("x.yaml") + " cannot be created inside it");
        assertFalse(r.err().contains("already exists"), r.err());
        assertEquals("# mine", Files.readString(readme));
        assertBadInput(payrisk("init", "/dev/null", "--force"), "/dev/null is a character device");
    }

    // ---- 12. control characters never reach the terminal ----

    @Test
    void controlCharactersInPrintedNamesAreEscaped(@TempDir Path tmp) {
        String name = "a\u001b[2J\u001b]0;owned\u0007b\u009bc\u007f.yaml";
        CliTest.Result r = payrisk("validate", tmp.resolve(name).toString());
        assertBadInput(r, "a\\x1B[2J\\x1B]0;owned\\x07b\\u009Bc\\x7F.yaml: no such file");
        for (char c : new char[] {0x1b, 0x07, 0x9b, 0x7f}) {
            assertTrue(r.err().indexOf(c) < 0, "raw control character " + (int) c + " printed");
        }
        assertEquals("tab\\x09no line\\x0Dx\\x0A", Terminal.escape("tab\tno line\rx\n"));
    }

    @Test
    void formatCharactersAndTabsInPrintedNamesAreEscaped(@TempDir Path tmp) {
        // bidi overrides reorder what the reader sees; zero-width characters hide; a tab misaligns
        String name = "a\u202Eb\u200Bc\uFEFFd\u2066e\u2028f\tg\uDB40\uDC01h.yaml";
        CliTest.Result r = payrisk("validate", tmp.resolve(name).toString());
        assertBadInput(r, "a\\u202Eb\\u200Bc\\uFEFFd\\u2066e\\u2028f\\x09g\\U000E0001h.yaml: no such file");
        for (String c : List.of("\u202E", "\u200B", "\uFEFF", "\u2066", "\u2028", "\t", "\uDB40\uDC01")) {
            assertFalse(r.err().contains(c), "raw U+" + Integer.toHexString(c.codePointAt(0)) + " printed");
        }
    }

    // ---- 14. umask ----

    @Test
    void runFoldersAndReportsFollowTheUmask(@TempDir Path tmp) throws Exception {
        ChildJvm.Result r = ChildJvm.run(tmp, "umask 002", List.of(), Main.class, "run", SCENARIO.toString(),
                "--trials", "20", "--out", "out", "--quiet");
        assertEquals(0, r.status(), r.err());
        assertEquals("rwxrwxr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("out"))));
        assertEquals("rw-rw-r--", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(tmp.resolve("out/report.html"))));
        assertEquals("rw-rw-r--", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(tmp.resolve("out/summary.json"))));
    }

    @Test
    void aUsersImageInChartsIsNeverDeletedOrOverwritten(@TempDir Path tmp) throws IOException {
        // what a run owns is what its marker lists: any other file is the user's, whatever its name
        for (boolean report : List.of(false, true)) {
            for (String mine : report ? List.of("charts/difference-mine.png", "charts/sub/x.png")
                    : List.of("charts/logo.png", "charts/box-old.svg")) {
                Path out = tmp.resolve("run-" + report + "-" + mine.replace('/', '_'));
                CliTest.Result first = report
                        ? payrisk("run", CliTest.SCENARIO, "--trials", "20", "--out", out.toString(), "--quiet")
                        : payrisk("run", CliTest.SCENARIO, "--trials", "20", "--out", out.toString(), "--quiet", "--no-report");
                assertEquals(0, first.status(), first.err());
                Files.createDirectories(out.resolve(mine).getParent());
                Files.writeString(out.resolve(mine), "mine");
                Map<String, String> before = snapshot(out);
                assertBadInput(payrisk("run", CliTest.SCENARIO, "--trials", "30", "--out", out.toString(), "--force",
                        "--quiet", "--no-report"), "also " + mine + ", which payrisk did not write");
                assertEquals(before, snapshot(out), "--force changed nothing");
                CliTest.Result r = payrisk("report", out.toString());
                assertEquals(0, r.status(), r.err());
                assertEquals("mine", Files.readString(out.resolve(mine)), "a re-render keeps it");
            }
        }
    }

    @Test
    void aReRenderRefusesToOverwriteAUsersFileWithAChartsName(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("run");
        assertEquals(0, payrisk("run", CliTest.SCENARIO, "--trials", "20", "--out", out.toString(), "--quiet",
                "--no-report").status());
        Files.createDirectories(out.resolve("charts"));
        Files.writeString(out.resolve("charts/income-distribution.png"), "mine");
        Map<String, String> before = snapshot(tmp);
        assertBadInput(payrisk("report", out.toString()), out.resolve("charts/income-distribution.png")
                + ": the re-render would overwrite this file, which payrisk did not write");
        assertEquals(before, snapshot(tmp));
        // once it is moved away, the render goes ahead and a later --force replaces everything it wrote
        Files.move(out.resolve("charts/income-distribution.png"), tmp.resolve("mine.png"));
        assertEquals(0, payrisk("report", out.toString()).status());
        assertEquals(0, payrisk("report", out.toString()).status(), "a second re-render owns the first one's files");
        CliTest.Result forced = payrisk("run", CliTest.SCENARIO, "--trials", "20", "--out", out.toString(), "--force",
                "--quiet", "--no-report");
        assertEquals(0, forced.status(), forced.err());
        assertFalse(Files.exists(out.resolve("charts")), "the replaced run's charts went with it");
    }
}
