package org.payrisk.scenario;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.payrisk.dist.Constant;
import org.payrisk.dist.Distribution;
import org.payrisk.dist.InputCopula;
import org.payrisk.payment.CashTerms;
import org.payrisk.payment.PaymentModel;
import org.payrisk.payment.PaymentRule;
import org.payrisk.payment.RuleTerms;
import org.payrisk.practice.CaseType;
import org.payrisk.practice.Demand;
import org.payrisk.practice.Practice;
import org.payrisk.practice.PracticeModel;
import org.payrisk.practice.Response;
import org.payrisk.scenario.Fields.Range;
import org.payrisk.scenario.SourceNode.ListNode;
import org.payrisk.scenario.SourceNode.MapNode;

/** Builds a {@link Scenario} from a located tree, validating every field. */
final class ScenarioReader {

    static final List<String> TOP = Blocks.ROOT.keys();
    /** Fields of the {@code uncertainty:} block. */
    static final List<String> UNCERTAINTY_FIELDS = Blocks.UNCERTAINTY.keys();
    /** Keys allowed beside the rule key of a contract. */
    static final List<String> CONTRACT_EXTRAS = Blocks.CONTRACT_EXTRAS.stream().map(FieldSpec::name).toList();
    static final double SHARE_TOLERANCE = 1e-6;

    /** Defaults when a scenario leaves them out. */
    static final int DEFAULT_HORIZON = 12;
    static final int DEFAULT_WARM_UP = 6;
    static final int DEFAULT_TRIALS = 10_000;
    static final long DEFAULT_SEED = 1;
    static final int DEFAULT_OUTER = 200;

    /** Limits declared once, on the records that hold the values. */
    static final double MAX_CLINICIANS = Practice.MAX_CLINICIANS;
    static final double MAX_VISITS_PER_DAY = Practice.MAX_VISITS_PER_DAY;
    static final double MAX_WORKDAYS = Practice.MAX_WORKDAYS;
    static final double MAX_MONTHLY_CAPACITY = Practice.MAX_MONTHLY_CAPACITY;
    static final double MAX_UNITS_PER_VISIT = CaseType.MAX_UNITS_PER_VISIT;
    static final double MAX_SEASON_FACTOR = Demand.MAX_SEASON_FACTOR;

    private final Fields f;
    private final DistributionReader dists;

    ScenarioReader(String file) {
        this.f = new Fields(file);
        this.dists = new DistributionReader(f);
    }

    Scenario read(SourceNode rootNode, ScenarioSource source) throws ScenarioException {
        MapNode root = f.map(rootNode, "a scenario");
        f.allowOnly(root, TOP);
        String name = f.text(f.required(root, "name"), "a scenario name");
        String description = f.optional(root, "description").isPresent()
                ? f.text(f.required(root, "description"), "a description") : "";
        int horizon = (int) whole(root, "horizonMonths", 1, 120, DEFAULT_HORIZON);
        int warmUp = (int) whole(root, "warmUpMonths", 0, 120, DEFAULT_WARM_UP);
        int trials = DEFAULT_TRIALS;
        long seed = DEFAULT_SEED;
        java.util.OptionalDouble precision = java.util.OptionalDouble.empty();
        boolean incentives = false;
        Optional<SourceNode> sim = f.optional(root, "simulation");
        if (sim.isPresent()) {
            MapNode s = f.map(sim.get(), "simulation settings");
            f.allowOnly(s, Blocks.SIMULATION.keys());
            incentives = f.optional(s, "incentives").isPresent() && bool(f.required(s, "incentives"));
            trials = (int) whole(s, "trials", 1, ScenarioLoader.MAX_TRIALS, DEFAULT_TRIALS);
            seed = whole(s, "seed", Long.MIN_VALUE, Long.MAX_VALUE, DEFAULT_SEED);
            Optional<SourceNode> p = f.optional(s, "precision");
            if (p.isPresent()) {
                precision = java.util.OptionalDouble.of(f.number(p.get(), Range.POSITIVE, 1,
                        "a share of the mean net income"));
            }
        }
        Practice practice = practice(f.map(f.required(root, "practice"), "the practice"));
        MapNode demandNode = f.map(f.required(root, "demand"), "the demand");
        Demand demand = demand(demandNode);
        PracticeModel pm = new PracticeModel(practice, demand, horizon, warmUp);
        CashTerms cash = cash(root);
        PaymentRules payment = new PaymentRules(f, dists, demand, horizon);
        ListNode modelList = f.list(f.required(root, "models"), "payment models");
        List<PaymentModel> models = models(modelList, demand, payment, cash);
        List<MapNode> modelNodes = new ArrayList<>();
        for (SourceNode mn : modelList.items()) {
            modelNodes.add(f.map(mn, "a payment model"));
        }
        List<Response> responses = new ResponseReader(f, dists).read(modelNodes, models, demand);
        InputCopula correlations = new CorrelationReader(f).read(f.optional(root, "correlations"), pm, models);
        return new Scenario(name, description, trials, seed, pm, models, source, precision, responses, incentives,
                correlations, uncertainty(f.optional(root, "uncertainty")));
    }

