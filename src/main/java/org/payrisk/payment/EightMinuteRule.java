package org.payrisk.payment;

/**
 * The Medicare 8-minute rule for timed codes (CMS Claims Processing Manual 100-04, ch. 5, sec.
 * 20.2): a visit's total timed minutes become billable 15-minute units, 8-22 minutes = 1 unit,
 * 23-37 = 2, 38-52 = 3, 53-67 = 4 and so on, i.e. floor((minutes + 7) / 15) from 8 minutes up;
 * fewer than 8 minutes bill nothing.
 */
public final class EightMinuteRule {

    private EightMinuteRule() {
    }

    /**
     * @param minutes total timed minutes of one visit (negative values count as 0)
     * @return billable units
     */
    public static int units(int minutes) {
        return minutes < 8 ? 0 : (minutes + 7) / 15;
    }
}
