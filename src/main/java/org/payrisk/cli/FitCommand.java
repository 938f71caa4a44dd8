package org.payrisk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.payrisk.dist.Binomial;
import org.payrisk.fit.DataColumn;
import org.payrisk.fit.DataException;
import org.payrisk.fit.FamilyFit;
import org.payrisk.fit.FitKind;
import org.payrisk.fit.FitResult;
import org.payrisk.fit.Fitter;
import org.payrisk.fit.GoodnessOfFit;
import org.payrisk.fit.Parameter;
import org.payrisk.fit.Snippet;
import org.payrisk.report.FitJson;
import org.payrisk.report.RunDirectory;
import org.payrisk.report.Version;
import org.payrisk.report.render.FitCharts;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code payrisk fit}: fit distributions to one column of a CSV file and print the best as scenario YAML. */
@Command(name = "fit", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Fit every suitable distribution family to one column of a CSV file by maximum likelihood, "
                + "rank them by AIC, test each one's fit, and print the best as a line to paste into a scenario. "
                + "Writes fit.json and a Q-Q (or, for counts, P-P) chart into a new output folder."})
final class FitCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DATA.csv", description = "CSV file with a header row (UTF-8).")
    Path dataFile;

    @Option(names = "--column", required = true, paramLabel = "NAME", description = "The column to fit (its header name).")
    String column;

    @Option(names = "--kind", paramLabel = "KIND", converter = KindConverter.class,
            description = "count, continuous or probability (default: counts if every value is a whole number >= 0, "
                    + "else probability if every value is in [0, 1], else continuous).")
    FitKind kind;

    @Option(names = "--n", paramLabel = "N", description = "Counts only: the binomial's number of trials, "
            + "so the binomial is fitted too (every count must be at most N).")
    Integer binomialN;

    @Option(names = "--bootstrap", paramLabel = "B", description = "Parametric bootstrap samples for the p-values "
            + "of continuous and probability fits, " + Fitter.MIN_BOOTSTRAP + " to " + FitCommand.MAX_BOOTSTRAP
            + " (default " + Fitter.DEFAULT_BOOTSTRAP + ").")
    Integer bootstrap;

    @Option(names = "--seed", paramLabel = "S", description = "Bootstrap seed (default: taken from the data, "
            + "so the same data give the same p-values).")
    Long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: output/<data file stem>-fit).")
    Path out;

    @Option(names = "--force", description = "Replace an existing output folder.")
    boolean force;

    @Option(names = "--quiet", description = "Print only the YAML line (and errors).")
    boolean quiet;

    @Mixin
    DebugOption debugOption;

    @Spec
    CommandLine.Model.CommandSpec spec;

    static final int MAX_BOOTSTRAP = 100_000;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        int b = bootstrap != null ? bootstrap : Fitter.DEFAULT_BOOTSTRAP;
        if (b < Fitter.MIN_BOOTSTRAP || b > MAX_BOOTSTRAP) {
            throw new UserInputException("--bootstrap: expected a whole number in [" + Fitter.MIN_BOOTSTRAP + ", "
                    + MAX_BOOTSTRAP + "], found " + b);
        }
        int n = 0;
        if (binomialN != null) {
            if (binomialN < 1 || binomialN > Binomial.MAX_N) {
                throw new UserInputException("--n: expected a whole number in [1, " + Binomial.MAX_N + "], found " + binomialN);
            }
            if (kind != null && kind != FitKind.COUNT) {
                throw new UserInputException("--n: the binomial fits counts, but --kind is " + kind.label()
                        + "; drop --n or use --kind count");
            }
            n = binomialN;
        }
        Path target = out != null ? out : Path.of("output", stem(dataFile) + "-fit");
        Map<Path, String> keep = Map.of(dataFile, "the data file " + dataFile,
                Path.of("").toAbsolutePath(), "the current folder");
        // a folder that cannot be used fails before the bootstrap runs
        RunDirectory.checkTarget(target, force, keep);
        FitResult result;
        byte[] bytes;
        try {
            DataColumn data = DataColumn.read(dataFile, column);
            bytes = Files.readAllBytes(dataFile);
            result = Fitter.fit(data, kind, n, b, seed);
        } catch (DataException e) {
            throw new UserInputException(e.getMessage());
        }
        Outputs.recover(spec, target);
        RunDirectory dir = RunDirectory.stage(target, force, keep);
        boolean committed = false;
        List<String> files = new ArrayList<>();
        try {
            Path staging = dir.staging();
            Files.write(staging.resolve("fit.json"), FitJson.toBytes(result, sha256(bytes)));
            files.add("fit.json");
            for (Path p : FitCharts.write(result, staging)) {
                files.add(staging.relativize(p).toString());
            }
            Files.write(staging.resolve("run.json"), runJson(bytes, result));
            dir.commit();
            committed = true;
        } finally {
            if (!committed) {
                dir.abandon();
            }
        }
        if (quiet) {
            stdout.println(Snippet.yaml(result, result.winner()));
        } else {
            print(stdout, result, dir.target(), files);
        }
        stdout.flush();
        return 0;
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private byte[] runJson(byte[] input, FitResult r) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode o = mapper.createObjectNode();
        o.put("payriskVersion", Version.get());
        o.put("command", "payrisk fit " + dataFile + " --column " + column);
        o.put("inputFile", dataFile.toAbsolutePath().normalize().toString());
        o.put("inputSha256", sha256(input));
        o.put("seed", r.seed());
        o.put("bootstrapSamples", r.bootstrapSamples());
        o.put("javaVersion", System.getProperty("java.version"));
        return (mapper.writeValueAsString(o) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static void print(PrintWriter out, FitResult r, Path target, List<String> files) {
        out.printf(Locale.ROOT, "%s: %,d values, %s data%s%n%n", r.data().label(), r.data().size(), r.kind().label(),
                r.kindInferred() ? " (inferred from the values; --kind overrides)" : "");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"family", "parameters (+/- standard error)", "log-lik", "AIC", "dAIC", "goodness of fit"});
        for (FamilyFit f : r.fits()) {
            List<String> ps = new ArrayList<>();
            for (Parameter p : f.parameters()) {
                ps.add(p.name() + " " + (p.fixed() ? Long.toString((long) p.value())
                        : sig(p.value()) + " +/- " + sig(p.standardError())));
            }
            rows.add(new String[] {f.family(), String.join(", ", ps), String.format(Locale.ROOT, "%.1f", f.logLikelihood()),
                String.format(Locale.ROOT, "%.1f", f.aic()), String.format(Locale.ROOT, "%.1f", f.aic() - r.winner().aic()),
                f.test().describe()});
        }
        int[] w = new int[6];
        for (String[] row : rows) {
            for (int i = 0; i < 6; i++) {
                w[i] = Math.max(w[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            out.printf(Locale.ROOT, "%-" + w[0] + "s  %-" + w[1] + "s  %" + w[2] + "s  %" + w[3] + "s  %" + w[4] + "s  %s%n",
                    (Object[]) row);
        }
        for (FitResult.Skipped s : r.skipped()) {
            out.printf("%s: %s%n", s.family(), s.reason());
        }
        FamilyFit best = r.winner();
        out.printf("%nBest by AIC: %s. Paste into the scenario (rename the key to the field it describes):%n%n  %s%n",
                best.family(), Snippet.yaml(r, best));
        if (best.test().pValue() < 0.05) {
            out.printf("%nCaution: even the best family fails its goodness-of-fit test at the 5%% level (p = %s). With many "
                    + "values a test rejects small departures that may not matter; look at the chart, and consider "
                    + "{ empirical: { values: [...] } } (the data themselves) instead.%n",
                    GoodnessOfFit.formatP(best.test().pValue()));
        }
        out.printf("%nStandard errors: inverse observed Fisher information, delta method to these parameters. ");
        out.printf(r.kind() == FitKind.COUNT
                ? "Chi-square: cells pooled to expect >= 5 values, df = cells - 1 - estimated parameters.%n"
                : "p-values: parametric bootstrap of the Kolmogorov-Smirnov distance, %,d samples, seed %d.%n",
                r.bootstrapSamples(), r.seed());
        out.printf("%nWritten to %s (%s)%n", target, String.join(", ", files));
    }

    private static String sig(double v) {
        if (!Double.isFinite(v)) {
            return String.valueOf(v);
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /** Accepts the kind names of the command line, any letter case. */
    static final class KindConverter implements CommandLine.ITypeConverter<FitKind> {
        @Override
        public FitKind convert(String value) {
            for (FitKind k : FitKind.values()) {
                if (k.label().equalsIgnoreCase(value.strip())) {
                    return k;
                }
            }
            throw new CommandLine.TypeConversionException("expected count, continuous or probability, found '" + value + "'");
        }
    }
}
