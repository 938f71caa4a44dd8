package org.payrisk.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.payrisk.dist.CopulaDraws;
import org.payrisk.dist.TrialStreams;
import org.payrisk.payment.CashTerms;
import org.payrisk.payment.Coverage;
import org.payrisk.payment.DrawnInput;
import org.payrisk.payment.Overlay;
import org.payrisk.payment.PaymentModel;
import org.payrisk.payment.RandomInputs;
import org.payrisk.payment.RuleTerms;
import org.payrisk.payment.Settlements;
import org.payrisk.practice.CaseType;
import org.payrisk.practice.Demand;
import org.payrisk.practice.PracticeModel;
import org.payrisk.practice.PracticeSimulator;
import org.payrisk.practice.PracticeYear;
import org.payrisk.stats.TrialOutcomes;

/**
 * One trial, start to finish: simulate the practice-year from stream (seed, trial, 0), then pay it
 * under every model and store the outcomes and the drawn per-trial inputs in the trial's row.
 *
 * <p>Common random numbers, one policy: every random input of a contract draws from a stream keyed
 * by what the input is, never by where its model or contract stands in a list
 * ({@link RandomInputs}): the trial's claims key (the first long of stream (seed, trial,
 * {@value #CLAIMS_PURPOSE}), the same for every model), the input's field within its contract
 * ({@code capitation.pmpm}, {@code paymentLagMonths}) and the payers the contract covers. Claims are
 * drawn per visit from the claims key, and facts of the practice's year shared by every contract
 * (overlays' quality score, the Medicare form's year terms) from fixed slots of it. So two contracts
 * with the same terms covering the same payers draw the same values, and adding or moving a model
 * changes no other model's numbers.
 *
 * <p>Revenue (the accrual view): payments in their month of service, minus money withheld, plus
 * every settlement of the performance year (withhold returns, bonuses, shared savings or losses,
 * reconciliation, corridor and stop-loss) booked in the horizon's last month whenever it is paid.
 * Cash (what reaches the bank): payments shifted by the drawn lag (a fractional lag splits a month's
 * payments between the two neighbouring months), payments still owed for services before month 1
 * when {@link CashTerms#steadyStateReceivables()}, and settlements in their payment month only when
 * it falls inside the horizon; costs leave in the month they are incurred. Balance of month m =
 * starting reserve + sum over months &lt;= m of (cash received - costs).
 *
 * <p>A trial whose outcome is not a finite number fails the run with a
 * {@link NonFiniteOutcomeException} naming the model, the metric and the trial.
 *
 * <p>Not thread safe: it reuses its buffers; use one kernel per worker thread.
 */
public final class TrialKernel {

    /** Purpose of the stream whose first long is the trial's claims key, common to all models. */
    static final int CLAIMS_PURPOSE = (1 << 24) - 1;

    /**
     * Purpose of the stream of the trial's correlated inputs ({@link CopulaDraws}). Every trial-level
     * purpose must differ from the others (claims, {@link ResponsiveTrial#PATIENTS_PURPOSE}, and the
     * outer draws' (1 << 24) - 3), or two streams would be one: TrialStreamPurposesTest checks it.
     */
    static final int COPULA_PURPOSE = (1 << 24) - 4;

    /** Path of the practice's drawn cancellation rate among the recorded inputs. */
    public static final String CANCELLATION_RATE = "demand.cancellationRate";

    private static final long LAG = RandomInputs.fieldKey("paymentLagMonths");

    /** A drawn amount beyond this ($1e12, or 1e12 members) is named as the likely cause of an overflow. */
    private static final double SUSPECT_MAGNITUDE = 1e12;

    private final TrialStreams streams;
    private final PracticeModel practice;
    /**
     * Built on first use: building it tabulates the scenario's count laws (arrivals of each calendar
     * month, follow-ups, units sums), about 10-20 ms at start-up, and a kernel built only for its
     * {@link #inputs} (the memory check, the trials.csv header) never simulates.
     */
    private PracticeSimulator simulator;
    /** The practice stream, set for each trial: the simulator's samplers stay bound to it. */
    private final TrialStreams.Reseedable practiceStream = new TrialStreams.Reseedable();
    private final PracticeYear year;
    private final List<PaymentModel> models;
    private final List<String> modelNames;
    private final Coverage[][] covered;
    private final long[][] ruleKeys;
    private final double[] revenueByMonth;
    private final double[] before;
    private final double[] paid;
    private final double[] cash;
    private final Settlements settlements = new Settlements();
    private final int horizon;

