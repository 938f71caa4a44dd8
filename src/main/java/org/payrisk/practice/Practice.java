package org.payrisk.practice;

/**
 * A therapy practice's capacity and costs.
 *
 * @param clinicians full-time-equivalent clinicians, &gt; 0
 * @param visitsPerClinicianDay visits one clinician can see in a day, &gt; 0
 * @param workdaysPerMonth working days per month, &gt; 0
 * @param fixedCostPerMonth fixed costs (rent, salaries not paid per visit), dollars per month, &gt;= 0
 * @param costPerAttendedVisit variable cost, dollars per attended visit (evaluations included), &gt;= 0
 */
public record Practice(double clinicians, double visitsPerClinicianDay, double workdaysPerMonth,
                       double fixedCostPerMonth, double costPerAttendedVisit) {

    /** Largest number of clinicians: the largest practice payrisk simulates. */
    public static final double MAX_CLINICIANS = 100_000;
    /** Largest visits one clinician attends in a day. */
    public static final double MAX_VISITS_PER_DAY = 100;
    /** Largest workdays in a month. */
    public static final double MAX_WORKDAYS = 31;
    /** Largest monthly capacity in visits: a trial keeps every visit (17 bytes), up to 120 months of them. */
    public static final double MAX_MONTHLY_CAPACITY = 1_000_000;
    /** Largest amount of money in any input, dollars: keeps every sum of a run finite. */
    public static final double MAX_AMOUNT = org.payrisk.dist.Limits.MAX_AMOUNT;

    /** Validates every field, with the same limits a scenario file is held to. */
    public Practice {
        positive("clinicians", clinicians);
        positive("visitsPerClinicianDay", visitsPerClinicianDay);
        positive("workdaysPerMonth", workdaysPerMonth);
        nonNegative("fixedPerMonth", fixedCostPerMonth);
        nonNegative("perAttendedVisit", costPerAttendedVisit);
        atMost("clinicians", clinicians, MAX_CLINICIANS);
        atMost("visitsPerClinicianDay", visitsPerClinicianDay, MAX_VISITS_PER_DAY);
        atMost("workdaysPerMonth", workdaysPerMonth, MAX_WORKDAYS);
        atMost("fixedPerMonth", fixedCostPerMonth, MAX_AMOUNT);
        atMost("perAttendedVisit", costPerAttendedVisit, MAX_AMOUNT);
        if (clinicians * visitsPerClinicianDay * workdaysPerMonth > MAX_MONTHLY_CAPACITY) {
            throw new IllegalArgumentException("clinicians: expected a monthly capacity (clinicians x visitsPerClinicianDay x "
                    + "workdaysPerMonth) of at most 1,000,000 visits, found " + clinicians * visitsPerClinicianDay * workdaysPerMonth);
        }
    }

    static void atMost(String name, double v, double max) {
        if (v > max) {
            throw new IllegalArgumentException(name + ": expected at most " + max + ", found " + v);
        }
    }

    /** @return visits the practice can schedule in a month: clinicians x visits per day x workdays */
    public double monthlyCapacity() {
        return clinicians * visitsPerClinicianDay * workdaysPerMonth;
    }

    static void positive(String name, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + ": expected a finite number > 0, found " + v);
        }
    }

    static void nonNegative(String name, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + ": expected a finite number >= 0, found " + v);
        }
    }
}
