package org.payrisk.analysis;

import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import org.payrisk.engine.EngineInput;
import org.payrisk.engine.RunSettings;
import org.payrisk.engine.SimulationEngine;
import org.payrisk.engine.TrialKernel;
import org.payrisk.payment.PaymentModel;
import org.payrisk.scenario.Scenario;
import org.payrisk.stats.BlockMerger;
import org.payrisk.stats.TrialOutcomes;

/**
 * Runs several variants of one scenario (the points of a sweep, the values a solve tries), sharing
 * the simulation of the practice when the variants cannot change it: a payment term never changes
 * the patients.
 *
 * <p>How. When every variant's practice has the same value (compared field by field, arrays and
 * lists included), the variants run as one engine run of one practice and a model list that holds
 * each model the variants leave unchanged once, and each changed model once per variant, renamed.
 * A contract's random inputs are keyed by what they are (the trial, the field, the payers it
 * covers; {@link org.payrisk.payment.RandomInputs}), never by its model's name or position, so a
 * renamed copy pays every trial exactly as the variant's own run would; each block of the shared
 * run is then cut back ({@link TrialOutcomes#select}) into the columns of each variant's own run,
 * and merged in block order. The outcomes handed on are bit-identical to separate runs
 * ({@code PointRunsTest} checks it byte for byte). Variants whose practices differ run one by one.
 *
 * <p>Memory. The variants of one shared run are all kept until it ends, so variants are shared in
 * batches whose kept outcomes fit {@code budgetBytes}; each batch simulates the practice once.
 *
 * <p>Not thread safe; the engine runs each batch on its own threads.
 */
final class PointRuns {

    /** Receives the outcomes of one variant, in variant order. */
    @FunctionalInterface
    interface Sink {
        /**
         * @param index the variant's index
         * @param outcomes its outcomes, exactly those of a separate run of it
         * @throws AnalysisInputException to stop
         */
        void accept(int index, TrialOutcomes outcomes) throws AnalysisInputException;
    }

    private PointRuns() {
    }

    /**
     * @return a memory budget for a batch's kept outcomes: a third of what the heap has left now
     *         (the caller's up-front check already allowed for one run's outcomes)
     */
    static long defaultBudget() {
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        return Math.max(0, free / 3);
    }

    /**
     * Runs every variant and hands its outcomes to {@code sink}, in order.
     *
     * @param variants the scenarios to run, at least one, with the same model names
     * @param settings trials, seed and threads of every variant
     * @param engine the engine
     * @param progress told of finished trials, counted per variant
     * @param budgetBytes most bytes of kept outcomes a shared batch may hold (at least one variant
     *                    is always shared with itself)
     * @param starting told the index of each variant that starts alone, or of the first of each batch
     * @param sink receives each variant's outcomes
     * @return how many times the practice was simulated (engine runs)
     * @throws InterruptedException when interrupted
     * @throws AnalysisInputException when the sink stops
     */
    static int run(List<Scenario> variants, RunSettings settings, SimulationEngine engine, SimulationEngine.Progress progress,
                   long budgetBytes, IntConsumer starting, Sink sink) throws InterruptedException, AnalysisInputException {
        if (!sharePractice(variants)) {
            for (int i = 0; i < variants.size(); i++) {
                starting.accept(i);
                sink.accept(i, engine.run(variants.get(i), settings, progress));
            }
            return variants.size();
        }
        Scenario first = variants.get(0);
        int models = first.models().size();
        boolean[] varied = new boolean[models];
        for (Scenario v : variants) {
            for (int m = 0; m < models; m++) {
                varied[m] |= !sameValue(v.models().get(m), first.models().get(m));
            }
        }
        EngineInput firstInput = EngineInput.of(first);
        long perVariant = TrialOutcomes.bytesNeeded(models, new TrialKernel(firstInput, settings.seed()).inputs().size(),
                settings.trials(), first.practice().horizonMonths());
        int batch = (int) Math.max(1, Math.min(variants.size(), budgetBytes / Math.max(1, perVariant)));
        int runs = 0;
        for (int from = 0; from < variants.size(); from += batch) {
            starting.accept(from);
            runBatch(variants, from, Math.min(variants.size(), from + batch), varied, settings, engine, progress, sink);
            runs++;
        }
        return runs;
    }

    /**
     * Whether every variant's practice has the value of the first's (and the same model names). A
     * scenario whose models respond to how they are paid never shares: each responding model simulates
     * its own practice, which its own terms can change; nor does one with correlated inputs (the
     * copula knows each variant's inputs by their own distributions).
     */
    static boolean sharePractice(List<Scenario> variants) {
        Scenario first = variants.get(0);
        for (Scenario v : variants) {
            if (EngineInput.of(v).responsive() || !v.correlations().isEmpty() || !v.modelNames().equals(first.modelNames()) || !sameValue(v.practice(), first.practice())) {
                return false;
            }
        }
        return true;
    }

