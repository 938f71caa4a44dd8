package org.payrisk.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.payrisk.dist.Constant;
import org.payrisk.dist.Distribution;
import org.payrisk.payment.FeeSchedule;
import org.payrisk.payment.MedicareFeeForService;
import org.payrisk.payment.MedicarePfs;
import org.payrisk.payment.Mppr;
import org.payrisk.payment.PercentOfMedicare;
import org.payrisk.payment.VisitLimits;
import org.payrisk.scenario.Fields.Range;
import org.payrisk.scenario.SourceNode.MapNode;
import org.payrisk.scenario.SourceNode.TextNode;

/**
 * Reads the fee-schedule-based contracts: the Medicare Physician Fee Schedule form of
 * {@code feeForService} (with the built-in RVU tables, MIPS by final score, the Part B deductible and
 * KX spending elsewhere), {@code percentOfMedicare} and {@code workersComp}. Field by field
 * documentation: docs/payment-rules.md. Every error names line:column, the field path, what was
 * expected and what was found.
 */
final class MedicareRules {

    /** Fields of the Medicare form of feeForService (beside the simple form's). */
    static final List<String> MEDICARE_FFS = Blocks.FFS_MEDICARE.keys();


    /** Rule names read here beside feeForService. */
    static final String PERCENT_OF_MEDICARE = PercentOfMedicare.KIND;
    static final String WORKERS_COMP = PercentOfMedicare.WORKERS_COMP;

    /** Keys of a feeSchedule mapping that are not codes. */
    static final List<String> SCHEDULE_KEYS = Blocks.FEE_SCHEDULE.keys();

    static final double DEFAULT_PAYER_SHARE = 0.8;
    static final double DEFAULT_SEQUESTRATION = 0.02;
    static final double DEFAULT_ASSISTANT_RATE = 0.85;
    static final double DEFAULT_REVIEW_THRESHOLD = 3000;
    static final double MIPS_SCORE_MAX = MedicareFeeForService.MIPS_SCORE_MAX;

    private final Fields f;
    private final DistributionReader dists;

    MedicareRules(Fields f, DistributionReader dists) {
        this.f = f;
        this.dists = dists;
    }

    /** A fee schedule with the built-in table it was built from (null when given code by code only). */
    private record Schedule(FeeSchedule fees, MedicarePfs pfs) {
    }

    // ---- Medicare form ---------------------------------------------------------------------------

