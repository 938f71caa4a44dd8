package org.payrisk.fit;

/**
 * One fitted parameter in payrisk's own parameterisation (the names a scenario file uses).
 *
 * @param name the parameter's name in the scenario syntax, e.g. {@code dispersion}
 * @param value the maximum-likelihood estimate
 * @param standardError its asymptotic standard error (square root of the inverse observed Fisher
 *     information, carried to this parameterisation by the delta method); NaN for a parameter that
 *     was given, not estimated (the binomial's n)
 */
public record Parameter(String name, double value, double standardError) {

    /** @return true when the value was given rather than estimated */
    public boolean fixed() {
        return Double.isNaN(standardError);
    }
}
