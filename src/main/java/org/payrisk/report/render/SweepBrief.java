package org.payrisk.report.render;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import org.payrisk.analysis.Solve;
import org.payrisk.analysis.Sweep;
import org.payrisk.analysis.Target;
import org.payrisk.analysis.VarySpec;
import org.payrisk.scenario.Scenario;
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
        String value = amount(r.path(), r.value(), places);
        String interval = Double.isFinite(iv[0]) ? " (95% interval " + bare(amount(r.path(), iv[0], places))
                + (r.intervalCut()[0] ? " or below" : "") + " to " + bare(amount(r.path(), iv[1], places))
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
        boolean percent = isPercent(r.path());
        if (percent) {
            width *= 100;
        }
        if (!(width > 0)) {
            return 2;
        }
        return Math.max(percent ? 1 : 0, Math.min(8, -(int) Math.floor(Math.log10(width))));
    }

    private static boolean isPercent(String path) {
        return path.endsWith("conversionFactorChange") || path.endsWith("Rate") || path.endsWith("share");
    }

    private static boolean isDollars(String path) {
        String last = path.substring(path.lastIndexOf('.') + 1);
        return List.of("pmpm", "startingReserve", "perUnit", "evaluation", "perEpisode", "perVisit", "fixedPerMonth",
                "perAttendedVisit").contains(last);
    }

    private static String amount(String path, double v, int places) {
        if (isPercent(path)) {
            return new BigDecimal(100 * v).setScale(places, RoundingMode.HALF_UP).toPlainString() + "%";
        }
        String n = String.format(Locale.US, "%,." + places + "f", Math.abs(v));
        if (isDollars(path)) {
            return (v < 0 ? "-$" : "$") + n + (path.endsWith("pmpm") ? " per member per month" : "");
        }
        return (v < 0 ? "-" : "") + n;
    }

    /** @return the value to 4 significant figures, e.g. 3.632 */
    private static String short4(double v) {
        return new BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /** The amount without its unit words (for the interval's ends, after the value has said them). */
    private static String bare(String amount) {
        return amount.replace(" per member per month", "");
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