    private static void runBatch(List<Scenario> variants, int from, int to, boolean[] varied, RunSettings settings,
                                 SimulationEngine engine, SimulationEngine.Progress progress, Sink sink)
            throws InterruptedException, AnalysisInputException {
        Scenario first = variants.get(from);
        List<String> names = first.modelNames();
        Set<String> taken = new HashSet<>(names);
        List<PaymentModel> shared = new ArrayList<>();
        int[] sharedColumn = new int[names.size()];
        for (int m = 0; m < names.size(); m++) {
            if (!varied[m]) {
                sharedColumn[m] = shared.size();
                shared.add(first.models().get(m));
            }
        }
        int k = to - from;
        int[][] modelColumns = new int[k][names.size()];
        List<List<String>> renamed = new ArrayList<>(); // per variant, the name of each model in the shared run
        for (int p = 0; p < k; p++) {
            List<String> own = new ArrayList<>();
            for (int m = 0; m < names.size(); m++) {
                if (varied[m]) {
                    String name = unique("point " + (from + p) + " " + names.get(m), taken);
                    modelColumns[p][m] = shared.size();
                    shared.add(variants.get(from + p).models().get(m).named(name));
                    own.add(name);
                } else {
                    modelColumns[p][m] = sharedColumn[m];
                    own.add(names.get(m));
                }
            }
            renamed.add(own);
        }
        EngineInput together = new EngineInput(first.practice(), shared);
        List<String> sharedInputs = new TrialKernel(together, settings.seed()).inputs();
        List<List<String>> inputs = new ArrayList<>();
        int[][] inputColumns = new int[k][];
        BlockMerger[] mergers = new BlockMerger[k];
        for (int p = 0; p < k; p++) {
            List<String> own = new TrialKernel(EngineInput.of(variants.get(from + p)), settings.seed()).inputs();
            inputs.add(own);
            inputColumns[p] = new int[own.size()];
            for (int i = 0; i < own.size(); i++) {
                inputColumns[p][i] = sharedInputs.indexOf(rename(own.get(i), names, renamed.get(p)));
                if (inputColumns[p][i] < 0) {
                    throw new IllegalStateException("input " + own.get(i) + " of point " + (from + p) + " is not in the shared run");
                }
            }
            mergers[p] = new BlockMerger(names, own, settings.trials(), first.practice().horizonMonths(), null);
        }
        engine.runBlocks(together, settings, n -> progress.finished(n * k), block -> {
            for (int p = 0; p < k; p++) {
                mergers[p].accept(block.select(names, modelColumns[p], inputs.get(p), inputColumns[p]));
            }
        });
        for (int p = 0; p < k; p++) {
            TrialOutcomes outcomes = mergers[p].result();
            mergers[p] = null;
            sink.accept(from + p, outcomes);
        }
    }

    /** {@code base}, with spaces added until no model has that name. */
    private static String unique(String base, Set<String> taken) {
        String name = base;
        while (!taken.add(name)) {
            name = name + " ";
        }
        return name;
    }

    /** A recorded input's path with its model (the {@code models[name]} prefix) renamed. */
    private static String rename(String path, List<String> names, List<String> renamed) {
        for (int m = 0; m < names.size(); m++) {
            String prefix = "models[" + names.get(m) + "].";
            if (path.startsWith(prefix)) {
                return "models[" + renamed.get(m) + "]." + path.substring(prefix.length());
            }
        }
        return path;
    }

    /**
     * Value equality of immutable model records: records component by component, arrays element by
     * element (doubles by their bits), lists and maps entry by entry, anything else by
     * {@code equals}. A class without value equality compares by identity, which only ever says
     * "different": the safe answer, which costs sharing and never correctness.
     *
     * @param a one value
     * @param b another
     * @return whether they are the same value
     */
    static boolean sameValue(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null || a.getClass() != b.getClass()) {
            return false;
        }
        Class<?> c = a.getClass();
        if (c.isArray()) {
            int n = Array.getLength(a);
            if (n != Array.getLength(b)) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                if (!sameValue(Array.get(a, i), Array.get(b, i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof List<?> la) {
            List<?> lb = (List<?>) b;
            if (la.size() != lb.size()) {
                return false;
            }
            for (int i = 0; i < la.size(); i++) {
                if (!sameValue(la.get(i), lb.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map<?, ?> ma) {
            Map<?, ?> mb = (Map<?, ?>) b;
            if (ma.size() != mb.size()) {
                return false;
            }
            for (Map.Entry<?, ?> e : ma.entrySet()) {
                if (!mb.containsKey(e.getKey()) || !sameValue(e.getValue(), mb.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (c.isRecord()) {
            try {
                for (RecordComponent rc : c.getRecordComponents()) {
                    Method get = rc.getAccessor();
                    get.setAccessible(true);
                    if (!sameValue(get.invoke(a), get.invoke(b))) {
                        return false;
                    }
                }
                return true;
            } catch (ReflectiveOperationException | RuntimeException e) {
                return false; // cannot be read: call it different
            }
        }
        return a.equals(b); // Double.equals compares bits, so NaN equals NaN and 0.0 differs from -0.0
    }
}
