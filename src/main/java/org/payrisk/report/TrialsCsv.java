package org.payrisk.report;

import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.payrisk.stats.TrialOutcomes;

/**
 * Writes trials.csv: one row per trial, the trial index first, then for each model its annual net
 * income, revenue, costs and lowest end-of-month cash balance, then the activity counters, then one
 * column {@code input:<path>} per recorded per-trial input (the value the trial drew; {@code NaN} when
 * it drew none, which R and pandas read as missing): the raw material for R or pandas
 * ({@code pd.read_csv("trials.csv")}). Written with Jackson's CSV generator, which quotes any cell holding a
 * comma, quote or line break.
 *
 * <p>A model name reaches the header, and a spreadsheet runs a cell that starts with {@code =}, {@code +},
 * {@code -} or {@code @} (or a tab or carriage return before one) as a formula. So, by the OWASP rule for
 * CSV injection, a name starting with one of those (or with their full-width forms, which some
 * spreadsheets also read as formulas) is written with a leading apostrophe; so is a name already starting
 * with an apostrophe, which keeps distinct names distinct. Other control characters are written as their
 * Unicode control pictures (ESC as U+241B). R and pandas read the file as before.
 */
public final class TrialsCsv {

    private TrialsCsv() {
    }

    /** Prefix of the header of a recorded input's column: {@code input:demand.cancellationRate}. */
    public static final String INPUT_PREFIX = "input:";

    /** Characters that make a spreadsheet read a cell as a formula when they start it. */
    private static final String FORMULA_START = "=+-@\t\r\uff1d\uff0b\uff0d\uff20";

    /**
     * A model name as it starts a header cell: an apostrophe in front when the name starts with a
     * formula character or an apostrophe (so the change is one to one), and C0 controls other than tab,
     * line feed and carriage return, DEL and C1 controls as visible stand-ins.
     *
     * @param name a model name
     * @return the text the header cells start with
     */
    public static String headerText(String name) {
        StringBuilder b = new StringBuilder(name.length() + 1);
        if (!name.isEmpty() && (FORMULA_START.indexOf(name.charAt(0)) >= 0 || name.charAt(0) == '\'')) {
            b.append('\'');
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                b.append((char) (0x2400 + c));
            } else if (c == 0x7f) {
                b.append('\u2421');
            } else if (c >= 0x80 && c <= 0x9f) {
                b.append('\ufffd');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * Writes every trial's row of a stored run (the whole run at once; see {@link Stream} for writing
     * block by block).
     *
     * @param outcomes the outcomes, offset 0
     * @param file the file (gzip-compressed when its name ends in {@code .gz})
     * @throws IOException when the file cannot be written
     */
    public static void write(TrialOutcomes outcomes, Path file) throws IOException {
        try (Stream s = new Stream(outcomes.models(), outcomes.inputs(), file)) {
            s.append(outcomes);
        }
    }

    /**
     * trials.csv written block by block, in trial order, as blocks are merged: only the current
     * block's rows are in memory, whatever the run's size. Column choice and cell text live in
     * {@link #schema} and {@link #writeRow}; this class only streams. Not thread safe: fed by one
     * thread (a {@link org.payrisk.stats.BlockMerger} listener is called one block at a time).
     */
    public static final class Stream implements AutoCloseable {
        private final List<String> models;
        private final OutputStream os;
        private final CsvGenerator g;
        private long next;

        /**
         * Opens the file and writes the header.
         *
         * @param models model names
         * @param inputs the recorded inputs' paths, in the blocks' order
         * @param file the file; gzip-compressed when its name ends in {@code .gz}
         * @throws IOException when it cannot be opened
         */
        public Stream(List<String> models, List<String> inputs, Path file) throws IOException {
            this.models = List.copyOf(models);
            OutputStream raw = Files.newOutputStream(file);
            OutputStream buffered = file.getFileName().toString().endsWith(".gz")
                    ? new BufferedOutputStream(new GZIPOutputStream(raw, 1 << 16), 1 << 16)
                    : new BufferedOutputStream(raw, 1 << 16);
            os = buffered;
            g = new CsvMapper().getFactory().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).createGenerator(os);
            g.setSchema(schema(this.models, inputs).setUseHeader(true).build());
        }

        /**
         * Appends a block's rows.
         *
         * @param block the next block: its first trial follows the last one written
         * @throws IOException when a row cannot be written
         */
        public void append(TrialOutcomes block) throws IOException {
            if (block.offset() != next) {
                throw new IllegalArgumentException("block: expected trials from " + next + ", found " + block.offset());
            }
            for (int t = 0; t < block.trials(); t++) {
                writeRow(g, block, t);
            }
            next += block.trials();
        }

        @Override
        public void close() throws IOException {
            try {
                g.close();
            } finally {
                os.close();
            }
        }
    }

    /** The columns, in order. */
    static CsvSchema.Builder schema(List<String> models, List<String> inputs) {
        CsvSchema.Builder schema = CsvSchema.builder().addColumn("trial");
        for (String name : models) {
            String m = headerText(name);
            schema.addColumn(m + ".netIncome").addColumn(m + ".revenue").addColumn(m + ".costs")
                    .addColumn(m + ".minCashBalance");
        }
        for (String a : TrialOutcomes.ACTIVITY) {
            schema.addColumn(a);
        }
        for (String path : inputs) {
            // A path holds model and case names; it starts with "input:", so only their control characters need care.
            schema.addColumn(headerText(INPUT_PREFIX + path));
        }
        return schema;
    }

    /** One trial's row (row {@code t} of the block, trial offset + t). */
    static void writeRow(CsvGenerator g, TrialOutcomes block, int t) throws IOException {
        int models = block.models().size();
        g.writeStartArray();
        g.writeNumber((long) block.offset() + t);
        for (int m = 0; m < models; m++) {
            g.writeNumber(block.netIncome(m, t));
            g.writeNumber(block.revenue(m, t));
            g.writeNumber(block.costs(m, t));
            g.writeNumber(block.minCashBalance(m, t));
        }
        for (int a = 0; a < TrialOutcomes.ACTIVITY.size(); a++) {
            g.writeNumber(block.activity(a, t));
        }
        for (int k = 0; k < block.inputs().size(); k++) {
            g.writeNumber(block.input(k, t));
        }
        g.writeEndArray();
    }
}
