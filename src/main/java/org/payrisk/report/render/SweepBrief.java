package org.payrisk.report.render;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.payrisk.analysis.Solve;
import org.payrisk.analysis.Sweep;
import org.payrisk.analysis.Target;
import org.payrisk.analysis.VarySpec;
import org.payrisk.scenario.Scenario;
import org.payrisk.scenario.ScenarioFields;
import org.payrisk.scenario.ScenarioPath;
import org.payrisk.stats.ModelSummary;
import org.payrisk.stats.PairedComparison;
import org.payrisk.stats.RunSummary;

/**
 * The plain-language briefs of a sweep and a solve. Every number is a field of sweep.json or
 * solve.json, rounded by {@link PlainNumbers} (money, shares) or, for a solved value, to the decimal
 * places that tell the interval's ends apart. Stateless.
 */
final class SweepBrief {

    private SweepBrief() {
    }

    /** @return brief.md of a sweep */
    static String sweep(Sweep.Result r) {
        Sweep s = r.sweep();
        StringBuilder b = new StringBuilder("# Sweep: ").append(Templates.escapeMarkdown(s.base().name())).append("\n\n");
        for (VarySpec p : s.parameters()) {
            double[] v = p.values();
            b.append("- Varied `").append(p.text()).append("` over ").append(v.length).append(" values, from ")
                    .append(VarySpec.format(v[0])).append(" to ").append(VarySpec.format(v[v.length - 1])).append(".\n");
        }
        b.append("- Every point ran the same ").append(PlainNumbers.count(r.settings().trials()))
                .append(" simulated years (seed ").append(r.settings().seed()).append("), so differences between points are "
                + "due to the parameter alone.\n\n");
        int last = s.points().size() - 1;
        RunSummary first = r.summaries().get(0);
        RunSummary end = r.summaries().get(last);
        for (int m = 0; m < first.models().size(); m++) {
            ModelSummary a = first.models().get(m);
            ModelSummary z = end.models().get(m);
            b.append("- **").append(Templates.escapeMarkdown(a.name())).append("**: average net income ")
                    .append(PlainNumbers.dollars(a.netIncome().mean())).append(" at the first point and ")
                    .append(PlainNumbers.dollars(z.netIncome().mean())).append(" at the last; chance of a loss year ")
                    .append(PlainNumbers.percent(a.netIncome().probLoss())).append(" and ")
                    .append(PlainNumbers.percent(z.netIncome().probLoss()));
            if (a.netIncome().mean() == z.netIncome().mean() && a.netIncome().probLoss() == z.netIncome().probLoss()) {
                b.append(" (the swept field does not change this model)");
            }
            b.append(".\n");
        }
        if (s.parameters().size() == 1) {
            VarySpec p = s.parameters().get(0);
            for (int c = 0; c < first.comparisons().size(); c++) {
                PairedComparison c0 = first.comparisons().get(c);
                for (int i = 1; i <= last; i++) {
                    double d0 = r.summaries().get(i - 1).comparisons().get(c).meanDifference();
                    double d1 = r.summaries().get(i).comparisons().get(c).meanDifference();
                    if (Math.signum(d0) != Math.signum(d1) && d0 != 0) {
                        double x0 = s.points().get(i - 1).values()[0];
                        double x1 = s.points().get(i).values()[0];
                        b.append("- On average ").append(Templates.escapeMarkdown(c0.a())).append(" and ")
                                .append(Templates.escapeMarkdown(c0.b())).append(" trade places between `").append(p.text())
                                .append("` = ").append(short4(x0)).append(" and ").append(short4(x1))
                                .append(" (use payrisk solve for the break-even value and its Monte Carlo interval).\n");
                        break;
                    }
                }
            }
        }
        return b.toString();
    }

    /** @return the one-sentence answer of a solve */
    static String sentence(Solve.Result r) {
        Target t = r.target();
        String lhs = phrase(t.lhs(), t.rhs());
        String rhs = phrase(t.rhs(), t.lhs());
        double[] iv = r.interval();
        int places = places(r, iv);
        String value = amount(r.path(), r.value(), places, true);
        String interval = Double.isFinite(iv[0]) ? " (95% interval " + amount(r.path(), iv[0], places, false)
                + (r.intervalCut()[0] ? " or below" : "") + " to " + amount(r.path(), iv[1], places, false)
                + (r.intervalCut()[1] ? " or above" : "") + ")"
                : " (no Monte Carlo interval: too few trials for its error)";
        String field = r.path();
        return switch (t.op()) {
            case EQ -> capital(lhs) + " equals " + rhs + " at " + field + " = " + value + interval + ".";
            case LE, GE -> capital(lhs) + " stays " + (t.op() == Target.Op.LE ? "at or below " : "at or above ") + rhs
                    + " when " + field + " is " + (r.holdsAbove() ? "at least " : "at most ") + value + interval + ".";
        };
    }

