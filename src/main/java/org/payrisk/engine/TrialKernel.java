package org.payrisk.engine;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.payrisk.dist.TrialStreams;
import org.payrisk.payment.CashTerms;
import org.payrisk.payment.Overlay;
import org.payrisk.payment.PaymentModel;
import org.payrisk.payment.RuleTerms;
import org.payrisk.payment.Settlements;
import org.payrisk.practice.PracticeSimulator;
import org.payrisk.practice.PracticeYear;
import org.payrisk.stats.TrialOutcomes;

/**
 * One trial, start to finish: simulate the practice-year from stream (seed, trial, 0), then pay it
 * under every model, each rule from its own stream (seed, trial, 1 + 128 model + rule), and store
 * the outcomes at the trial's index.
 *
 * <p>Rules that draw per claim (the Medicare form) draw from the trial's claims key, stream (seed,
 * trial, {@value #CLAIMS_PURPOSE}), reset per visit, so every model sees the same claims; overlays
 * draw their quality scores and benchmarks from fixed slots of the same key, so one practice has
 * one quality level a year in every model. A contract's payment lag draws from a stream of its own,
 * (seed, trial, {@value #TERMS_PURPOSE_BASE} + 128 model + rule), so adding an overlay or a lag never
 * changes the claims of the base rule. Revenue (the accrual view): payments in their month of service, minus money
 * withheld, plus every settlement of the performance year (withhold returns, bonuses, shared savings
 * or losses, reconciliation, corridor and stop-loss) booked in the horizon's last month whenever it
 * is paid. Cash (what reaches the bank): payments shifted by the drawn lag (a fractional lag splits a
 * month's payments between the two neighbouring months), payments still owed for services before
 * month 1 when {@link CashTerms#steadyStateReceivables()}, and settlements in their payment month only
 * when it falls inside the horizon; costs leave in the month they are incurred. Balance of month m =
 * starting reserve + sum over months &lt;= m of (cash received - costs).
 *
 * <p>Not thread safe: it reuses its buffers; use one kernel per worker thread.
 */
public final class TrialKernel {

    /** Stream purpose numbers reserved per model (payers, hence rules, are at most 127). */
    static final int PURPOSES_PER_MODEL = 128;

    /** First purpose number of the contracts' payment-lag streams (far above the rules' purposes). */
    static final int TERMS_PURPOSE_BASE = 1 << 24;

    /** Purpose of the stream whose first long is the trial's claims key, common to all models. */
    static final int CLAIMS_PURPOSE = TERMS_PURPOSE_BASE - 1;

    private final TrialStreams streams;
    private final PracticeSimulator simulator;
    private final PracticeYear year;
    private final List<PaymentModel> models;
    private final List<String> modelNames;
    private final boolean[][][] covered;
    private final double[] revenueByMonth;
    private final double[] before;
    private final double[] paid;
    private final double[] cash;
    private final Settlements settlements = new Settlements();
    private final int horizon;

    /**
     * @param input the practice and payment models
     * @param seed the run seed
     */
    public TrialKernel(EngineInput input, long seed) {
        streams = new TrialStreams(seed);
        simulator = new PracticeSimulator(input.practice());
        horizon = input.practice().horizonMonths();
        year = new PracticeYear(horizon);
        models = input.models();
        modelNames = input.modelNames();
        covered = new boolean[models.size()][][];
        for (int m = 0; m < models.size(); m++) {
            PaymentModel model = models.get(m);
            covered[m] = new boolean[model.rules().size()][];
            for (int r = 0; r < model.rules().size(); r++) {
                covered[m][r] = model.coveredBy(r);
            }
        }
        revenueByMonth = new double[horizon + 1];
        before = new double[horizon + 1];
        paid = new double[horizon + 1];
        cash = new double[horizon + 1];
    }

    /** @return paths of the per-trial inputs each trial records, in column order */
    public List<String> inputs() {
        return List.of();
    }

    /**
     * Runs one block of trials ({@link TrialBlocks}) and returns its result.
     *
     * @param block block number, &gt;= 0
     * @param trials trials of the whole run (the last block is cut there)
     * @return the block's outcomes, offset at the block's first trial
     */
    public TrialOutcomes runBlock(int block, int trials) {
        int start = TrialBlocks.start(block);
        int n = TrialBlocks.size(block, trials);
        TrialOutcomes out = new TrialOutcomes(modelNames, inputs(), start, n, horizon);
        for (int t = start; t < start + n; t++) {
            run(t, out);
        }
        return out;
    }

