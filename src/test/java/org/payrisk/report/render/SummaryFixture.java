package org.payrisk.report.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Writes test run directories whose {@code summary.json} follows {@code docs/output-format.md} field by
 * field, computed from a small stylised simulation of the shipped OT practice scenario (3 clinicians,
 * 42 new episodes a month, fee-for-service / capitation / bundled). It is not the payrisk engine (that
 * lives in the simulation core); it exists so the report is tested on numbers with realistic shapes:
 * skew, correlated models, a few losing years, batch-means MCSEs.
 *
 * <p>Statistics follow the contract: Hyndman-Fan type 7 quantiles, sd with n - 1, worst5Mean over the
 * lowest ceil(0.05 n) trials, probLoss = share below zero, MCSE by 20 consecutive batches (null when
 * trials &lt; 200), 60-bin histograms whose last bin is closed.
 */
final class SummaryFixture {

    static final List<String> MODELS = List.of("fee-for-service", "capitation", "bundled");
    static final String SCENARIO_NAME = "Outpatient OT private practice (3 clinicians, Medicare-heavy)";
    static final long SEED = 20261127L;
    private static final int HORIZON = 12;
    private static final double[] SEASONALITY =
            {0.92, 0.96, 1.04, 1.04, 1.02, 0.96, 0.86, 0.94, 1.04, 1.10, 1.06, 0.96};
    private static final String[] Q = {"p01", "p05", "p10", "p25", "p50", "p75", "p90", "p95", "p99"};
    private static final double[] QP = {0.01, 0.05, 0.10, 0.25, 0.50, 0.75, 0.90, 0.95, 0.99};
    /** The scenario copy's {@code cash.startingReserve}, dollars. */
    static final double STARTING_RESERVE = 10_000;
    /** Whole months from service to payment per model, as in the scenario copy (capitation pays at once). */
    private static final int[] PAYMENT_LAG = {1, 0, 2};
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SummaryFixture() {
    }

    /** Writes summary.json, scenario.yaml and run.json for {@code trials} trials into {@code dir}. */
    static Path writeRun(Path dir, int trials) throws IOException {
        Files.createDirectories(dir);
        Files.write(dir.resolve("summary.json"), JSON.writeValueAsBytes(summary(trials)));
        try (InputStream in = SummaryFixture.class.getResourceAsStream("ot-practice/scenario.yaml")) {
            Files.write(dir.resolve("scenario.yaml"), in.readAllBytes());
        }
        try (InputStream in = SummaryFixture.class.getResourceAsStream("ot-practice/run.json")) {
            Files.write(dir.resolve("run.json"), in.readAllBytes());
        }
        return dir;
    }

    /** Copies the committed 10,000-trial fixture run (summary.json, scenario.yaml, run.json) into dir. */
    static Path copyCommittedRun(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (String f : List.of("summary.json", "scenario.yaml", "run.json")) {
            try (InputStream in = SummaryFixture.class.getResourceAsStream("ot-practice/" + f)) {
                Files.write(dir.resolve(f), in.readAllBytes());
            }
        }
        return dir;
    }

    /** Simulates {@code trials} practice-years and summarises them as summary.json schema 1. */
    static ObjectNode summary(int trials) {
        int models = MODELS.size();
        double[][] annualNet = new double[models][trials];
        double[][] annualRevenue = new double[models][trials];
        double[][] annualCosts = new double[models][trials];
        double[][][] monthlyNet = new double[models][HORIZON][trials];
        double[][][] monthlyRevenue = new double[models][HORIZON][trials];
        double[][] activity = new double[4][trials];

        for (int t = 0; t < trials; t++) {
            UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {SEED, t});
            simulateYear(rng, t, annualNet, annualRevenue, annualCosts, monthlyNet, monthlyRevenue, activity);
        }

