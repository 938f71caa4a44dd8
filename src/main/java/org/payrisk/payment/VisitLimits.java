package org.payrisk.payment;

import java.util.Objects;
import org.payrisk.dist.Distribution;

/**
 * A payer's limits on visits: prior authorisation of a drawn number of follow-ups per episode, with
 * re-authorisation that the payer may deny, and a cap on visits per patient and calendar year
 * (Medicaid: e.g. Kentucky 20 visits a year, Arizona 15 rehabilitation visits; Medicare Advantage
 * plans use prior authorisation; ../shared/DOMAIN.md, "Review, 2026-11", C).
 *
 * <p>The evaluation needs no authorisation (it is what the request is based on) but counts toward the
 * yearly cap. A visit beyond a limit is not paid. Whether it is still delivered is stated by
 * {@code delivered}: when true (the default) the practice treats and bears the visit's cost, unpaid;
 * when false the practice stops at the limit, so the visit is neither paid nor costed. Because the
 * practice-year (and its costs) is shared by every model, the cost saved is booked in the contract's
 * revenue, {@code costSavedPerVisit} a visit, in the month the visit would have been made.
 *
 * @param authorizedVisits follow-ups authorised per request, drawn per request (the first with the
 *                         evaluation, then one per re-authorisation), a count &gt;= 0; null for no
 *                         authorisation
 * @param reauthorizationDenial probability that a re-authorisation request is denied, drawn per trial;
 *                              after a denial no further follow-up of the episode is paid
 * @param visitsPerYear cap on paid visits per patient (episode) and calendar year, evaluation included,
 *                      or 0 for no cap
 * @param delivered whether visits beyond a limit are still delivered (and costed)
 * @param costSavedPerVisit dollars saved per visit not delivered (used only when {@code delivered} is
 *                          false), &gt;= 0
 */
public record VisitLimits(Distribution authorizedVisits, Distribution reauthorizationDenial, int visitsPerYear,
                          boolean delivered, double costSavedPerVisit) {

    /** Checks ranges. */
    public VisitLimits {
        if (authorizedVisits != null) {
            Objects.requireNonNull(reauthorizationDenial, "reauthorizationDenial");
        }
        if (visitsPerYear < 0) {
            throw new IllegalArgumentException("visitsPerYear: expected a count >= 0, found " + visitsPerYear);
        }
        if (!(costSavedPerVisit >= 0) || Double.isInfinite(costSavedPerVisit)) {
            throw new IllegalArgumentException("costSavedPerVisit: expected dollars >= 0, found " + costSavedPerVisit);
        }
        if (authorizedVisits == null && visitsPerYear == 0) {
            throw new IllegalArgumentException("visit limits: expected an authorisation or a yearly cap");
        }
    }
}