    MedicareFeeForService medicare(MapNode r) throws ScenarioException {
        Schedule sched = feeSchedule(f.required(r, "feeSchedule"));
        int evaluation = code(f.required(r, "evaluationCode"), sched);
        double[] mix = codeMix(f.required(r, "codeMix"), sched);
        Distribution minutes = f.optional(r, "minutesPerVisit").isPresent()
                ? dists.read(f.required(r, "minutesPerVisit"), Range.NON_NEGATIVE, PaymentRules.MAX_MINUTES_PER_VISIT,
                        "minutes in a day")
                : null;
        Distribution assistant = dists.optional(r, "assistantShare", Range.PROBABILITY, Constant.of(0));
        double assistantRate = f.optionalNumber(r, "assistantRate", Range.PROBABILITY, DEFAULT_ASSISTANT_RATE);
        double mppr = f.optionalNumber(r, "mpprRate", Range.PROBABILITY, FeeSchedule.MPPR_RATE);
        double payerShare = f.optionalNumber(r, "payerShare", Range.PROBABILITY, DEFAULT_PAYER_SHARE);
        double sequestration = f.optionalNumber(r, "sequestration", Range.PROBABILITY, DEFAULT_SEQUESTRATION);
        Distribution collection = dists.optional(r, "patientCollectionRate", Range.PROBABILITY, Constant.of(1));
        Distribution denial = dists.optional(r, "denialRate", Range.PROBABILITY, Constant.of(0));
        Distribution cf = conversionFactorChange(r);
        Distribution mipsAdjustment = Constant.of(0);
        Distribution mipsScore = null;
        Optional<SourceNode> mipsNode = f.optional(r, "mips");
        if (mipsNode.isPresent() && r.fields().containsKey("mipsAdjustment")) {
            throw f.error(r.fields().get("mipsAdjustment"), "expected either `mips` (a final score mapped by the 2026 "
                    + "points) or `mipsAdjustment` (the adjustment drawn directly), found both");
        }
        if (mipsNode.isPresent()) {
            mipsScore = mips(mipsNode.get());
        } else if (r.fields().containsKey("mipsAdjustment")) {
            mipsAdjustment = dists.optional(r, "mipsAdjustment", Range.ANY, Constant.of(0));
            if (mipsAdjustment.supportMin() < -MedicareFeeForService.MIPS_LIMIT
                    || mipsAdjustment.supportMax() > MedicareFeeForService.MIPS_LIMIT) {
                throw f.error(r.fields().get("mipsAdjustment"), "expected a MIPS payment adjustment within [-0.09, 0.09] "
                        + "(the +/-9% limit), found " + mipsAdjustment + " which can draw values in ["
                        + mipsAdjustment.supportMin() + ", " + mipsAdjustment.supportMax()
                        + "]; use uniform, triangular, pert, or normal with min and max");
            }
        }
        MedicareFeeForService.Kx kx = null;
        Optional<SourceNode> kxNode = f.optional(r, "kx");
        if (kxNode.isPresent()) {
            MapNode k = f.map(kxNode.get(), "KX terms { threshold, medicalNecessityDocumented, reviewThreshold, "
                    + "reviewProbability, reviewTakeBack, spentElsewhere }");
            f.allowOnly(k, Blocks.KX.keys());
            double threshold = f.number(f.required(k, "threshold"), Range.NON_NEGATIVE);
            Distribution documented = dists.optional(k, "medicalNecessityDocumented", Range.PROBABILITY, Constant.of(1));
            double review = f.optionalNumber(k, "reviewThreshold", Range.NON_NEGATIVE, DEFAULT_REVIEW_THRESHOLD);
            Distribution reviewed = dists.optional(k, "reviewProbability", Range.PROBABILITY, Constant.of(0));
            Distribution takeBack = dists.optional(k, "reviewTakeBack", Range.PROBABILITY, Constant.of(0));
            Distribution elsewhere = dists.optional(k, "spentElsewhere", Range.NON_NEGATIVE, Constant.of(0));
            kx = f.build(k, () -> new MedicareFeeForService.Kx(threshold, documented, review, reviewed, takeBack, elsewhere));
        }
        MedicareFeeForService.Deductible deductible = null;
        Optional<SourceNode> dNode = f.optional(r, "deductible");
        if (dNode.isPresent()) {
            MapNode d = f.map(dNode.get(), "the Part B deductible { amount, alreadyMet }");
            f.allowOnly(d, Blocks.DEDUCTIBLE.keys());
            double amount = f.number(f.required(d, "amount"), Range.NON_NEGATIVE);
            Distribution met = dists.optional(d, "alreadyMet", Range.PROBABILITY, Constant.of(0));
            deductible = f.build(d, () -> new MedicareFeeForService.Deductible(amount, met));
        }
        MedicareFeeForService.Kx kxTerms = kx;
        MedicareFeeForService.Deductible partB = deductible;
        Distribution adjustment = mipsAdjustment;
        Distribution score = mipsScore;
        return f.build(r, () -> new MedicareFeeForService(sched.fees(), evaluation, minutes, mix, assistant, assistantRate, mppr,
                payerShare, sequestration, collection, denial, cf, adjustment, kxTerms, score, partB));
    }

    /** {@code mips: { finalScore }} or {@code mips: { lowVolumeExcluded: true }}: null score = excluded. */
    private Distribution mips(SourceNode node) throws ScenarioException {
        MapNode m = f.map(node, "MIPS terms { finalScore } or { lowVolumeExcluded: true }");
        f.allowOnly(m, Blocks.MIPS.keys());
        boolean excluded = f.optional(m, "lowVolumeExcluded").isPresent() && bool(m.fields().get("lowVolumeExcluded"));
        Optional<SourceNode> score = f.optional(m, "finalScore");
        if (excluded) {
            if (score.isPresent()) {
                throw f.error(score.get(), "a clinician excluded by the low-volume threshold gets no MIPS adjustment: expected "
                        + "no `finalScore` with `lowVolumeExcluded: true`, found one");
            }
            return null;
        }
        if (score.isEmpty()) {
            throw f.error(m, m.path() + ".finalScore", "missing required field `finalScore` (the MIPS final score in points, "
                    + "0-100), or write `lowVolumeExcluded: true`");
        }
        Distribution d = dists.read(score.get(), Range.NON_NEGATIVE);
        if (d.supportMax() > MIPS_SCORE_MAX) {
            throw f.error(score.get(), "expected a MIPS final score in [0, 100] points, found " + d
                    + " which can draw values up to " + d.supportMax() + "; give the distribution a max of 100");
        }
        return d;
    }

