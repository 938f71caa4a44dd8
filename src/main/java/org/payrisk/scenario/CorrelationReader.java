package org.payrisk.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.payrisk.dist.CopulaDraws;
import org.payrisk.dist.Distribution;
import org.payrisk.dist.GaussianCopula;
import org.payrisk.dist.InputCopula;
import org.payrisk.payment.Coverage;
import org.payrisk.payment.DrawnInput;
import org.payrisk.payment.Overlay;
import org.payrisk.payment.PaymentModel;
import org.payrisk.payment.RandomInputs;
import org.payrisk.practice.CaseType;
import org.payrisk.practice.PracticeModel;
import org.payrisk.practice.PracticeYear;
import org.payrisk.scenario.Fields.Range;
import org.payrisk.scenario.SourceNode.ListNode;
import org.payrisk.scenario.SourceNode.MapNode;

/**
 * Reads a scenario's {@code correlations:} block and resolves each path to the distribution its
 * input is drawn from.
 *
 * <p>The paths are those of the per-trial inputs that trials.csv records, in the same form
 * ({@code demand.cancellationRate}, {@code models[capitation].default.capitation.pmpm}; a model may
 * also be named by its index, {@code models[0]}). Only inputs drawn once per trial can be correlated:
 * a per-month or per-visit input (arrivals, follow-ups, units, capitation members) is recorded as an
 * aggregate of many draws. An input is drawn once per trial when its recorded value comes from
 * exactly one draw through {@link CopulaDraws#sample}, which this reader checks by running the
 * recorder once ({@link CopulaDraws#drawnBy}), so a rule added later is classified without a list
 * kept here.
 */
final class CorrelationReader {

    /** The block's fields, declared once for the reader and the schema. */
    static final List<String> ITEM_FIELDS = Blocks.CORRELATION.keys();

    private static final Pattern MODEL_INDEX = Pattern.compile("^models\\[(\\d+)\\]");

    private final Fields f;

    CorrelationReader(Fields f) {
        this.f = f;
    }

    /**
     * @param block the {@code correlations:} node, if present
     * @param practice the practice model read from the same file
     * @param models the payment models read from the same file
     * @return the correlated inputs ({@link InputCopula#NONE} for none)
     * @throws ScenarioException for a rank outside [-1, 1], a path that is not a per-trial input, an
     *         input correlated with itself or a pair listed twice
     */
    InputCopula read(Optional<SourceNode> block, PracticeModel practice, List<PaymentModel> models)
            throws ScenarioException {
        if (block.isEmpty()) {
            return InputCopula.NONE;
        }
        ListNode list = f.list(block.get(), "rank correlations such as - { between: [a, b], rank: 0.5 } (block style: "
                + "a path holds `[`)");
        if (list.items().isEmpty()) {
            return InputCopula.NONE;
        }
        Map<String, Distribution> perTrial = new LinkedHashMap<>();
        Map<String, String> notPerTrial = new LinkedHashMap<>();
        candidates(practice, models, perTrial, notPerTrial);
        List<String> paths = new ArrayList<>();
        List<double[]> pairs = new ArrayList<>(); // {i, j, rank}
        Map<String, Integer> pairLine = new HashMap<>();
        for (SourceNode itemNode : list.items()) {
            MapNode item = f.map(itemNode, "a correlation { between: [path, path], rank: r }");
            f.allowOnly(item, ITEM_FIELDS);
            ListNode between = f.list(f.required(item, "between"), "the two inputs' paths");
            if (between.items().size() != 2) {
                throw f.error(between, "expected two inputs' paths, found " + between.items().size());
            }
            int[] idx = new int[2];
            for (int k = 0; k < 2; k++) {
                SourceNode pn = between.items().get(k);
                String path = resolve(pn, models, perTrial, notPerTrial);
                if (k == 1 && path.equals(paths.get(idx[0]))) {
                    throw f.error(pn, "expected two different inputs, found `" + path + "` correlated with itself "
                            + "(its rank correlation with itself is always 1)");
                }
                int at = paths.indexOf(path);
                if (at < 0) {
                    at = paths.size();
                    paths.add(path);
                }
                idx[k] = at;
            }
            SourceNode rankNode = f.required(item, "rank");
            double r = f.number(rankNode, Range.ANY);
            if (!(r >= -1 && r <= 1)) {
                throw f.error(rankNode, "expected a Spearman rank correlation in [-1, 1], found " + Fields.format(r));
            }
            String key = Math.min(idx[0], idx[1]) + "," + Math.max(idx[0], idx[1]);
            Integer earlier = pairLine.putIfAbsent(key, between.line());
            if (earlier != null) {
                throw f.error(between, "expected each pair of inputs once, found `" + paths.get(idx[0]) + "` and `"
                        + paths.get(idx[1]) + "` again (first listed on line " + earlier + ")");
            }
            pairs.add(new double[] {idx[0], idx[1], r});
        }
        double[][] spearman = new double[paths.size()][paths.size()];
        for (int i = 0; i < spearman.length; i++) {
            spearman[i][i] = 1;
        }
        for (double[] p : pairs) {
            spearman[(int) p[0]][(int) p[1]] = p[2];
            spearman[(int) p[1]][(int) p[0]] = p[2];
        }
        List<Distribution> marginals = paths.stream().map(perTrial::get).toList();
        return new InputCopula(paths, marginals, GaussianCopula.ofSpearman(spearman));
    }

