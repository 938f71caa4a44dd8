package org.payrisk.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.core.source64.SplitMix64;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.payrisk.dist.Beta;
import org.payrisk.dist.Binomial;
import org.payrisk.dist.Constant;
import org.payrisk.dist.Discrete;
import org.payrisk.dist.Distribution;
import org.payrisk.dist.Empirical;
import org.payrisk.dist.Gamma;
import org.payrisk.dist.LogNormal;
import org.payrisk.dist.NegativeBinomial;
import org.payrisk.dist.Normal;
import org.payrisk.dist.Pert;
import org.payrisk.dist.Poisson;
import org.payrisk.dist.Triangular;
import org.payrisk.dist.Uniform;
import org.payrisk.scenario.Fields.Range;
import org.payrisk.scenario.SourceNode.ListNode;
import org.payrisk.scenario.SourceNode.MapNode;
import org.payrisk.scenario.SourceNode.NumberNode;

/**
 * Reads "a number or a distribution": a bare number is a constant; otherwise a mapping with exactly
 * one family name whose value maps the family's parameters, e.g.
 * {@code { negativeBinomial: { mean: 42, dispersion: 15 } }}.
 */
final class DistributionReader {

    /** Family name to its parameters (required first, then optional ones marked with '?'). */
    static final Map<String, List<String>> FAMILIES = new LinkedHashMap<>();

    static {
        FAMILIES.put("uniform", List.of("min", "max"));
        FAMILIES.put("triangular", List.of("min", "mode", "max"));
        FAMILIES.put("pert", List.of("min", "mode", "max"));
        FAMILIES.put("normal", List.of("mean", "sd", "min?", "max?"));
        FAMILIES.put("lognormal", List.of("mean", "sd"));
        FAMILIES.put("gamma", List.of("mean", "sd"));
        FAMILIES.put("beta", List.of("mean", "sd"));
        FAMILIES.put("poisson", List.of("mean"));
        FAMILIES.put("negativeBinomial", List.of("mean", "dispersion"));
        FAMILIES.put("binomial", List.of("n", "p"));
        FAMILIES.put("discrete", List.of("values", "weights"));
        FAMILIES.put("empirical", List.of("values"));
    }

    /** What each family is, for a reader of the scenario (the schema's hover text); one per family. */
    static final Map<String, String> FAMILY_DOCS = Map.ofEntries(
            Map.entry("uniform", "Every value in [min, max] equally likely (min < max)."),
            Map.entry("triangular", "Triangular law from min through the most likely value (mode) to max."),
            Map.entry("pert", "Beta-PERT (lambda 4) on [min, max] with its peak at mode; mean (min + 4 mode + max) / 6."),
            Map.entry("normal", "Normal law with this mean and sd (of the untruncated law), optionally truncated to [min, max]."),
            Map.entry("lognormal", "Log-normal law; mean and sd are of the variable itself, not of its logarithm."),
            Map.entry("gamma", "Gamma law with this mean and sd (shape mean^2/sd^2, scale sd^2/mean)."),
            Map.entry("beta", "Beta law on [0, 1] with this mean and sd (needs sd^2 < mean (1 - mean))."),
            Map.entry("poisson", "Poisson counts with this mean (at most 1e9)."),
            Map.entry("negativeBinomial", "Over-dispersed counts: variance = mean + mean^2 / dispersion."),
            Map.entry("binomial", "Binomial counts: n trials (at most 65,535), each a success with probability p."),
            Map.entry("discrete", "One of the values, drawn with the given weights (>= 0, not all zero)."),
            Map.entry("empirical", "One of the values, each equally likely (a bootstrap from data)."));

    /** Parameters that are whole numbers, with their largest value; every other parameter is a number. */
    static final Map<String, Long> WHOLE_PARAMS = Map.of("n", (long) Binomial.MAX_N);

    /** Parameters that are lists of numbers. */
    static final java.util.Set<String> LIST_PARAMS = java.util.Set.of("values", "weights");

    /** Largest acceptable probability of a negative draw for a quantity that cannot be negative. */
    static final double NEGATIVE_MASS_TOLERANCE = org.payrisk.dist.Limits.NEGATIVE_MASS;

