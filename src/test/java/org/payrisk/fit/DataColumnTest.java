package org.payrisk.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading a column, and every kind of bad data named by file:line:column, row and column. Expected
 * positions are computed from the text itself, not typed in.
 */
class DataColumnTest {

    @TempDir
    Path tmp;

    Path csv(String text) throws IOException {
        Path p = tmp.resolve("data.csv");
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    /** "file:line:col" of the first occurrence of {@code token} at or after {@code from} in the text. */
    static String at(Path file, String text, String token, int from) {
        int i = text.indexOf(token, from);
        assertTrue(i >= 0, token);
        int line = 1;
        int lineStart = 0;
        for (int k = 0; k < i; k++) {
            if (text.charAt(k) == '\n') {
                line++;
                lineStart = k + 1;
            }
        }
        return file + ":" + line + ":" + (i - lineStart + 1);
    }

    static String tenRows(String column, String... cells) {
        StringBuilder s = new StringBuilder("id,").append(column).append("\n");
        for (int i = 0; i < cells.length; i++) {
            s.append(i + 1).append(',').append(cells[i]).append('\n');
        }
        return s.toString();
    }

    String fails(String text, String column, FitKind kind, int n) throws IOException {
        Path p = csv(text);
        DataException e = assertThrows(DataException.class, () -> Fitter.fit(DataColumn.read(p, column), kind, n,
                Fitter.MIN_BOOTSTRAP, 1L));
        return e.getMessage();
    }

    @Test
    void readsQuotedFieldsCrlfAndBomWithTheirPositions() throws Exception {
        String text = "\uFEFFname,\"visits, follow-up\"\r\n\"a, \"\"quoted\"\"\nname\",3\r\nb,\" 4\"\n\nc,5\n";
        Path p = csv(text);
        DataColumn c = DataColumn.read(p, "visits, follow-up");
        assertArrayEquals(new double[] {3, 4, 5}, c.values());
        // the value 3 starts line 3 (the quoted name spans lines 2-3), after `name",`
        assertEquals(p + ":3:7: row 1, column \"visits, follow-up\"", c.where(0));
        assertEquals(p + ":6:3: row 3, column \"visits, follow-up\"", c.where(2));
    }

    @Test
    void nonNumericCellIsNamed() throws Exception {
        String text = tenRows("visits", "1", "2", "3", "three", "5", "6", "7", "8", "9", "10");
        String m = fails(text, "visits", null, 0);
        assertTrue(m.startsWith(at(tmp.resolve("data.csv"), text, "three", 0) + ": row 4, column \"visits\": expected a number, "
                + "found \"three\""), m);
    }

    @Test
    void emptyCellIsNamedNotSkipped() throws Exception {
        String text = tenRows("visits", "1", "2", "", "4", "5", "6", "7", "8", "9", "10");
        String m = fails(text, "visits", null, 0);
        assertTrue(m.startsWith(tmp.resolve("data.csv") + ":4:3: row 3, column \"visits\": expected a number, found an empty cell"), m);
    }

    @Test
    void notANumberAndInfinityAreRefused() throws Exception {
        for (String bad : new String[] {"NaN", "Infinity", "NA", "1,5".replace(",", ";"), "0x10"}) {
            String text = tenRows("visits", "1", "2", "3", bad, "5", "6", "7", "8", "9", "10");
            String m = fails(text, "visits", null, 0);
            assertTrue(m.contains("row 4, column \"visits\": expected a number, found \"" + bad + "\""), m);
        }
    }

    @Test
    void headerOnlyIsAnEmptyColumn() throws Exception {
        String m = fails("id,visits\n", "visits", null, 0);
        assertTrue(m.contains("column \"visits\" has no values"), m);
        assertTrue(fails("", "visits", null, 0).contains("found an empty file"));
    }

    @Test
    void negativeAndFractionalCountsAreNamed() throws Exception {
        String text = tenRows("visits", "1", "2", "3", "4", "-5", "6", "7", "8", "9", "10");
        String m = fails(text, "visits", FitKind.COUNT, 0);
        assertTrue(m.startsWith(at(tmp.resolve("data.csv"), text, "-5", 0) + ": row 5, column \"visits\": expected a count "
                + "(a whole number from 0 to 10,000,000), found -5"), m);
        text = tenRows("visits", "1", "2", "3", "4", "5", "6.5", "7", "8", "9", "10");
        m = fails(text, "visits", FitKind.COUNT, 0);
        assertTrue(m.contains("row 6, column \"visits\": expected a count") && m.contains("found 6.5; for measurements pass "
                + "--kind continuous"), m);
    }

    @Test
    void countAboveTheBinomialNIsNamed() throws Exception {
        String text = tenRows("visits", "1", "2", "3", "4", "5", "6", "7", "8", "9", "12");
        String m = fails(text, "visits", FitKind.COUNT, 10);
        assertTrue(m.contains("row 10, column \"visits\": expected a count of at most the binomial n = 10, found 12"), m);
    }

    @Test
    void probabilitiesOutsideTheUnitIntervalOrOnItsEdgeAreNamed() throws Exception {
        String text = tenRows("share", "0.1", "0.2", "1.3", "0.4", "0.5", "0.1", "0.2", "0.3", "0.4", "0.5");
        String m = fails(text, "share", FitKind.PROBABILITY, 0);
        assertTrue(m.startsWith(at(tmp.resolve("data.csv"), text, "1.3", 0) + ": row 3, column \"share\": expected a "
                + "probability in [0, 1], found 1.3"), m);
        text = tenRows("share", "0.1", "0.2", "0.3", "0.4", "0", "0.1", "0.2", "0.3", "0.4", "0.5");
        m = fails(text, "share", FitKind.PROBABILITY, 0);
        assertTrue(m.contains("row 5, column \"share\": expected a probability strictly between 0 and 1"), m);
        text = tenRows("share", "0.1", "0.2", "0.3", "0.4", "0.5", "0.1", "0.2", "0.3", "0.4", "1");
        m = fails(text, "share", FitKind.PROBABILITY, 0);
        assertTrue(m.contains("row 10, column \"share\": expected a probability strictly between 0 and 1") && m.contains("found 1;"), m);
    }

    @Test
    void missingColumnSuggestsTheNearest() throws Exception {
        String m = fails(tenRows("followUpVisits", "1", "2"), "followupvisit", null, 0);
        assertTrue(m.startsWith(tmp.resolve("data.csv") + ":1:1: no column \"followupvisit\" in the header; did you mean "
                + "\"followUpVisits\"? Columns: id, followUpVisits."), m);
        m = fails(tenRows("visits", "1", "2"), "zzzzzz", null, 0);
        assertTrue(!m.contains("did you mean"), m);
    }

    @Test
    void shortAndLongRowsAreNamed() throws Exception {
        String text = "id,visits\n1,2\n2\n3,4\n";
        String m = fails(text, "visits", null, 0);
        assertTrue(m.startsWith(tmp.resolve("data.csv") + ":3:1: row 2 has 1 field, the header 2 (column \"visits\" is "
                + "field 2); fill the missing cells"), m);
        // an unquoted comma in a text cell shifts the numbers: refused, not read as the wrong column
        text = "name,visits\nSmith, J,12\nLee,4\n";
        m = fails(text, "visits", null, 0);
        assertTrue(m.startsWith(tmp.resolve("data.csv") + ":2:10: row 1 has 3 fields, the header 2") && m.contains(
                "a text cell holding a comma must be in double quotes"), m);
    }

    @Test
    void semicolonSeparatedFileGetsAHint() throws Exception {
        String m = fails("id;visits\n1;2\n", "visits", null, 0);
        assertTrue(m.contains("no column \"visits\"") && m.contains("payrisk reads comma-separated CSV"), m);
    }

    @Test
    void duplicateColumnNameIsRefused() throws Exception {
        String m = fails("visits,visits\n1,2\n", "visits", null, 0);
        assertTrue(m.startsWith(tmp.resolve("data.csv") + ":1:8: the header names column \"visits\" twice (fields 1 and 2)"), m);
    }

    @Test
    void valuesTooExtremeForEveryFamilyExitAsBadDataNotAsABug() throws Exception {
        StringBuilder s = new StringBuilder("x\n1e300\n-1e300\n");
        for (int i = 0; i < 20; i++) {
            s.append(i).append('\n');
        }
        String m = fails(s.toString(), "x", null, 0);
        assertTrue(m.contains("no family could be fitted") && m.contains("normal (the values are too extreme"), m);
    }

    @Test
    void countsInTheMillionsAreFitted() throws Exception {
        StringBuilder s = new StringBuilder("x\n");
        for (int i = 0; i < 15; i++) {
            s.append(i < 5 ? Fitter.MAX_COUNT : i).append('\n');
        }
        FitResult r = Fitter.fit(DataColumn.read(csv(s.toString()), "x"), null, 0, Fitter.MIN_BOOTSTRAP, 1L);
        assertEquals("negativeBinomial", r.winner().family());
    }

    @Test
    void tooFewValuesAndNoSpread() throws Exception {
        String m = fails(tenRows("visits", "1", "2", "3"), "visits", null, 0);
        assertTrue(m.contains("expected at least 10 values to fit a distribution, found 3"), m);
        m = fails(tenRows("visits", "4", "4", "4", "4", "4", "4", "4", "4", "4", "4"), "visits", null, 0);
        assertTrue(m.contains("all 10 values equal 4") && m.contains("use the constant 4"), m);
    }

    @Test
    void unreadableFiles() throws Exception {
        DataException dir = assertThrows(DataException.class, () -> DataColumn.read(tmp, "x"));
        assertTrue(dir.getMessage().endsWith("expected a CSV file, found a directory"), dir.getMessage());
        DataException none = assertThrows(DataException.class, () -> DataColumn.read(tmp.resolve("none.csv"), "x"));
        assertTrue(none.getMessage().endsWith("none.csv: no such file"), none.getMessage());
        Path binary = tmp.resolve("sheet.csv");
        Files.write(binary, new byte[] {'a', ',', 'b', '\n', (byte) 0xC3, (byte) 0x28, '\n'});
        DataException utf = assertThrows(DataException.class, () -> DataColumn.read(binary, "a"));
        assertTrue(utf.getMessage().contains("found bytes that are not UTF-8"), utf.getMessage());
        Path open = csv("a,b\n\"1,2\n");
        DataException quote = assertThrows(DataException.class, () -> DataColumn.read(open, "a"));
        assertTrue(quote.getMessage().startsWith(open + ":2:1: a quoted field is never closed"), quote.getMessage());
    }

    @Test
    void specialFileIsRefused() throws Exception {
        Path fifo = tmp.resolve("pipe.csv");
        boolean made;
        try {
            Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
            made = p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            made = false;
        }
        assumeTrue(made, "mkfifo not available");
        DataException e = assertThrows(DataException.class, () -> DataColumn.read(fifo, "x"));
        assertTrue(e.getMessage().endsWith("expected a regular CSV file, found a special file (a device, pipe or socket)"),
                e.getMessage());
    }
}
