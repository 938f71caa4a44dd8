package org.payrisk.fit;

import java.util.Locale;

/** What a data column measures, which decides the families fitted to it. */
public enum FitKind {
    /** Whole numbers &gt;= 0: poisson, negativeBinomial, and binomial when its n is given. */
    COUNT,
    /** Real numbers: normal, and lognormal and gamma when every value is &gt; 0. */
    CONTINUOUS,
    /** Shares in [0, 1]: beta (which needs every value strictly between 0 and 1). */
    PROBABILITY;

    /** @return the name as written on the command line, e.g. {@code count} */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
