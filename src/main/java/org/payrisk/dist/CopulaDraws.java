package org.payrisk.dist;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The values of a trial's correlated inputs, drawn together before the trial runs, and the one place
 * where a per-trial input is drawn: {@link #sample} returns the trial's correlated value when the
 * input is one of the copula's marginals and draws from the input's own stream otherwise.
 *
 * <p>Why a thread-confined binding: the practice and the contracts draw their per-trial inputs deep
 * inside immutable, shared model records, each from a stream keyed by what the input is. Passing
 * the correlated values down every call would touch every payment rule; instead the engine's kernel
 * {@link #bind}s this trial's values to its worker thread for the length of one trial and
 * {@link #unbind}s them after, and every single-draw site asks {@link #sample}. Inputs are
 * recognised by the identity of their distribution instance, so equal distributions of two inputs
 * are never confused. A scenario without correlations never binds anything, and {@link #sample}
 * then draws exactly as before (its results are byte-identical).
 *
 * <p>Random numbers: {@link #draw} takes one standard normal per input (commons-rng
 * {@link ZigguratSampler.NormalizedGaussian}) from the stream it is given (the trial's own copula
 * stream, so the values depend only on the seed and the trial), in input order, makes them
 * correlated (Cholesky factor of the repaired normal correlations), maps them to uniforms by the
 * normal CDF and each uniform to its input by {@code inverseCdf}.
 *
 * <p>An instance is mutable scratch: one per worker thread (one per kernel).
 */
public final class CopulaDraws {

    private static final ThreadLocal<CopulaDraws> BOUND = new ThreadLocal<>();

    /** Uniforms are kept inside (0, 1) so a marginal with unbounded support never returns an infinity. */
    private static final double LOWEST_U = 0x1.0p-53;

    private final GaussianCopula copula;
    private final Distribution[] marginals;
    private final double[] z;
    private final double[] u;
    private final double[] values;
    /** Distributions drawn while capturing ({@link #drawnBy}); null for a trial's binding. */
    private final List<Distribution> seen;

    /**
     * @param inputs the correlated inputs (not empty)
     */
    public CopulaDraws(InputCopula inputs) {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("expected at least two correlated inputs, found none");
        }
        copula = inputs.copula();
        marginals = inputs.marginals().toArray(new Distribution[0]);
        z = new double[marginals.length];
        u = new double[marginals.length];
        values = new double[marginals.length];
        seen = null;
    }

    private CopulaDraws(List<Distribution> seen) {
        copula = null;
        marginals = new Distribution[0];
        z = u = values = new double[0];
        this.seen = seen;
    }

    /**
     * Draws the correlated values of one trial.
     *
     * @param rng the trial's copula stream
     */
    public void draw(UniformRandomProvider rng) {
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        for (int i = 0; i < z.length; i++) {
            z[i] = gauss.sample();
        }
        copula.uniforms(z, u);
        for (int i = 0; i < u.length; i++) {
            values[i] = marginals[i].inverseCdf(Math.min(1 - LOWEST_U, Math.max(LOWEST_U, u[i])));
        }
    }

    /** @return the values of the last {@link #draw}, in input order (a copy) */
    public double[] values() {
        return values.clone();
    }

    /** Makes {@link #sample} on this thread return the values of the last {@link #draw}. */
    public void bind() {
        BOUND.set(this);
    }

    /**
     * Readies this thread for {@link #sample}; a worker calls it before its trials. It leaves the
     * thread unbound if it was, and bound to the same values if it was. Why: {@code ThreadLocal.get}
     * takes a branch of its own when the thread has no thread-local table yet, or no entry for this
     * thread-local in it (a new worker thread, or a pooled one after {@link #unbind}); it then stores
     * the initial value, null, so that later calls find it. In a process with several runs (a sweep's
     * points, a solve's evaluations), a later run's new workers could take that branch inside C2's
     * compile of the practice-year, which inlines {@link #sample}; where C2's profile had never seen it
     * taken, C2 threw the whole compile away and compiled it again while the workers ran slow, profiled
     * code (seen under {@code -XX:+LogCompilation} in a sweep: an uncommon trap, reason
     * {@code unstable_if}, at {@code ThreadLocal.get}). Taking the branch here, before the trials,
     * keeps this branch from throwing the compile away (other traps are the JIT's own business).
     */
    public static void readyThread() {
        BOUND.get(); // stores the initial value (null: unbound) when the thread has no entry yet
    }

    /** @return true when a binding holds on this thread (a seam for this package's tests) */
    static boolean isBound() {
        return BOUND.get() != null;
    }

    /** Ends this thread's binding: inputs are drawn from their own streams again. */
    public static void unbind() {
        BOUND.remove();
    }

    /**
     * One per-trial draw of an input: its correlated value when a binding on this thread holds
     * {@code d} (by identity), else one draw from {@code d} with {@code rng}.
     *
     * @param d the input's distribution
     * @param rng the input's own stream; may be null when {@code d} is a {@link Constant}, which draws no
     *        random number (so that callers need not build a stream for it)
     * @return the draw
     */
    public static double sample(Distribution d, UniformRandomProvider rng) {
        CopulaDraws b = BOUND.get();
        if (b != null) {
            if (b.seen != null) {
                b.seen.add(d);
            }
            for (int i = 0; i < b.marginals.length; i++) {
                if (b.marginals[i] == d) {
                    return b.values[i];
                }
            }
        }
        if (d instanceof Constant c) {
            return c.value(); // what its sampler returns, without building one: a constant draws no random number
        }
        return d.createSampler(rng).sample();
    }

    /**
     * The distributions {@code action} draws through {@link #sample} on this thread: how the scenario
     * finds which distribution a recorded per-trial input is drawn from (exactly one for an input
     * drawn once per trial).
     *
     * @param action code that draws (it runs once, unbound)
     * @return the distributions drawn, in order, with repeats
     */
    public static List<Distribution> drawnBy(Runnable action) {
        CopulaDraws previous = BOUND.get();
        List<Distribution> seen = new ArrayList<>();
        BOUND.set(new CopulaDraws(seen));
        try {
            action.run();
        } finally {
            if (previous != null) {
                BOUND.set(previous);
            } else {
                BOUND.remove();
            }
        }
        return seen;
    }
}
