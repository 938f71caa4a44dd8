package org.payrisk.payment;

import java.util.Arrays;

/**
 * Lump sums a contract settles after the fact (withhold returns, bonuses, shared savings or losses,
 * episode reconciliation, risk-corridor and stop-loss payments), each with the month it is paid.
 * Positive amounts are paid to the practice, negative ones are owed back by it.
 *
 * <p>Per-trial scratch: reused trial after trial by one worker thread; not thread safe.
 */
public final class Settlements {

    private int[] month = new int[8];
    private double[] amount = new double[8];
    private int count;

    /** Empties the list. */
    public void reset() {
        count = 0;
    }

    /**
     * @param paidInMonth month the money changes hands, counted like the horizon (1 = January of the
     *                    first year; months after the horizon are allowed)
     * @param dollars amount, positive to the practice
     */
    public void add(int paidInMonth, double dollars) {
        if (count == month.length) {
            month = Arrays.copyOf(month, count * 2);
            amount = Arrays.copyOf(amount, count * 2);
        }
        month[count] = paidInMonth;
        amount[count++] = dollars;
    }

    /** @return number of settlements */
    public int count() {
        return count;
    }

    /** @param i index @return its payment month */
    public int month(int i) {
        return month[i];
    }

    /** @param i index @return its amount, dollars */
    public double amount(int i) {
        return amount[i];
    }

    /** @return the sum of all amounts */
    public double total() {
        double s = 0;
        for (int i = 0; i < count; i++) {
            s += amount[i];
        }
        return s;
    }
}
