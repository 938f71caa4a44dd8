package org.payrisk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps DESIGN.md's picture true: a room may use rooms below it, never rooms above it or beside it.
 * Reads every main source file and checks each {@code org.payrisk.<room>} it mentions (imports and
 * qualified names alike).
 */
class LayeringTest {

    /** Rank of each room: lower ranks never use higher ones; equal ranks never use each other. */
    static final Map<String, Integer> RANK = Map.ofEntries(
            Map.entry("dist", 0), Map.entry("stats", 0),
            Map.entry("fit", 1),
            Map.entry("practice", 2),
            Map.entry("payment", 3),
            Map.entry("scenario", 4),
            Map.entry("engine", 5),
            Map.entry("analysis", 6),
            Map.entry("report", 7), Map.entry("spark", 7),
            Map.entry("cli", 8));

    /** Rooms that only some higher rooms may use: fitting inputs to data is a command, not part of a run. */
    static final Map<String, List<String>> ONLY_USED_BY = Map.of("fit", List.of("report", "cli"));

    static final Pattern REFERENCE = Pattern.compile("org\\.payrisk\\.([a-z]+)");

    @Test
    void lowerRoomsNeverUseHigherOnes() throws IOException {
        Path root = Path.of("src/main/java/org/payrisk");
        List<String> violations = new ArrayList<>();
        int files = 0;
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.filter(f -> f.toString().endsWith(".java")).toList()) {
                files++;
                String room = root.relativize(p).getName(0).toString();
                assertTrue(RANK.containsKey(room), "a room missing from DESIGN.md's picture: " + room);
                Matcher m = REFERENCE.matcher(Files.readString(p));
                while (m.find()) {
                    String used = m.group(1);
                    if (used.equals(room) || !RANK.containsKey(used)) {
                        continue;
                    }
                    if (RANK.get(used) >= RANK.get(room)
                            || ONLY_USED_BY.containsKey(used) && !ONLY_USED_BY.get(used).contains(room)) {
                        violations.add(root.relativize(p) + " uses " + used);
                    }
                }
            }
        }
        assertTrue(files > 30, "found the sources");
        assertEquals(List.of(), violations);
    }
}