    private Distribution conversionFactorChange(MapNode r) throws ScenarioException {
        Distribution cf = dists.optional(r, "conversionFactorChange", Range.ANY, Constant.of(0));
        if (cf.supportMin() < -1) {
            throw f.error(r.fields().get("conversionFactorChange"), "expected a relative change of the conversion factor "
                    + "of at least -1 (e.g. -0.025 for a 2.5% cut), found " + cf + " which can draw values down to " + cf.supportMin());
        }
        if (cf.supportMax() > 1) {
            throw f.error(r.fields().get("conversionFactorChange"), "expected a relative change of the conversion factor "
                    + "of at most 1 (a 100% rise), found " + cf + " which can draw values up to " + cf.supportMax());
        }
        return cf;
    }

    // ---- percentOfMedicare and workersComp -------------------------------------------------------

    PercentOfMedicare percentOfMedicare(String kind, MapNode r) throws ScenarioException {
        boolean wc = kind.equals(WORKERS_COMP);
        f.allowOnly(r, (wc ? Blocks.WORKERS_COMP : Blocks.PERCENT_OF_MEDICARE).keys());
        Schedule sched = feeSchedule(f.required(r, "feeSchedule"));
        int evaluation = code(f.required(r, "evaluationCode"), sched);
        double[] mix = codeMix(f.required(r, "codeMix"), sched);
        Distribution minutes = f.optional(r, "minutesPerVisit").isPresent()
                ? dists.read(f.required(r, "minutesPerVisit"), Range.NON_NEGATIVE, PaymentRules.MAX_MINUTES_PER_VISIT,
                        "minutes in a day")
                : null;
        Distribution assistant = dists.optional(r, "assistantShare", Range.PROBABILITY, Constant.of(0));
        double assistantRate = f.optionalNumber(r, "assistantRate", Range.PROBABILITY, DEFAULT_ASSISTANT_RATE);
        Distribution cf = conversionFactorChange(r);
        Distribution percent = dists.read(f.required(r, wc ? "factorOfMedicare" : "percent"), Range.NON_NEGATIVE);
        if (!wc && percent.supportMax() > 10) {
            throw f.error(r.fields().get("percent"), "expected the contract's rate as a share of Medicare's allowed amount "
                    + "(0.95 for 95%), found " + percent + " which can draw " + percent.supportMax() + "; write 0.95, not 95");
        }
        if (wc) {
            if (f.optional(r, "state").isPresent()) {
                f.text(r.fields().get("state"), "a state's name or code, e.g. WI (a label)");
            }
        }
        Mppr mppr = Mppr.PRACTICE_EXPENSE;
        Optional<SourceNode> mNode = f.optional(r, "mppr");
        if (mNode.isPresent()) {
            String label = f.text(mNode.get(), "an MPPR variant (practiceExpense, none, wholeFee)");
            mppr = null;
            List<String> labels = new ArrayList<>();
            for (Mppr v : Mppr.values()) {
                labels.add(v.label());
                if (v.label().equals(label)) {
                    mppr = v;
                }
            }
            if (mppr == null) {
                String nearest = Names.nearest(label, labels);
                throw f.error(mNode.get(), "expected an MPPR variant (" + String.join(", ", labels) + "), found `" + label + "`"
                        + (nearest != null ? "; did you mean `" + nearest + "`?" : ""));
            }
        }
        double rate = f.optionalNumber(r, "mpprRate", Range.PROBABILITY, FeeSchedule.MPPR_RATE);
        double patientShare = wc ? 0 : f.optionalNumber(r, "patientShare", Range.PROBABILITY, 0);
        Distribution collection = wc ? Constant.of(1) : dists.optional(r, "patientCollectionRate", Range.PROBABILITY, Constant.of(1));
        Distribution denial = dists.optional(r, "denialRate", Range.PROBABILITY, Constant.of(0));
        VisitLimits limits = null;
        Optional<SourceNode> lNode = f.optional(r, "limits");
        if (lNode.isPresent()) {
            limits = limits(lNode.get());
        }
        VisitLimits visitLimits = limits;
        Mppr reduction = mppr;
        return f.build(r, () -> new PercentOfMedicare(kind, sched.fees(), evaluation, minutes, mix, assistant, assistantRate, cf,
                percent, reduction, rate, patientShare, collection, denial, visitLimits));
    }

