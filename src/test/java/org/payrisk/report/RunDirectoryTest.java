package org.payrisk.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.payrisk.testing.ChildJvm;

/**
 * The run folder's replace is recoverable: a failure, or a process killed, between moving the previous
 * run aside and moving the new one in never loses the previous run.
 */
class RunDirectoryTest {

    @AfterEach
    void resetSeam() {
        RunDirectory.betweenRenames = () -> { };
    }

    /** Writes a complete small run with the given summary text into target. */
    static void writeRun(Path target, boolean force, String summary) throws Exception {
        RunDirectory dir = RunDirectory.stage(target, force, Map.of());
        Files.writeString(dir.staging().resolve("summary.json"), summary);
        Files.writeString(dir.staging().resolve("run.json"), "{}");
        dir.commit();
    }

    static List<String> siblings(Path parent) throws IOException {
        try (var s = Files.list(parent)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aFailedSecondRenamePutsThePreviousRunBack(@TempDir Path tmp) throws Exception {
        Path target = tmp.resolve("run");
        writeRun(target, false, "old");
        assertTrue(Files.isRegularFile(target.resolve(RunDirectory.MARKER)), "every run folder carries the marker");
        RunDirectory.betweenRenames = () -> {
            throw new IOException("injected: rename failed");
        };
        OutputException e = assertThrows(OutputException.class, () -> writeRun(target, true, "new"));
        assertTrue(e.getMessage().contains("the previous run is back in " + target), e.getMessage());
        assertFalse(e.getMessage().contains("kept at"), "nothing is said to be kept where it is not");
        assertEquals("old", Files.readString(target.resolve("summary.json")));
        assertEquals(List.of("run"), siblings(tmp), "no staging, old or lock sibling left");
    }

    @Test
    void aProcessKilledBetweenTheRenamesIsRecoveredByTheNextRun(@TempDir Path tmp) throws Exception {
        Path target = tmp.resolve("run");
        writeRun(target, false, "old");
        ChildJvm.Result r = ChildJvm.run(tmp, null, List.of(), SwapCrash.class, target.toString(), "between-renames");
        assertEquals(SwapCrash.HALTED, r.status(), r.err());
        // the state kill -9 leaves: the previous run moved aside, no run in place, a stale lock and staging gone
        assertFalse(Files.exists(target), "the child died with the previous run moved aside");
        assertTrue(siblings(tmp).stream().anyMatch(n -> n.startsWith(".run.old-")), siblings(tmp).toString());
        assertTrue(siblings(tmp).contains(".run.lock"), siblings(tmp).toString());

        List<String> notes = RunDirectory.recover(target);
        assertEquals("old", Files.readString(target.resolve("summary.json")), "the previous run is restored");
        assertTrue(notes.get(0).contains("restored the previous run"), notes.toString());
        assertEquals(List.of("run"), siblings(tmp));
    }

    @Test
    void aPreviousRunLeftAsideAfterACompletedSwapIsDeletedByTheNextRun(@TempDir Path tmp) throws Exception {
        Path target = tmp.resolve("run");
        writeRun(target, false, "new");
        // the state of a process killed after the swap, before deleting the previous run
        // a real one: payrisk's exact name and a run folder with its marker, as commit() moves it aside
        writeRun(tmp.resolve("scratch"), false, "old");
        Path aside = tmp.resolve(".run.old-0a1b2c3d4e5f");
        Files.move(tmp.resolve("scratch"), aside);
        Process dead = new ProcessBuilder("true").start();
        dead.waitFor();
        Files.writeString(tmp.resolve(".run.lock"), dead.pid() + " 0\n");
        RunDirectory next = RunDirectory.stage(target, true, Map.of());
        next.abandon();
        assertEquals("new", Files.readString(target.resolve("summary.json")), "the run in place is kept");
        assertEquals(List.of("run"), siblings(tmp), "the replaced run and the stale lock are gone");
    }

    @Test
    void stagingLeftByAKilledRunIsCleanedByTheNextRun(@TempDir Path tmp) throws Exception {
        Path target = tmp.resolve("run");
        ChildJvm.Result r = ChildJvm.run(tmp, null, List.of(), SwapCrash.class, target.toString(), "while-staging");
        assertEquals(SwapCrash.HALTED, r.status(), r.err());
        assertTrue(siblings(tmp).stream().anyMatch(n -> n.startsWith(".run.tmp-")), siblings(tmp).toString());
        writeRun(target, false, "fresh");
        assertEquals(List.of("run"), siblings(tmp), "the killed run's staging folder and lock are gone");
    }

    @Test
    void aLiveProcessHoldingTheLockKeepsOthersOut(@TempDir Path tmp) throws Exception {
        Path target = tmp.resolve("run");
        RunDirectory first = RunDirectory.stage(target, false, Map.of());
        OutputException e = assertThrows(OutputException.class, () -> RunDirectory.stage(target, false, Map.of()));
        assertTrue(e.getMessage().contains("another payrisk process (process " + ProcessHandle.current().pid()),
                e.getMessage());
        assertTrue(Files.isDirectory(first.staging()), "the refused run does not touch the first one's staging");
        first.abandon();
        assertEquals(List.of(), siblings(tmp));
    }

    @Test
    void aFolderFilledByAnotherProgramMeanwhileIsNotTouchedAndNothingIsClaimedKept(@TempDir Path tmp) throws Exception {
        Path target = tmp.resolve("run");
        RunDirectory dir = RunDirectory.stage(target, true, Map.of());
        Files.writeString(dir.staging().resolve("run.json"), "{}");
        Files.createDirectories(target);
        Files.writeString(target.resolve("notes.txt"), "mine");
        OutputException e = assertThrows(OutputException.class, dir::commit);
        assertFalse(e.getMessage().contains("kept at"), e.getMessage());
        assertTrue(e.getMessage().contains("this run was discarded"), e.getMessage());
        assertEquals("mine", Files.readString(target.resolve("notes.txt")));
        assertEquals(List.of("run"), siblings(tmp));
    }

    @Test
    void aRunTheCallerDoesNotAcceptIsKeptEvenWithForce(@TempDir Path tmp) throws Exception {
        Path target = tmp.resolve("run");
        writeRun(target, false, "theirs");
        RunDirectory dir = RunDirectory.stage(target, true, Map.of());
        Files.writeString(dir.staging().resolve("summary.json"), "new");
        Files.writeString(dir.staging().resolve("run.json"), "{}");
        List<Path> asked = new ArrayList<>();
        OutputException e = assertThrows(OutputException.class, () -> dir.commit(previous -> {
            asked.add(previous);
            return false;
        }));
        assertEquals(List.of(target.toAbsolutePath().normalize()), asked, "asked once, about the target");
        assertTrue(e.getMessage().contains("this run was discarded"), e.getMessage());
        assertEquals("theirs", Files.readString(target.resolve("summary.json")));
        assertEquals(List.of("run"), siblings(tmp), "no staging, old or lock sibling left");

        RunDirectory accepted = RunDirectory.stage(target, true, Map.of());
        Files.writeString(accepted.staging().resolve("summary.json"), "new");
        Files.writeString(accepted.staging().resolve("run.json"), "{}");
        accepted.commit(previous -> true);
        assertEquals("new", Files.readString(target.resolve("summary.json")));
    }

    @Test
    void runFoldersFollowTheUmask(@TempDir Path tmp) throws Exception {
        Path target = tmp.resolve("run");
        ChildJvm.Result r = ChildJvm.run(tmp, "umask 002", List.of(), SwapCrash.class, target.toString(), "complete");
        assertEquals(0, r.status(), r.err());
        assertEquals("rwxrwxr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)),
                "a run folder is as open as the umask allows, so others can read the report");
    }

    /** Folders that merely look like payrisk's leftovers, each with a file the user keeps. */
    private static List<Path> lookAlikes(Path tmp) throws IOException {
        List<Path> made = new java.util.ArrayList<>();
        for (String name : List.of(".run.old-2024", ".run.tmp-backup", ".run.old-0a1b2c", ".run.old-0a1b2c3d4e5f00",
                ".run.old-0a1b2c3d4e5f", ".run.tmp-0a1b2c3d4e5f")) {
            Path d = Files.createDirectory(tmp.resolve(name));
            // the last two have payrisk's exact names but no marker: not payrisk's either
            Files.writeString(d.resolve("data"), "precious");
            made.add(d);
        }
        return made;
    }

    @Test
    void foldersThatOnlyLookLikeLeftoversAreLeftAlone(@TempDir Path tmp) throws Exception {
        Path target = tmp.resolve("run");
        List<Path> mine = lookAlikes(tmp);
        assertEquals(List.of(), RunDirectory.recover(target), "nothing to recover");
        assertFalse(Files.exists(target), "no user folder is moved into the run's place");
        writeRun(target, false, "first");
        writeRun(target, true, "second");
        for (Path d : mine) {
            assertEquals("precious", Files.readString(d.resolve("data")), d.toString());
        }
        assertEquals("second", Files.readString(target.resolve("summary.json")));
    }

    @Test
    void aLockPathThatIsNotARegularFileIsRefusedAndKept(@TempDir Path tmp) throws Exception {
        Path target = tmp.resolve("run");
        Path lock = Files.createDirectory(tmp.resolve(".run.lock"));
        Files.writeString(lock.resolve("data"), "precious");
        OutputException e = assertThrows(OutputException.class, () -> RunDirectory.stage(target, true, Map.of()));
        assertTrue(e.getMessage().contains(lock + " is a folder"), e.getMessage());
        assertThrows(OutputException.class, () -> RunDirectory.recover(target));
        assertEquals("precious", Files.readString(lock.resolve("data")));
        Files.delete(lock.resolve("data"));
        Files.delete(lock);
        Files.createSymbolicLink(lock, tmp.resolve("elsewhere"));
        e = assertThrows(OutputException.class, () -> RunDirectory.stage(target, true, Map.of()));
        assertTrue(e.getMessage().contains(lock.toString()), e.getMessage());
        assertTrue(Files.isSymbolicLink(lock));
        assertFalse(Files.exists(tmp.resolve("elsewhere")), "nothing is written through the link");
    }

    @Test
    void aLockFileNoProcessHoldsNeverBlocksWhateverItSays(@TempDir Path tmp) throws Exception {
        Path target = tmp.resolve("run");
        ProcessHandle me = ProcessHandle.current();
        long started = me.info().startInstant().orElseThrow().toEpochMilli();
        // PID 1 with start time 0; this very process with its real start time; garbage; empty
        for (String text : List.of("1 0\n", me.pid() + " " + started + "\n", "not a pid\n", "")) {
            Files.writeString(tmp.resolve(".run.lock"), text);
            writeRun(target, true, text);
            assertEquals(text, Files.readString(target.resolve("summary.json")));
            assertEquals(List.of("run"), siblings(tmp), "the stale lock was taken over and released");
        }
    }

    @Test
    void aBusyLockSaysHowToRemoveAStaleOne(@TempDir Path tmp) throws Exception {
        Path target = tmp.resolve("run");
        RunDirectory first = RunDirectory.stage(target, false, Map.of());
        OutputException e = assertThrows(OutputException.class, () -> RunDirectory.stage(target, false, Map.of()));
        assertTrue(e.getMessage().contains("delete " + tmp.resolve(".run.lock")), e.getMessage());
        first.abandon();
    }
}