    private boolean bool(SourceNode n) throws ScenarioException {
        if (n instanceof SourceNode.TextNode t && t.isBoolean()) {
            return Boolean.parseBoolean(t.text());
        }
        throw f.error(n, "expected true or false, found " + n.describe());
    }

    /**
     * The {@code uncertainty:} block: outer draws and, by path, each uncertain parameter's
     * distribution. Whether a path leads to a number of the scenario, and whether its values keep the
     * scenario valid, is checked where the outer draws are made (a path is applied with
     * {@link Scenario#with}, which reads the scenario again).
     */
    private Uncertainty uncertainty(Optional<SourceNode> block) throws ScenarioException {
        if (block.isEmpty()) {
            return null;
        }
        MapNode u = f.map(block.get(), "parameter uncertainty { outer: N, parameters: { path: distribution } }");
        f.allowOnly(u, UNCERTAINTY_FIELDS);
        int outer = (int) whole(u, "outer", 1, Uncertainty.MAX_OUTER, DEFAULT_OUTER);
        MapNode params = f.map(f.required(u, "parameters"), "uncertain parameters by path, such as "
                + "{ demand.cancellationRate: { uniform: { min: 0.08, max: 0.16 } } }");
        if (params.fields().isEmpty()) {
            throw f.error(params, "expected at least one uncertain parameter, found none");
        }
        List<Uncertainty.Parameter> out = new ArrayList<>();
        for (Map.Entry<String, SourceNode> e : params.fields().entrySet()) {
            ScenarioPath path;
            try {
                path = ScenarioPath.parse(e.getKey());
            } catch (IllegalArgumentException ex) {
                throw f.error(e.getValue(), "expected a field path such as models[capitation].default.capitation.pmpm, found `"
                        + e.getKey() + "`: " + ex.getMessage());
            }
            // A first field the scenario cannot have is refused here, so `validate` catches the typo; the
            // rest of the path is checked where the outer draws are made (Scenario.with reads it again).
            String first = path.segments().get(0).field();
            if (!TOP.contains(first)) {
                String nearest = Names.nearest(first, TOP);
                throw f.error(e.getValue(), "unknown input path `" + e.getKey() + "`: a path starts with a field of the "
                        + "scenario, such as demand or models" + (nearest != null ? "; did you mean `" + nearest + "`?" : ""));
            }
            Distribution values = dists.read(e.getValue(), Range.ANY);
            out.add(new Uncertainty.Parameter(path, values, f.file(), e.getValue().line(), e.getValue().column()));
        }
        return new Uncertainty(outer, out);
    }

    private long whole(MapNode m, String key, long min, long max, long dflt) throws ScenarioException {
        Optional<SourceNode> n = f.optional(m, key);
        return n.isPresent() ? f.wholeNumber(n.get(), min, max) : dflt;
    }

    private Practice practice(MapNode p) throws ScenarioException {
        f.allowOnly(p, Blocks.PRACTICE.keys());
        double clinicians = f.number(f.required(p, "clinicians"), Range.POSITIVE, MAX_CLINICIANS,
                "the largest practice payrisk simulates");
        double perDay = f.number(f.required(p, "visitsPerClinicianDay"), Range.POSITIVE, MAX_VISITS_PER_DAY,
                "visits one clinician can attend in a day");
        double days = f.number(f.required(p, "workdaysPerMonth"), Range.POSITIVE, MAX_WORKDAYS, "days in a month");
        double capacity = clinicians * perDay * days;
        if (capacity > MAX_MONTHLY_CAPACITY) {
            throw f.error(f.required(p, "clinicians"), "expected a monthly capacity (clinicians x visitsPerClinicianDay x "
                    + "workdaysPerMonth) of at most 1,000,000 visits, so that a trial's visits fit in memory, found "
                    + Fields.format(Math.rint(capacity)) + " visits");
        }
        MapNode costs = f.map(f.required(p, "costs"), "the practice costs");
        f.allowOnly(costs, Blocks.COSTS.keys());
        double fixed = f.number(f.required(costs, "fixedPerMonth"), Range.NON_NEGATIVE);
        double perVisit = f.number(f.required(costs, "perAttendedVisit"), Range.NON_NEGATIVE);
        return f.build(p, () -> new Practice(clinicians, perDay, days, fixed, perVisit));
    }

