package org.payrisk.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.payrisk.dist.Constant;
import org.payrisk.dist.Distribution;
import org.payrisk.payment.FeeForService;
import org.payrisk.payment.MedicareFeeForService;
import org.payrisk.payment.PaymentModel;
import org.payrisk.payment.PaymentRule;
import org.payrisk.practice.CaseType;
import org.payrisk.practice.Demand;
import org.payrisk.practice.Response;
import org.payrisk.scenario.Fields.Range;
import org.payrisk.scenario.SourceNode.MapNode;

/**
 * Reads a model's optional {@code response} block: how the practice behaves when paid by that model.
 *
 * <pre>
 * response:
 *   followUpVisits: { scale: 0.9 }             # or a distribution, drawn once per trial
 *   cancellationRate: { change: -0.02 }        # or a distribution, drawn once per trial
 *   acceptance: { knee-replacement: 0.95 }     # share of new episodes taken on, by case
 *   unitsPerVisit: { discrete: ... }           # units of a follow-up under this model
 *   feeElasticity: { elasticity: 0.5, reference: fee-for-service }
 * </pre>
 *
 * <p>Fee elasticity: for every payer whose contract in this model and in the reference model are
 * fee-for-service forms of one kind, the payer's episodes plan (fee ÷ reference fee)^elasticity times
 * their follow-ups (on top of the scale). The fee is the mean {@code perUnit} of {@code feeForService},
 * or 1 + the mean {@code conversionFactorChange} of the Medicare forms. A negative elasticity is the
 * income-targeting response (fees fall, visits rise).
 */
final class ResponseReader {

    /** Keys of a response block. */
    static final List<String> KEYS = Blocks.RESPONSE.keys();
    /** Largest elasticity magnitude: DOMAIN.md brackets published values in 0.13 to 1.5. */
    static final double MAX_ELASTICITY = 3;

    private final Fields f;
    private final DistributionReader dists;

    ResponseReader(Fields f, DistributionReader dists) {
        this.f = f;
        this.dists = dists;
    }