        ObjectNode root = JSON.createObjectNode();
        root.put("schema", 1);
        root.put("payriskVersion", "0.1.0");
        ObjectNode scenario = root.putObject("scenario");
        scenario.put("name", SCENARIO_NAME);
        scenario.put("file", "ot-private-practice.yaml");
        scenario.put("sha256", "9f2c4e1a7b3d5c6e8f0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6a");
        root.put("seed", SEED);
        root.put("trials", trials);
        root.put("horizonMonths", HORIZON);
        root.put("warmUpMonths", 6);
        root.put("generator", "L64_X128_MIX");
        root.put("quantileMethod", "Hyndman-Fan type 7 (linear interpolation, the default of R and numpy)");
        root.put("mcseMethod", "Batch means: trials split by index into 20 equal consecutive batches, the "
                + "statistic computed per batch, standard error = sd over batches / sqrt(20).");
        double[] grid = quantileGrid();
        ArrayNode modelsNode = root.putArray("models");
        for (int m = 0; m < models; m++) {
            ObjectNode mn = modelsNode.addObject();
            mn.put("name", MODELS.get(m));
            mn.set("netIncome", metric(annualNet[m]));
            mn.set("revenue", metric(annualRevenue[m]));
            mn.set("costs", metric(annualCosts[m]));
            ArrayNode months = mn.putArray("monthlyNetIncome");
            for (int mo = 0; mo < HORIZON; mo++) {
                double[] sorted = sorted(monthlyNet[m][mo]);
                ObjectNode b = months.addObject();
                b.put("month", mo + 1);
                b.put("mean", mean(monthlyNet[m][mo]));
                for (String[] q : new String[][] {{"p05", "0.05"}, {"p25", "0.25"}, {"p50", "0.5"},
                        {"p75", "0.75"}, {"p95", "0.95"}}) {
                    b.put(q[0], quantile(sorted, Double.parseDouble(q[1])));
                }
            }
            double[] sorted = sorted(annualNet[m]);
            ArrayNode qs = mn.putArray("netIncomeQuantiles");
            for (double p : grid) {
                qs.add(quantile(sorted, p));
            }
            mn.set("cash", cash(monthlyNet[m], monthlyRevenue[m], annualCosts[m], PAYMENT_LAG[m]));
        }
        ArrayNode g = root.putArray("quantileGrid");
        for (double p : grid) {
            g.add(p);
        }

        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] a : annualNet) {
            for (double v : a) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        ObjectNode hist = root.putObject("netIncomeHistogram");
        double[] edges = edges(lo, hi);
        ArrayNode e = hist.putArray("binEdges");
        for (double v : edges) {
            e.add(v);
        }
        ObjectNode counts = hist.putObject("counts");
        for (int m = 0; m < models; m++) {
            ArrayNode c = counts.putArray(MODELS.get(m));
            for (long k : counts(annualNet[m], lo, hi)) {
                c.add(k);
            }
        }

        ArrayNode comparisons = root.putArray("comparisons");
        for (int a = 0; a < models; a++) {
            for (int b = a + 1; b < models; b++) {
                double[] diff = new double[trials];
                long greater = 0;
                for (int t = 0; t < trials; t++) {
                    diff[t] = annualNet[a][t] - annualNet[b][t];
                    if (annualNet[a][t] > annualNet[b][t]) {
                        greater++;
                    }
                }
                double p = greater / (double) trials;
                ObjectNode c = comparisons.addObject();
                c.put("a", MODELS.get(a));
                c.put("b", MODELS.get(b));
                c.put("meanDifference", mean(diff));
                c.put("meanDifferenceStdError", sd(diff) / Math.sqrt(trials));
                c.put("probAGreater", p);
                c.put("probAGreaterStdError", Math.sqrt(p * (1 - p) / trials));
                double[] sd = sorted(diff);
                ObjectNode d = c.putObject("difference");
                d.put("p05", quantile(sd, 0.05));
                d.put("p25", quantile(sd, 0.25));
                d.put("p50", quantile(sd, 0.5));
                d.put("p75", quantile(sd, 0.75));
                d.put("p95", quantile(sd, 0.95));
                ObjectNode h = c.putObject("histogram");
                ArrayNode he = h.putArray("binEdges");
                for (double v : edges(sd[0], sd[trials - 1])) {
                    he.add(v);
                }
                ArrayNode hc = h.putArray("counts");
                for (long k : counts(diff, sd[0], sd[trials - 1])) {
                    hc.add(k);
                }
            }
        }

        ObjectNode act = root.putObject("activity");
        String[] names = {"episodes", "refusedEpisodes", "attendedVisits", "units"};
        for (int k = 0; k < names.length; k++) {
            double[] s = sorted(activity[k]);
            ObjectNode a = act.putObject(names[k]);
            a.put("mean", mean(activity[k]));
            a.put("sd", sd(activity[k]));
            a.put("meanStdError", sd(activity[k]) / Math.sqrt(trials));
            a.put("p05", quantile(s, 0.05));
            a.put("p50", quantile(s, 0.5));
            a.put("p95", quantile(s, 0.95));
        }
        return root;
    }

    /**
     * One practice-year: a yearly referral level (a referral source may come or go), negative binomial
     * new episodes per month (Poisson-gamma, dispersion 15) shaped by seasonality, visits spread over
     * the months after the start, capacity of 3 x 11 x 21 visits a month, cancellations, and three payers.
     */
    private static void simulateYear(UniformRandomProvider rng, int t, double[][] net, double[][] revenue,
                                     double[][] costs, double[][][] monthlyNet, double[][][] monthlyRevenue,
                                     double[][] activity) {
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        double referrals = AhrensDieterMarsagliaTsangGammaSampler.of(rng, 60, 1 / 60.0).sample();
        double cancel = clamp(0.11 + 0.03 * gauss.sample(), 0.02, 0.4);
        double denial = clamp(0.06 + 0.02 * gauss.sample(), 0.0, 0.3);
        double members = 12000 + 300 * gauss.sample();
        double capacity = 3.0 * 11 * 21;
        // Expected visits in the 1st, 2nd and 3rd month of an episode: evaluation + 8 a month.
        double[] visitsByAge = {8.0, 4.4, 0.4};
        double[] started = new double[HORIZON + 2];
        started[0] = 42 * referrals;
        started[1] = 42 * referrals;
        double episodes = 0;
        double refused = 0;
        double attendedYear = 0;
        double unitsYear = 0;
        double ffsPerUnit = 0.55 * 31.0 * (1 - denial) + 0.35 * 36.0 * 0.96 + 0.10 * 21.0 * 0.92;
        double ffsPerEval = 0.55 * 100.60 * (1 - denial) + 0.35 * 125.0 * 0.96 + 0.10 * 72.0 * 0.92;
        for (int mo = 0; mo < HORIZON; mo++) {
            double lambda = 42 * SEASONALITY[mo] * referrals
                    * AhrensDieterMarsagliaTsangGammaSampler.of(rng, 15, 1 / 15.0).sample();
            double newEpisodes = lambda > 0 ? PoissonSampler.of(rng, lambda).sample() : 0;
            started[mo + 2] = newEpisodes;
            double demand = 0;
            for (int age = 0; age < visitsByAge.length; age++) {
                demand += started[mo + 2 - age] * visitsByAge[age];
            }
            double scheduled = demand > 0 ? PoissonSampler.of(rng, demand).sample() : 0;
            double attended = Math.round(scheduled * (1 - cancel) + Math.sqrt(scheduled * cancel * (1 - cancel))
                    * gauss.sample());
            if (attended > capacity) {
                double over = attended - capacity;
                refused += over / 12.8;
                attended = capacity;
            }
            attended = Math.max(0, attended);
            double evaluations = Math.min(attended, newEpisodes * (1 - cancel));
            double followUps = attended - evaluations;
            double units = followUps * (3.36 + 0.05 * gauss.sample());
            double hand = Math.round(newEpisodes * 0.6 + Math.sqrt(newEpisodes * 0.24) * gauss.sample());
            hand = clamp(hand, 0, newEpisodes);
            double outlierVisits = newEpisodes - hand > 0 ? PoissonSampler.of(rng, (newEpisodes - hand) * 0.9).sample() : 0;

            double cost = 28000 + 28.0 * attended;
            double[] rev = {
                evaluations * ffsPerEval + units * ffsPerUnit,
                4.10 * members,
                hand * 1000 + (newEpisodes - hand) * 1500 + outlierVisits * 55,
            };
            for (int m = 0; m < rev.length; m++) {
                monthlyNet[m][mo][t] = rev[m] - cost;
                monthlyRevenue[m][mo][t] = rev[m];
                net[m][t] += rev[m] - cost;
                revenue[m][t] += rev[m];
                costs[m][t] += cost;
            }
            episodes += newEpisodes;
            attendedYear += attended;
            unitsYear += units;
        }
        activity[0][t] = episodes;
        activity[1][t] = Math.round(refused);
        activity[2][t] = attendedYear;
        activity[3][t] = Math.round(unitsYear);
    }

    /**
     * The {@code cash} object of one model: balance = reserve + payments received - costs, where a month's
     * revenue arrives {@code lag} months later and each month before month 1 (a practice already running)
     * is taken to have earned the trial's mean monthly revenue.
     */
    private static ObjectNode cash(double[][] monthlyNet, double[][] monthlyRevenue, double[] annualCosts, int lag) {
        int trials = annualCosts.length;
        double[][] balance = new double[HORIZON + 1][trials];
        double[] min = new double[trials];
        double[] end = new double[trials];
        double[] runway = new double[trials];
        long negative = 0;
        for (int t = 0; t < trials; t++) {
            double meanRevenue = 0;
            for (int mo = 0; mo < HORIZON; mo++) {
                meanRevenue += monthlyRevenue[mo][t] / HORIZON;
            }
            double b = STARTING_RESERVE;
            balance[0][t] = b;
            min[t] = Double.POSITIVE_INFINITY;
            for (int mo = 0; mo < HORIZON; mo++) {
                double cost = monthlyRevenue[mo][t] - monthlyNet[mo][t];
                double received = mo - lag >= 0 ? monthlyRevenue[mo - lag][t] : meanRevenue;
                b += received - cost;
                balance[mo + 1][t] = b;
                min[t] = Math.min(min[t], b);
            }
            end[t] = b;
            runway[t] = clamp(min[t] / (annualCosts[t] / HORIZON), -1200, 1200);
            if (min[t] < 0) {
                negative++;
            }
        }
        double p = negative / (double) trials;
        ObjectNode c = JSON.createObjectNode();
        c.put("probNegativeAnyMonth", p);
        c.put("probNegativeAnyMonthStdError", Math.sqrt(p * (1 - p) / trials));
        c.set("minBalance", metric(min));
        c.set("endBalance", metric(end));
        c.set("runwayMonths", metric(runway));
        ArrayNode months = c.putArray("monthlyBalance");
        for (int mo = 0; mo <= HORIZON; mo++) {
            double[] sorted = sorted(balance[mo]);
            ObjectNode band = months.addObject();
            band.put("month", mo);
            band.put("mean", mean(balance[mo]));
            band.put("p05", quantile(sorted, 0.05));
            band.put("p25", quantile(sorted, 0.25));
            band.put("p50", quantile(sorted, 0.5));
            band.put("p75", quantile(sorted, 0.75));
            band.put("p95", quantile(sorted, 0.95));
        }
        return c;
    }

    private static ObjectNode metric(double[] x) {
        double[] s = sorted(x);
        int n = x.length;
        ObjectNode m = JSON.createObjectNode();
        m.put("mean", mean(x));
        m.put("sd", sd(x));
        m.put("meanStdError", sd(x) / Math.sqrt(n));
        m.put("min", s[0]);
        m.put("max", s[n - 1]);
        for (int i = 0; i < Q.length; i++) {
            m.put(Q[i], quantile(s, QP[i]));
        }
        m.put("worst5Mean", worst5Mean(s));
        m.put("probLoss", probLoss(x));
        if (n < 200) {
            m.putNull("mcse");
            return m;
        }
        ObjectNode e = m.putObject("mcse");
        int batches = 20;
        int size = n / batches;
        double[][] perBatch = new double[Q.length + 2][batches];
        for (int b = 0; b < batches; b++) {
            double[] batch = Arrays.copyOfRange(x, b * size, (b + 1) * size);
            double[] bs = sorted(batch);
            for (int i = 0; i < Q.length; i++) {
                perBatch[i][b] = quantile(bs, QP[i]);
            }
            perBatch[Q.length][b] = worst5Mean(bs);
            perBatch[Q.length + 1][b] = probLoss(batch);
        }
        for (int i = 0; i < Q.length; i++) {
            e.put(Q[i], sd(perBatch[i]) / Math.sqrt(batches));
        }
        e.put("worst5Mean", sd(perBatch[Q.length]) / Math.sqrt(batches));
        e.put("probLoss", sd(perBatch[Q.length + 1]) / Math.sqrt(batches));
        return m;
    }

    /** The summary's fine quantile grid: the engine's own (105 probabilities). */
    static double[] quantileGrid() {
        return org.payrisk.stats.Summaries.QUANTILE_GRID.clone();
    }

    /** Hyndman-Fan type 7 on sorted data (the engine's estimator). */
    static double quantile(double[] sorted, double p) {
        return org.payrisk.stats.Quantiles.type7(sorted, p);
    }

    private static double worst5Mean(double[] sorted) {
        int k = (int) Math.ceil(0.05 * sorted.length);
        double sum = 0;
        for (int i = 0; i < k; i++) {
            sum += sorted[i];
        }
        return sum / k;
    }

    private static double probLoss(double[] x) {
        long below = 0;
        for (double v : x) {
            if (v < 0) {
                below++;
            }
        }
        return below / (double) x.length;
    }

    private static double[] edges(double lo, double hi) {
        double[] e = new double[61];
        for (int i = 0; i <= 60; i++) {
            e[i] = i == 60 ? hi : lo + (hi - lo) * i / 60.0;
        }
        return e;
    }

    private static long[] counts(double[] x, double lo, double hi) {
        long[] c = new long[60];
        double w = (hi - lo) / 60.0;
        for (double v : x) {
            int b = w > 0 ? (int) Math.floor((v - lo) / w) : 0;
            c[Math.max(0, Math.min(59, b))]++;
        }
        return c;
    }

    private static double[] sorted(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        return s;
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    private static double sd(double[] x) {
        double m = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return x.length > 1 ? Math.sqrt(s / (x.length - 1)) : 0;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    /** Regenerates the committed fixture: {@code main(src/test/resources/.../ot-practice)}. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Files.write(dir.resolve("summary.json"), JSON.writeValueAsBytes(summary(10_000)));
        JsonNode check = JSON.readTree(dir.resolve("summary.json").toFile());
        System.out.println("wrote " + check.get("trials") + " trials to " + dir);
    }
}