    private Demand demand(MapNode d) throws ScenarioException {
        f.allowOnly(d, Blocks.DEMAND.keys());
        SourceNode arrivalsNode = f.required(d, "newEpisodesPerMonth");
        Distribution arrivals = dists.read(arrivalsNode, Range.COUNT);
        double[] season = new double[12];
        Arrays.fill(season, 1);
        Optional<SourceNode> s = f.optional(d, "seasonality");
        if (s.isPresent()) {
            ListNode l = f.list(s.get(), "12 monthly factors, January first");
            if (l.items().size() != 12) {
                throw f.error(l, "expected 12 monthly factors (January first), found " + l.items().size());
            }
            for (int i = 0; i < 12; i++) {
                season[i] = f.number(l.items().get(i), Range.NON_NEGATIVE, MAX_SEASON_FACTOR,
                        "the largest seasonality factor payrisk accepts");
            }
        }
        double peak = Arrays.stream(season).max().orElse(1);
        if (peak != 1) {
            dists.checkLargest(arrivalsNode, arrivals, Range.COUNT, Range.COUNT.max, Range.COUNT.maxNote, peak, " in its busiest month, after the seasonality "
                    + "factor " + Fields.format(peak));
        }
        Distribution cancel = f.optional(d, "cancellationRate").isPresent()
                ? dists.read(f.required(d, "cancellationRate"), Range.PROBABILITY) : Constant.of(0);

        MapNode payersNode = f.map(f.required(d, "payers"), "payer shares such as { medicare: 0.6, commercial: 0.4 }");
        if (payersNode.fields().isEmpty()) {
            throw f.error(payersNode, "expected at least one payer with its share, found none");
        }
        List<String> payers = new ArrayList<>(payersNode.fields().keySet());
        double[] payerShares = new double[payers.size()];
        Map<String, String> payerIds = new HashMap<>();
        for (int i = 0; i < payers.size(); i++) {
            SourceNode share = payersNode.fields().get(payers.get(i));
            f.nameKey(payers.get(i), share, share.path(), "a payer name such as medicare");
            f.distinctName(payerIds, payers.get(i), share, "payer");
            payerShares[i] = f.number(payersNode.fields().get(payers.get(i)), Range.PROBABILITY);
        }
        checkSum(payersNode, payerShares, "payer shares");

        ListNode casesNode = f.list(f.required(d, "cases"), "case types");
        if (casesNode.items().isEmpty()) {
            throw f.error(casesNode, "expected at least one case type, found an empty list");
        }
        List<CaseType> cases = new ArrayList<>();
        Set<String> caseNames = new HashSet<>();
        Map<String, String> caseIds = new HashMap<>();
        double[] caseShares = new double[casesNode.items().size()];
        for (SourceNode cn : casesNode.items()) {
            MapNode c = f.map(cn, "a case type");
            f.allowOnly(c, Blocks.CASE.keys());
            SourceNode nameNode = f.required(c, "name");
            String name = f.text(nameNode, "a case name");
            f.distinctName(caseIds, name, nameNode, "case");
            caseNames.add(name);
            double share = f.number(f.required(c, "share"), Range.PROBABILITY);
            caseShares[cases.size()] = share;
            Distribution followUps = dists.read(f.required(c, "followUpVisits"), Range.COUNT);
            int perMonth = (int) f.wholeNumber(f.required(c, "visitsPerMonth"), 1, 1000);
            Distribution units = dists.read(f.required(c, "unitsPerVisit"), Range.COUNT, MAX_UNITS_PER_VISIT,
                    "15-minute units in a day");
            cases.add(f.build(c, () -> new CaseType(name, share, followUps, perMonth, units)));
        }
        checkSum(casesNode, caseShares, "case shares");
        if (payers.size() > Byte.MAX_VALUE || cases.size() > Byte.MAX_VALUE) {
            throw f.error(d, "expected at most 127 payers and 127 cases, found " + payers.size() + " and " + cases.size());
        }
        return f.build(d, () -> new Demand(arrivals, season, cancel, payers, payerShares, cases));
    }

    private void checkSum(SourceNode at, double[] shares, String what) throws ScenarioException {
        double sum = 0;
        for (double s : shares) {
            sum += s;
        }
        if (Math.abs(sum - 1) > SHARE_TOLERANCE) {
            throw f.error(at, "expected " + what + " summing to 1 (within " + SHARE_TOLERANCE + "), found a sum of "
                    + new java.math.BigDecimal(sum).round(new java.math.MathContext(10)).stripTrailingZeros().toPlainString());
        }
    }