    /**
     * @param modelNodes the models' nodes, in model order
     * @param models the models read from them
     * @param demand the demand (case and payer names)
     * @return each model's response, {@link Response#IDENTITY} where it has none
     */
    List<Response> read(List<MapNode> modelNodes, List<PaymentModel> models, Demand demand) throws ScenarioException {
        List<Response> out = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            Optional<SourceNode> r = f.optional(modelNodes.get(i), "response");
            out.add(r.isPresent() ? response(r.get(), i, modelNodes, models, demand) : Response.IDENTITY);
        }
        return out;
    }

    private Response response(SourceNode node, int self, List<MapNode> modelNodes, List<PaymentModel> models, Demand demand)
            throws ScenarioException {
        MapNode r = f.map(node, "a response block { followUpVisits, cancellationRate, acceptance, unitsPerVisit, feeElasticity }");
        f.allowOnly(r, KEYS);
        Distribution scale = Constant.of(1);
        Optional<SourceNode> fu = f.optional(r, "followUpVisits");
        if (fu.isPresent()) {
            MapNode m = f.map(fu.get(), "{ scale: r } (planned follow-ups are scaled by r)");
            f.allowOnly(m, Blocks.RESPONSE_FOLLOW_UPS.keys());
            scale = dists.read(f.required(m, "scale"), Range.NON_NEGATIVE, Response.MAX_SCALE,
                    "ten times the planned visits is no longer the same practice");
        }
        Distribution change = Constant.of(0);
        Optional<SourceNode> cr = f.optional(r, "cancellationRate");
        if (cr.isPresent()) {
            MapNode m = f.map(cr.get(), "{ change: d } (added to the trial's cancellation rate)");
            f.allowOnly(m, Blocks.RESPONSE_CANCELLATION.keys());
            change = dists.read(f.required(m, "change"), Range.ANY, 1, "a change of a probability");
        }
        double[] acceptance = new double[demand.cases().size()];
        java.util.Arrays.fill(acceptance, 1);
        Optional<SourceNode> ac = f.optional(r, "acceptance");
        if (ac.isPresent()) {
            MapNode m = f.map(ac.get(), "shares accepted by case, such as { knee: 0.9 }");
            for (var e : m.fields().entrySet()) {
                acceptance[f.caseKey(e.getKey(), e.getValue(), demand)] = f.number(e.getValue(), Range.PROBABILITY);
            }
        }
        Distribution units = null;
        Optional<SourceNode> up = f.optional(r, "unitsPerVisit");
        if (up.isPresent()) {
            units = dists.read(up.get(), Range.COUNT, CaseType.MAX_UNITS_PER_VISIT, "15-minute units in a day");
        }
        double[] feeFactor = new double[0];
        Optional<SourceNode> fe = f.optional(r, "feeElasticity");
        if (fe.isPresent()) {
            feeFactor = feeFactor(f.map(fe.get(), "{ elasticity: e, reference: MODEL }"), self, models, demand);
        }
        Distribution s = scale;
        Distribution c = change;
        Distribution u = units;
        double[] a = acceptance;
        double[] ff = feeFactor;
        return f.build(r, () -> new Response(s, c, a, u, ff));
    }

    private double[] feeFactor(MapNode m, int self, List<PaymentModel> models, Demand demand) throws ScenarioException {
        f.allowOnly(m, Blocks.FEE_ELASTICITY.keys());
        SourceNode eNode = f.required(m, "elasticity");
        double e = f.number(eNode, Range.ANY, MAX_ELASTICITY, "published values lie in 0.13 to 1.5");
        SourceNode refNode = f.required(m, "reference");
        String ref = f.text(refNode, "the name of the model whose fees are the reference");
        List<String> names = models.stream().map(PaymentModel::name).toList();
        int r = names.indexOf(ref);
        if (r < 0) {
            String nearest = Names.nearest(ref, names);
            throw f.error(refNode, "unknown model `" + ref + "`" + (nearest != null ? "; did you mean `" + nearest + "`?" : ".")
                    + " Models: " + String.join(", ", names) + ".");
        }
        double[] factor = new double[demand.payers().size()];
        boolean any = false;
        for (int p = 0; p < factor.length; p++) {
            double own = feeLevel(models.get(self).rules().get(models.get(self).ruleOfPayer()[p]));
            double base = feeLevel(models.get(r).rules().get(models.get(r).ruleOfPayer()[p]));
            boolean sameKind = models.get(self).rules().get(models.get(self).ruleOfPayer()[p]).kind()
                    .equals(models.get(r).rules().get(models.get(r).ruleOfPayer()[p]).kind());
            factor[p] = 1;
            if (sameKind && own > 0 && base > 0) {
                factor[p] = Math.pow(own / base, e);
                any = true;
                if (!(factor[p] > 0 && factor[p] <= Response.MAX_SCALE)) {
                    throw f.error(eNode, "expected a follow-up factor (fee ÷ reference fee)^elasticity in (0, "
                            + (int) Response.MAX_SCALE + "], found " + Fields.format(factor[p]) + " for payer `"
                            + demand.payers().get(p) + "`");
                }
            }
        }
        if (!any) {
            throw f.error(refNode, "expected a reference model that pays some payer by the same fee-for-service form as this "
                    + "model (feeForService or a Medicare fee schedule), found none in common with `" + ref + "`");
        }
        return factor;
    }

    /** The fee level of a fee-for-service form, or NaN for other rules. */
    private static double feeLevel(PaymentRule rule) {
        if (rule instanceof FeeForService ffs) {
            return ffs.perUnit().mean();
        }
        if (rule instanceof MedicareFeeForService mfs) {
            return 1 + (mfs.conversionFactorChange() == null ? 0 : mfs.conversionFactorChange().mean());
        }
        return Double.NaN;
    }
}