    private final List<String> inputs = new ArrayList<>();
    private final boolean recordCancellation;
    private final boolean recordArrivals;
    private final int[] followUpColumn; // by case, -1 when not recorded
    private final int[] unitsColumn;    // by case, -1 when not recorded
    private final int practiceInputs;
    private final List<int[]> inputOwner = new ArrayList<>(); // {model, rule} per recorded contract input
    private final List<DrawnInput.Value> inputValue = new ArrayList<>();
    private final int[][] lagColumn;
    /** The common-patients path, or null when every model shares the plain practice simulation. */
    private final ResponsiveTrial responsive;
    private final CopulaDraws correlated; // null when every input is drawn independently

    /**
     * @param input the practice and payment models
     * @param seed the run seed
     */
    public TrialKernel(EngineInput input, long seed) {
        streams = new TrialStreams(seed);
        practice = input.practice();
        horizon = input.practice().horizonMonths();
        year = new PracticeYear(horizon);
        models = input.models();
        modelNames = input.modelNames();
        List<String> caseNames = input.practice().demand().cases().stream().map(CaseType::name).toList();
        Demand demand = input.practice().demand();
        recordCancellation = RandomInputs.isRandom(demand.cancellationRate());
        if (recordCancellation) {
            inputs.add(CANCELLATION_RATE);
        }
        recordArrivals = RandomInputs.isRandom(demand.newEpisodesPerMonth());
        if (recordArrivals) {
            inputs.add("demand.newEpisodesPerMonth:total");
        }
        followUpColumn = new int[caseNames.size()];
        unitsColumn = new int[caseNames.size()];
        for (int c = 0; c < caseNames.size(); c++) {
            CaseType k = demand.cases().get(c);
            followUpColumn[c] = RandomInputs.isRandom(k.followUpVisits()) ? inputs.size() : -1;
            if (followUpColumn[c] >= 0) {
                inputs.add("demand.cases[" + caseNames.get(c) + "].followUpVisits:mean");
            }
            unitsColumn[c] = RandomInputs.isRandom(k.unitsPerVisit()) ? inputs.size() : -1;
            if (unitsColumn[c] >= 0) {
                inputs.add("demand.cases[" + caseNames.get(c) + "].unitsPerVisit:mean");
            }
        }
        practiceInputs = inputs.size();
        covered = new Coverage[models.size()][];
        ruleKeys = new long[models.size()][];
        lagColumn = new int[models.size()][];
        List<String> lagPaths = new ArrayList<>();
        for (int m = 0; m < models.size(); m++) {
            PaymentModel model = models.get(m);
            int rules = model.rules().size();
            covered[m] = new Coverage[rules];
            ruleKeys[m] = new long[rules];
            lagColumn[m] = new int[rules];
            for (int r = 0; r < rules; r++) {
                covered[m][r] = model.coveredBy(r, demand.payers());
                ruleKeys[m][r] = RandomInputs.fieldKey(model.rules().get(r).kind());
                String prefix = "models[" + model.name() + "]." + model.contracts().get(r) + ".";
                for (DrawnInput d : model.rules().get(r).drawnInputs(caseNames)) {
                    addInput(prefix + d.field(), m, r, d.value());
                }
                List<Overlay> overlays = model.terms().get(r).overlays();
                for (int o = 0; o < overlays.size(); o++) {
                    for (DrawnInput d : overlays.get(o).drawnInputs()) {
                        addInput(prefix + "overlays[" + o + "]." + d.field(), m, r, d.value());
                    }
                }
                lagColumn[m][r] = -1;
                if (RandomInputs.isRandom(model.terms().get(r).paymentLagMonths())) {
                    lagColumn[m][r] = lagPaths.size();
                    lagPaths.add(prefix + "paymentLagMonths");
                }
            }
        }
        int firstLag = inputs.size();
        inputs.addAll(lagPaths);
        for (int[] row : lagColumn) {
            for (int r = 0; r < row.length; r++) {
                row[r] = row[r] < 0 ? -1 : firstLag + row[r];
            }
        }
        correlated = input.correlations().isEmpty() ? null : new CopulaDraws(input.correlations());
        revenueByMonth = new double[horizon + 1];
        before = new double[horizon + 1];
        paid = new double[horizon + 1];
        cash = new double[horizon + 1];
        responsive = input.responsive() ? new ResponsiveTrial(this, input, streams, simulator()) : null;
    }

    /** @return this kernel's practice simulator, built on first use */
    private PracticeSimulator simulator() {
        if (simulator == null) {
            simulator = new PracticeSimulator(practice);
        }
        return simulator;
    }

