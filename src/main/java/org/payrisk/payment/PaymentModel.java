package org.payrisk.payment;

import java.util.List;
import java.util.Objects;

/**
 * A named way of being paid: every payer is mapped to exactly one rule (contract).
 *
 * @param name unique model name
 * @param rules the contracts, in scenario order ({@code default} first when present)
 * @param ruleOfPayer for each payer index, the index of its rule in {@code rules}
 */
public record PaymentModel(String name, List<PaymentRule> rules, int[] ruleOfPayer) {

    /** Validates that every payer is covered by an existing rule. */
    public PaymentModel {
        Objects.requireNonNull(name, "name");
        rules = List.copyOf(rules);
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
