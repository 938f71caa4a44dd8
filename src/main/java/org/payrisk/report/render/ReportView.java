package org.payrisk.report.render;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.payrisk.report.SummaryJson.Document;
import org.payrisk.stats.ActivitySummary;
import org.payrisk.stats.CashSummary;
import org.payrisk.stats.MetricSummary;
import org.payrisk.stats.ModelSummary;
import org.payrisk.stats.PairedComparison;

/**
 * Everything {@code report.mustache} shows, already formatted as text: the template only arranges it
 * and escapes it. Money in the report's tables is whole dollars (the full-precision figures behind the
 * briefing's rounded ones); probabilities are percentages with two decimals. Thread safe: immutable.
 *
 * @param title page title
 * @param scenarioName the scenario's name
 * @param trials trial count with separators
 * @param horizonMonths months in one simulated year
 * @param brief the plain-language findings, repeated at the top of the report
 * @param rows headline table rows, three per model (net income, revenue, costs)
 * @param comparisons paired comparison rows
 * @param activity patient activity rows
 * @param figures the charts with captions and inline SVG
 * @param cashRows the bank-balance table, one row per model; empty when the summary has no cash view
 * @param cashFigures the cumulative-cash fan charts, one per model; empty when the summary has no cash view
 * @param sensitivity the "What drives the risk" section; null when the summary has no sensitivity
 * @param incentives the "How each model pays for behaviour" section; null for a run without responses
 * @param howSure the "How sure are we" section; null without parameter uncertainty or correlated inputs
 * @param startingReserve the scenario's starting reserve as dollars, empty when the scenario copy has none
 * @param scenarioFile name of the scenario copy, empty when the run has none
 * @param assumptions every scenario input
 * @param methods methods as label/value pairs
 * @param crn what common random numbers mean here, in words
 * @param provenance provenance as label/value pairs
 */
