package org.payrisk.payment;

import java.util.function.Supplier;

/**
 * Test scope only: builds payment records with their term checks skipped, for
 * {@code engine.NonFiniteOutcomeTest}, which needs terms that overflow on purpose to test the
 * engine's backstop against outcomes that are not finite. Any other use defeats the records' checks.
 */
public final class UncheckedTerms {

    private UncheckedTerms() {
    }

    /**
     * @param make builds the record
     * @param <T> the record
     * @return the record, built without its range checks
     */
    public static <T> T build(Supplier<T> make) {
        return TermChecks.unchecked(make);
    }
}
