package org.payrisk.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.payrisk.dist.Constant;
import org.payrisk.dist.Distribution;
import org.payrisk.payment.Bundled;
import org.payrisk.payment.Capitation;
import org.payrisk.payment.CasePrices;
import org.payrisk.payment.EpisodeProgram;
import org.payrisk.payment.EpisodeValuer;
import org.payrisk.payment.FeeForService;
import org.payrisk.payment.MedicareFeeForService;
import org.payrisk.payment.Overlay;
import org.payrisk.payment.PayForPerformance;
import org.payrisk.payment.PaymentRule;
import org.payrisk.payment.QualityWithhold;
import org.payrisk.payment.RuleTerms;
import org.payrisk.payment.SharedSavings;
import org.payrisk.practice.CaseType;
import org.payrisk.practice.Demand;
import org.payrisk.scenario.Fields.Range;
import org.payrisk.scenario.SourceNode.ListNode;
import org.payrisk.scenario.SourceNode.MapNode;

/**
 * Reads one contract of a payment model: its rule (feeForService in the simple or the Medicare form,
 * capitation, bundled) with the rule's terms, the value-based overlays and the payment lag. Field by
 * field documentation: docs/payment-rules.md.
 */
final class PaymentRules {

    static final List<String> SIMPLE_FFS = Blocks.FFS_SIMPLE.keys();
    static final List<String> MEDICARE_FFS = MedicareRules.MEDICARE_FFS;
    static final List<String> OVERLAYS = Blocks.OVERLAY.keys();

    /** Default quality weight of an episode program (sources in docs/payment-rules.md). */
    static final double DEFAULT_QUALITY_WEIGHT = 0.1;

    /** Settlement defaults, in months after the horizon's end. */
    static final int OVERLAY_SETTLEMENT_DELAY = 6;
    static final int RECONCILIATION_SETTLEMENT_DELAY = 6;
    static final int CAPITATION_SETTLEMENT_DELAY = 3;
    static final int MAX_MONTH = org.payrisk.payment.RuleTerms.MAX_SETTLEMENT_MONTH;
    /** Largest timed minutes of one visit: the rule prices a visit unit by unit, and a visit lasts at most a day. */
    static final double MAX_MINUTES_PER_VISIT = MedicareFeeForService.MAX_MINUTES_PER_VISIT;

    /** A rule and what surrounds it. */
    record Contract(PaymentRule rule, RuleTerms terms) {
    }

    private final Fields f;
    private final DistributionReader dists;
    private final Demand demand;
    private final int horizon;

    PaymentRules(Fields f, DistributionReader dists, Demand demand, int horizon) {
        this.f = f;
        this.dists = dists;
        this.demand = demand;
        this.horizon = horizon;
    }

    Contract contract(SourceNode node) throws ScenarioException {
        MapNode m = f.map(node, "a payment rule (" + String.join(", ", RuleRegistry.keys()) + ")");
        List<String> known = new ArrayList<>(RuleRegistry.keys());
        known.addAll(ScenarioReader.CONTRACT_EXTRAS);
        Map.Entry<String, SourceNode> ruleEntry = null;
        for (var e : m.fields().entrySet()) {
            if (ScenarioReader.CONTRACT_EXTRAS.contains(e.getKey())) {
                continue;
            }
            if (!RuleRegistry.keys().contains(e.getKey())) {
                String nearest = Names.nearest(e.getKey(), known);
                throw f.error(e.getValue(), "unknown payment rule or field `" + e.getKey() + "`"
                        + (nearest != null ? "; did you mean `" + nearest + "`?" : ".")
                        + " Known rules: " + String.join(", ", RuleRegistry.keys())
                        + " (beside them: " + String.join(", ", ScenarioReader.CONTRACT_EXTRAS) + ").");
            }
            if (ruleEntry != null) {
                throw f.error(e.getValue(), "expected exactly one payment rule (" + String.join(", ", RuleRegistry.keys())
                        + "), found both `" + ruleEntry.getKey() + "` and `" + e.getKey() + "`");
            }
            ruleEntry = e;
        }
        if (ruleEntry == null) {
            throw f.error(m, "expected exactly one payment rule (" + String.join(", ", RuleRegistry.keys()) + "), found "
                    + m.describe());
        }
        PaymentRule rule = rule(ruleEntry.getKey(), ruleEntry.getValue());
        List<Overlay> overlays = new ArrayList<>();
        Optional<SourceNode> o = f.optional(m, "overlays");
        if (o.isPresent()) {
            ListNode list = f.list(o.get(), "value-based overlays (" + String.join(", ", OVERLAYS) + ")");
            for (SourceNode item : list.items()) {
                overlays.add(overlay(item));
            }
        }
        Distribution lag = f.optional(m, "paymentLagMonths").isPresent()
                ? dists.read(f.required(m, "paymentLagMonths"), Range.NON_NEGATIVE) : null;
        return new Contract(rule, overlays.isEmpty() && lag == null ? RuleTerms.NONE : f.build(m, () -> new RuleTerms(overlays, lag)));
    }

