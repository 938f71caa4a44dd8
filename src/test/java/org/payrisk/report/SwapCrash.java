package org.payrisk.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Child JVM for {@link RunDirectoryTest}: writes a run and halts (as kill -9 does: no shutdown hooks)
 * at the point named by its second argument.
 */
final class SwapCrash {

    /** Exit status of a halted child. */
    static final int HALTED = 137;

    private SwapCrash() {
    }

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[0]);
        String when = args[1];
        RunDirectory dir = RunDirectory.stage(target, true, Map.of());
        Files.writeString(dir.staging().resolve("summary.json"), "new");
        Files.writeString(dir.staging().resolve("run.json"), "{}");
        switch (when) {
            case "while-staging" -> Runtime.getRuntime().halt(HALTED);
            case "between-renames" -> RunDirectory.betweenRenames = () -> Runtime.getRuntime().halt(HALTED);
            case "complete" -> { }
            default -> throw new IllegalArgumentException(when);
        }
        dir.commit();
    }
}
