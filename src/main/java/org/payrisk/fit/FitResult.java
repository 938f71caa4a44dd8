package org.payrisk.fit;

import java.util.List;

/**
 * Every family fitted to one data column, best (smallest AIC) first.
 *
 * @param data the data
 * @param kind what the data measure
 * @param kindInferred true when the kind was inferred from the values rather than given
 * @param binomialN the binomial's n when given, else 0
 * @param fits the fitted families, by AIC (ties by family name)
 * @param skipped families that could not be fitted, each with the reason
 * @param seed seed of the parametric bootstrap
 * @param bootstrapSamples samples of the parametric bootstrap (continuous and probability data)
 */
public record FitResult(DataColumn data, FitKind kind, boolean kindInferred, int binomialN, List<FamilyFit> fits,
                        List<Skipped> skipped, long seed, int bootstrapSamples) {

    /** Copies the lists. */
    public FitResult {
        fits = List.copyOf(fits);
        skipped = List.copyOf(skipped);
    }

    /** @return the best fit by AIC */
    public FamilyFit winner() {
        return fits.get(0);
    }

    /**
     * A family that could not be fitted to these data.
     *
     * @param family the family's name
     * @param reason why, in words
     */
    public record Skipped(String family, String reason) {
    }
}
