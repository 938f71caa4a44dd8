package org.payrisk.payment;

import java.util.List;
import org.payrisk.dist.Distribution;

/**
 * What a contract adds around its base rule: value-based overlays and the payment lag.
 *
 * <p>Per trial: the lag from its stream keyed by {@code paymentLagMonths} and the payers the contract
 * covers ({@link RandomInputs}); the overlays' terms from the
 * trial's claims key by field name, without the payers (see {@link Overlay#QUALITY}).
 *
 * @param overlays value-based layers, in scenario order
 * @param paymentLagMonths months between service and payment, drawn per trial (&gt;= 0, fractions
 *                         split the month's payments between the two neighbouring months), or null
 *                         for payment in the month of service
 */
public record RuleTerms(List<Overlay> overlays, Distribution paymentLagMonths) {

    /** No overlays, paid in the month of service. */
    public static final RuleTerms NONE = new RuleTerms(List.of(), null);

    /** Latest month a settlement may be paid (100 years): keeps every cash-flow array small. */
    public static final int MAX_SETTLEMENT_MONTH = 1200;

    /** Checks the lag's range; copies the list. */
    public RuleTerms {
        if (paymentLagMonths != null) {
            TermChecks.amount("paymentLagMonths", paymentLagMonths);
        }
        overlays = List.copyOf(overlays);
    }

    /** @return true when the contract has neither overlays nor a lag (no terms stream is needed) */
    public boolean isNone() {
        return overlays.isEmpty() && paymentLagMonths == null;
    }
}
