package org.payrisk.analysis;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.payrisk.scenario.ScenarioPath;
import org.payrisk.stats.CsvText;
import org.payrisk.stats.CsvText.Cell;

/**
 * The practices of a population, read from a profiles CSV: one row per practice, a column {@code id}
 * (unique, non-empty text), an optional column {@code weight} (how many practices the row stands
 * for, a finite number &gt; 0, default 1), and any number of columns named by scenario field paths
 * ({@code practice.clinicians}, {@code demand.payers.medicare},
 * {@code demand.newEpisodesPerMonth.negativeBinomial.mean}, ...) whose cells override the base
 * scenario for that practice. An empty override cell keeps the base scenario's value.
 *
 * <p>The file is RFC 4180 CSV in UTF-8 (a byte-order mark is skipped); a line starting with {@code #}
 * outside a quoted field is a comment (where a generated file states its sources and assumptions);
 * blank lines are skipped. Whether each override makes a valid scenario is checked by
 * {@link Population#of}, which names the row and column; this class checks the file's shape, the ids,
 * the weights and that every cell is a number.
 *
 * @param file the file as named by the user (what messages print)
 * @param columns the override columns' paths, in file order (not {@code id} or {@code weight})
 * @param rows the practices, in file order
 */
public record PracticeProfiles(Path file, List<Column> columns, List<Row> rows) {

    /** Largest profiles file read, in bytes: far beyond any population a run could simulate. */
    public static final long MAX_BYTES = 64L * 1024 * 1024;

    /** Name of the id column. */
    public static final String ID = "id";

    /** Name of the weight column. */
    public static final String WEIGHT = "weight";

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    /**
     * One override column.
     *
     * @param path the field it sets
     * @param text the header as written
     * @param field 1-based field number in the row
     * @param line the header's line
     * @param col the header cell's column (characters, 1-based)
     */
    public record Column(ScenarioPath path, String text, int field, int line, int col) {
    }

    /**
     * One practice.
     *
     * @param number 1-based row number among the practices (not counting the header or comments)
     * @param line the row's line in the file
     * @param id the practice's id
     * @param weight how many practices it stands for
     * @param values one per column, NaN where the cell is empty (keep the base value)
     * @param cols the column (characters, 1-based) of each override cell, for messages
     */
    public record Row(int number, int line, String id, double weight, double[] values, int[] cols) {
    }