    private PaymentRule rule(String kind, SourceNode node) throws ScenarioException {
        MapNode r = f.map(node, "the terms of " + kind);
        RuleRegistry.Kind k = RuleRegistry.get(kind);
        if (k == null) {
            String nearest = Names.nearest(kind, RuleRegistry.keys());
            throw f.error(node, "unknown payment rule `" + kind + "`" + (nearest != null ? "; did you mean `" + nearest + "`?" : ".")
                    + " Known rules: " + String.join(", ", RuleRegistry.keys()) + ".");
        }
        return k.reader().read(this, r);
    }

    // Registered readers (RuleRegistry): one per rule key.

    PaymentRule feeForServiceRule(MapNode r) throws ScenarioException {
        return (PaymentRule) feeForService(r);
    }

    PaymentRule capitationRule(MapNode r) throws ScenarioException {
        return capitation(r);
    }

    PaymentRule bundledRule(MapNode r) throws ScenarioException {
        return bundled(r);
    }

    PaymentRule percentOfMedicareRule(String kind, MapNode r) throws ScenarioException {
        return new MedicareRules(f, dists).percentOfMedicare(kind, r);
    }

    // ---- fee-for-service -------------------------------------------------------------------------

    private EpisodeValuer feeForService(MapNode r) throws ScenarioException {
        List<String> all = new ArrayList<>(SIMPLE_FFS);
        for (String k : MEDICARE_FFS) {
            if (!all.contains(k)) {
                all.add(k);
            }
        }
        f.allowOnly(r, all);
        boolean medicare = r.fields().keySet().stream().anyMatch(k -> MEDICARE_FFS.contains(k) && !SIMPLE_FFS.contains(k));
        if (!medicare) {
            Distribution denial = f.optional(r, "denialRate").isPresent()
                    ? dists.read(f.required(r, "denialRate"), Range.PROBABILITY) : Constant.of(0);
            Distribution evaluation = dists.read(f.required(r, "evaluation"), Range.NON_NEGATIVE);
            Distribution perUnit = dists.read(f.required(r, "perUnit"), Range.NON_NEGATIVE);
            return f.build(r, () -> new FeeForService(evaluation, perUnit, denial));
        }
        for (String simple : List.of("evaluation", "perUnit")) {
            if (r.fields().containsKey(simple)) {
                throw f.error(r.fields().get(simple), "`" + simple + "` belongs to the simple form (evaluation, perUnit); "
                        + "with a feeSchedule the evaluation is priced by `evaluationCode` and follow-ups by `codeMix`");
            }
        }
        return medicare(r);
    }

    private MedicareFeeForService medicare(MapNode r) throws ScenarioException {
        return new MedicareRules(f, dists).medicare(r);
    }

    // ---- capitation ------------------------------------------------------------------------------