    /**
     * Largest acceptable probability that a draw exceeds the field's largest value (1e12 for amounts,
     * 1e9 for counts): the same tail that count tables leave out.
     */
    static final double EXCESS_TOLERANCE = org.payrisk.dist.Limits.EXCESS;

    /** Draws taken from every distribution when it is read, to prove its sampler works. */
    static final int TRIAL_DRAWS = 64;

    private final Fields f;

    DistributionReader(Fields f) {
        this.f = f;
    }

    static boolean isFamilyMapping(SourceNode n) {
        return n instanceof MapNode m && m.fields().size() == 1 && FAMILIES.containsKey(m.fields().keySet().iterator().next());
    }

    /** An optional distribution in {@code range}, or {@code dflt} when the field is absent or null. */
    Distribution optional(MapNode m, String key, Range range, Distribution dflt) throws ScenarioException {
        java.util.Optional<SourceNode> n = f.optional(m, key);
        return n.isPresent() ? read(n.get(), range) : dflt;
    }

    Distribution read(SourceNode n, Range range) throws ScenarioException {
        return read(n, range, range.max, range.maxNote);
    }

    /**
     * @param max the largest value the field may take (a constant) or exceed only with probability
     *            {@link #EXCESS_TOLERANCE} (a distribution)
     * @param why why the bound exists, for the message
     */
    Distribution read(SourceNode n, Range range, double max, String why) throws ScenarioException {
        if (n instanceof NumberNode) {
            return Constant.of(f.number(n, range, max, why));
        }
        f.rejectOtherBase(n, range.noun);
        if (!(n instanceof MapNode m)) {
            throw f.error(n, "expected " + range.noun + " or a distribution such as { beta: { mean: 0.1, sd: 0.03 } }, found "
                    + n.describe());
        }
        if (m.fields().size() != 1) {
            throw f.error(n, "expected a distribution: one family name (" + String.join(", ", FAMILIES.keySet())
                    + ") with its parameters, found " + n.describe());
        }
        var entry = m.fields().entrySet().iterator().next();
        String family = entry.getKey();
        List<String> params = FAMILIES.get(family);
        if (params == null) {
            String nearest = Names.nearest(family, FAMILIES.keySet());
            throw f.error(entry.getValue(), "unknown distribution family `" + family + "`"
                    + (nearest != null ? "; did you mean `" + nearest + "`?" : ".")
                    + " Known families: " + String.join(", ", FAMILIES.keySet()) + ".");
        }
        MapNode p = f.map(entry.getValue(), "the parameters of " + family);
        f.allowOnly(p, params.stream().map(s -> s.replace("?", "")).toList());
        Distribution d;
        try {
            d = build(family, p);
        } catch (IllegalArgumentException e) {
            String msg = e.getMessage();
            int colon = msg.indexOf(':');
            String param = colon > 0 ? msg.substring(0, colon) : "";
            SourceNode at = p.fields().getOrDefault(param.replaceAll("\\[.*", ""), p);
            throw f.error(at, at == p ? p.path() : at.path(), colon > 0 && at != p ? msg.substring(colon + 1).trim() : msg);
        }
        checkSupport(n, d, range);
        checkDrawable(n, d);
        checkLargest(n, d, range, max, why, 1, "");
        return d;
    }

    /**
     * Refuses a law whose moments or sampler fail: mean and variance must be finite and a sampler on a
     * fixed generator must build and give finite draws. This is the backstop for parameter
     * combinations no explicit limit names; the run would otherwise fail with a bug exit.
     */
    private void checkDrawable(SourceNode at, Distribution d) throws ScenarioException {
        String problem;
        try {
            problem = !Double.isFinite(d.mean()) ? "its mean is " + d.mean()
                    : !Double.isFinite(d.variance()) ? "its variance is " + d.variance() : null;
            if (problem == null) {
                ContinuousSampler s = d.createSampler(new SplitMix64(1L));
                for (int i = 0; i < TRIAL_DRAWS && problem == null; i++) {
                    double x = s.sample();
                    if (!Double.isFinite(x)) {
                        problem = "it draws " + x;
                    }
                }
            }
        } catch (RuntimeException e) {
            problem = "its sampler fails: " + e.getMessage();
        }
        if (problem != null) {
            throw f.error(at, "expected a distribution payrisk can draw from, found " + d + ": " + problem
                    + "; bring its parameters closer to everyday values");
        }
    }

