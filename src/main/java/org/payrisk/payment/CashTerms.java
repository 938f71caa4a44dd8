package org.payrisk.payment;

/**
 * How the practice's bank balance is followed month by month.
 *
 * @param startingReserve cash in the bank at the start of month 1, dollars (may be negative: an
 *                        overdraft)
 * @param steadyStateReceivables true when the practice was already running before month 1, so that
 *                               payments for services before month 1 arrive in the first months (each
 *                               such month is taken to have earned the contract's mean monthly payment
 *                               over the horizon); false for a new practice that is owed nothing at the
 *                               start
 */
public record CashTerms(double startingReserve, boolean steadyStateReceivables) {

    /** No reserve, already running. */
    public static final CashTerms DEFAULT = new CashTerms(0, true);

    /** Checks the reserve is finite. */
    public CashTerms {
        if (!Double.isFinite(startingReserve)) {
            throw new IllegalArgumentException("startingReserve: expected a finite number, found " + startingReserve);
        }
    }
}