record ReportView(String title, String scenarioName, String trials, int horizonMonths, Brief brief,
                  List<MetricRow> rows, List<ComparisonRow> comparisons, List<ActivityRow> activity,
                  List<Figure> figures, List<CashRow> cashRows, List<Figure> cashFigures, SensitivityView sensitivity,
                  IncentivesView incentives, HowSureView howSure, String startingReserve,
                  String scenarioFile, List<ScenarioAssumptions.Assumption> assumptions,
                  List<Item> methods, String crn, List<Item> provenance) {

    ReportView {
        rows = List.copyOf(rows);
        comparisons = List.copyOf(comparisons);
        activity = List.copyOf(activity);
        figures = List.copyOf(figures);
        cashRows = List.copyOf(cashRows);
        cashFigures = List.copyOf(cashFigures);
        assumptions = List.copyOf(assumptions);
        methods = List.copyOf(methods);
        provenance = List.copyOf(provenance);
    }

    boolean hasComparisons() {
        return !comparisons.isEmpty();
    }

    boolean hasCash() {
        return !cashRows.isEmpty();
    }

    boolean hasSensitivity() {
        return sensitivity != null;
    }

    boolean hasResponses() {
        return incentives != null;
    }

    boolean hasStartingReserve() {
        return !startingReserve.isEmpty();
    }

    boolean hasActivity() {
        return !activity.isEmpty();
    }

    boolean hasAssumptions() {
        return !assumptions.isEmpty();
    }

    /**
     * One row of the headline table.
     *
     * @param first whether this is the model's first row (it carries the model cell)
     * @param model model name
     * @param colour the model's chart colour as CSS hex
     * @param metric which quantity (net income, revenue, costs)
     * @param mean mean, dollars
     * @param meanStdError standard error of the mean, dollars
     * @param p05 5th percentile, dollars
     * @param p50 median, dollars
     * @param p95 95th percentile, dollars
     * @param worst5Mean mean of the worst 5% of years, dollars
     * @param probLoss chance of a value below zero, percent
     * @param probLossMcse its Monte Carlo standard error, percent (a dash when not estimated)
     */
    record MetricRow(boolean first, String model, String colour, String metric, String mean, String meanStdError,
                     String p05, String p50, String p95, String worst5Mean, String probLoss, String probLossMcse) {
    }

    /**
     * One model's bank balance, formatted.
     *
     * @param model model name
     * @param colour the model's chart colour as CSS hex
     * @param probNegative chance the balance is below zero at the end of any month, percent
     * @param probNegativeStdError its standard error, percent
     * @param minBalanceP50 median of the lowest end-of-month balance, dollars
     * @param minBalanceP05 5th percentile of the lowest end-of-month balance, dollars
     * @param endBalanceP50 median balance at the end of the horizon, dollars
     * @param runwayP50 median months of average costs the lowest balance covers
     */
    record CashRow(String model, String colour, String probNegative, String probNegativeStdError,
                   String minBalanceP50, String minBalanceP05, String endBalanceP50, String runwayP50) {
    }

    /** One paired comparison, formatted (dollars and percent). */
    record ComparisonRow(String a, String b, String colourA, String colourB, String meanDifference,
                         String meanDifferenceStdError, String probAGreater, String probAGreaterStdError,
                         String p05, String p50, String p95) {
    }

    /** One patient activity statistic per simulated year. */
    record ActivityRow(String name, String mean, String p05, String p50, String p95) {
    }

    /**
     * A chart in the report.
     *
     * @param slug chart file name without extension
     * @param title chart title (also the figure's accessible name)
     * @param caption how to read it, one sentence
     * @param svg inline SVG element generated by payrisk (inserted unescaped)
     */
    record Figure(String slug, String title, String caption, String svg) {
    }

    /** A label and its value. */
    record Item(String label, String value) {
    }

    /** Builds the view from a run's files and its rendered charts. */
    static ReportView of(Document s, Optional<RunInfo> run, Optional<ScenarioAssumptions.Scenario> scenario,
                         Brief brief, List<Figure> figures, List<Figure> cashFigures, List<Figure> sensitivityFigures) {
        List<MetricRow> rows = new ArrayList<>();
        for (int i = 0; i < s.models().size(); i++) {
            ModelSummary m = s.models().get(i);
            String colour = ChartStyle.hex(ChartStyle.modelColour(i));
            rows.add(metricRow(true, m.name(), colour, "Net income", m.netIncome()));
            rows.add(metricRow(false, m.name(), colour, "Revenue", m.revenue()));
            rows.add(metricRow(false, m.name(), colour, "Costs", m.costs()));
        }

        List<CashRow> cashRows = new ArrayList<>();
        if (s.hasCash()) {
            for (int i = 0; i < s.models().size(); i++) {
                ModelSummary m = s.models().get(i);
                CashSummary c = m.cash();
                cashRows.add(new CashRow(m.name(), ChartStyle.hex(ChartStyle.modelColour(i)),
                        pct(c.probNegativeAnyMonth()), pct(c.probNegativeAnyMonthStdError()),
                        money(c.minBalance().percentile(50)), money(c.minBalance().percentile(5)),
                        money(c.endBalance().percentile(50)),
                        months(c.runwayMonths().percentile(50))));
            }
        }

        List<ComparisonRow> comparisons = new ArrayList<>();
        for (PairedComparison c : s.summary().comparisons()) {
            comparisons.add(new ComparisonRow(c.a(), c.b(),
                    ChartStyle.hex(ChartStyle.modelColour(s.modelIndex(c.a()))),
                    ChartStyle.hex(ChartStyle.modelColour(s.modelIndex(c.b()))),
                    money(c.meanDifference()), money(c.meanDifferenceStdError()),
                    pct(c.probAGreater()), pct(c.probAGreaterStdError()),
                    money(c.differenceQuantiles()[0]), money(c.differenceQuantiles()[2]),
                    money(c.differenceQuantiles()[4])));
        }

        List<ActivityRow> activity = new ArrayList<>();
        for (Map.Entry<String, ActivitySummary> e : s.summary().activity().entrySet()) {
            ActivitySummary a = e.getValue();
            activity.add(new ActivityRow(activityLabel(e.getKey()), count(a.mean()), count(a.p05()), count(a.p50()),
                    count(a.p95())));
        }

        List<Item> methods = new ArrayList<>();
        methods.add(new Item("Simulated years (trials)", PlainNumbers.count(s.trials())));
        methods.add(new Item("Horizon", s.horizonMonths() + " months"
                + (s.warmUpMonths().isPresent() ? ", after " + s.warmUpMonths().getAsInt() + " warm-up months that are "
                        + "simulated and discarded so the practice starts the year with a realistic caseload" : "")));
        methods.add(new Item("Seed", Long.toString(s.seed())));
        addIfPresent(methods, "Random number generator", s.generator());
        addIfPresent(methods, "Quantile estimator", s.quantileMethod());
        addIfPresent(methods, "Monte Carlo standard errors", s.mcseMethod());
        methods.add(new Item("Worst 5% mean", "the mean over the lowest 5% of simulated years (expected shortfall, "
                + "stated as income)"));
        methods.add(new Item("Chance of a loss", "the share of simulated years with net income below zero"));

        String crn = "Common random numbers: every payment model is paid for the very same simulated patients in "
                + "each trial (same referrals, cancellations, visits and billed units), so the differences between "
                + "models are differences in how the practice is paid, not noise between separate runs. That is why "
                + "the paired comparisons are far more precise than comparing two means would suggest.";

        List<Item> provenance = new ArrayList<>();
        addIfPresent(provenance, "payrisk version", s.payriskVersion());
        run.ifPresent(r -> {
            if (!r.payriskVersion().isEmpty() && !r.payriskVersion().equals(s.payriskVersion())) {
                provenance.add(new Item("payrisk version (run.json)", r.payriskVersion()));
            }
        });
        addIfPresent(provenance, "Scenario file", s.scenarioFile());
        String sha = s.scenarioSha256().isEmpty() ? run.map(RunInfo::inputSha256).orElse("") : s.scenarioSha256();
        addIfPresent(provenance, "Scenario SHA-256", sha);
        run.ifPresent(r -> {
            addIfPresent(provenance, "Run started (UTC)", r.startedAt());
            addIfPresent(provenance, "Engine", r.engine() + (r.threads().isEmpty() ? "" : ", " + r.threads()
                    + " threads"));
            addIfPresent(provenance, "Java", r.javaVersion());
            addIfPresent(provenance, "Operating system", r.os());
            addIfPresent(provenance, "Command", r.command());
            addIfPresent(provenance, "Simulation time", r.simulationSeconds().isEmpty() ? "" : r.simulationSeconds() + " s");
        });
        if (run.isEmpty()) {
            provenance.add(new Item("run.json", "not present in this run directory"));
        }

        return new ReportView("Income risk report: " + s.scenarioName(), s.scenarioName(),
                PlainNumbers.count(s.trials()), s.horizonMonths(), brief, rows, comparisons, activity, figures,
                cashRows, s.hasCash() ? cashFigures : List.of(), SensitivityView.of(s, sensitivityFigures).orElse(null),
                s.summary().responses() == null ? null : IncentivesView.of(s.summary().responses()),
                HowSureView.of(s),
                scenario.flatMap(sc -> sc.startingReserve().isPresent()
                        ? Optional.of(money(sc.startingReserve().getAsDouble())) : Optional.empty()).orElse(""),
                scenario.map(sc -> sc.file().getFileName().toString()).orElse(""),
                scenario.map(ScenarioAssumptions.Scenario::assumptions).orElse(List.of()),
                methods, crn, provenance);
    }

    private static MetricRow metricRow(boolean first, String model, String colour, String label, MetricSummary m) {
        return new MetricRow(first, model, colour, label, money(m.mean()), money(m.meanStdError()),
                money(m.percentile(5)), money(m.percentile(50)), money(m.percentile(95)), money(m.worst5Mean()), pct(m.probLoss()),
                m.mcse() == null ? "\u2014" : pct(m.mcse().probLoss()));
    }

    private static void addIfPresent(List<Item> items, String label, String value) {
        if (value != null && !value.isBlank()) {
            items.add(new Item(label, value));
        }
    }

    private static String activityLabel(String key) {
        return switch (key) {
            case "episodes" -> "New episodes of care accepted";
            case "refusedEpisodes" -> "Episodes refused for lack of capacity";
            case "attendedVisits" -> "Attended visits (evaluations included)";
            case "units" -> "Billed units of attended follow-ups";
            default -> Brief.humanize(key);
        };
    }

    private static String money(double v) {
        if (Double.isNaN(v)) {
            return "n/a"; // a standard error of a single trial
        }
        // DecimalFormat keeps the sign of a value that rounds to zero ("-$0"); a reader should see "$0".
        return ChartStyle.moneyFormat().format(Math.abs(v) < 0.5 ? 0.0 : v);
    }

    private static String pct(double p) {
        return new DecimalFormat("0.00%", DecimalFormatSymbols.getInstance(Locale.US)).format(p);
    }

    /** Months with one decimal: {@code 3.4}, {@code -0.8} (overdrawn by most of a month's costs). */
    private static String months(double v) {
        return new DecimalFormat("#,##0.0", DecimalFormatSymbols.getInstance(Locale.US)).format(
                Math.abs(v) < 0.05 ? 0.0 : v);
    }

    private static String count(double v) {
        return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.US)).format(v);
    }
}
