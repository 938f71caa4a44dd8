package org.payrisk.payment;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.simple.RandomSource;
import org.payrisk.dist.Constant;
import org.payrisk.practice.CaseType;
import org.payrisk.practice.Demand;
import org.payrisk.practice.Practice;
import org.payrisk.practice.PracticeModel;
import org.payrisk.practice.PracticeSimulator;
import org.payrisk.practice.PracticeYear;

/**
 * A practice-year with no randomness, for hand-computed expected values: one payer, one case, no
 * warm-up, one new episode a month (months 1-12), each with its evaluation and 2 follow-ups of 3 units
 * in its start month (8 visits a month allowed), no cancellations. So: 12 episodes, 36 visits
 * (12 evaluations + 24 follow-ups, 72 units), each episode started and finished in the same month;
 * costs 1,000 fixed + 10 per visit = 1,030 a month.
 */
public final class MedicareFixtures {

    /** Episodes in the year. */
    public static final int EPISODES = 12;
    /** Follow-ups in the year. */
    public static final int FOLLOW_UPS = 24;
    /** Units per follow-up. */
    public static final int UNITS = 3;
    /** Costs per month. */
    public static final double MONTHLY_COST = 1030;

    private MedicareFixtures() {
    }

    /** @return the model described above */
    public static PracticeModel model() {
        double[] season = new double[12];
        Arrays.fill(season, 1);
        Demand d = new Demand(Constant.of(1), season, Constant.of(0), List.of("medicare"), new double[] {1},
                List.of(new CaseType("ortho", 1, Constant.of(2), 8, Constant.of(UNITS))));
        return new PracticeModel(new Practice(10, 20, 20, 1000, 10), d, 12, 0);
    }

    /** @return the simulated year (identical for any generator: nothing in it is random) */
    public static PracticeYear year() {
        PracticeYear y = new PracticeYear(12);
        new PracticeSimulator(model()).simulate(RandomSource.XO_RO_SHI_RO_128_PP.create(1L), y);
        return y;
    }

    /** @return a fresh generator for rules whose draws do not matter */
    public static org.apache.commons.rng.UniformRandomProvider rng() {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(42L);
    }

    /**
     * @param covers covers[p] for the payers {@code payer0}, {@code payer1}, ...
     * @return a contract's coverage of those payers
     */
    public static Coverage covers(boolean... covers) {
        java.util.List<String> names = new java.util.ArrayList<>();
        for (int p = 0; p < covers.length; p++) {
            names.add("payer" + p);
        }
        return Coverage.of(covers, names);
    }

    /** @param revenueByMonth dollars by month 1..12 @return their sum */
    public static double sum(double[] revenueByMonth) {
        double s = 0;
        for (int m = 1; m < revenueByMonth.length; m++) {
            s += revenueByMonth[m];
        }
        return s;
    }
}
