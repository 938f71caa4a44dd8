package org.payrisk.report;

import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.payrisk.stats.TrialOutcomes;

/**
 * Writes trials.csv: one row per trial, the trial index first, then for each model its annual net
 * income, revenue, costs and lowest end-of-month cash balance, then the activity counters: the raw material for R or pandas
 * ({@code pd.read_csv("trials.csv")}). Written with Jackson's CSV generator.
 */
public final class TrialsCsv {

    private TrialsCsv() {
    }

    /**
     * @param outcomes the run's outcomes
     * @param file the file to write
     * @throws IOException on a write failure
     */
    public static void write(TrialOutcomes outcomes, Path file) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder().addColumn("trial");
        for (String m : outcomes.models()) {
            schema.addColumn(m + ".netIncome").addColumn(m + ".revenue").addColumn(m + ".costs")
                    .addColumn(m + ".minCashBalance");
        }
        for (String a : TrialOutcomes.ACTIVITY) {
            schema.addColumn(a);
        }
        CsvMapper mapper = new CsvMapper();
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
             CsvGenerator g = mapper.getFactory().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).createGenerator(os)) {
            g.setSchema(schema.setUseHeader(true).build());
            int models = outcomes.models().size();
            for (int t = 0; t < outcomes.trials(); t++) {
                g.writeStartArray();
                g.writeNumber(t);
                for (int m = 0; m < models; m++) {
                    g.writeNumber(outcomes.netIncome(m, t));
                    g.writeNumber(outcomes.revenue(m, t));
                    g.writeNumber(outcomes.costs(t));
                    g.writeNumber(outcomes.minCashBalance(m, t));
                }
                for (int a = 0; a < TrialOutcomes.ACTIVITY.size(); a++) {
                    g.writeNumber(outcomes.activity(a, t));
                }
                g.writeEndArray();
            }
        }
    }
}
