package org.payrisk.engine;

import java.util.ArrayList;
import java.util.List;
import org.payrisk.dist.TrialStreams;
import org.payrisk.practice.CaseType;
import org.payrisk.practice.CommonPatients;
import org.payrisk.practice.Nudge;
import org.payrisk.practice.PracticeSimulator;
import org.payrisk.practice.PracticeYear;
import org.payrisk.practice.ResponseSimulator;
import org.payrisk.practice.Response;
import org.payrisk.stats.ResponseLayout;
import org.payrisk.stats.TrialOutcomes;

/**
 * One trial of a run where the practice responds to how it is paid (or incentives are priced).
 *
 * <ol>
 *   <li>Draw the trial's common patients from stream (seed, trial, {@value #PATIENTS_PURPOSE}).</li>
 *   <li>Simulate one practice-year per distinct response: the baseline (identity) first, shared by
 *       every model without a response, then one per other response (models with equal responses
 *       share it).</li>
 *   <li>Pay each model on its own year (its row: revenue, costs, monthly net, cash, practice
 *       counters) and on the baseline year (its net income there: the decomposition's reference).</li>
 *   <li>With incentives, for each nudge (one more follow-up per episode, one more unit per attended
 *       follow-up, a tenth of cancellations avoided, one more episode of a case each month), simulate
 *       each group's year again with the nudge and pay its models: the changes of net income and of
 *       the nudged quantity are stored as a pair per model.</li>
 * </ol>
 *
 * <p>Run-wide activity counters and the recorded practice inputs are those of the baseline year.
 * Not thread safe: one per kernel.
 */
final class ResponsiveTrial {

    /** Purpose of the stream of the trial's common patients. */
    static final int PATIENTS_PURPOSE = (1 << 24) - 2;

    /** Share of the cancellations the avoided-cancellation pass avoids. */
    static final double AVOIDED_SHARE = 0.1;

    private final TrialKernel kernel;
    private final TrialStreams streams;
    private final CommonPatients patients;
    private final ResponseSimulator simulator;
    private final List<Response> groups = new ArrayList<>();
    private final int[] groupOf;
    private final PracticeYear[] years;
    private final PracticeYear[] yearOfModel;
    private final PracticeYear nudged;
    private final List<Nudge> nudges = new ArrayList<>();
    private final ResponseLayout layout;
    private final double[] net;

    ResponsiveTrial(TrialKernel kernel, EngineInput input, TrialStreams streams, PracticeSimulator plain) {
        this.kernel = kernel;
        this.streams = streams;
        patients = new CommonPatients(plain);
        simulator = new ResponseSimulator(plain);
        int nm = input.models().size();
        groupOf = new int[nm];
        groups.add(Response.IDENTITY);
        for (int m = 0; m < nm; m++) {
            Response r = input.responses().get(m);
            int g = r.isIdentity() ? 0 : groups.indexOf(r);
            if (g < 0) {
                g = groups.size();
                groups.add(r);
            }
            groupOf[m] = g;
        }
        int horizon = input.practice().horizonMonths();
        years = new PracticeYear[groups.size()];
        for (int g = 0; g < years.length; g++) {
            years[g] = new PracticeYear(horizon);
        }
        yearOfModel = new PracticeYear[nm];
        for (int m = 0; m < nm; m++) {
            yearOfModel[m] = years[groupOf[m]];
        }
        nudged = new PracticeYear(horizon);
        List<String> cases = input.practice().demand().cases().stream().map(CaseType::name).toList();
        layout = new ResponseLayout(nm, cases, input.incentives());
        if (input.incentives()) {
            nudges.add(new Nudge(1, 0, 1, -1));
            nudges.add(new Nudge(0, 1, 1, -1));
            nudges.add(new Nudge(0, 0, 1 - AVOIDED_SHARE, -1));
            for (int k = 0; k < cases.size(); k++) {
                nudges.add(new Nudge(0, 0, 1, k));
            }
        }
        net = new double[nm];
    }

    ResponseLayout layout() {
        return layout;
    }

    void run(int trial, TrialOutcomes out) {
        final int row = trial - out.offset();
        patients.draw(streams.stream(trial, PATIENTS_PURPOSE));
        for (int g = 0; g < groups.size(); g++) {
            simulator.simulate(patients, groups.get(g), Nudge.NONE, years[g]);
        }
        PracticeYear baseline = years[0];
        double baselineCosts = kernel.costs(baseline, trial);
        out.setCosts(row, baselineCosts);
        kernel.setActivity(out, row, baseline);
        final long claimsKey = kernel.claimsKey(trial);
        kernel.recordPractice(out, row, baseline);
        kernel.recordContractInputs(out, row, baseline, claimsKey, yearOfModel);
        for (int m = 0; m < groupOf.length; m++) {
            PracticeYear y = yearOfModel[m];
            double costs = groupOf[m] == 0 ? baselineCosts : kernel.costs(y, trial);
            double revenue = kernel.pay(m, y, costs, claimsKey, trial, out, row);
            out.setRevenue(m, row, revenue);
            out.setCosts(m, row, costs);
            net[m] = revenue - costs;
            double[] counters = {y.totalNewEpisodes(), y.totalRefusedEpisodes(), y.totalDeclinedEpisodes(),
                y.totalAttendedVisits(), y.totalUnits()};
            for (int k = 0; k < counters.length; k++) {
                out.setExtra(layout.practice(m, k), row, counters[k]);
            }
            double atBaseline = groupOf[m] == 0 ? net[m]
                    : kernel.pay(m, baseline, baselineCosts, claimsKey, trial, null, row) - baselineCosts;
            out.setExtra(layout.baselineNet(m), row, atBaseline);
        }
        for (int i = 0; i < nudges.size(); i++) {
            for (int g = 0; g < groups.size(); g++) {
                simulator.simulate(patients, groups.get(g), nudges.get(i), nudged);
                double costs = kernel.costs(nudged, trial);
                double change = nudgedQuantity(i, nudged) - nudgedQuantity(i, years[g]);
                for (int m = 0; m < groupOf.length; m++) {
                    if (groupOf[m] == g) {
                        double n = kernel.pay(m, nudged, costs, claimsKey, trial, null, row) - costs;
                        out.setExtra(layout.incentiveNet(m, i), row, n - net[m]);
                        out.setExtra(layout.incentiveDenominator(m, i), row, change);
                    }
                }
            }
        }
    }

    /** What nudge i adds: attended visits (follow-ups, avoided cancellations), units, or accepted episodes. */
    private static double nudgedQuantity(int nudge, PracticeYear y) {
        return switch (nudge) {
            case 0, 2 -> y.totalAttendedVisits();
            case 1 -> y.totalUnits();
            default -> y.totalNewEpisodes();
        };
    }
}
