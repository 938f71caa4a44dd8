package org.payrisk.payment;

import java.util.ArrayList;
import java.util.Arrays;
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
 * @param contracts per rule, where its contract is written in the model, as field paths print it:
 *                  {@code default} or {@code payers.<payer name>} (same order as {@code rules}); the
 *                  recorded inputs' paths begin with it
 */
public record PaymentModel(String name, List<PaymentRule> rules, int[] ruleOfPayer, List<RuleTerms> terms,
                           CashTerms cash, List<String> contracts) {

    /**
     * A model whose contracts are labelled {@code default} (rule 0, when it covers more than one
     * payer or is the only rule) or {@code contracts[r]} (for models built in code; the scenario
     * reader gives the labels as written).
     *
     * @param name unique model name
     * @param rules the contracts' base rules
     * @param ruleOfPayer for each payer index, the index of its rule
     * @param terms per rule, its overlays and payment lag
     * @param cash how the cash balance is followed
     */
    public PaymentModel(String name, List<PaymentRule> rules, int[] ruleOfPayer, List<RuleTerms> terms, CashTerms cash) {
        this(name, rules, ruleOfPayer, terms, cash, labels(rules.size(), ruleOfPayer));
    }

    private static List<String> labels(int rules, int[] ruleOfPayer) {
        ArrayList<String> out = new ArrayList<>();
        for (int r = 0; r < rules; r++) {
            final int rule = r;
            long covers = Arrays.stream(ruleOfPayer).filter(x -> x == rule).count();
            out.add(r == 0 && (covers > 1 || rules == 1) ? "default" : "contracts[" + r + "]");
        }
        return out;
    }

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
        contracts = List.copyOf(contracts);
        if (contracts.size() != rules.size()) {
            throw new IllegalArgumentException("model " + name + ": expected a contract label for each of the " + rules.size() + " rules");
        }
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

    /**
     * The same model under another name. Its random inputs are keyed by what they are, never by the
     * model's name ({@link RandomInputs}), so it pays every trial exactly as this model does: how a
     * sweep runs several points' copies of a model beside one simulation of the practice.
     *
     * @param newName the name
     * @return the renamed copy
     */
    public PaymentModel named(String newName) {
        return new PaymentModel(newName, rules, ruleOfPayer, terms, cash, contracts);
    }

    @Override
    public int[] ruleOfPayer() {
        return ruleOfPayer.clone();
    }

    /**
     * @param rule a rule index
     * @param payerNames the practice's payer names, by payer index
     * @return the payers paid under that rule, keyed by their names
     */
    public Coverage coveredBy(int rule, List<String> payerNames) {
        boolean[] covered = new boolean[ruleOfPayer.length];
        for (int p = 0; p < ruleOfPayer.length; p++) {
            covered[p] = ruleOfPayer[p] == rule;
        }
        return Coverage.of(covered, payerNames);
    }
}