    private CashTerms cash(MapNode root) throws ScenarioException {
        Optional<SourceNode> c = f.optional(root, "cash");
        if (c.isEmpty()) {
            return CashTerms.DEFAULT;
        }
        MapNode m = f.map(c.get(), "cash settings { startingReserve, openingReceivables }");
        f.allowOnly(m, Blocks.CASH.keys());
        double reserve = f.optional(m, "startingReserve").isPresent() ? f.number(f.required(m, "startingReserve"), Range.ANY) : 0;
        boolean steady = true;
        Optional<SourceNode> o = f.optional(m, "openingReceivables");
        if (o.isPresent()) {
            String v = f.text(o.get(), "steadyState or none");
            if (!v.equals("steadyState") && !v.equals("none")) {
                String nearest = Names.nearest(v, List.of("steadyState", "none"));
                throw f.error(o.get(), "expected `steadyState` (a running practice is still owed for last year's "
                        + "services) or `none` (a new practice), found `" + v + "`"
                        + (nearest != null ? "; did you mean `" + nearest + "`?" : ""));
            }
            steady = v.equals("steadyState");
        }
        return new CashTerms(reserve, steady);
    }

    private List<PaymentModel> models(ListNode list, Demand demand, PaymentRules payment, CashTerms cash)
            throws ScenarioException {
        if (list.items().isEmpty()) {
            throw f.error(list, "expected at least one payment model, found an empty list");
        }
        List<PaymentModel> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Map<String, String> modelIds = new HashMap<>();
        for (SourceNode mn : list.items()) {
            MapNode m = f.map(mn, "a payment model");
            f.allowOnly(m, Blocks.MODEL.keys());
            SourceNode nameNode = f.required(m, "name");
            String name = f.text(nameNode, "a model name");
            f.distinctName(modelIds, name, nameNode, "model");
            names.add(name);
            List<PaymentRule> rules = new ArrayList<>();
            List<RuleTerms> terms = new ArrayList<>();
            List<String> contracts = new ArrayList<>();
            int[] ruleOfPayer = new int[demand.payers().size()];
            Arrays.fill(ruleOfPayer, -1);
            Optional<SourceNode> dflt = f.optional(m, "default");
            Optional<SourceNode> overrides = f.optional(m, "payers");
            int defaultRule = -1;
            if (dflt.isPresent()) {
                PaymentRules.Contract c = payment.contract(dflt.get());
                rules.add(c.rule());
                terms.add(c.terms());
                contracts.add("default");
                defaultRule = 0;
            }
            if (overrides.isPresent()) {
                MapNode o = f.map(overrides.get(), "rules by payer");
                for (Map.Entry<String, SourceNode> e : o.fields().entrySet()) {
                    f.nameKey(e.getKey(), e.getValue(), e.getValue().path(), "a payer of demand.payers");
                    int p = demand.payerIndex(e.getKey());
                    if (p < 0) {
                        String nearest = Names.nearest(e.getKey(), demand.payers());
                        throw f.error(e.getValue(), "unknown payer `" + e.getKey() + "`"
                                + (nearest != null ? "; did you mean `" + nearest + "`?" : ".")
                                + " Payers in demand.payers: " + String.join(", ", demand.payers()) + ".");
                    }
                    ruleOfPayer[p] = rules.size();
                    PaymentRules.Contract c = payment.contract(e.getValue());
                    rules.add(c.rule());
                    terms.add(c.terms());
                    contracts.add("payers." + e.getKey());
                }
            }
            for (int p = 0; p < ruleOfPayer.length; p++) {
                if (ruleOfPayer[p] < 0) {
                    if (defaultRule < 0) {
                        throw f.error(m, m.path(), "model `" + name + "` leaves payer `" + demand.payers().get(p)
                                + "` uncovered: expected a `default` rule or a rule under `payers` for every payer in demand.payers");
                    }
                    ruleOfPayer[p] = defaultRule;
                }
            }
            // A default contract that every payer overrides pays nobody: drop it.
            if (defaultRule == 0 && Arrays.stream(ruleOfPayer).noneMatch(r -> r == 0)) {
                rules.remove(0);
                terms.remove(0);
                contracts.remove(0);
                for (int p = 0; p < ruleOfPayer.length; p++) {
                    ruleOfPayer[p]--;
                }
            }
            out.add(new PaymentModel(name, rules, ruleOfPayer, terms, cash, contracts));
        }
        return out;
    }
}