    private Capitation capitation(MapNode r) throws ScenarioException {
        f.allowOnly(r, Blocks.CAPITATION.keys());
        Distribution pmpm = dists.read(f.required(r, "pmpm"), Range.NON_NEGATIVE);
        Distribution members = dists.read(f.required(r, "members"), Range.COUNT);
        Capitation.Churn churn = null;
        Optional<SourceNode> c = f.optional(r, "churn");
        if (c.isPresent()) {
            MapNode m = f.map(c.get(), "membership churn { leaveRate, joinsPerMonth }");
            f.allowOnly(m, Blocks.CHURN.keys());
            Distribution leave = dists.read(f.required(m, "leaveRate"), Range.PROBABILITY);
            Distribution joins = dists.optional(m, "joinsPerMonth", Range.COUNT, Constant.of(0));
            churn = f.build(m, () -> new Capitation.Churn(leave, joins));
        }
        Capitation.Corridor corridor = null;
        Optional<SourceNode> rc = f.optional(r, "riskCorridor");
        if (rc.isPresent()) {
            MapNode m = f.map(rc.get(), "a risk corridor { band, share, valuePerVisit, expectedCostPmpm }");
            f.allowOnly(m, Blocks.CORRIDOR.keys());
            double band = f.number(f.required(m, "band"), Range.PROBABILITY);
            double share = f.number(f.required(m, "share"), Range.PROBABILITY);
            double perVisit = f.optionalNumber(m, "valuePerVisit", Range.NON_NEGATIVE, Double.NaN);
            double expected = f.optionalNumber(m, "expectedCostPmpm", Range.NON_NEGATIVE, Double.NaN);
            corridor = f.build(m, () -> new Capitation.Corridor(band, share, perVisit, expected));
        }
        Capitation.StopLoss stop = null;
        Optional<SourceNode> sl = f.optional(r, "stopLoss");
        if (sl.isPresent()) {
            MapNode m = f.map(sl.get(), "stop-loss terms { attachmentPerEpisode, share, valuePerVisit }");
            f.allowOnly(m, Blocks.STOP_LOSS.keys());
            double attachment = f.number(f.required(m, "attachmentPerEpisode"), Range.NON_NEGATIVE);
            double share = f.number(f.required(m, "share"), Range.PROBABILITY);
            double perVisit = f.number(f.required(m, "valuePerVisit"), Range.NON_NEGATIVE);
            stop = f.build(m, () -> new Capitation.StopLoss(attachment, share, perVisit));
        }
        int month = settlementMonth(r, CAPITATION_SETTLEMENT_DELAY);
        if (churn == null && corridor == null && stop == null && !r.fields().containsKey("settlementMonth")) {
            return f.build(r, () -> new Capitation(pmpm, members));
        }
        Capitation.Churn ch = churn;
        Capitation.Corridor co = corridor;
        Capitation.StopLoss st = stop;
        return f.build(r, () -> new Capitation(pmpm, members, ch, co, st, month));
    }

    // ---- bundled ---------------------------------------------------------------------------------

    private PaymentRule bundled(MapNode r) throws ScenarioException {
        f.allowOnly(r, Blocks.BUNDLED_PROSPECTIVE.keysWith(Blocks.BUNDLED_PROGRAM));
        Optional<SourceNode> rec = f.optional(r, "reconciliation");
        if (rec.isPresent()) {
            for (String k : List.of("perEpisode", "outlier")) {
                if (r.fields().containsKey(k)) {
                    throw f.error(r.fields().get(k), "`" + k + "` is a prospective bundle's term; an episode program with "
                            + "`reconciliation` pays claims fee-for-service and reconciles them against `targetPrice`");
                }
            }
            return reconciliation(f.map(rec.get(), "reconciliation terms"));
        }
        CasePrices prices = perCase(f.required(r, "perEpisode"), "episode price");
        Optional<SourceNode> outlier = f.optional(r, "outlier");
        if (outlier.isEmpty()) {
            return f.build(r, () -> new Bundled(prices, 0, null));
        }
        MapNode o = f.map(outlier.get(), "outlier terms { afterVisits, perVisit }");
        f.allowOnly(o, Blocks.OUTLIER.keys());
        int after = (int) f.wholeNumber(f.required(o, "afterVisits"), 0, 100_000);
        Distribution perVisit = dists.read(f.required(o, "perVisit"), Range.NON_NEGATIVE);
        return f.build(o, () -> new Bundled(prices, after, perVisit));
    }

    private EpisodeProgram reconciliation(MapNode r) throws ScenarioException {
        f.allowOnly(r, Blocks.RECONCILIATION.keys());
        EpisodeValuer ffs = feeForService(f.map(f.required(r, "feeForService"),
                "the fee-for-service terms that pay claims during the episode"));
        CasePrices targets = perCase(f.required(r, "targetPrice"), "target price");
        Distribution discount = dists.optional(r, "discount", Range.PROBABILITY, Constant.of(0));
        Distribution quality = dists.optional(r, "qualityScore", Range.PROBABILITY, null);
        double weight = f.optionalNumber(r, "qualityWeight", Range.PROBABILITY, DEFAULT_QUALITY_WEIGHT);
        double stopGain = f.number(f.required(r, "stopGain"), Range.NON_NEGATIVE);
        double stopLoss = f.optionalNumber(r, "stopLoss", Range.NON_NEGATIVE, 0);
        double share = f.optionalNumber(r, "participantShare", Range.PROBABILITY, 1);
        int month = settlementMonth(r, RECONCILIATION_SETTLEMENT_DELAY);
        int[] perMonth = new int[demand.cases().size()];
        for (int i = 0; i < perMonth.length; i++) {
            perMonth[i] = demand.cases().get(i).visitsPerMonth();
        }
        return f.build(r, () -> new EpisodeProgram(ffs, targets, discount, quality, weight, stopGain, stopLoss, share, month,
                perMonth));
    }