    /**
     * Runs trial {@code trial} and writes its outcomes in row {@code trial - out.offset()}.
     *
     * @param trial trial index
     * @param out where to store them
     */
    public void run(int trial, TrialOutcomes out) {
        final int row = trial - out.offset();
        simulator.simulate(streams.stream(trial, 0), year);
        double costs = 0;
        for (int month = 1; month <= horizon; month++) {
            costs += year.costs(month);
        }
        out.setCosts(row, costs);
        out.setActivity(0, row, year.totalNewEpisodes());
        out.setActivity(1, row, year.totalRefusedEpisodes());
        out.setActivity(2, row, year.totalAttendedVisits());
        out.setActivity(3, row, year.totalUnits());
        final long claimsKey = streams.stream(trial, CLAIMS_PURPOSE).nextLong();
        for (int m = 0; m < models.size(); m++) {
            Arrays.fill(revenueByMonth, 0);
            Arrays.fill(cash, 0);
            PaymentModel model = models.get(m);
            CashTerms cashTerms = model.cash();
            for (int r = 0; r < model.rules().size(); r++) {
                UniformRandomProvider rng = streams.stream(trial, 1 + PURPOSES_PER_MODEL * m + r);
                System.arraycopy(revenueByMonth, 0, before, 0, horizon + 1);
                settlements.reset();
                model.rules().get(r).accrue(year, covered[m][r], rng, claimsKey, revenueByMonth, settlements);
                double base = 0;
                for (int month = 1; month <= horizon; month++) {
                    paid[month] = revenueByMonth[month] - before[month];
                    base += paid[month];
                }
                RuleTerms terms = model.terms().get(r);
                double lag = 0;
                if (terms.paymentLagMonths() != null) {
                    UniformRandomProvider lagRng = streams.stream(trial, TERMS_PURPOSE_BASE + PURPOSES_PER_MODEL * m + r);
                    lag = terms.paymentLagMonths().createSampler(lagRng).sample();
                    lag = lag > 0 ? Math.min(lag, 1200) : 0;
                }
                for (Overlay o : terms.overlays()) {
                    o.apply(year, covered[m][r], claimsKey, base, paid, revenueByMonth, settlements);
                }
                addLagged(paid, lag, cashTerms.steadyStateReceivables(), cash, horizon);
                for (int i = 0; i < settlements.count(); i++) {
                    revenueByMonth[horizon] += settlements.amount(i);
                    int when = settlements.month(i);
                    if (when >= 1 && when <= horizon) {
                        cash[when] += settlements.amount(i);
                    }
                }
            }
            double revenue = 0;
            double balance = cashTerms.startingReserve();
            out.setCashBalance(m, 0, row, balance);
            for (int month = 1; month <= horizon; month++) {
                revenue += revenueByMonth[month];
                out.setMonthlyNet(m, month, row, revenueByMonth[month] - year.costs(month));
                balance += cash[month] - year.costs(month);
                out.setCashBalance(m, month, row, balance);
            }
            out.setRevenue(m, row, revenue);
        }
    }

    /**
     * Adds payments by service month to cash by month of receipt, shifted by {@code lag} months:
     * with lag = k + f (k whole, 0 &lt;= f &lt; 1) a month's payments arrive (1 - f) in month s + k and f
     * in month s + k + 1. With {@code steadyState}, service months before month 1 are taken to have
     * earned the mean of months 1..horizon.
     *
     * @param paid payments by service month, 1..horizon
     * @param lag months, &gt;= 0
     * @param steadyState whether payments for services before month 1 are still arriving
     * @param cash cash by month of receipt, 1..horizon; added to
     * @param horizon counted months
     */
    static void addLagged(double[] paid, double lag, boolean steadyState, double[] cash, int horizon) {
        int k = (int) Math.floor(lag);
        double f = lag - k;
        double mean = 0;
        if (steadyState && lag > 0) {
            for (int s = 1; s <= horizon; s++) {
                mean += paid[s];
            }
            mean /= horizon;
        }
        for (int s = -k; s <= horizon; s++) {
            double amount = s >= 1 ? paid[s] : (steadyState ? mean : 0);
            if (amount == 0) {
                continue;
            }
            int first = s + k;
            if (first >= 1 && first <= horizon) {
                cash[first] += (1 - f) * amount;
            }
            if (f > 0 && first + 1 >= 1 && first + 1 <= horizon) {
                cash[first + 1] += f * amount;
            }
        }
    }
}