    /**
     * Refuses a law that draws above the field's largest value (after multiplying by {@code scale},
     * e.g. the largest seasonality factor) with probability above {@link #EXCESS_TOLERANCE}.
     *
     * @param scale factor the draws are multiplied by before use (1 when none)
     * @param after how the scale arises, for the message (empty when scale is 1)
     */
    void checkLargest(SourceNode at, Distribution d, Range range, double max, String why, double scale, String after)
            throws ScenarioException {
        if (range == Range.PROBABILITY || scale <= 0) {
            return;
        }
        double limit = max / scale;
        double above;
        try {
            above = 1 - d.probabilityBelow(limit) + (range.admits(-1) ? d.probabilityBelow(-limit) : 0);
        } catch (RuntimeException e) {
            above = Double.NaN;
        }
        if (!(above <= EXCESS_TOLERANCE)) {
            String what = range == Range.COUNT ? "counts" : "values";
            throw f.error(at, "expected a distribution of " + what + " up to " + Fields.format(max)
                    + (range.admits(-1) ? " in magnitude" : "") + " (" + why + ")" + after + ", found " + d
                    + (Double.isNaN(above) ? " whose tail payrisk cannot compute"
                            : " which " + (scale != 1 ? "then " : "") + "exceeds it with probability "
                            + String.format("%.3g", above)));
        }
    }

    private Distribution build(String family, MapNode p) throws ScenarioException {
        switch (family) {
            case "uniform":
                return Uniform.of(num(p, "min"), num(p, "max"));
            case "triangular":
                return Triangular.of(num(p, "min"), num(p, "mode"), num(p, "max"));
            case "pert":
                return Pert.of(num(p, "min"), num(p, "mode"), num(p, "max"));
            case "normal": {
                double lo = f.optional(p, "min").isPresent() ? num(p, "min") : Double.NEGATIVE_INFINITY;
                double hi = f.optional(p, "max").isPresent() ? num(p, "max") : Double.POSITIVE_INFINITY;
                return Normal.truncated(num(p, "mean"), num(p, "sd"), lo, hi);
            }
            case "lognormal":
                return LogNormal.of(num(p, "mean"), num(p, "sd"));
            case "gamma":
                return Gamma.of(num(p, "mean"), num(p, "sd"));
            case "beta":
                return Beta.of(num(p, "mean"), num(p, "sd"));
            case "poisson":
                return Poisson.of(num(p, "mean"));
            case "negativeBinomial":
                return NegativeBinomial.of(num(p, "mean"), num(p, "dispersion"));
            case "binomial":
                return Binomial.of((int) f.wholeNumber(f.required(p, "n"), 0, WHOLE_PARAMS.get("n")), num(p, "p"));
            case "discrete":
                return Discrete.of(numbers(p, "values"), numbers(p, "weights"));
            case "empirical":
                return Empirical.of(numbers(p, "values"));
            default:
                throw new IllegalStateException(family);
        }
    }

    private double num(MapNode p, String key) throws ScenarioException {
        return f.number(f.required(p, key), Range.ANY);
    }

    private double[] numbers(MapNode p, String key) throws ScenarioException {
        ListNode l = f.list(f.required(p, key), "a list of numbers");
        double[] out = new double[l.items().size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = f.number(l.items().get(i), Range.ANY);
        }
        return out;
    }

    private void checkSupport(SourceNode at, Distribution d, Range range) throws ScenarioException {
        switch (range) {
            case PROBABILITY:
                if (d.supportMin() < 0 || d.supportMax() > 1) {
                    throw f.error(at, "expected a distribution of probabilities (values in [0, 1]), found " + d
                            + " which can draw values in [" + d.supportMin() + ", " + d.supportMax()
                            + "]; use beta, or give min and max");
                }
                break;
            case NON_NEGATIVE:
            case COUNT:
            case POSITIVE:
                double below = d.probabilityBelow(0);
                if (below > NEGATIVE_MASS_TOLERANCE) {
                    throw f.error(at, "expected a distribution of values >= 0, found " + d + " which draws a negative value with probability "
                            + String.format("%.3g", below) + "; give min: 0 or use a family on [0, infinity)");
                }
                break;
            default:
                break;
        }
    }
}
