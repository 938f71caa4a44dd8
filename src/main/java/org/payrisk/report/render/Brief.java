package org.payrisk.report.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.payrisk.analysis.CertaintyEquivalents;
import org.payrisk.analysis.ParameterUncertainty;
import org.payrisk.report.SummaryJson.Document;
import org.payrisk.scenario.ScenarioFields;
import org.payrisk.scenario.ScenarioPath;
import org.payrisk.stats.ModelSummary;
import org.payrisk.stats.PairedComparison;
import org.payrisk.stats.Sensitivity;

/**
 * The one-page plain-language briefing: the same text goes to {@code brief.md} and {@code brief.html}.
 *
 * <p>Every dollar figure and percentage in the findings is a {@code summary.json} field passed through
 * {@link PlainNumbers}, and every finding names (by footnote) the field it comes from. A negative amount
 * is written as "a loss of $X" rather than "-$X", which reads badly in a sentence. Thread safe:
 * immutable.
 *
 * @param title the heading
 * @param scenarioName the scenario's name
 * @param intro one paragraph saying what was simulated
 * @param findings the results, the comparison the scenario exists for first
 * @param drivers key inputs from the scenario copy, as phrases (empty without a scenario copy)
 * @param driversSource where the inputs come from
 * @param limits what the numbers are not
 * @param sources the footnotes: which summary.json field each finding comes from
 * @param rounding the rounding rule, in words
 */