    /** @return where a responsive run keeps its per-model outcomes, or null for a plain run */
    public org.payrisk.stats.ResponseLayout layout() {
        return responsive == null ? null : responsive.layout();
    }

    /** @return the horizon in months */
    int horizon() {
        return horizon;
    }

    private void addInput(String path, int model, int rule, DrawnInput.Value value) {
        inputs.add(path);
        inputOwner.add(new int[] {model, rule});
        inputValue.add(value);
    }

    /**
     * @return paths of the per-trial inputs each trial records, in column order (only inputs that
     *         can take more than one value): the practice's cancellation rate, then each contract's
     *         inputs in model and contract order, then the payment lags
     */
    public List<String> inputs() {
        return List.copyOf(inputs);
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
        TrialOutcomes out = new TrialOutcomes(modelNames, inputs, start, n, horizon, layout());
        CopulaDraws.readyThread(); // keeps C2's compile of the trials valid on a new worker thread
        for (int t = start; t < start + n; t++) {
            run(t, out);
        }
        return out;
    }

    /**
     * Runs trial {@code trial} and writes its outcomes in row {@code trial - out.offset()}.
     *
     * @param trial trial index
     * @param out where to store them (with this kernel's {@link #inputs()})
     * @throws NonFiniteOutcomeException when an outcome is not a finite number
     */
    public void run(int trial, TrialOutcomes out) {
        if (correlated == null) {
            runTrial(trial, out);
            return;
        }
        correlated.draw(streams.stream(trial, COPULA_PURPOSE));
        correlated.bind();
        try {
            runTrial(trial, out);
        } finally {
            CopulaDraws.unbind();
        }
    }

    /** {@link #run} with this trial's correlated values, if any, bound to the thread. */
    private void runTrial(int trial, TrialOutcomes out) {
        if (responsive != null) {
            responsive.run(trial, out);
            return;
        }
        final int row = trial - out.offset();
        simulator().simulate(streams.stream(trial, 0, practiceStream), year);
        final double costs = costs(year, trial);
        out.setCosts(row, costs);
        setActivity(out, row, year);
        final long claimsKey = claimsKey(trial);
        recordPractice(out, row, year);
        recordContractInputs(out, row, year, claimsKey, null);
        for (int m = 0; m < models.size(); m++) {
            out.setRevenue(m, row, pay(m, year, costs, claimsKey, trial, out, row));
        }
    }

    /** @return the trial's claims key, common to every model */
    long claimsKey(int trial) {
        return streams.stream(trial, CLAIMS_PURPOSE).nextLong();
    }

    /** @return a year's practice costs over the horizon, checked finite */
    double costs(PracticeYear y, int trial) {
        double costs = 0;
        for (int month = 1; month <= horizon; month++) {
            costs += y.costs(month);
        }
        if (!Double.isFinite(costs)) {
            throw new NonFiniteOutcomeException(null, "costs", trial, costs, null);
        }
        return costs;
    }

    /** Stores the run-wide activity counters of a year. */
    void setActivity(TrialOutcomes out, int row, PracticeYear y) {
        out.setActivity(0, row, y.totalNewEpisodes());
        out.setActivity(1, row, y.totalRefusedEpisodes());
        out.setActivity(2, row, y.totalAttendedVisits());
        out.setActivity(3, row, y.totalUnits());
    }

    /**
     * Records each contract's drawn inputs as computed from a year.
     *
     * @param yearOfModel each model's year, or null when every model's is {@code y}
     */
    void recordContractInputs(TrialOutcomes out, int row, PracticeYear y, long claimsKey, PracticeYear[] yearOfModel) {
        for (int i = 0; i < inputValue.size(); i++) {
            int[] owner = inputOwner.get(i);
            PracticeYear own = yearOfModel == null ? y : yearOfModel[owner[0]];
            out.setInput(practiceInputs + i, row, inputValue.get(i).of(own, covered[owner[0]][owner[1]], claimsKey));
        }
    }