    /** Copies the lists. */
    public PracticeProfiles {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /**
     * @param row a row
     * @param column index into {@link #columns()}
     * @return {@code FILE:LINE:COL: row N (practice ID), column PATH}
     */
    public String where(Row row, int column) {
        return file + ":" + row.line() + ":" + row.cols()[column] + ": row " + row.number() + " (practice " + quote(row.id())
                + "), column " + columns.get(column).text();
    }

    /**
     * @param row a row
     * @return {@code FILE:LINE: row N (practice ID)}
     */
    public String where(Row row) {
        return file + ":" + row.line() + ": row " + row.number() + " (practice " + quote(row.id()) + ")";
    }

    /**
     * Reads and checks a profiles file.
     *
     * @param file the file
     * @return the practices
     * @throws AnalysisInputException when the file cannot be read, has no {@code id} column, has a
     *     header that is not a field path or is repeated, a row of the wrong length, an empty or
     *     repeated id, or a cell that is not a (finite, for weights positive) number; each message
     *     names the file, line, column, row and field, what was expected and what was found
     */
    public static PracticeProfiles read(Path file) throws AnalysisInputException {
        List<List<Cell>> records = csv(file);
        if (records.isEmpty()) {
            throw new AnalysisInputException(file + ": expected a header row naming the columns (id, then field paths such "
                    + "as practice.clinicians), found no rows");
        }
        List<Cell> header = records.get(0);
        int idField = -1;
        int weightField = -1;
        List<Column> columns = new ArrayList<>();
        Map<String, Cell> seen = new HashMap<>();
        for (int j = 0; j < header.size(); j++) {
            Cell h = header.get(j);
            String name = h.text().strip();
            Cell before = seen.put(name, h);
            if (before != null) {
                throw new AnalysisInputException(at(file, h) + ": the header names column " + quote(name) + " twice (fields "
                        + (header.indexOf(before) + 1) + " and " + (j + 1) + "); expected each column once");
            }
            if (name.equals(ID)) {
                idField = j;
            } else if (name.equals(WEIGHT)) {
                weightField = j;
            } else {
                ScenarioPath path;
                try {
                    path = ScenarioPath.parse(name);
                } catch (IllegalArgumentException e) {
                    throw new AnalysisInputException(at(file, h) + ": header field " + (j + 1) + ": expected id, weight or a "
                            + "scenario field path; " + e.getMessage());
                }
                columns.add(new Column(path, name, j + 1, h.line(), h.col()));
            }
        }
        if (idField < 0) {
            throw new AnalysisInputException(at(file, header.get(0)) + ": expected a column named id (one unique id per "
                    + "practice), found the columns " + String.join(", ", header.stream().map(c -> c.text().strip()).toList()));
        }
        List<Row> rows = new ArrayList<>();
        Map<String, Row> ids = new HashMap<>();
        for (int i = 1; i < records.size(); i++) {
            List<Cell> rec = records.get(i);
            int number = i;
            int line = rec.get(0).line();
            if (rec.size() != header.size()) {
                Cell last = rec.get(rec.size() - 1);
                throw new AnalysisInputException(at(file, last) + ": row " + number + ": expected " + header.size() + " fields "
                        + "like the header, found " + rec.size() + (rec.size() > header.size()
                        ? " (a text cell holding a comma must be in double quotes)" : " (fill the missing cells)"));
            }
            Cell idCell = rec.get(idField);
            String id = idCell.text().strip();
            if (id.isEmpty()) {
                throw new AnalysisInputException(at(file, idCell) + ": row " + number + ", column id: expected a practice id, "
                        + "found an empty cell");
            }
            double weight = 1;
            if (weightField >= 0) {
                Cell w = rec.get(weightField);
                String text = w.text().strip();
                weight = NUMBER.matcher(text).matches() ? Double.parseDouble(text) : Double.NaN;
                if (!(weight > 0) || !Double.isFinite(weight)) {
                    throw new AnalysisInputException(at(file, w) + ": row " + number + " (practice " + quote(id)
                            + "), column weight: expected a finite number > 0 (how many practices the row stands for), found "
                            + found(text));
                }
            }
            double[] values = new double[columns.size()];
            int[] cols = new int[columns.size()];
            for (int c = 0; c < columns.size(); c++) {
                Column column = columns.get(c);
                Cell cell = rec.get(column.field() - 1);
                String text = cell.text().strip();
                cols[c] = cell.col();
                if (text.isEmpty()) {
                    values[c] = Double.NaN;
                    continue;
                }
                double v = NUMBER.matcher(text).matches() ? Double.parseDouble(text) : Double.NaN;
                if (!Double.isFinite(v)) {
                    throw new AnalysisInputException(at(file, cell) + ": row " + number + " (practice " + quote(id) + "), column "
                            + column.text() + ": field " + column.path() + ": expected a finite number (or an empty cell to "
                            + "keep the scenario's value), found " + found(text));
                }
                values[c] = v;
            }
            Row row = new Row(number, line, id, weight, values, cols);
            Row twin = ids.put(id, row);
            if (twin != null) {
                throw new AnalysisInputException(at(file, idCell) + ": row " + number + ", column id: expected a unique "
                        + "practice id (its seed is derived from it), found " + quote(id) + ", already the id of row "
                        + twin.number() + " (line " + twin.line() + ")");
            }
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw new AnalysisInputException(file + ": expected at least one practice, found a header row only");
        }
        return new PracticeProfiles(file, columns, rows);
    }

    private static String found(String text) {
        return text.isEmpty() ? "an empty cell" : quote(text.length() > 40 ? text.substring(0, 37) + "..." : text);
    }

    static String quote(String s) {
        return "\"" + s + "\"";
    }

    private static String at(Path file, Cell c) {
        return file + ":" + c.line() + ":" + c.col();
    }

    private static List<List<Cell>> csv(Path file) throws AnalysisInputException {
        try {
            return CsvText.records(file, CsvText.read(file, MAX_BYTES, " (--practices expects a profiles CSV file)"), true);
        } catch (CsvText.Problem e) {
            throw new AnalysisInputException(e.getMessage());
        }
    }
}
