package org.payrisk.stats;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading a CSV file for payrisk's data inputs ({@code payrisk fit}'s data, {@code payrisk population}'s
 * profiles): UTF-8 text of a bounded size, split into RFC 4180 records that keep each field's line and
 * column, so every message can point at the cell. One reader, so both commands treat quoting, blank
 * lines and bad bytes alike.
 */
public final class CsvText {

    private CsvText() {
    }

    /** A problem with the file, in the user's words with its location; callers rethrow it as their own kind. */
    public static final class Problem extends Exception {
        private static final long serialVersionUID = 1L;

        Problem(String message) {
            super(message);
        }
    }

    /**
     * One field and where it starts.
     *
     * @param text the field's text, unquoted
     * @param line its 1-based line
     * @param col its 1-based column
     */
    public record Cell(String text, int line, int col) {
    }

    /**
     * The file's text, checked: a regular file of at most {@code maxBytes}, UTF-8, byte-order mark dropped.
     *
     * @param file the file
     * @param maxBytes the largest size accepted
     * @param missingHint words added after "no such file" (e.g. what the flag expects), or empty
     * @return its text
     * @throws Problem when it cannot be read as such
     */
    public static String read(Path file, long maxBytes, String missingHint) throws Problem {
        if (Files.isDirectory(file)) {
            throw new Problem(file + ": expected a CSV file, found a directory");
        }
        if (!Files.exists(file)) {
            throw new Problem(file + ": no such file" + missingHint);
        }
        if (!Files.isRegularFile(file)) {
            throw new Problem(file + ": expected a regular CSV file, found a special file (a device, pipe or socket)");
        }
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                throw new Problem(file + ": expected a CSV file of at most " + maxBytes / (1024 * 1024) + " MB, found "
                        + size + " bytes");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new Problem(file + ": no such file" + missingHint);
        } catch (AccessDeniedException e) {
            throw new Problem(file + ": cannot read the file: permission denied");
        } catch (IOException e) {
            throw new Problem(file + ": cannot read the file: " + e.getMessage());
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new Problem(file + ": expected a UTF-8 text (CSV) file, found bytes that are not UTF-8 "
                    + "(a spreadsheet? export it as CSV UTF-8)");
        }
    }

    /**
     * RFC 4180 records with the position of each field; blank lines are skipped.
     *
     * @param file the file, for messages
     * @param s its text
     * @param commentLines whether a line starting with {@code #} outside a quoted field is a comment
     *                     (skipped), as in a generated profiles file stating its sources
     * @return the records, each a list of fields
     * @throws Problem when a quoted field is never closed
     */
    public static List<List<Cell>> records(Path file, String s, boolean commentLines) throws Problem {
        List<List<Cell>> rows = new ArrayList<>();
        List<Cell> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int col = 1;
        int fieldLine = 1;
        int fieldCol = 1;
        int i = 0;
        boolean quoted = false;
        boolean wasQuoted = false;
        boolean lineStart = true;
        while (i < s.length()) {
            char ch = s.charAt(i);
            if (commentLines && lineStart && !quoted && ch == '#') {
                while (i < s.length() && s.charAt(i) != '\n') {
                    i++;
                }
                i++;
                line++;
                col = 1;
                fieldLine = line;
                fieldCol = 1;
                continue;
            }
            lineStart = false;
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                        col += 2;
                        continue;
                    }
                    quoted = false;
                    i++;
                    col++;
                    continue;
                }
                field.append(ch);
                i++;
                if (ch == '\n') {
                    line++;
                    col = 1;
                } else {
                    col++;
                }
                continue;
            }
            if (ch == '"' && field.length() == 0 && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
                i++;
                col++;
                continue;
            }
            if (ch == ',') {
                row.add(new Cell(field.toString(), fieldLine, fieldCol));
                field.setLength(0);
                wasQuoted = false;
                i++;
                col++;
                fieldLine = line;
                fieldCol = col;
                continue;
            }
            if (ch == '\r' || ch == '\n') {
                row.add(new Cell(field.toString(), fieldLine, fieldCol));
                field.setLength(0);
                boolean blankLine = row.size() == 1 && row.get(0).text().isBlank() && !wasQuoted;
                wasQuoted = false;
                if (!blankLine) {
                    rows.add(row);
                }
                row = new ArrayList<>();
                i += ch == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n' ? 2 : 1;
                line++;
                col = 1;
                fieldLine = line;
                fieldCol = 1;
                lineStart = true;
                continue;
            }
            field.append(ch);
            i++;
            col++;
        }
        if (quoted) {
            throw new Problem(file + ":" + fieldLine + ":" + fieldCol + ": a quoted field is never closed "
                    + "(expected a closing \" before the end of the file)");
        }
        if (field.length() > 0 || !row.isEmpty() || wasQuoted) {
            row.add(new Cell(field.toString(), fieldLine, fieldCol));
            if (!(row.size() == 1 && row.get(0).text().isBlank() && !wasQuoted)) {
                rows.add(row);
            }
        }
        return rows;
    }
}
