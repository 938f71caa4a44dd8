package org.payrisk.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
        Path aside = Files.createDirectory(tmp.resolve(".run.old-0a1b2c"));
        Files.writeString(aside.resolve("summary.json"), "old");
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
    void runFoldersFollowTheUmask(@TempDir Path tmp) throws Exception {
        Path target = tmp.resolve("run");
        ChildJvm.Result r = ChildJvm.run(tmp, "umask 002", List.of(), SwapCrash.class, target.toString(), "complete");
        assertEquals(0, r.status(), r.err());
        assertEquals("rwxrwxr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)),
                "a run folder is as open as the umask allows, so others can read the report");
    }
}