    /** One price per case (a mapping by case name) or one price for all. */
    private CasePrices perCase(SourceNode priceNode, String what) throws ScenarioException {
        List<String> caseNames = demand.cases().stream().map(CaseType::name).toList();
        List<Distribution> prices = new ArrayList<>();
        if (priceNode instanceof MapNode pm && !DistributionReader.isFamilyMapping(pm)) {
            for (var e : pm.fields().entrySet()) {
                f.caseKey(e.getKey(), e.getValue(), demand);
            }
            for (CaseType c : demand.cases()) {
                SourceNode n = pm.fields().get(c.name());
                if (n == null) {
                    throw f.error(pm, pm.path() + "." + c.name(), "missing the " + what + " of case `" + c.name()
                            + "`: expected a price for every case, or one price for all");
                }
                prices.add(dists.read(n, Range.NON_NEGATIVE));
            }
            return CasePrices.byCase(caseNames, prices);
        }
        return CasePrices.oneForAll(dists.read(priceNode, Range.NON_NEGATIVE), caseNames);
    }

    // ---- overlays --------------------------------------------------------------------------------

    private Overlay overlay(SourceNode node) throws ScenarioException {
        MapNode m = f.map(node, "an overlay (" + String.join(", ", OVERLAYS) + ")");
        if (m.fields().size() != 1) {
            throw f.error(m, "expected exactly one overlay (" + String.join(", ", OVERLAYS) + "), found " + m.describe());
        }
        var e = m.fields().entrySet().iterator().next();
        if (!OVERLAYS.contains(e.getKey())) {
            String nearest = Names.nearest(e.getKey(), OVERLAYS);
            throw f.error(e.getValue(), "unknown overlay `" + e.getKey() + "`"
                    + (nearest != null ? "; did you mean `" + nearest + "`?" : ".")
                    + " Known overlays: " + String.join(", ", OVERLAYS) + ".");
        }
        MapNode o = f.map(e.getValue(), "the terms of " + e.getKey());
        switch (e.getKey()) {
            case "qualityWithhold":
                f.allowOnly(o, Blocks.QUALITY_WITHHOLD.keys());
                double rate = f.number(f.required(o, "rate"), Range.PROBABILITY);
                Distribution score = dists.read(f.required(o, "qualityScore"), Range.PROBABILITY);
                int month = settlementMonth(o, OVERLAY_SETTLEMENT_DELAY);
                return f.build(o, () -> new QualityWithhold(rate, score, month));
            case "payForPerformance": {
                f.allowOnly(o, Blocks.PAY_FOR_PERFORMANCE.keys());
                double bonus = f.number(f.required(o, "rate"), Range.NON_NEGATIVE);
                Distribution pScore = dists.read(f.required(o, "qualityScore"), Range.PROBABILITY);
                double threshold = f.optionalNumber(o, "threshold", Range.PROBABILITY, 0);
                int pMonth = settlementMonth(o, OVERLAY_SETTLEMENT_DELAY);
                return f.build(o, () -> new PayForPerformance(bonus, pScore, threshold, pMonth));
            }
            default: {
                f.allowOnly(o, Blocks.SHARED_SAVINGS.keys());
                double msr = f.optionalNumber(o, "minimumSavingsRate", Range.PROBABILITY, 0);
                Distribution benchmark = dists.read(f.required(o, "benchmarkPerEpisode"), Range.NON_NEGATIVE);
                double sharing = f.number(f.required(o, "sharingRate"), Range.PROBABILITY);
                double mlr = f.optionalNumber(o, "minimumLossRate", Range.PROBABILITY, msr);
                double lossSharing = f.optionalNumber(o, "lossSharingRate", Range.PROBABILITY, 0);
                double stopGain = f.optionalNumber(o, "stopGain", Range.NON_NEGATIVE, Double.POSITIVE_INFINITY);
                double stopLoss = f.optionalNumber(o, "stopLoss", Range.NON_NEGATIVE, Double.POSITIVE_INFINITY);
                Distribution sScore = dists.optional(o, "qualityScore", Range.PROBABILITY, null);
                int sMonth = settlementMonth(o, OVERLAY_SETTLEMENT_DELAY);
                return f.build(o, () -> new SharedSavings(benchmark, msr, sharing, mlr, lossSharing, stopGain, stopLoss, sScore,
                        sMonth));
            }
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private int settlementMonth(MapNode m, int delay) throws ScenarioException {
        Optional<SourceNode> n = f.optional(m, "settlementMonth");
        return n.isPresent() ? (int) f.wholeNumber(n.get(), 1, MAX_MONTH) : horizon + delay;
    }

}
