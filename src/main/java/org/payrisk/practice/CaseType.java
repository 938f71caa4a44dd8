package org.payrisk.practice;

import java.util.Objects;
import org.payrisk.dist.Distribution;

/**
 * A kind of episode of care (a diagnosis group) with its own length and intensity.
 *
 * @param name unique name, referred to by bundled prices
 * @param share probability that a new episode is of this case, in [0, 1]; shares sum to 1
 * @param followUpVisits follow-up visits planned after the evaluation, drawn once per episode
 *                       (a count, &gt;= 0)
 * @param visitsPerMonth most visits of one episode scheduled in a month, &gt;= 1
 * @param unitsPerVisit billed 15-minute units of an attended follow-up, drawn once per attended
 *                      follow-up (a count, &gt;= 0)
 */
public record CaseType(String name, double share, Distribution followUpVisits, int visitsPerMonth,
                       Distribution unitsPerVisit) {

    /** Largest billed units of one visit: a visit lasts at most a day (rules price visits unit by unit). */
    public static final double MAX_UNITS_PER_VISIT = 96;

    /** Validates the fields. */
    public CaseType {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name: expected a case name, found an empty name");
        }
        if (unitsPerVisit != null && unitsPerVisit.supportMin() >= 0 && unitsPerVisit.probabilityBelow(MAX_UNITS_PER_VISIT + 1e-9) < 1 - 1e-12) {
            throw new IllegalArgumentException("unitsPerVisit: expected at most " + (int) MAX_UNITS_PER_VISIT
                    + " units per visit (a day's 15-minute units), found " + unitsPerVisit);
        }
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("share: expected a probability in [0, 1], found " + share);
        }
        if (visitsPerMonth < 1 || visitsPerMonth > 1000) {
            throw new IllegalArgumentException("visitsPerMonth: expected a whole number in [1, 1000], found " + visitsPerMonth);
        }
        Objects.requireNonNull(followUpVisits, "followUpVisits");
        Objects.requireNonNull(unitsPerVisit, "unitsPerVisit");
    }
}