    /**
     * Pays one practice-year under model {@code m}: every contract's payments, overlays and settlements,
     * then (when {@code out} is given) the model's monthly net income and cash balances in its row.
     *
     * @param m model index
     * @param y the year paid
     * @param costs the year's costs over the horizon
     * @param claimsKey the trial's claims key
     * @param trial trial index (for messages)
     * @param out where to store monthly outcomes and drawn lags, or null to store nothing
     * @param row the trial's row in {@code out}
     * @return the model's revenue over the horizon
     */
    double pay(int m, PracticeYear y, double costs, long claimsKey, int trial, TrialOutcomes out, int row) {
        Arrays.fill(revenueByMonth, 0);
        Arrays.fill(cash, 0);
        PaymentModel model = models.get(m);
        CashTerms cashTerms = model.cash();
        for (int r = 0; r < model.rules().size(); r++) {
            UniformRandomProvider rng = RandomInputs.stream(claimsKey, covered[m][r], ruleKeys[m][r]);
            System.arraycopy(revenueByMonth, 0, before, 0, horizon + 1);
            settlements.reset();
            model.rules().get(r).accrue(y, covered[m][r], rng, claimsKey, revenueByMonth, settlements);
            double base = 0;
            for (int month = 1; month <= horizon; month++) {
                paid[month] = revenueByMonth[month] - before[month];
                base += paid[month];
            }
            RuleTerms terms = model.terms().get(r);
            double lag = 0;
            if (terms.paymentLagMonths() != null) {
                lag = RandomInputs.draw(claimsKey, covered[m][r], LAG, terms.paymentLagMonths());
                lag = lag > 0 ? Math.min(lag, 1200) : 0;
                if (out != null && lagColumn[m][r] >= 0) {
                    out.setInput(lagColumn[m][r], row, lag);
                }
            }
            for (Overlay o : terms.overlays()) {
                o.apply(y, covered[m][r], claimsKey, base, paid, revenueByMonth, settlements);
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
        if (out != null) {
            out.setCashBalance(m, 0, row, balance);
        }
        for (int month = 1; month <= horizon; month++) {
            revenue += revenueByMonth[month];
            double net = revenueByMonth[month] - y.costs(month);
            balance += cash[month] - y.costs(month);
            if (!Double.isFinite(net) || !Double.isFinite(balance)) {
                throw new NonFiniteOutcomeException(model.name(), Double.isFinite(net) ? "cash balance in month " + month
                        : "net income in month " + month, trial, Double.isFinite(net) ? balance : net,
                        out == null ? null : suspect(out, row, m));
            }
            if (out != null) {
                out.setMonthlyNet(m, month, row, net);
                out.setCashBalance(m, month, row, balance);
            }
        }
        if (!Double.isFinite(revenue) || !Double.isFinite(revenue - costs)) {
            throw new NonFiniteOutcomeException(model.name(), Double.isFinite(revenue) ? "netIncome" : "revenue", trial,
                    Double.isFinite(revenue) ? revenue - costs : revenue, out == null ? null : suspect(out, row, m));
        }
        return revenue;
    }

    /**
     * The model's recorded input with the largest magnitude in this trial, when it is beyond any
     * realistic amount ({@value #SUSPECT_MAGNITUDE}) or not finite, as "path drew value"; else null.
     */
    private String suspect(TrialOutcomes out, int row, int model) {
        String path = null;
        double worst = SUSPECT_MAGNITUDE;
        for (int i = 0; i < inputOwner.size(); i++) {
            if (inputOwner.get(i)[0] == model) {
                double v = out.input(practiceInputs + i, row);
                if (!Double.isFinite(v) || Math.abs(v) > worst) {
                    path = inputs.get(practiceInputs + i) + " drew " + v;
                    worst = Double.isFinite(v) ? Math.abs(v) : Double.POSITIVE_INFINITY;
                }
            }
        }
        return path;
    }

    /**
     * Records the practice's drawn inputs: the cancellation rate; the arrivals of months 1..horizon
     * (accepted and refused); per case, the mean drawn follow-ups of its episodes that started in
     * months 1..horizon and the mean billed units of its attended follow-ups there (NaN when a trial
     * has none).
     */
    void recordPractice(TrialOutcomes out, int row, PracticeYear year) {
        int col = 0;
        if (recordCancellation) {
            out.setInput(col++, row, year.cancellationRate());
        }
        if (recordArrivals) {
            out.setInput(col, row, year.totalNewEpisodes() + year.totalRefusedEpisodes());
        }
        for (int c = 0; c < followUpColumn.length; c++) {
            if (followUpColumn[c] >= 0) {
                int n = year.episodesStarted(c);
                out.setInput(followUpColumn[c], row, n > 0 ? (double) year.followUpsDrawn(c) / n : Double.NaN);
            }
            if (unitsColumn[c] >= 0) {
                int n = year.attendedFollowUps(c);
                out.setInput(unitsColumn[c], row, n > 0 ? (double) year.followUpUnits(c) / n : Double.NaN);
            }
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