    private VisitLimits limits(SourceNode node) throws ScenarioException {
        MapNode m = f.map(node, "visit limits { authorizedVisits, reauthorizationDenial, visitsPerYear, delivered, "
                + "costSavedPerVisit }");
        f.allowOnly(m, Blocks.LIMITS.keys());
        Distribution authorized = dists.optional(m, "authorizedVisits", Range.COUNT, null);
        if (authorized == null && m.fields().containsKey("reauthorizationDenial")) {
            throw f.error(m.fields().get("reauthorizationDenial"), "`reauthorizationDenial` applies to authorised visits: "
                    + "expected `authorizedVisits` beside it, found none");
        }
        Distribution reauth = dists.optional(m, "reauthorizationDenial", Range.PROBABILITY, Constant.of(0));
        int cap = f.optional(m, "visitsPerYear").isPresent()
                ? (int) f.wholeNumber(m.fields().get("visitsPerYear"), 1, 10_000) : 0;
        if (authorized == null && cap == 0) {
            throw f.error(m, "expected `authorizedVisits` (visits per authorisation), `visitsPerYear` (a yearly cap) or "
                    + "both, found " + m.describe());
        }
        boolean delivered = !f.optional(m, "delivered").isPresent() || bool(m.fields().get("delivered"));
        Optional<SourceNode> saved = f.optional(m, "costSavedPerVisit");
        if (delivered && saved.isPresent()) {
            throw f.error(saved.get(), "`costSavedPerVisit` applies to visits not delivered: expected `delivered: false` "
                    + "beside it, found visits beyond the limit delivered (the default)");
        }
        if (!delivered && saved.isEmpty()) {
            throw f.error(m, m.path() + ".costSavedPerVisit", "missing required field `costSavedPerVisit` (dollars a visit not "
                    + "delivered saves, e.g. the practice's cost per attended visit) with `delivered: false`");
        }
        double cost = saved.isPresent() ? f.number(saved.get(), Range.NON_NEGATIVE) : 0;
        return new VisitLimits(authorized, reauth, cap, delivered, cost);
    }

    // ---- fee schedule ----------------------------------------------------------------------------

    /**
     * {@code { medicarePfs: 2026 }} (the built-in table's paid codes), optionally with
     * {@code conversionFactor} and per-code overrides in dollars {@code { total, pe }} or in RVUs
     * {@code { workRvu, peRvu, mpRvu }}; or codes alone.
     */
    private Schedule feeSchedule(SourceNode node) throws ScenarioException {
        MapNode sched = f.map(node, "a fee schedule: { medicarePfs: 2026 } (the built-in CMS table), and/or CPT codes "
                + "with their payment, e.g. { \"97530\": { total: 35.07, pe: 20.04 } }");
        MedicarePfs pfs = null;
        Optional<SourceNode> year = f.optional(sched, "medicarePfs");
        if (year.isPresent()) {
            long y = f.wholeNumber(year.get(), 1900, 2200);
            if (!MedicarePfs.YEARS.contains((int) y)) {
                throw f.error(year.get(), "expected a built-in Medicare fee schedule year " + MedicarePfs.YEARS
                        + ", found " + y + "; give the codes' RVUs or dollars instead");
            }
            pfs = MedicarePfs.of((int) y);
        }
        Optional<SourceNode> cfNode = f.optional(sched, "conversionFactor");
        double cf = cfNode.isPresent() ? f.number(cfNode.get(), Range.POSITIVE) : pfs != null ? pfs.conversionFactor() : Double.NaN;
        List<String> codes = new ArrayList<>();
        List<Double> total = new ArrayList<>();
        List<Double> pe = new ArrayList<>();
        Map<String, SourceNode> overrides = new java.util.LinkedHashMap<>();
        for (var e : sched.fields().entrySet()) {
            if (!SCHEDULE_KEYS.contains(e.getKey())) {
                overrides.put(e.getKey(), e.getValue());
            }
        }
        if (pfs != null) {
            for (var e : pfs.codes().entrySet()) {
                if (e.getValue().paid() && !overrides.containsKey(e.getKey())) {
                    codes.add(e.getKey());
                    total.add(e.getValue().total() * cf);
                    pe.add(e.getValue().pe() * cf);
                }
            }
        }
        for (var e : overrides.entrySet()) {
            f.nameKey(e.getKey(), e.getValue(), e.getValue().path(), "a CPT code such as 97530");
            MapNode c = f.map(e.getValue(), "the payment of code " + e.getKey() + ": { total, pe } in dollars or "
                    + "{ workRvu, peRvu, mpRvu } in RVUs");
            boolean rvu = c.fields().keySet().stream().anyMatch(k -> k.endsWith("Rvu"));
            if (rvu) {
                f.allowOnly(c, Blocks.CODE_RVU.keys());
                if (Double.isNaN(cf)) {
                    throw f.error(c, "code " + e.getKey() + " is given in RVUs: expected a `conversionFactor` (dollars per RVU) "
                            + "or `medicarePfs` beside the codes, found neither");
                }
                double w = f.number(f.required(c, "workRvu"), Range.NON_NEGATIVE);
                double p = f.number(f.required(c, "peRvu"), Range.NON_NEGATIVE);
                double m = f.number(f.required(c, "mpRvu"), Range.NON_NEGATIVE);
                codes.add(e.getKey());
                total.add((w + p + m) * cf);
                pe.add(p * cf);
            } else {
                f.allowOnly(c, Blocks.CODE_DOLLARS.keys());
                double t = f.number(f.required(c, "total"), Range.NON_NEGATIVE);
                SourceNode peNode = f.required(c, "pe");
                double p = f.number(peNode, Range.NON_NEGATIVE);
                if (p > t) {
                    throw f.error(peNode, "expected the practice-expense part to be at most the total (" + t + "), found " + p);
                }
                codes.add(e.getKey());
                total.add(t);
                pe.add(p);
            }
        }
        if (codes.isEmpty()) {
            throw f.error(sched, "expected at least one CPT code with its payment (or `medicarePfs: 2026`), found none");
        }
        if (cfNode.isPresent() && pfs == null && overrides.values().stream().noneMatch(
                n -> n instanceof MapNode m && m.fields().keySet().stream().anyMatch(k -> k.endsWith("Rvu")))) {
            throw f.error(cfNode.get(), "`conversionFactor` prices codes given in RVUs: expected `medicarePfs` or a code "
                    + "with { workRvu, peRvu, mpRvu }, found codes in dollars only");
        }
        double[] t = new double[codes.size()];
        double[] p = new double[codes.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = total.get(i);
            p[i] = pe.get(i);
        }
        return new Schedule(new FeeSchedule(codes, t, p), pfs);
    }

