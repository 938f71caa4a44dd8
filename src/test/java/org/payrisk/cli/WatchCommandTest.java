package org.payrisk.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code payrisk watch} through {@link Main#execute}, on a thread of its own: a run at once, a run for
 * each saved change (the same bytes as {@code payrisk run} of the saved file), none for a save of the
 * same content, an error printed as {@code run} prints it with the last good run kept, and the user's
 * earlier run never replaced without {@code --force}.
 */
class WatchCommandTest {

    /** How long a step may take before the test fails: generous, for a loaded machine. */
    private static final long PATIENCE_MILLIS = 120_000;

    private static final String WAITING = "payrisk watch: waiting for ";

    private static final String SHIPPED_SEED = "seed: 20261127";

    /** A watch on a thread of its own, stopped by interrupting it while it waits. */
    private static final class Watch implements AutoCloseable {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final Thread thread;
        volatile int status = -1;

        Watch(String... args) {
            thread = new Thread(
                    () -> status = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true)),
                    "watch-under-test");
            thread.start();
        }

        /** How many times the watch has finished a run (or failed one) and started waiting. */
        int waits() {
            String text = out.toString();
            int n = 0;
            for (int i = text.indexOf(WAITING); i >= 0; i = text.indexOf(WAITING, i + 1)) {
                n++;
            }
            return n;
        }

        void awaitWaits(int n) throws InterruptedException {
            long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
            while (waits() < n) {
                if (!thread.isAlive()) {
                    fail("the watch ended (status " + status + "): " + out + err);
                }
                if (System.currentTimeMillis() > deadline) {
                    fail("no run " + n + " within " + PATIENCE_MILLIS + " ms: " + out + err);
                }
                Thread.sleep(20);
            }
        }

        @Override
        public void close() throws InterruptedException {
            thread.interrupt();
            thread.join(PATIENCE_MILLIS);
            assertFalse(thread.isAlive(), "an interrupted watch ends");
            assertEquals(0, status, err.toString());
        }
    }

    /** A watch of {@code scenario} at 300 trials into {@code out}, without the report (fast), plus {@code more}. */
    private static Watch watch(Path scenario, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("watch", scenario.toString(), "--trials", "300", "--out",
                out.toString(), "--no-report"));
        args.addAll(List.of(more));
        return new Watch(args.toArray(String[]::new));
    }

    private static Path scenarioIn(Path dir) throws IOException {
        Path s = dir.resolve("s.yaml");
        Files.copy(Path.of(CliTest.SCENARIO), s);
        return s;
    }

    /**
     * Saves the scenario as many editors do, into a new file renamed over the old one, so the watch never
     * sees it half-written, however slowly this thread runs.
     */
    private static void save(Path scenario, String text) throws IOException {
        Path next = scenario.resolveSibling(scenario.getFileName() + ".saving");
        Files.writeString(next, text);
        Files.move(next, scenario, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Runs {@code payrisk run SCENARIO --out OUT --no-report --quiet MORE}; returns its summary.json. */
    private static byte[] payriskRun(Path scenario, Path out, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("run", scenario.toString(), "--out", out.toString(), "--no-report",
                "--quiet"));
        args.addAll(List.of(more));
        CliTest.Result r = CliTest.payrisk(args.toArray(String[]::new));
        assertEquals(0, r.status(), r.err());
        return Files.readAllBytes(out.resolve("summary.json"));
    }

    private static long seedIn(Path run) throws IOException {
        return new ObjectMapper().readTree(run.resolve("summary.json").toFile()).get("seed").asLong();
    }

    @Test
    void runsAtOnceThenOnEachSavedChangeAsPayriskRunWould(@TempDir Path tmp) throws Exception {
        Path scenario = scenarioIn(tmp);
        String text = Files.readString(scenario);
        assertTrue(text.contains(SHIPPED_SEED), "the test edits the shipped scenario's seed");
        Path out = tmp.resolve("out");
        try (Watch w = watch(scenario, out)) {
            w.awaitWaits(1);
            assertEquals(20261127, seedIn(out));

            save(scenario, text.replace(SHIPPED_SEED, "seed: 7"));
            w.awaitWaits(2);
            assertEquals(7, seedIn(out));
            // the same bytes as a payrisk run of the saved file
            assertArrayEquals(payriskRun(scenario, tmp.resolve("alone"), "--trials", "300"),
                    Files.readAllBytes(out.resolve("summary.json")));

            // the same content saved again, with a new time: no run (a run would replace run.json within the wait)
            byte[] runJson = Files.readAllBytes(out.resolve("run.json"));
            save(scenario, text.replace(SHIPPED_SEED, "seed: 7"));
            Files.setLastModifiedTime(scenario, FileTime.from(Instant.now().plusSeconds(5)));
            Thread.sleep(30 * WatchCommand.POLL_MILLIS);
            assertEquals(2, w.waits(), w.out.toString());
            assertArrayEquals(runJson, Files.readAllBytes(out.resolve("run.json")));
            assertEquals("", w.err.toString());
        }
    }

    @Test
    void anErrorIsPrintedAsRunPrintsItAndTheLastGoodRunStays(@TempDir Path tmp) throws Exception {
        Path scenario = scenarioIn(tmp);
        String text = Files.readString(scenario);
        Path out = tmp.resolve("out");
        try (Watch w = watch(scenario, out)) {
            w.awaitWaits(1);
            byte[] good = Files.readAllBytes(out.resolve("summary.json"));

            save(scenario, text.replace(SHIPPED_SEED, "seed: twelve"));
            w.awaitWaits(2);
            String err = w.err.toString();
            // file, line and column, field path, expected and found: as payrisk run says it
            assertTrue(err.contains("payrisk: " + scenario + ":7:") && err.contains("simulation.seed")
                    && err.contains("twelve"), err);
            assertFalse(err.contains("\tat "), "no stack trace");
            assertArrayEquals(good, Files.readAllBytes(out.resolve("summary.json")), "the last good run is kept");

            save(scenario, text.replace(SHIPPED_SEED, "seed: 9"));
            w.awaitWaits(3);
            assertEquals(9, seedIn(out));
        }
    }

    @Test
    void anEarlierRunIsReplacedOnlyWithForce(@TempDir Path tmp) throws Exception {
        Path scenario = scenarioIn(tmp);
        Path out = tmp.resolve("out");
        byte[] mine = payriskRun(scenario, out, "--trials", "200", "--seed", "3");
        // without --force the watch ends at once: no edit of the scenario can make that folder free
        Watch refused = watch(scenario, out);
        refused.thread.join(PATIENCE_MILLIS);
        assertEquals(Main.BAD_INPUT, refused.status, refused.out + "" + refused.err);
        assertTrue(refused.err.toString().contains("already holds a run; pass --force"), refused.err.toString());
        assertEquals(0, refused.waits());
        assertArrayEquals(mine, Files.readAllBytes(out.resolve("summary.json")));
        try (Watch w = watch(scenario, out, "--force")) {
            w.awaitWaits(1);
            assertEquals(20261127, seedIn(out));
            assertEquals("", w.err.toString());
        }
    }

    @Test
    void aRunWrittenIntoTheFolderMeanwhileIsKeptWithoutForce(@TempDir Path tmp) throws Exception {
        Path scenario = scenarioIn(tmp);
        String text = Files.readString(scenario);
        Path out = tmp.resolve("out");
        try (Watch w = watch(scenario, out)) {
            w.awaitWaits(1);
            // the user replaces the watch's run with one of their own, on purpose
            byte[] mine = payriskRun(scenario, out, "--trials", "200", "--seed", "3", "--force");

            save(scenario, text.replace(SHIPPED_SEED, "seed: 7"));
            w.awaitWaits(2);
            assertTrue(w.err.toString().contains("already holds a run; pass --force"), w.err.toString());
            assertArrayEquals(mine, Files.readAllBytes(out.resolve("summary.json")), "the user's run is kept");
            assertTrue(w.thread.isAlive(), "the watch goes on: the user may move their run away");
        }
    }

    @Test
    void aRunPutIntoTheFolderWhileAWatchRunIsSimulatedIsKept(@TempDir Path tmp) throws Exception {
        Path scenario = scenarioIn(tmp);
        String text = Files.readString(scenario);
        String shippedTrials = "trials: 10000";
        assertTrue(text.contains(shippedTrials), "the test edits the shipped scenario's trial count");
        save(scenario, text.replace(shippedTrials, "trials: 300"));
        Path users = tmp.resolve("users-run");
        byte[] mine = payriskRun(scenario, users, "--seed", "3");
        Path out = tmp.resolve("out");
        // one thread, so that the second run is long on a machine of many cores too
        try (Watch w = new Watch("watch", scenario.toString(), "--out", out.toString(), "--no-report",
                "--threads", "1")) {
            w.awaitWaits(1);
            // a long second run; while it is simulated, another program puts the user's run in its place
            save(scenario, text.replace(shippedTrials, "trials: 30000"));
            awaitStagingOf(out);
            Files.move(out, tmp.resolve("aside"), StandardCopyOption.ATOMIC_MOVE);
            Files.move(users, out, StandardCopyOption.ATOMIC_MOVE);
            w.awaitWaits(2);
            assertTrue(w.err.toString().contains("was filled by another program while this run was going"),
                    w.err.toString());
            assertArrayEquals(mine, Files.readAllBytes(out.resolve("summary.json")), "the user's run is kept");
        }
    }

    /** Waits until the run into {@code out} has created its staging folder beside it. */
    private static void awaitStagingOf(Path out) throws InterruptedException, IOException {
        long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
        String prefix = "." + out.getFileName() + ".tmp-";
        while (true) {
            try (var siblings = Files.list(out.getParent())) {
                if (siblings.anyMatch(p -> p.getFileName().toString().startsWith(prefix))) {
                    return;
                }
            }
            if (System.currentTimeMillis() > deadline) {
                fail("no staging folder for " + out + " within " + PATIENCE_MILLIS + " ms");
            }
            Thread.sleep(2);
        }
    }

    @Test
    void aScenarioPathThatIsNoFileEndsTheWatchWithItsLocatedError(@TempDir Path tmp) throws Exception {
        for (Path bad : new Path[] {tmp.resolve("misspelt.yaml"), tmp}) {
            Watch w = watch(bad, tmp.resolve("out"));
            w.thread.join(PATIENCE_MILLIS);
            assertEquals(Main.BAD_INPUT, w.status, w.out + "" + w.err);
            assertTrue(w.err.toString().startsWith("payrisk: " + bad), w.err.toString());
            assertFalse(w.err.toString().contains("\tat "), "no stack trace");
            assertEquals(0, w.waits());
        }
    }

    @Test
    void aSnapshotTellsContentApartEvenWhenSizeAndTimeAgree(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("s.yaml");
        FileTime t = FileTime.from(Instant.parse("2026-11-29T09:00:00Z"));
        Files.writeString(f, "seed: 5\n");
        Files.setLastModifiedTime(f, t);
        WatchCommand.Snapshot five = WatchCommand.Snapshot.of(f);
        Files.writeString(f, "seed: 6\n"); // same size, saved within the same (whole) second
        Files.setLastModifiedTime(f, t);
        WatchCommand.Snapshot six = WatchCommand.Snapshot.of(f);
        assertFalse(six.sameContent(five), "an edit a file system with whole-second times would hide");
        Files.writeString(f, "seed: 5\n");
        Files.setLastModifiedTime(f, FileTime.from(t.toInstant().plusSeconds(60)));
        WatchCommand.Snapshot again = WatchCommand.Snapshot.of(f);
        assertTrue(again.sameContent(five), "the same content saved again");
        assertFalse(again.equals(five), "but a new time, so the watch waits one more check before running");

        assertEquals(null, WatchCommand.Snapshot.of(tmp.resolve("missing.yaml")), "gone in the middle of a save");
        assertEquals(null, WatchCommand.Snapshot.of(tmp), "a folder is no scenario");
    }
}
