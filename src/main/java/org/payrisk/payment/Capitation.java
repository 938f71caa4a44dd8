package org.payrisk.payment;

import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.payrisk.dist.Distribution;
import org.payrisk.practice.PracticeYear;

/**
 * Capitation: members x PMPM paid every month, whatever the visits. The practice bears the
 * utilisation risk. The contract is paid once a month however many payers it covers.
 *
 * <p>Per trial: the PMPM is drawn once; then members are drawn each month, rounded to the nearest
 * whole member and floored at 0.
 *
 * @param pmpm dollars per member per month, drawn once per trial, &gt;= 0
 * @param members enrolled members, drawn each month
 */
public record Capitation(Distribution pmpm, Distribution members) implements PaymentRule {

    /** Checks presence; ranges are validated where the scenario is read. */
    public Capitation {
        Objects.requireNonNull(pmpm, "pmpm");
        Objects.requireNonNull(members, "members");
    }

    @Override
    public String kind() {
        return "capitation";
    }

    @Override
    public void accrue(PracticeYear year, boolean[] covered, UniformRandomProvider rng, double[] revenueByMonth) {
        final double price = Math.max(0, pmpm.createSampler(rng).sample());
        final ContinuousSampler enrolled = members.createSampler(rng);
        for (int m = 1; m <= year.horizonMonths(); m++) {
            revenueByMonth[m] += Math.max(0, Math.rint(enrolled.sample())) * price;
        }
    }
}