    /** @return brief.md of a solve */
    static String solve(Solve.Result r, Scenario base, String sentence) {
        return "# Solve: " + Templates.escapeMarkdown(base.name()) + "\n\n" + sentence + "\n\n"
                + "- Target: `" + r.target() + "`, varying `" + r.path() + "` between " + VarySpec.format(r.lo()) + " and "
                + VarySpec.format(r.hi()) + ".\n"
                + "- " + r.evaluations().size() + " runs of " + PlainNumbers.count(r.settings().trials())
                + " simulated years each, all with seed " + r.settings().seed() + " (common random numbers, so the target is "
                + "a deterministic function of the value); solver tolerance " + VarySpec.format(r.tolerance()) + ".\n"
                + "- Interval: " + r.intervalMethod() + ".\n";
    }

    private static String phrase(Target.Operand o, Target.Operand other) {
        if (o.isConstant()) {
            boolean share = !other.isConstant() && other.stat().startsWith("prob");
            return share ? new BigDecimal(Double.toString(100 * o.constant())).stripTrailingZeros().toPlainString() + "%"
                    : VarySpec.format(o.constant());
        }
        String who = o.model() + "'s ";
        if (o.metric().equals("cash")) {
            return who + "chance that cash goes below zero in some month";
        }
        String what = o.metric().equals("revenue") ? "revenue" : "net income";
        return switch (o.stat()) {
            case "mean" -> who + "average annual " + what;
            case "probLoss" -> o.metric().equals("revenue") ? who + "chance of negative revenue" : who + "chance of a loss year";
            case "worst5Mean" -> who + "average " + what + " in the worst 5% of years";
            case "p05" -> who + what + " in a bad year (1 in 20)";
            default -> who + what + " (percentile " + Integer.parseInt(o.stat().substring(1)) + ")";
        };
    }

    /** Decimal places that tell the value and its interval's ends apart, at least 2 significant figures. */
    private static int places(Solve.Result r, double[] iv) {
        double width = Double.isFinite(iv[0]) ? (iv[1] - iv[0]) / 2 : Math.abs(r.value()) / 100;
        boolean percent = isPercent(unitOf(r.path()));
        if (percent) {
            width *= 100;
        }
        if (!(width > 0)) {
            return 2;
        }
        return Math.max(percent ? 1 : 0, Math.min(8, -(int) Math.floor(Math.log10(width))));
    }

    /** Parameters of a distribution that are in the unit of the field the distribution is written in. */
    private static final Set<String> PARAMETERS_IN_UNIT = Set.of("mean", "sd", "min", "max", "mode", "mu", "sigma", "value");

    /**
     * The declared unit of a varied field ({@link ScenarioFields#unit}): for a distribution's parameter
     * (e.g. {@code demand.cancellationRate.beta.mean}) the unit of the field the distribution is
     * written in, when the parameter is in that unit (a mean, not a dispersion).
     *
     * @param pathText a field path as written
     * @return the unit, e.g. {@code $ per member per month}, or empty
     */
    static String unitOf(String pathText) {
        List<ScenarioPath.Segment> seg = ScenarioPath.parse(pathText).segments();
        int end = seg.size();
        if (end >= 3 && ScenarioFields.families().contains(seg.get(end - 2).field())) {
            if (!PARAMETERS_IN_UNIT.contains(seg.get(end - 1).field())) {
                return "";
            }
            end -= 2;
        }
        String parent = end >= 2 ? seg.get(end - 2).field() : "";
        return ScenarioFields.unit(seg.get(end - 1).field(), parent);
    }

    /** Shares, probabilities and relative changes are written as percentages. */
    private static boolean isPercent(String unit) {
        return unit.startsWith("share") || unit.startsWith("probability") || unit.startsWith("relative change");
    }

    /**
     * The value in the field's declared unit: {@code $4.33 per member per month}, {@code 12.5%},
     * {@code 12,000 members}; without the unit's words when {@code words} is false (the interval's
     * ends, after the value has said them).
     */
    private static String amount(String path, double v, int places, boolean words) {
        String unit = unitOf(path);
        if (isPercent(unit)) {
            return new BigDecimal(100 * v).setScale(places, RoundingMode.HALF_UP).toPlainString() + "%";
        }
        String n = String.format(Locale.US, "%,." + places + "f", Math.abs(v));
        if (unit.startsWith("$")) {
            String per = unit.substring(1).trim();
            return (v < 0 ? "-$" : "$") + n + (words && !per.isEmpty() ? " " + per : "");
        }
        int paren = unit.indexOf(" (");
        String label = paren < 0 ? unit : unit.substring(0, paren);
        return (v < 0 ? "-" : "") + n + (words && !label.isEmpty() ? " " + label : "");
    }

    /** @return the value to 4 significant figures, e.g. 3.632 */
    private static String short4(double v) {
        return new BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
