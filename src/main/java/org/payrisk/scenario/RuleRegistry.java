package org.payrisk.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.payrisk.payment.PaymentRule;
import org.payrisk.scenario.SourceNode.MapNode;

/**
 * The payment rules a contract may name, each with its key as written in a scenario, the reader of
 * its terms, and where it is documented. Adding a payment model is one class in {@code payment}, one
 * reader and one {@link #register} line here; a key not registered is a located error with "did you
 * mean" (there is no fallback rule).
 */
final class RuleRegistry {

    /** Reads a rule's terms (the mapping under its key) into the rule. */
    @FunctionalInterface
    interface Reader {
        /**
         * @param rules the reader of the contract, giving access to distributions, cases and horizon
         * @param terms the rule's located terms
         * @return the validated rule
         * @throws ScenarioException when a term is invalid
         */
        PaymentRule read(PaymentRules rules, MapNode terms) throws ScenarioException;
    }

    /**
     * One registered rule.
     *
     * @param key the key in a scenario, e.g. {@code capitation}
     * @param reader reads its terms
     * @param summary one line for messages and generated documentation
     * @param docs where its fields are documented (a path in the repository, with an anchor)
     * @param terms what its terms may be, declared in {@link Blocks}: the reader refuses other keys and
     *              {@link ScenarioSchema} describes them
     */
    record Kind(String key, Reader reader, String summary, String docs, FieldSpec.Type terms) {
    }

    private static final Map<String, Kind> KINDS = new LinkedHashMap<>();

    static {
        register(new Kind("feeForService", PaymentRules::feeForServiceRule,
                "fee-for-service: a price per evaluation and per unit, or the Medicare fee schedule",
                "docs/payment-rules.md#fee-for-service-simple-form-unchanged", Blocks.FEE_FOR_SERVICE));
        register(new Kind("capitation", PaymentRules::capitationRule,
                "capitation: members x PMPM every month, with optional churn, risk corridor and stop-loss",
                "docs/payment-rules.md#capitation", new FieldSpec.Ref(Blocks.CAPITATION)));
        register(new Kind("bundled", PaymentRules::bundledRule,
                "bundled: a price per episode, or an episode program reconciled against a target price",
                "docs/payment-rules.md#bundled-payments-and-episode-programs", Blocks.BUNDLED));
        register(new Kind(MedicareRules.PERCENT_OF_MEDICARE, (rules, terms) -> rules.percentOfMedicareRule(MedicareRules.PERCENT_OF_MEDICARE, terms),
                "percentOfMedicare: a drawn share of what Medicare would allow for the same claims (Medicare Advantage, commercial)",
                "docs/payment-rules.md#percent-of-medicare-workers-compensation-and-visit-limits",
                new FieldSpec.Ref(Blocks.PERCENT_OF_MEDICARE)));
        register(new Kind(MedicareRules.WORKERS_COMP, (rules, terms) -> rules.percentOfMedicareRule(MedicareRules.WORKERS_COMP, terms),
                "workersComp: a state fee schedule as a factor of Medicare's allowed amount",
                "docs/payment-rules.md#percent-of-medicare-workers-compensation-and-visit-limits",
                new FieldSpec.Ref(Blocks.WORKERS_COMP)));
    }

    private RuleRegistry() {
    }

    private static void register(Kind k) {
        if (KINDS.putIfAbsent(k.key(), k) != null) {
            throw new IllegalStateException("payment rule registered twice: " + k.key());
        }
    }

    /** @return the registered keys, in registration order */
    static List<String> keys() {
        return List.copyOf(KINDS.keySet());
    }

    /** @return the kind registered under {@code key}, or null */
    static Kind get(String key) {
        return KINDS.get(key);
    }
}
