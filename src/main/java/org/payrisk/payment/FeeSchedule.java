package org.payrisk.payment;

import java.util.List;
import java.util.Objects;

/**
 * A fee schedule of CPT codes: per code the payment of one unit (national non-facility amount, total
 * RVU x conversion factor) and its practice-expense (PE) part (PE RVU x conversion factor), in
 * dollars. The PE part is what the multiple procedure payment reduction (MPPR) cuts.
 *
 * @param codes CPT codes, unique, in scenario order
 * @param total dollars per unit, one per code, &gt;= 0
 * @param pe dollars of PE per unit, one per code, in [0, total]
 */
public record FeeSchedule(List<String> codes, double[] total, double[] pe) {

    /** The MPPR cut of the PE part of every unit after the first in a session (50% since April 2013). */
    public static final double MPPR_RATE = 0.5;

    /** Validates sizes and ranges; copies the arrays. */
    public FeeSchedule {
        codes = List.copyOf(codes);
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(pe, "pe");
        if (codes.isEmpty() || total.length != codes.size() || pe.length != codes.size()) {
            throw new IllegalArgumentException("feeSchedule: expected at least one code, each with total and pe");
        }
        total = total.clone();
        pe = pe.clone();
        for (int i = 0; i < total.length; i++) {
            if (!(total[i] >= 0) || !(pe[i] >= 0) || pe[i] > total[i] || Double.isInfinite(total[i])) {
                throw new IllegalArgumentException("feeSchedule." + codes.get(i) + ": expected 0 <= pe <= total, found total "
                        + total[i] + " and pe " + pe[i]);
            }
        }
    }

    /**
     * A fee schedule from relative value units: a unit pays (work + PE + malpractice RVU) x
     * conversion factor, of which PE RVU x conversion factor is the practice-expense part (national
     * non-facility, geographic index 1).
     *
     * @param codes CPT codes
     * @param work work RVU per code, &gt;= 0
     * @param pe practice-expense RVU per code, &gt;= 0
     * @param mp malpractice RVU per code, &gt;= 0
     * @param conversionFactor dollars per RVU, &gt; 0
     * @return the schedule in dollars
     */
    public static FeeSchedule ofRvus(List<String> codes, double[] work, double[] pe, double[] mp, double conversionFactor) {
        if (!(conversionFactor > 0) || Double.isInfinite(conversionFactor)) {
            throw new IllegalArgumentException("conversionFactor: expected dollars per RVU > 0, found " + conversionFactor);
        }
        if (work.length != codes.size() || pe.length != codes.size() || mp.length != codes.size()) {
            throw new IllegalArgumentException("feeSchedule: expected work, pe and mp RVUs for each code");
        }
        double[] total = new double[codes.size()];
        double[] peDollars = new double[codes.size()];
        for (int i = 0; i < total.length; i++) {
            if (!(work[i] >= 0) || !(pe[i] >= 0) || !(mp[i] >= 0)) {
                throw new IllegalArgumentException("feeSchedule." + codes.get(i) + ": expected RVUs >= 0, found work "
                        + work[i] + ", pe " + pe[i] + ", mp " + mp[i]);
            }
            total[i] = (work[i] + pe[i] + mp[i]) * conversionFactor;
            peDollars[i] = pe[i] * conversionFactor;
        }
        return new FeeSchedule(codes, total, peDollars);
    }

    /**
     * The fee schedule of the built-in Medicare table for the given codes.
     *
     * @param pfs a shipped Medicare Physician Fee Schedule year
     * @param codes codes of that table
     * @return the schedule in dollars at the table's conversion factor
     */
    public static FeeSchedule of(MedicarePfs pfs, List<String> codes) {
        double[] w = new double[codes.size()];
        double[] p = new double[codes.size()];
        double[] m = new double[codes.size()];
        for (int i = 0; i < w.length; i++) {
            MedicarePfs.Rvu r = pfs.codes().get(codes.get(i));
            if (r == null) {
                throw new IllegalArgumentException("feeSchedule: code " + codes.get(i) + " is not in the CY" + pfs.year() + " table");
            }
            w[i] = r.work();
            p[i] = r.pe();
            m[i] = r.mp();
        }
        return ofRvus(codes, w, p, m, pfs.conversionFactor());
    }

    @Override public double[] total() { return total.clone(); }
    @Override public double[] pe() { return pe.clone(); }

    /** @param code a code @return its index, or -1 */
    public int indexOf(String code) {
        return codes.indexOf(code);
    }

    /** @param c code index @return dollars per unit */
    public double totalOf(int c) {
        return total[c];
    }

    /** @param c code index @return PE dollars per unit */
    public double peOf(int c) {
        return pe[c];
    }

    /**
     * The MPPR payment of one session from running sums: the unit with the highest PE is paid in
     * full, every other unit loses {@code rate} of its PE part.
     *
     * @param sumTotal sum of the units' full payments
     * @param sumPe sum of the units' PE parts
     * @param maxPe the largest PE part of one unit (0 for no units)
     * @param rate PE reduction, e.g. {@link #MPPR_RATE}
     * @return dollars for the session
     */
    public static double mppr(double sumTotal, double sumPe, double maxPe, double rate) {
        return sumTotal - rate * (sumPe - maxPe);
    }

    /**
     * The whole-fee MPPR variant of one session from running sums: the code line with the highest
     * allowed amount (a code with all its units) is paid in full, every other line loses
     * {@code rate} of its whole fee.
     *
     * @param sumTotal sum of the units' full payments
     * @param maxLine the largest line (one code's units summed)
     * @param rate reduction of the other lines, e.g. 0.5
     * @return dollars for the session
     */
    public static double wholeFee(double sumTotal, double maxLine, double rate) {
        return maxLine + (1 - rate) * (sumTotal - maxLine);
    }

    /**
     * The payment of one session's units under the whole-fee variant (tests and documentation).
     *
     * @param unitCodes one code index per billed unit of the session
     * @param rate reduction of every line after the highest, e.g. 0.5
     * @return dollars for the session
     */
    public double sessionWholeFee(int[] unitCodes, double rate) {
        double[] line = new double[total.length];
        double sumTotal = 0;
        for (int c : unitCodes) {
            line[c] += total[c];
            sumTotal += total[c];
        }
        double maxLine = 0;
        for (double l : line) {
            maxLine = Math.max(maxLine, l);
        }
        return wholeFee(sumTotal, maxLine, rate);
    }

    /**
     * The payment of one session's units with the MPPR (tests and documentation; the hot path keeps
     * running sums instead).
     *
     * @param unitCodes one code index per billed unit of the session
     * @param rate PE reduction, e.g. {@link #MPPR_RATE}
     * @return dollars for the session
     */
    public double session(int[] unitCodes, double rate) {
        double sumTotal = 0;
        double sumPe = 0;
        double maxPe = 0;
        for (int c : unitCodes) {
            sumTotal += total[c];
            sumPe += pe[c];
            maxPe = Math.max(maxPe, pe[c]);
        }
        return mppr(sumTotal, sumPe, maxPe, rate);
    }
}