    /** A path as written, with a model's index replaced by its name; must be a per-trial input. */
    private String resolve(SourceNode pn, List<PaymentModel> models, Map<String, Distribution> perTrial,
                           Map<String, String> notPerTrial) throws ScenarioException {
        String path = f.text(pn, "an input's path such as demand.cancellationRate").trim();
        Matcher m = MODEL_INDEX.matcher(path);
        if (m.find()) {
            int i = Integer.parseInt(m.group(1).length() > 6 ? "999999" : m.group(1));
            if (i < models.size()) {
                path = "models[" + models.get(i).name() + "]" + path.substring(m.end());
            }
        }
        if (perTrial.containsKey(path)) {
            return path;
        }
        String why = notPerTrial.get(path);
        if (why != null) {
            throw f.error(pn, "expected an input drawn once per trial, found `" + path + "`, which is " + why
                    + "; only inputs drawn once per trial can be correlated. Inputs that can: "
                    + String.join(", ", perTrial.keySet()) + ".");
        }
        String nearest = Names.nearest(path, perTrial.keySet());
        throw f.error(pn, "expected the path of an input drawn once per trial, found `" + path + "` (an unknown path, "
                + "or a value that is fixed in this scenario)"
                + (nearest != null ? "; did you mean `" + nearest + "`?" : ".")
                + (perTrial.isEmpty() ? " This scenario draws no input once per trial."
                : " Inputs that can be correlated: " + String.join(", ", perTrial.keySet()) + "."));
    }

    /**
     * The scenario's recorded per-trial inputs, named as the engine's kernel names them: those drawn
     * once per trial with their distribution, the others with why they cannot be correlated.
     */
    private static void candidates(PracticeModel practice, List<PaymentModel> models, Map<String, Distribution> perTrial,
                                   Map<String, String> notPerTrial) {
        var demand = practice.demand();
        if (RandomInputs.isRandom(demand.cancellationRate())) {
            perTrial.put("demand.cancellationRate", demand.cancellationRate());
        }
        notPerTrial.put("demand.newEpisodesPerMonth", "drawn " + ScenarioFields.drawn("newEpisodesPerMonth").words());
        for (CaseType c : demand.cases()) {
            String prefix = "demand.cases[" + c.name() + "].";
            notPerTrial.put(prefix + "followUpVisits", "drawn " + ScenarioFields.drawn("followUpVisits").words());
            notPerTrial.put(prefix + "unitsPerVisit", "drawn " + ScenarioFields.drawn("unitsPerVisit").words());
        }
        List<String> caseNames = demand.cases().stream().map(CaseType::name).toList();
        PracticeYear empty = new PracticeYear(practice.horizonMonths());
        for (PaymentModel model : models) {
            for (int r = 0; r < model.rules().size(); r++) {
                String prefix = "models[" + model.name() + "]." + model.contracts().get(r) + ".";
                Coverage covered = model.coveredBy(r, demand.payers());
                for (DrawnInput d : model.rules().get(r).drawnInputs(caseNames)) {
                    classify(prefix + d.field(), d, covered, empty, perTrial, notPerTrial);
                }
                List<Overlay> overlays = model.terms().get(r).overlays();
                for (int o = 0; o < overlays.size(); o++) {
                    for (DrawnInput d : overlays.get(o).drawnInputs()) {
                        classify(prefix + "overlays[" + o + "]." + d.field(), d, covered, empty, perTrial, notPerTrial);
                    }
                }
                Distribution lag = model.terms().get(r).paymentLagMonths();
                if (RandomInputs.isRandom(lag)) {
                    perTrial.put(prefix + "paymentLagMonths", lag);
                }
            }
        }
    }

    private static void classify(String path, DrawnInput d, Coverage covered, PracticeYear empty,
                                 Map<String, Distribution> perTrial, Map<String, String> notPerTrial) {
        int colon = path.indexOf(':');
        if (colon >= 0) {
            notPerTrial.put(path.substring(0, colon), "recorded as the " + path.substring(colon + 1)
                    + " of many draws in a trial");
            return;
        }
        List<Distribution> drawn;
        try {
            drawn = CopulaDraws.drawnBy(() -> d.value().of(empty, covered, 0L));
        } catch (RuntimeException e) {
            notPerTrial.put(path, "derived from the year's visits");
            return;
        }
        if (drawn.size() == 1) {
            perTrial.put(path, drawn.get(0));
        } else {
            notPerTrial.put(path, "made of " + drawn.size() + " draws in a trial");
        }
    }
}
