package org.payrisk.payment;

/**
 * How a payer reduces the second and later procedures of one visit (multiple procedure payment
 * reduction), ../shared/DOMAIN.md "Review, 2026-11", B.
 */
public enum Mppr {
    /**
     * Medicare's rule (since April 2013), which commercial payers such as UnitedHealthcare and BCBS
     * Michigan follow: the unit with the highest practice-expense (PE) part is paid in full, every
     * other unit loses the reduction rate (50%) of its PE part.
     */
    PRACTICE_EXPENSE("practiceExpense"),
    /** No reduction: every unit is paid its whole fee. */
    NONE("none"),
    /**
     * The whole-fee variant of some commercial and Medicare Advantage contracts (e.g. Independence
     * Blue Cross MA PPO): the code line with the highest allowed amount (the code with all its units
     * in the visit) is paid in full, every other code line at (1 - rate), i.e. 50% of its whole fee.
     */
    WHOLE_FEE("wholeFee");

    private final String label;

    Mppr(String label) {
        this.label = label;
    }

    /** @return the name written in a scenario file */
    public String label() {
        return label;
    }
}
