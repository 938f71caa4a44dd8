package org.payrisk.practice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.payrisk.dist.Constant;
import org.payrisk.dist.Poisson;

/** The practice records hold the same limits a scenario file is held to: a practice built in code is checked too. */
class PracticeRecordsTest {

    @Test
    void practiceLimits() {
        assertEquals("clinicians: expected at most 100000.0, found 1000000.0",
                assertThrows(IllegalArgumentException.class, () -> new Practice(1e6, 10, 20, 1000, 10)).getMessage());
        assertEquals("fixedPerMonth: expected at most 1.0E12, found 1.0E308",
                assertThrows(IllegalArgumentException.class, () -> new Practice(2, 10, 20, 1e308, 10)).getMessage());
        assertEquals("workdaysPerMonth: expected at most 31.0, found 32.0",
                assertThrows(IllegalArgumentException.class, () -> new Practice(2, 10, 32, 1000, 10)).getMessage());
        assertEquals("clinicians: expected a monthly capacity (clinicians x visitsPerClinicianDay x workdaysPerMonth) of at "
                + "most 1,000,000 visits, found 2.0E7", assertThrows(IllegalArgumentException.class,
                        () -> new Practice(1e4, 100, 20, 1000, 10)).getMessage());
    }

    @Test
    void caseAndDemandLimits() {
        assertEquals("name: expected a case name, found an empty name", assertThrows(IllegalArgumentException.class,
                () -> new CaseType(" ", 1, Constant.of(3), 8, Constant.of(3))).getMessage());
        assertEquals("unitsPerVisit: expected at most 96 units per visit (a day's 15-minute units), found poisson(mean 90)",
                assertThrows(IllegalArgumentException.class,
                        () -> new CaseType("a", 1, Constant.of(3), 8, Poisson.of(90))).getMessage());
        CaseType ok = new CaseType("a", 1, Constant.of(3), 8, Constant.of(3));
        double[] season = new double[12];
        Arrays.fill(season, 1);
        season[5] = 2000;
        assertEquals("seasonality: expected factors in [0, 1000], found 2000.0", assertThrows(IllegalArgumentException.class,
                () -> new Demand(Constant.of(5), season, Constant.of(0), List.of("m"), new double[] {1}, List.of(ok))).getMessage());
        Arrays.fill(season, 1);
        assertEquals("payers: expected payer names, found an empty name", assertThrows(IllegalArgumentException.class,
                () -> new Demand(Constant.of(5), season, Constant.of(0), List.of(""), new double[] {1}, List.of(ok))).getMessage());
    }
}
