package org.payrisk.engine;

/**
 * A trial produced an outcome that is not a finite number: an input so large (a price or PMPM near
 * the largest double, a normal sd of 1e308) that sums overflow to infinity or turn into NaN. A user
 * input error, not a bug: the command line prints the message alone and exits with status 2. The
 * run stops at the first such trial rather than writing a summary full of nulls.
 */
public final class NonFiniteOutcomeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String model;
    private final String metric;
    private final int trial;

    /**
     * @param model the payment model's name, or null for the practice's own costs
     * @param metric the outcome, e.g. {@code revenue}, {@code net income in month 3}
     * @param trial the trial index
     * @param value the value found (infinite or NaN)
     * @param suspect the drawn input that most likely caused it ("path drew value"), or null
     */
    public NonFiniteOutcomeException(String model, String metric, int trial, double value, String suspect) {
        super(message(model, metric, trial, value, suspect));
        this.model = model;
        this.metric = metric;
        this.trial = trial;
    }

    private static String message(String model, String metric, int trial, double value, String suspect) {
        String where = model == null ? "the practice's " + metric : "model `" + model + "`'s " + metric;
        String check = model == null
                ? "the practice's cost inputs (staff, rent, cost per visit) and the demand's counts"
                : "the money and count inputs of models[" + model + "] (pmpm, members, prices, fees, targets, benchmarks, "
                        + "fixed amounts) and the demand's counts";
        return "trial " + trial + " gave " + where + " as " + value + ", not a finite number: an input is too large "
                + "for the arithmetic" + (suspect != null ? " (" + suspect + ")" : "") + ". Check " + check + " for values far beyond any real practice (such as 1e308, or a "
                + "distribution whose sd is that large), and give realistic values.";
    }

    /** @return the model's name, or null for the practice's costs */
    public String model() { return model; }

    /** @return the outcome that was not finite */
    public String metric() { return metric; }

    /** @return the trial index */
    public int trial() { return trial; }
}
