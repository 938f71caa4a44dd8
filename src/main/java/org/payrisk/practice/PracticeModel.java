package org.payrisk.practice;

import java.util.Objects;

/**
 * Everything needed to simulate a practice-year: the practice, its demand and the time frame.
 * Months are numbered 1..horizonMonths (month 1 is January); episodes also start in the
 * warmUpMonths before month 1 (months 1 - warmUpMonths .. 0) so that month 1 already carries a
 * steady caseload, but only months 1..horizonMonths are counted.
 *
 * @param practice capacity and costs
 * @param demand patient demand
 * @param horizonMonths counted months, 1 to 120
 * @param warmUpMonths uncounted months simulated before month 1, 0 to 120
 */
public record PracticeModel(Practice practice, Demand demand, int horizonMonths, int warmUpMonths) {

    /** Validates the time frame. */
    public PracticeModel {
        Objects.requireNonNull(practice, "practice");
        Objects.requireNonNull(demand, "demand");
        if (horizonMonths < 1 || horizonMonths > 120) {
            throw new IllegalArgumentException("horizonMonths: expected a whole number in [1, 120], found " + horizonMonths);
        }
        if (warmUpMonths < 0 || warmUpMonths > 120) {
            throw new IllegalArgumentException("warmUpMonths: expected a whole number in [0, 120], found " + warmUpMonths);
        }
    }

    /**
     * @param month a month number, possibly &lt;= 0 during warm-up
     * @return its calendar month 0..11 (0 = January), month 1 being January
     */
    public static int calendarMonth(int month) {
        return Math.floorMod(month - 1, 12);
    }
}
