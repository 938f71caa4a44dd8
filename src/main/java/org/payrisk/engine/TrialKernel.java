package org.payrisk.engine;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.payrisk.dist.TrialStreams;
import org.payrisk.payment.PaymentModel;
import org.payrisk.practice.PracticeSimulator;
import org.payrisk.practice.PracticeYear;
import org.payrisk.scenario.Scenario;
import org.payrisk.stats.TrialOutcomes;

/**
 * One trial, start to finish: simulate the practice-year from stream (seed, trial, 0), then pay it
 * under every model, each rule from its own stream (seed, trial, 1 + 128 model + rule), and store
 * the outcomes at the trial's index.
 *
 * <p>Not thread safe: it reuses its buffers; use one kernel per worker thread.
 */
public final class TrialKernel {

    /** Stream purpose numbers reserved per model (payers, hence rules, are at most 127). */
    static final int PURPOSES_PER_MODEL = 128;

    private final TrialStreams streams;
    private final PracticeSimulator simulator;
    private final PracticeYear year;
    private final List<PaymentModel> models;
    private final boolean[][][] covered;
    private final double[] revenueByMonth;
    private final int horizon;

    /**
     * @param scenario the scenario
     * @param seed the run seed
     */
    public TrialKernel(Scenario scenario, long seed) {
        streams = new TrialStreams(seed);
        simulator = new PracticeSimulator(scenario.practice());
        horizon = scenario.practice().horizonMonths();
        year = new PracticeYear(horizon);
        models = scenario.models();
        covered = new boolean[models.size()][][];
        for (int m = 0; m < models.size(); m++) {
            PaymentModel model = models.get(m);
            covered[m] = new boolean[model.rules().size()][];
            for (int r = 0; r < model.rules().size(); r++) {
                covered[m][r] = model.coveredBy(r);
            }
        }
        revenueByMonth = new double[horizon + 1];
    }

    /**
     * Runs trial {@code trial} and writes its outcomes.
     *
     * @param trial trial index
     * @param out where to store them
     */
    public void run(int trial, TrialOutcomes out) {
        simulator.simulate(streams.stream(trial, 0), year);
        double costs = 0;
        for (int month = 1; month <= horizon; month++) {
            costs += year.costs(month);
        }
        out.setCosts(trial, costs);
        out.setActivity(0, trial, year.totalNewEpisodes());
        out.setActivity(1, trial, year.totalRefusedEpisodes());
        out.setActivity(2, trial, year.totalAttendedVisits());
        out.setActivity(3, trial, year.totalUnits());
        for (int m = 0; m < models.size(); m++) {
            java.util.Arrays.fill(revenueByMonth, 0);
            PaymentModel model = models.get(m);
            for (int r = 0; r < model.rules().size(); r++) {
                UniformRandomProvider rng = streams.stream(trial, 1 + PURPOSES_PER_MODEL * m + r);
                model.rules().get(r).accrue(year, covered[m][r], rng, revenueByMonth);
            }
            double revenue = 0;
            for (int month = 1; month <= horizon; month++) {
                revenue += revenueByMonth[month];
                out.setMonthlyNet(m, month, trial, revenueByMonth[month] - year.costs(month));
            }
            out.setRevenue(m, trial, revenue);
        }
    }
}
