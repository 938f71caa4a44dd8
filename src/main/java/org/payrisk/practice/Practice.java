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

    /** Validates every field. */
    public Practice {
        positive("clinicians", clinicians);
        positive("visitsPerClinicianDay", visitsPerClinicianDay);
        positive("workdaysPerMonth", workdaysPerMonth);
        nonNegative("fixedPerMonth", fixedCostPerMonth);
        nonNegative("perAttendedVisit", costPerAttendedVisit);
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
