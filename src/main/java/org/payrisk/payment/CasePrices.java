package org.payrisk.payment;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.payrisk.dist.Distribution;

/**
 * A price per episode for each case type of the practice (a bundle's price, an episode program's
 * target), or one price for every case, drawn once per trial.
 *
 * <p>Random numbers ({@link RandomInputs}): one price for all is drawn from the stream of the
 * contract's field ({@code bundled.perEpisode}); a price per case from the stream of the case's own
 * path, keyed by the case's name ({@code bundled.perEpisode.knee}), never by its index, so inserting
 * or reordering cases in {@code demand.cases} leaves every other case's draws where they were, and
 * two cases with equal but separately written prices draw independently.
 *
 * <p>Immutable and thread safe.
 */
public final class CasePrices {

    private final List<String> caseNames;
    private final List<Distribution> prices;
    private final boolean oneForAll;

    private CasePrices(List<String> caseNames, List<Distribution> prices, boolean oneForAll) {
        this.caseNames = List.copyOf(caseNames);
        this.prices = List.copyOf(prices);
        this.oneForAll = oneForAll;
        if (this.caseNames.isEmpty()) {
            throw new IllegalArgumentException("cases: expected at least one case");
        }
        if (this.prices.size() != this.caseNames.size()) {
            throw new IllegalArgumentException("prices: expected one price per case (" + this.caseNames.size() + "), found "
                    + this.prices.size());
        }
    }

    /**
     * Checks every price is an amount of money ({@link org.payrisk.dist.Limits#amount}).
     *
     * @param name the field holding the prices, for the message
     * @throws IllegalArgumentException {@code name: expected ..., found ...}
     */
    void check(String name) {
        for (Distribution d : prices) {
            TermChecks.amount(name, d);
        }
    }

    /**
     * @param price dollars per episode of every case, &gt;= 0
     * @param caseNames the practice's case names, by case index
     * @return one price for all cases
     */
    public static CasePrices oneForAll(Distribution price, List<String> caseNames) {
        Objects.requireNonNull(price, "price");
        return new CasePrices(caseNames, java.util.Collections.nCopies(caseNames.size(), price), true);
    }

    /**
     * @param caseNames the practice's case names, by case index
     * @param prices dollars per episode of each case, by case index, each &gt;= 0
     * @return a price per case, each drawn from its case's own stream
     */
    public static CasePrices byCase(List<String> caseNames, List<Distribution> prices) {
        for (Distribution d : prices) {
            Objects.requireNonNull(d, "prices");
        }
        return new CasePrices(caseNames, prices, false);
    }

    /** @return the case names, by case index */
    public List<String> caseNames() {
        return caseNames;
    }

    /** @return the price of each case, by case index */
    public List<Distribution> prices() {
        return prices;
    }

    /** @return true when one price serves every case */
    public boolean isOneForAll() {
        return oneForAll;
    }

    /** @return the number of cases */
    public int size() {
        return prices.size();
    }

    /**
     * Draws the trial's prices, floored at 0.
     *
     * @param field the contract's field of these prices, e.g. {@code bundled.perEpisode}
     * @param claimsKey the trial's claims key
     * @param covered the payers the contract covers
     * @return each case's price, by case index
     */
    double[] draw(String field, long claimsKey, Coverage covered) {
        final double[] out = new double[prices.size()];
        if (oneForAll) {
            Arrays.fill(out, Math.max(0, RandomInputs.draw(claimsKey, covered, RandomInputs.fieldKey(field), prices.get(0))));
            return out;
        }
        for (int c = 0; c < out.length; c++) {
            out[c] = Math.max(0, RandomInputs.draw(claimsKey, covered, RandomInputs.fieldKey(field, caseNames.get(c)),
                    prices.get(c)));
        }
        return out;
    }

    /**
     * Adds the recorded inputs: {@code field} for one price, else {@code field.caseName} per case (only
     * prices that can take more than one value).
     *
     * @param field the contract's field of these prices
     * @param out where to add them
     */
    void addInputs(String field, List<DrawnInput> out) {
        if (oneForAll) {
            if (RandomInputs.isRandom(prices.get(0))) {
                out.add(new DrawnInput(field, (y, c, k) -> draw(field, k, c)[0]));
            }
            return;
        }
        for (int i = 0; i < prices.size(); i++) {
            final int caseIndex = i;
            if (RandomInputs.isRandom(prices.get(i))) {
                out.add(new DrawnInput(field + "." + caseNames.get(i), (y, c, k) -> draw(field, k, c)[caseIndex]));
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CasePrices p && p.oneForAll == oneForAll && p.caseNames.equals(caseNames)
                && p.prices.equals(prices);
    }

    @Override
    public int hashCode() {
        return Objects.hash(caseNames, prices, oneForAll);
    }

    @Override
    public String toString() {
        return oneForAll ? "CasePrices[" + prices.get(0) + " for all]" : "CasePrices" + caseNames + prices;
    }
}