    private double[] codeMix(SourceNode node, Schedule sched) throws ScenarioException {
        MapNode mixNode = f.map(node, "the share of timed units by code, e.g. { \"97530\": 0.6, \"97110\": 0.4 }");
        double[] mix = new double[sched.fees().codes().size()];
        double sum = 0;
        for (var e : mixNode.fields().entrySet()) {
            f.nameKey(e.getKey(), e.getValue(), e.getValue().path(), "a CPT code of the feeSchedule");
            int c = codeIndex(e.getKey(), e.getValue(), sched);
            mix[c] = f.number(e.getValue(), Range.PROBABILITY);
            sum += mix[c];
        }
        if (Math.abs(sum - 1) > ScenarioReader.SHARE_TOLERANCE) {
            throw f.error(mixNode, "expected code shares summing to 1 (within " + ScenarioReader.SHARE_TOLERANCE
                    + "), found a sum of " + sum);
        }
        return mix;
    }

    private int code(SourceNode n, Schedule sched) throws ScenarioException {
        return codeIndex(f.text(n, "a CPT code of the feeSchedule"), n, sched);
    }

    private int codeIndex(String code, SourceNode at, Schedule sched) throws ScenarioException {
        List<String> codes = sched.fees().codes();
        int i = codes.indexOf(code);
        if (i >= 0) {
            return i;
        }
        if (sched.pfs() != null && sched.pfs().codes().containsKey(code)) {
            MedicarePfs.Rvu r = sched.pfs().codes().get(code);
            throw f.error(at, "code `" + code + "` (" + r.description() + ") has PFS status " + r.status() + " in CY"
                    + sched.pfs().year() + (r.status() == 'B' ? ": bundled, not paid separately by Medicare"
                    : ": not valid for Medicare (Medicare uses another code, e.g. G0283 for 97014)")
                    + "; expected a paid code, or give this payer's price for it in the feeSchedule");
        }
        String nearest = Names.nearest(code, codes);
        throw f.error(at, "unknown CPT code `" + code + "`: expected a code of the feeSchedule"
                + (nearest != null ? "; did you mean `" + nearest + "`?" : ".")
                + " Codes in the feeSchedule: " + String.join(", ", codes) + ".");
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private boolean bool(SourceNode n) throws ScenarioException {
        if (n instanceof TextNode t && t.isBoolean()) {
            return Boolean.parseBoolean(t.text());
        }
        throw f.error(n, "expected true or false, found " + n.describe());
    }
}
