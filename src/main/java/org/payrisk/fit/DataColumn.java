package org.payrisk.fit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.payrisk.stats.CsvText;
import org.payrisk.stats.CsvText.Cell;

/**
 * One numeric column of a CSV file, with where each value came from, so a bad value can be named by
 * file:line:column and row.
 *
 * <p>The file is RFC 4180 CSV in UTF-8 (a byte-order mark is skipped): a header row naming the
 * columns, then one record per row, fields separated by commas, a field in double quotes may hold
 * commas, line breaks and doubled quotes. Every cell of the chosen column must be a plain decimal
 * number ({@code 12}, {@code -0.5}, {@code 1.2e3}); an empty cell, {@code NA}, {@code NaN} or
 * {@code Infinity} is refused rather than skipped, so no row is silently left out of a fit.
 *
 * <p>Immutable; the arrays are copied in and out.
 *
 * @param file the file the column was read from
 * @param column the column's header name
 * @param values the values, in row order
 * @param lines the line (1-based) each value's cell starts on
 * @param columns the character column (1-based) each value's cell starts at
 */
public record DataColumn(Path file, String column, double[] values, int[] lines, int[] columns) {

    /** Largest file read (bytes): a column of a million numbers is a few MB. */
    public static final long MAX_BYTES = 256L * 1024 * 1024;

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    /** Copies the arrays; they must have the same length. */
    public DataColumn {
        if (values.length != lines.length || values.length != columns.length) {
            throw new IllegalArgumentException("values, lines and columns differ in length");
        }
        values = values.clone();
        lines = lines.clone();
        columns = columns.clone();
    }

    /** @return a copy of the values */
    @Override
    public double[] values() {
        return values.clone();
    }

    /** @return how many values */
    public int size() {
        return values.length;
    }

    /** @return {@code <file name>:<column>}, as written in the YAML comment */
    public String label() {
        return file.getFileName() + ":" + column;
    }

    /**
     * Where value {@code i} came from: {@code file:line:col: row R, column "c"}.
     *
     * @param i index of the value, 0-based
     * @return the location prefix of an error message
     */
    public String where(int i) {
        return file + ":" + lines[i] + ":" + columns[i] + ": row " + (i + 1) + ", column \"" + column + "\"";
    }

    /**
     * Reads one column.
     *
     * @param file a CSV file with a header row
     * @param column the header name of the column
     * @return the column's values
     * @throws DataException when the file cannot be read, the column is missing, or a cell is not a number
     */
    public static DataColumn read(Path file, String column) throws DataException {
        List<List<Cell>> rows = csv(file);
        if (rows.isEmpty()) {
            throw new DataException(file + ": expected a header row naming the columns, found an empty file");
        }
        List<Cell> header = rows.get(0);
        int index = -1;
        List<String> names = new ArrayList<>();
        for (int j = 0; j < header.size(); j++) {
            String name = header.get(j).text().strip();
            names.add(name);
            if (name.equals(column)) {
                if (index >= 0) {
                    throw new DataException(file + ":" + header.get(j).line() + ":" + header.get(j).col()
                            + ": the header names column \"" + column + "\" twice (fields " + (index + 1) + " and " + (j + 1)
                            + "); rename one");
                }
                index = j;
            }
        }
        if (index < 0) {
            String nearest = nearest(column, names);
            boolean semicolons = header.size() == 1 && names.get(0).contains(";");
            throw new DataException(file + ":" + header.get(0).line() + ":1: no column \"" + column + "\" in the header"
                    + (nearest != null ? "; did you mean \"" + nearest + "\"?" : "")
                    + " Columns: " + String.join(", ", names) + "."
                    + (semicolons ? " The header is one field holding semicolons: payrisk reads comma-separated CSV "
                            + "(export with commas, and with points for decimals)." : ""));
        }
        int n = rows.size() - 1;
        double[] values = new double[n];
        int[] lines = new int[n];
        int[] cols = new int[n];
        for (int i = 0; i < n; i++) {
            List<Cell> row = rows.get(i + 1);
            if (row.size() != header.size()) {
                // a row longer than the header usually holds an unquoted comma, which shifts every later cell:
                // reading on would fit the wrong numbers
                Cell last = row.get(row.size() - 1);
                throw new DataException(file + ":" + last.line() + ":" + last.col() + ": row " + (i + 1) + " has "
                        + row.size() + " field" + (row.size() == 1 ? "" : "s") + ", the header " + header.size()
                        + " (column \"" + column + "\" is field " + (index + 1) + "); "
                        + (row.size() > header.size() ? "a text cell holding a comma must be in double quotes"
                                : "fill the missing cells"));
            }
            Cell c = row.get(index);
            String text = c.text().strip();
            lines[i] = c.line();
            cols[i] = c.col();
            if (!NUMBER.matcher(text).matches()) {
                throw new DataException(file + ":" + c.line() + ":" + c.col() + ": row " + (i + 1) + ", column \"" + column
                        + "\": expected a number, found " + (text.isEmpty() ? "an empty cell (fill it or remove the row)"
                                : "\"" + abbreviate(text) + "\""));
            }
            values[i] = Double.parseDouble(text);
            if (!Double.isFinite(values[i])) {
                throw new DataException(file + ":" + c.line() + ":" + c.col() + ": row " + (i + 1) + ", column \"" + column
                        + "\": expected a finite number, found \"" + abbreviate(text) + "\"");
            }
        }
        if (n == 0) {
            throw new DataException(file + ": column \"" + column + "\" has no values (the file has a header row only)");
        }
        return new DataColumn(file, column, values, lines, cols);
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }

    private static List<List<Cell>> csv(Path file) throws DataException {
        try {
            return CsvText.records(file, CsvText.read(file, MAX_BYTES, ""), false);
        } catch (CsvText.Problem e) {
            throw new DataException(e.getMessage());
        }
    }

    /** The nearest name within a Levenshtein distance of max(2, length / 3), case-insensitive, or null. */
    static String nearest(String name, List<String> known) {
        return org.payrisk.stats.EditDistance.nearest(name, known);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataColumn d && file.equals(d.file) && column.equals(d.column)
                && Arrays.equals(values, d.values) && Arrays.equals(lines, d.lines) && Arrays.equals(columns, d.columns);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * file.hashCode() + column.hashCode()) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "DataColumn[" + label() + ", " + values.length + " values]";
    }
}