record Brief(String title, String scenarioName, String intro, List<Finding> findings, List<String> drivers,
             String driversSource, List<String> limits, List<Source> sources, String rounding) {

    Brief {
        findings = List.copyOf(findings);
        drivers = List.copyOf(drivers);
        limits = List.copyOf(limits);
        sources = List.copyOf(sources);
    }

    /** For the templates: whether there are drivers to list. */
    boolean hasDrivers() {
        return !drivers.isEmpty();
    }

    /**
     * One finding sentence.
     *
     * @param text the sentence
     * @param note number of the {@link Source} its figures come from
     */
    record Finding(String text, int note) {
    }

    /**
     * A footnote.
     *
     * @param number footnote number, from 1
     * @param field the summary.json field, e.g. {@code models[i].netIncome.p05}
     * @param meaning what the field is, in words
     */
    record Source(int number, String field, String meaning) {
    }

    /** Builds the briefing for a summary and, when present, its scenario copy. */
    static Brief of(Document s, Optional<ScenarioAssumptions.Scenario> scenario) {
        List<ModelSummary> models = s.models();
        List<String> names = models.stream().map(ModelSummary::name).toList();
        String trials = PlainNumbers.count(s.trials());
        String years = s.horizonMonths() == 12 ? "year" : s.horizonMonths() + "-month period";

        String intro = "We simulated " + trials + " possible " + plural(years) + " of this practice and paid the same "
                + "patients under " + (names.size() == 1 ? "one model, " + names.get(0) + "."
                : "each model (" + Names.and(names) + "), so the differences come from how the practice is paid, not "
                + "from which patients came.");

        List<Finding> findings = new ArrayList<>();
        findings.add(new Finding(badYearSentence(models, years), 1));
        findings.add(new Finding(medianSentence(models, years), 2));
        findings.add(new Finding("The chance of a losing " + years + " is "
                + perModel(models, m -> m.netIncome().probLoss(), true) + ".", 3));
        if (!s.summary().comparisons().isEmpty()) {
            findings.add(new Finding(pairedSentence(s.summary().comparisons(), years), 4));
        }
        int worstNote = s.summary().comparisons().isEmpty() ? 4 : 5;
        findings.add(new Finding("Over the worst 1 " + years + " in 20, net income averages "
                + perModel(models, m -> m.netIncome().worst5Mean(), false) + ".", worstNote));

        int cashNote = worstNote + 1;
        if (s.hasCash()) {
            findings.add(new Finding(cashSentence(s, scenario, years), cashNote));
        }

        List<Source> sources = new ArrayList<>(List.of(
                new Source(1, "models[i].netIncome.p05", "5th percentile of net income"),
                new Source(2, "models[i].netIncome.p50", "median net income"),
                new Source(3, "models[i].netIncome.probLoss", "share of " + plural(years) + " with net income below zero")));
        if (!s.summary().comparisons().isEmpty()) {
            sources.add(new Source(4, "comparisons[k].probAGreater", "share of " + plural(years)
                    + " in which a's net income beats b's by more than rounding"));
        }
        sources.add(new Source(worstNote, "models[i].netIncome.worst5Mean", "mean net income over the worst 5% of "
                + plural(years)));
        if (s.hasCash()) {
            sources.add(new Source(cashNote, "models[i].cash.probNegativeAnyMonth", "share of " + plural(years)
                    + " with a month-end bank balance (reserve + payments received - costs paid) below zero"));
        }

        int note = sources.stream().mapToInt(Source::number).max().orElse(0);
        if (s.summary().sensitivity() != null) {
            List<Sensitivity.Output> outputs = s.summary().sensitivity().outputs();
            List<Sensitivity.Output> driven = new ArrayList<>();
            List<Integer> picks = new ArrayList<>();
            List<String> ks = new ArrayList<>();
            for (int o = 0; o < outputs.size(); o++) {
                Sensitivity.Output out = outputs.get(o);
                int k = biggestDriver(out);
                if (out.isDifference() || k < 0) {
                    continue;
                }
                driven.add(out);
                picks.add(k);
                ks.add("outputs[" + o + "] effects[" + k + "]");
            }
            if (!driven.isEmpty()) {
                findings.add(new Finding(driverSentence(driven, picks, years), ++note));
                String field = "sensitivity.outputs[i].effects[k]";
                sources.add(new Source(note, field + ".meanHighDecile", "minus " + field + ".meanLowDecile, k the input with "
                        + "the largest |spearman| for the model (" + (picks.stream().distinct().count() == 1
                        ? "k = " + picks.get(0) + " for " + (driven.size() == 1 ? "it" : "each") : String.join(", ", ks))
                        + "): mean net income in the "
                        + "tenth of " + plural(years) + " with the input's highest, less its lowest, values"));
            }
        }
        String ce = certaintyEquivalentSentence(s, years);
        if (ce != null) {
            int ceNote = ++note;
            findings.add(new Finding(ce, ceNote));
            sources.add(new Source(ceNote, "models[i].certaintyEquivalent[" + BRIEF_TOLERANCE_INDEX + "].value",
                    "certainty equivalent: the sure net income that an owner with constant absolute risk aversion "
                            + "and a risk tolerance of " + PlainNumbers.dollars(BRIEF_RISK_TOLERANCE)
                            + " values as much as the uncertain " + years));
            CertaintyEquivalents.Result r = s.analyses().certaintyEquivalents();
            if (!r.flips().isEmpty()) {
                for (CertaintyEquivalents.Flip f : r.flips()) {
                    findings.add(new Finding("An owner with a risk tolerance below about "
                            + PlainNumbers.dollars(f.riskTolerance()) + " prefers " + f.below() + ", one above it "
                            + f.above() + ".", ceNote + 1));
                }
                sources.add(new Source(++note, "preferenceFlips[k].riskTolerance",
                        "the risk tolerance at which the model with the highest certainty equivalent changes"));
            }
        }

        org.payrisk.stats.ResponseSummary responses = s.summary().responses();
        if (responses != null && !responses.models().isEmpty() && !responses.models().get(0).incentives().isEmpty()) {
            // one line for every model: what one more attended follow-up visit is worth (issue 15)
            note++;
            List<String> parts = new ArrayList<>();
            for (org.payrisk.stats.ResponseSummary.Model m : responses.models()) {
                double v = m.incentives().get(0).perUnit();
                if (!Double.isNaN(v)) {
                    parts.add((v >= 0 ? "adds " : "takes ") + PlainNumbers.dollars(Math.abs(v)) + " under " + m.name());
                }
            }
            int refused = responses.practice().indexOf("refusedEpisodes");
            // The extra visits can fill the schedule, so some new episodes are turned away: the figure is the
            // whole change of net income per extra visit, which then includes the payments those patients
            // would have brought (a bundle's whole price, a fee-for-service episode's claims).
            boolean full = refused >= 0 && responses.models().stream().anyMatch(m -> m.practice()[refused] > 0);
            if (!parts.isEmpty()) {
                findings.add(new Finding("Each extra follow-up visit changes the " + years + "'s net income: it "
                        + Names.and(parts) + (full ? "; with the schedule full in some " + plural(years)
                        + ", this includes patients turned away" : "") + ".", note));
            }
            sources.add(new Source(note, "responses.models[i].incentives[0].perUnit", "change of mean net income per extra "
                    + "attended follow-up visit when every episode plans one more, over the same patients"));
        }

        ParameterUncertainty.Result unknown = s.analyses().uncertainty();
        if (unknown != null) {
            findings.add(new Finding(uncertaintySentence(models, unknown, years), ++note));
            sources.add(new Source(note, "models[i].uncertainty.p05", "5th and 95th percentiles, across the outer draws "
                    + "of the uncertain parameters, of each draw's 1-in-20 figure (fields p05 and p95)"));
        }

        List<String> drivers = scenario.map(Brief::drivers).orElse(List.of());
        String driversSource = scenario.map(sc -> "From " + sc.file().getFileName()
                + " (saved with this run); every input and source note is in report.html.").orElse("");

        List<String> limits = List.of(
                "A model of a hypothetical practice with these inputs, not a forecast. Other inputs (patient mix, fees, "
                        + "contracts, costs) can change which model comes out ahead; what the scenario leaves out "
                        + "(staff turnover, one-off costs, mid-" + years + " contract changes) is not in these numbers.",
                "Each figure is an estimate from " + trials + " simulated " + plural(years) + "; report.html gives "
                        + "each one's simulation error.");

        String rounding = "Dollars are rounded to 3 significant figures, chances to the whole percent (\"less than "
                + "1%\" when it would round to zero). i is the model (" + indexList(names) + "), k the comparison in "
                + "summary.json order.";

        return new Brief("Income risk under " + (names.size() == 1 ? "one payment model" : names.size()
                + " payment models"), s.scenarioName(), intro, findings, drivers, driversSource, limits, sources,
                rounding);
    }

    /**
     * The input with the largest |spearman| for an output (the first in input order among equals), or -1
     * when no input's correlation is defined.
     */
    static int biggestDriver(Sensitivity.Output out) {
        int best = -1;
        for (int k = 0; k < out.effects().size(); k++) {
            Sensitivity.Effect e = out.effects().get(k);
            if (!Double.isNaN(e.spearman()) && Double.isFinite(e.swing())
                    && (best < 0 || Math.abs(e.spearman()) > Math.abs(out.effects().get(best).spearman()))) {
                best = k;
            }
        }
        return best;
    }

    /**
     * One line for every model's biggest driver: "The biggest driver of income risk is new episodes (total) under
     * every model: in the tenth of years where it is highest, net income averages $79,100 more under 2026-fees and
     * $76,900 more under 2027-cut than in the tenth where it is lowest." When the models' drivers differ, each
     * model names its own: "... is cancellation rate under fee-for-service ($12,300 less) and new episodes (total)
     * under capitation ($8,000 more): net income in the tenth of years where it is highest against the tenth
     * where it is lowest."
     */
    private static String driverSentence(List<Sensitivity.Output> outputs, List<Integer> picks, String years) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < outputs.size(); i++) {
            labels.add(InputLabels.label(outputs.get(i).effects().get(picks.get(i)).input()));
        }
        boolean same = labels.stream().distinct().count() == 1;
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < outputs.size(); i++) {
            double swing = outputs.get(i).effects().get(picks.get(i)).swing();
            String amount = PlainNumbers.dollars(Math.abs(swing)) + (swing < 0 ? " less" : " more");
            parts.add(same ? amount + " under " + outputs.get(i).model()
                    : labels.get(i) + " under " + outputs.get(i).model() + " (" + amount + ")");
        }
        if (same) {
            return "The biggest driver of income risk is " + labels.get(0) + (outputs.size() == 1 ? "" : " under every model")
                    + ": in the tenth of " + plural(years) + " where it is highest, net income averages " + Names.and(parts)
                    + " than in the tenth where it is lowest.";
        }
        return "The biggest driver of income risk is " + Names.and(parts) + ": net income in the tenth of " + plural(years)
                + " where it is highest against the tenth where it is lowest.";
    }

    /**
     * All paired comparisons in one line: "For the same patients, fee-for-service brings more net income than
     * capitation in 62% of simulated years, fee-for-service than bundled in 40% and capitation than bundled in 30%."
     */
    private static String pairedSentence(List<PairedComparison> comparisons, String years) {
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < comparisons.size(); k++) {
            PairedComparison c = comparisons.get(k);
            String pct = PlainNumbers.percent(c.probAGreater());
            parts.add(k == 0 ? c.a() + " brings more net income than " + c.b() + " in " + pct + " of simulated " + plural(years)
                    : c.a() + " than " + c.b() + " in " + pct);
        }
        return "For the same patients, " + Names.and(parts) + ".";
    }

    /** "Under fee-for-service, 1 year in 20 brings less than $35,000 of net income; under capitation, ..." */
    private static String badYearSentence(List<ModelSummary> models, String years) {
        StringBuilder b = new StringBuilder();
        boolean anyLoss = models.stream().anyMatch(m -> m.netIncome().percentile(5) < 0);
        for (int i = 0; i < models.size(); i++) {
            ModelSummary m = models.get(i);
            double p05 = m.netIncome().percentile(5);
            String amount = p05 >= 0 ? "less than " + PlainNumbers.dollars(p05)
                    : "a loss of more than " + PlainNumbers.dollars(-p05);
            // every positive figure names what it is, or after "a loss of more than $X" it would read as a loss
            boolean named = i == 0 || anyLoss;
            if (i == 0) {
                b.append("Under ").append(m.name()).append(", 1 ").append(years).append(" in 20 brings ");
            } else {
                b.append("; under ").append(m.name()).append(", ");
            }
            b.append(amount).append(p05 >= 0 && named ? " of net income" : "");
        }
        return b.append('.').toString();
    }

    /**
     * "Given what is not known about new episodes per month, the 1-in-20 figure lies between $29,000 and
     * $41,000 under capitation and ... (40 outer draws)."
     */
    private static String uncertaintySentence(List<ModelSummary> models, ParameterUncertainty.Result u, String years) {
        List<String> parts = new ArrayList<>();
        for (ModelSummary m : models) {
            ParameterUncertainty.Interval p5 = u.model(m.name()).figures().get("p05");
            boolean loss = isLoss(p5.p05()) || isLoss(p5.p95());
            parts.add("between " + money(p5.p05(), loss) + " and " + money(p5.p95(), loss) + " under " + m.name());
        }
        List<String> what = u.parameters().stream().map(Brief::parameterLabel).toList();
        return "Given what is not known about " + Names.and(what) + ", the 1-in-20 figure of net income lies "
                + Names.and(parts) + " (5th to 95th percentile across " + PlainNumbers.count(u.outer()) + " outer draws).";
    }

    /**
     * "With the payment delays assumed and a starting reserve of $10,000, the practice's bank balance falls
     * below zero in some month of the year in 8% of simulated years under medicaid-fee-for-service and in less than 1% under capitation."
     */
    private static String cashSentence(Document s, Optional<ScenarioAssumptions.Scenario> scenario, String years) {
        boolean lags = scenario.map(ScenarioAssumptions.Scenario::hasPaymentLags).orElse(false);
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < s.models().size(); i++) {
            ModelSummary m = s.models().get(i);
            String p = PlainNumbers.percent(m.cash().probNegativeAnyMonth());
            parts.add("in " + p + (i == 0 ? " of simulated " + plural(years) : "") + " under " + m.name());
        }
        List<String> assumed = new ArrayList<>();
        if (lags) {
            assumed.add("the payment delays assumed");
        }
        scenario.ifPresent(sc -> assumed.add(reserve(sc.startingReserve().orElse(0))));
        return (assumed.isEmpty() ? "The" : "With " + Names.and(assumed) + ", the")
                + " bank balance (cash received less costs) ends some month below zero " + Names.and(parts) + ".";
    }

    /** The risk tolerance the brief's certainty-equivalent line speaks of, dollars. */
    static final double BRIEF_RISK_TOLERANCE = 50_000;

    /** Its place in {@link CertaintyEquivalents#RISK_TOLERANCES}, as the footnote's field names it. */
    static final int BRIEF_TOLERANCE_INDEX = java.util.Arrays.stream(CertaintyEquivalents.RISK_TOLERANCES).boxed()
            .toList().indexOf(BRIEF_RISK_TOLERANCE);

    /**
     * "To an owner with a risk tolerance of $50,000, a year is worth for sure $93,900 under capitation and
     * $36,500 under fee-for-service." plus the flips; null when the summary has no certainty
     * equivalents at that tolerance.
     */
    private static String certaintyEquivalentSentence(Document s, String years) {
        CertaintyEquivalents.Result ce = s.analyses().certaintyEquivalents();
        if (ce == null) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < s.models().size(); i++) {
            Optional<CertaintyEquivalents.Point> p = ce.byModel().get(i).stream()
                    .filter(q -> q.riskTolerance() == BRIEF_RISK_TOLERANCE).findFirst();
            if (p.isEmpty()) {
                return null;
            }
            double v = p.get().value();
            parts.add(money(v) + " under " + s.models().get(i).name());
        }
        return "To an owner with a risk tolerance of " + PlainNumbers.dollars(BRIEF_RISK_TOLERANCE) + ", a " + years
                + " is worth for sure " + Names.and(parts) + ".";
    }

    /**
     * The starting balance the cash line assumes (the scenario copy's {@code cash.startingReserve}, 0 when
     * it is not given), rounded like every other dollar figure of the brief.
     */
    private static String reserve(double dollars) {
        if (PlainNumbers.roundDollars(dollars).signum() == 0) {
            return "no starting reserve";
        }
        return dollars > 0 ? "a starting reserve of " + PlainNumbers.dollars(dollars)
                : "a starting overdraft of " + PlainNumbers.dollars(-dollars);
    }

    /** "The typical (median) year is best under capitation, at $96,300, against ..." */
    private static String medianSentence(List<ModelSummary> models, String years) {
        if (models.size() == 1) {
            return "In a typical (median) " + years + ", net income is " + money(models.get(0).netIncome().percentile(50)) + ".";
        }
        int best = 0;
        for (int i = 1; i < models.size(); i++) {
            if (models.get(i).netIncome().percentile(50) > models.get(best).netIncome().percentile(50)) {
                best = i;
            }
        }
        List<String> others = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            if (i != best) {
                others.add(money(models.get(i).netIncome().percentile(50)) + " under " + models.get(i).name());
            }
        }
        return "The typical (median) " + years + " is best under " + models.get(best).name() + ", at "
                + money(models.get(best).netIncome().percentile(50)) + ", against " + Names.and(others) + ".";
    }

    /** "3% under fee-for-service, less than 1% under capitation and ..." or the same with dollars. */
    private static String perModel(List<ModelSummary> models, ToDoubleFunction<ModelSummary> field,
                                   boolean probability) {
        List<String> parts = new ArrayList<>();
        boolean anyLoss = !probability && models.stream().anyMatch(m -> isLoss(field.applyAsDouble(m)));
        for (ModelSummary m : models) {
            double v = field.applyAsDouble(m);
            parts.add((probability ? PlainNumbers.percent(v) : money(v, anyLoss)) + " under " + m.name());
        }
        return Names.and(parts);
    }

    /** $35,000, or "a loss of $5,000" for a negative amount. */
    static String money(double amount) {
        return money(amount, false);
    }

    /**
     * As {@link #money(double)}; when a list of amounts holds a loss, each amount says its own sign, or
     * "a loss of $21,700 under a, $93,900 under b" would read as two losses.
     */
    static String money(double amount, boolean beside) {
        if (isLoss(amount)) {
            return "a loss of " + PlainNumbers.dollars(-amount);
        }
        return (beside && PlainNumbers.roundDollars(amount).signum() != 0 ? "a profit of " : "") + PlainNumbers.dollars(amount);
    }

    private static boolean isLoss(double amount) {
        return amount < 0 && PlainNumbers.roundDollars(amount).signum() != 0;
    }

    private static String plural(String unit) {
        return unit + "s";
    }

    private static String indexList(List<String> names) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            parts.add(i + " " + names.get(i));
        }
        return String.join(", ", parts);
    }

    // ---------------------------------------------------------------- inputs that drive the result

    /** Practice-level inputs worth a line in a one-page brief, with plain labels. */
    private record KeyInput(ScenarioPath path, String label) {
    }

    private static final List<KeyInput> KEY_INPUTS = List.of(
            new KeyInput(ScenarioFields.CLINICIANS, "Clinical staff"),
            new KeyInput(ScenarioFields.VISITS_PER_CLINICIAN_DAY, "Schedule"),
            new KeyInput(ScenarioFields.FIXED_COSTS, "Fixed costs"),
            new KeyInput(ScenarioFields.COST_PER_VISIT, "Variable cost"),
            new KeyInput(ScenarioFields.NEW_EPISODES, "New patients (episodes of care)"),
            new KeyInput(ScenarioFields.CANCELLATION_RATE, "Cancelled visits"));

    /** At most this many payment terms per model, so the brief stays on one page (report.html has them all). */
    private static final int MAX_TERMS = 5;

    private static List<String> drivers(ScenarioAssumptions.Scenario sc) {
        List<String> out = new ArrayList<>();
        for (KeyInput k : KEY_INPUTS) {
            sc.at(k.path().toString()).ifPresent(a -> out.add(k.label() + ": " + a.inWords() + note(a)));
        }
        List<String> payers = new ArrayList<>();
        String payersPrefix = ScenarioFields.PAYERS + ".";
        for (ScenarioAssumptions.Assumption a : sc.assumptions()) {
            if (a.path().startsWith(payersPrefix)) {
                String share = a.value().matches("0?\\.[0-9]+|0|1")
                        ? PlainNumbers.percent(Double.parseDouble(a.value())) : a.value();
                payers.add(a.path().substring(payersPrefix.length()) + " " + share);
            }
        }
        if (!payers.isEmpty()) {
            out.add("Payer mix: " + String.join(", ", payers));
        }
        List<String> termLines = new ArrayList<>();
        List<List<String>> termModels = new ArrayList<>();
        for (int i = 0; ; i++) {
            String prefix = ScenarioFields.MODELS + "[" + i + "].";
            List<ScenarioAssumptions.Assumption> rows = sc.assumptions().stream()
                    .filter(a -> a.path().startsWith(prefix)).toList();
            if (rows.isEmpty()) {
                break;
            }
            String name = sc.at(prefix + ScenarioFields.MODEL_NAME).map(ScenarioAssumptions.Assumption::value).orElse("model " + i);
            List<String> terms = new ArrayList<>();
            for (ScenarioAssumptions.Assumption a : rows) {
                String rest = a.path().substring(prefix.length());
                String dflt = ScenarioFields.MODEL_DEFAULT + ".";
                if (!rest.startsWith(dflt)) {
                    continue;
                }
                // Drop "default.<kind>." so the label is the payment term itself.
                String[] parts = rest.substring(dflt.length()).split("\\.", 2);
                String label = humanize(parts.length > 1 ? parts[1] : parts[0]);
                String words = a.unit().equalsIgnoreCase(label) ? a.value() : a.inWords();
                terms.add(label + " " + words);
            }
            if (terms.isEmpty()) {
                continue;
            }
            String more = terms.size() > MAX_TERMS ? "; " + (terms.size() - MAX_TERMS) + " more" : "";
            String line = String.join("; ", terms.subList(0, Math.min(MAX_TERMS, terms.size()))) + more;
            int same = termLines.indexOf(line);
            if (same < 0) {
                termLines.add(line);
                termModels.add(new ArrayList<>(List.of(name)));
            } else {
                termModels.get(same).add(name);
            }
        }
        for (int g = 0; g < termLines.size(); g++) {
            // models with the same default terms share one line: they differ in other payers' contracts or overlays
            out.add(Names.sentenceStart(Names.and(termModels.get(g))) + " (default payer): " + termLines.get(g));
        }
        return out;
    }

    private static String note(ScenarioAssumptions.Assumption a) {
        return a.note().isEmpty() ? "" : " (source note: " + a.note() + ")";
    }

    /**
     * An uncertain parameter in words: its field, the distribution parameter it sets in brackets, and
     * the model it belongs to: {@code demand.newEpisodesPerMonth.negativeBinomial.mean} becomes
     * "new episodes per month (mean)", {@code models[capitation].default.capitation.pmpm} "pmpm under
     * capitation".
     */
    static String parameterLabel(String path) {
        List<String> fields = new ArrayList<>(List.of(path.split("\\.")));
        String param = "";
        if (fields.size() >= 3 && ScenarioFields.families().contains(fields.get(fields.size() - 2))) {
            param = " (" + humanize(fields.get(fields.size() - 1)) + ")";
            fields = fields.subList(0, fields.size() - 2);
        }
        String label = humanize(fields.get(fields.size() - 1).replaceAll("\\[.*", "")) + param;
        java.util.regex.Matcher model = java.util.regex.Pattern.compile("^models\\[([^\\]]+)\\]").matcher(path);
        return model.find() ? label + " under " + model.group(1) : label;
    }

    /** {@code outlier.perVisit} becomes {@code outlier, per visit}. */
    static String humanize(String path) {
        List<String> parts = new ArrayList<>();
        for (String p : path.split("\\.")) {
            parts.add(p.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT));
        }
        return String.join(", ", parts);
    }
}
