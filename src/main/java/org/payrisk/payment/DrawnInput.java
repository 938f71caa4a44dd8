package org.payrisk.payment;

import org.payrisk.practice.PracticeYear;

/**
 * One random input of a contract whose per-trial value is recorded beside the outcomes (for
 * sensitivity analysis and trials.csv): its field path within the contract, as error messages
 * print it ({@code capitation.pmpm}; per-month or per-episode draws as an aggregate,
 * {@code capitation.members:mean}), and how to recover the value the contract used in a trial.
 * The value is re-derived from the same keyed stream the contract draws from, so it is the value
 * used, by construction.
 *
 * @param field path within the contract
 * @param value the value used in a trial
 */
public record DrawnInput(String field, Value value) {

    /** Recovers an input's value in one trial. Implementations are thread safe (stateless). */
    @FunctionalInterface
    public interface Value {
        /**
         * @param year the trial's practice-year
         * @param covered the payers the contract covers
         * @param claimsKey the trial's claims key
         * @return the value the contract used in that trial
         */
        double of(PracticeYear year, Coverage covered, long claimsKey);
    }

    /**
     * @param prefix path segment to put in front, e.g. {@code bundled.reconciliation.}
     * @return this input under that prefix
     */
    public DrawnInput under(String prefix) {
        return new DrawnInput(prefix + field, value);
    }
}
