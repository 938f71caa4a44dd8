package org.payrisk.report.render;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.payrisk.stats.ResponseSummary;

/**
 * The report's "How each model pays for behaviour" section, from summary.json's {@code responses}:
 * each model's practice under its response, the incentive table (what one more of each thing is
 * worth), and each paired difference split into its payment and behaviour parts, all with Monte Carlo
 * standard errors. Immutable.
 *
 * @param practice one row per model
 * @param incentives one row per model; empty when the run priced no incentives
 * @param decomposition one row per paired comparison
 */
record IncentivesView(List<PracticeRow> practice, List<IncentiveRow> incentives, List<DecompositionRow> decomposition) {

    /** A model's practice under its response, means per simulated year. */
    record PracticeRow(String model, String episodes, String declined, String refused, String visits, String units,
                       String behaviour, String behaviourStdError) {
    }

    /**
     * A model's incentives, dollars of net income per one more of each (± s.e.).
     *
     * @param acceptedEpisode per case, "case: $x ± $s", joined
     */
    record IncentiveRow(String model, String followUpVisit, String unitPerVisit, String avoidedCancellation, String acceptedEpisode) {
    }

    /** A paired difference split into payment and behaviour parts. */
    record DecompositionRow(String a, String b, String payment, String paymentStdError, String behaviour, String behaviourStdError) {
    }

    boolean hasIncentives() {
        return !incentives.isEmpty();
    }

    boolean hasDecomposition() {
        return !decomposition.isEmpty();
    }

    static IncentivesView of(ResponseSummary r) {
        List<PracticeRow> practice = new ArrayList<>();
        List<IncentiveRow> incentives = new ArrayList<>();
        for (ResponseSummary.Model m : r.models()) {
            practice.add(new PracticeRow(m.name(), count(r, m, "episodes"), count(r, m, "declinedEpisodes"),
                    count(r, m, "refusedEpisodes"), count(r, m, "attendedVisits"), count(r, m, "units"),
                    money(m.behaviour().mean()), money(m.behaviour().stdError())));
            if (m.incentives().isEmpty()) {
                continue;
            }
            List<String> episodes = new ArrayList<>();
            String visit = "";
            String unit = "";
            String cancel = "";
            for (ResponseSummary.Incentive i : m.incentives()) {
                String v = Double.isNaN(i.perUnit()) ? "n/a" : money(i.perUnit()) + " \u00b1 " + money(i.stdError());
                switch (i.name()) {
                    case "followUpVisit" -> visit = v;
                    case "unitPerVisit" -> unit = v;
                    case "avoidedCancellation" -> cancel = v;
                    default -> episodes.add(i.name().substring(i.name().indexOf(':') + 1) + ": " + v);
                }
            }
            incentives.add(new IncentiveRow(m.name(), visit, unit, cancel, String.join("; ", episodes)));
        }
        List<DecompositionRow> decomposition = new ArrayList<>();
        for (ResponseSummary.Decomposition d : r.comparisons()) {
            decomposition.add(new DecompositionRow(d.a(), d.b(), money(d.payment().mean()), money(d.payment().stdError()),
                    money(d.behaviour().mean()), money(d.behaviour().stdError())));
        }
        return new IncentivesView(practice, incentives, decomposition);
    }

    private static String count(ResponseSummary r, ResponseSummary.Model m, String counter) {
        int k = r.practice().indexOf(counter);
        return k < 0 ? "n/a" : new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.US)).format(m.practice()[k]);
    }

    /** Dollars and cents below $100 (an incentive is often a few dollars), whole dollars above. */
    static String money(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        double a = Math.abs(v);
        String text = new DecimalFormat(a < 100 ? "#,##0.00" : "#,##0", DecimalFormatSymbols.getInstance(Locale.US)).format(a);
        return (v < 0 && !text.matches("[0.,]+") ? "-$" : "$") + text;
    }
}
