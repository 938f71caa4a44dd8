package org.payrisk.fit;

import java.util.List;
import org.payrisk.dist.Distribution;

/**
 * One family fitted by maximum likelihood.
 *
 * @param family the family's name in the scenario syntax, e.g. {@code negativeBinomial}
 * @param parameters its parameters in payrisk's parameterisation, in the scenario syntax's order
 * @param logLikelihood the maximised log-likelihood (natural log, densities for continuous data)
 * @param estimatedParameters how many parameters were estimated (k in the AIC)
 * @param aic Akaike's information criterion, 2 k - 2 logLikelihood (smaller is better)
 * @param test its goodness-of-fit test
 * @param distribution the fitted law as a payrisk distribution (unrounded)
 */
public record FamilyFit(String family, List<Parameter> parameters, double logLikelihood, int estimatedParameters,
                        double aic, GoodnessOfFit test, Distribution distribution) {

    /** Copies the parameter list. */
    public FamilyFit {
        parameters = List.copyOf(parameters);
    }

    /**
     * The fitted law's quantile function (continuous families only).
     *
     * @param p a probability in (0, 1)
     * @return the value below which the fitted law puts probability p
     */
    public double quantile(double p) {
        return Families.real(distribution).inverseCumulativeProbability(p);
    }
}
