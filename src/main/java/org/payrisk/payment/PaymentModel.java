package org.payrisk.payment;

import java.util.List;
import java.util.Objects;

/**
 * A named way of being paid: every payer is mapped to exactly one rule (contract).
 *
 * @param name unique model name
 * @param rules the contracts' base rules, in scenario order ({@code default} first when present)
 * @param ruleOfPayer for each payer index, the index of its rule in {@code rules}
 * @param terms per rule, its overlays and payment lag (same order as {@code rules})
 * @param cash how the cash balance is followed
 */
public record PaymentModel(String name, List<PaymentRule> rules, int[] ruleOfPayer, List<RuleTerms> terms,
                           CashTerms cash) {

    /**
     * A model whose contracts have no overlays, pay in the month of service, with no cash reserve.
     *
     * @param name unique model name
     * @param rules the contracts
     * @param ruleOfPayer for each payer index, the index of its rule
     */
    public PaymentModel(String name, List<PaymentRule> rules, int[] ruleOfPayer) {
        this(name, rules, ruleOfPayer, java.util.Collections.nCopies(rules.size(), RuleTerms.NONE), CashTerms.DEFAULT);
    }

    /** Validates that every payer is covered by an existing rule. */
    public PaymentModel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cash, "cash");
        rules = List.copyOf(rules);
        terms = List.copyOf(terms);
        if (terms.size() != rules.size()) {
            throw new IllegalArgumentException("model " + name + ": expected terms for each of the " + rules.size() + " rules");
        }
        ruleOfPayer = ruleOfPayer.clone();
        for (int p = 0; p < ruleOfPayer.length; p++) {
            if (ruleOfPayer[p] < 0 || ruleOfPayer[p] >= rules.size()) {
                throw new IllegalArgumentException("model " + name + ": payer " + p + " is not covered by any rule");
            }
        }
    }

    @Override
    public int[] ruleOfPayer() {
        return ruleOfPayer.clone();
    }

    /**
     * @param rule a rule index
     * @return covered[p], true when payer p is paid under that rule
     */
    public boolean[] coveredBy(int rule) {
        boolean[] covered = new boolean[ruleOfPayer.length];
        for (int p = 0; p < ruleOfPayer.length; p++) {
            covered[p] = ruleOfPayer[p] == rule;
        }
        return covered;
    }
}
