package org.payrisk.practice;

import java.util.List;
import java.util.Objects;
import org.payrisk.dist.Distribution;

/**
 * The random patient demand a practice faces.
 *
 * @param newEpisodesPerMonth new episodes of care arriving in a month (a count), drawn each month
 *                            with its mean multiplied by that calendar month's seasonality factor
 * @param seasonality 12 non-negative factors, January first (all 1 when the scenario has none)
 * @param cancellationRate probability that a scheduled follow-up is cancelled or missed, drawn once
 *                         per trial, in [0, 1]
 * @param payers payer names, unique
 * @param payerShares probability of each payer for a new episode, summing to 1
 * @param cases case types, shares summing to 1
 */
public record Demand(Distribution newEpisodesPerMonth, double[] seasonality, Distribution cancellationRate,
                     List<String> payers, double[] payerShares, List<CaseType> cases) {

    /** Largest seasonality factor (a month with 1000 times the average demand is no season). */
    public static final double MAX_SEASON_FACTOR = 1000;

    /** Validates sizes, names and factors, and copies the arrays. */
    public Demand {
        Objects.requireNonNull(newEpisodesPerMonth, "newEpisodesPerMonth");
        Objects.requireNonNull(cancellationRate, "cancellationRate");
        if (seasonality.length != 12) {
            throw new IllegalArgumentException("seasonality: expected 12 values, found " + seasonality.length);
        }
        if (payers.isEmpty() || payers.size() != payerShares.length) {
            throw new IllegalArgumentException("payers: expected at least one payer with a share");
        }
        if (cases.isEmpty()) {
            throw new IllegalArgumentException("cases: expected at least one case");
        }
        if (payers.size() > Byte.MAX_VALUE || cases.size() > Byte.MAX_VALUE) {
            throw new IllegalArgumentException("payers/cases: expected at most 127 of each");
        }
        for (String p : payers) {
            if (p == null || p.isBlank()) {
                throw new IllegalArgumentException("payers: expected payer names, found an empty name");
            }
        }
        for (double f : seasonality) {
            if (!(f >= 0 && f <= MAX_SEASON_FACTOR)) {
                throw new IllegalArgumentException("seasonality: expected factors in [0, " + (int) MAX_SEASON_FACTOR
                        + "], found " + f);
            }
        }
        seasonality = seasonality.clone();
        payerShares = payerShares.clone();
        payers = List.copyOf(payers);
        cases = List.copyOf(cases);
    }

    @Override public double[] seasonality() { return seasonality.clone(); }
    @Override public double[] payerShares() { return payerShares.clone(); }

    /**
     * @param name a payer name
     * @return its index, or -1
     */
    public int payerIndex(String name) {
        return payers.indexOf(name);
    }

    /**
     * @param name a case name
     * @return its index, or -1
     */
    public int caseIndex(String name) {
        for (int i = 0; i < cases.size(); i++) {
            if (cases.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
