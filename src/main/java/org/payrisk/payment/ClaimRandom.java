package org.payrisk.payment;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.util.NumberFactory;
import org.payrisk.dist.Constant;
import org.payrisk.dist.CopulaDraws;
import org.payrisk.dist.TrialStreams;

/**
 * The random numbers of one claim: before each visit the stream is reset to a state that depends only
 * on its key and the visit's index (the trial's claims key, the same in every payment model; or a key
 * mixed from it and the payers a contract covers, for draws that belong to that contract) (SplitMix64:
 * Steele, Lea and Flood 2014), so a visit's timed minutes, billed codes, assistant and (for the
 * Medicare form) denial draws do not depend on which model pays it or on the other visits. Two models
 * with the same Medicare terms therefore pay identical claims, and their paired difference shows the
 * payment model alone (common random numbers down to the claim). A fee-for-service or
 * percentOfMedicare claim's denial is drawn apart, from its key's denial sequences ({@link Denials}).
 *
 * <p>Per-trial scratch, one per rule call; not thread safe. Samplers built on it must keep no state
 * between draws (commons-rng's ziggurat, alias, Cheng beta, inverse-transform samplers do not).
 *
 * <p>Every hash here calls {@link TrialStreams#mix} directly, not through a wrapper of this class: C1,
 * the compiler of short runs, inlines a 29-byte method like {@code mix} two calls deep but refuses it
 * one level deeper ("callee is too large" under {@code -XX:+PrintInlining}); one more level once kept the
 * hash out of fee-for-service's per-visit denial loop of the time (docs/performance.md, step 8), and
 * {@link Denials} follows the same rule.
 */
public final class ClaimRandom implements UniformRandomProvider {

    /** SplitMix64's increment, the golden gamma (odd); {@link Denials}' sequences step by it too. */
    static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final long key;
    private long state;

    /** @param key the trial's claims key */
    public ClaimRandom(long key) {
        this.key = key;
        this.state = TrialStreams.mix(key);
    }

    /** @param v the visit about to be drawn for, &gt;= 0 */
    void visit(int v) {
        state = TrialStreams.mix(key + GOLDEN * (v + 1L));
    }

    /**
     * Resets the stream to a per-trial term's own stream, keyed by the term's field ({@link #ofTerm}
     * makes one on a new generator).
     *
     * @param fieldKey {@link RandomInputs#fieldKey} of the term's field
     */
    void term(long fieldKey) {
        state = TrialStreams.mix(TrialStreams.mix(key ^ fieldKey));
    }

    /**
     * One per-trial draw from its own stream, keyed by the trial's claims key (or that key mixed with a
     * contract's payer key) and the term's field name, never by a slot number: a fact of the
     * practice's year keyed without the payers (its quality score, its MIPS score) is shared by all
     * models, and every form that names the same field ({@code conversionFactorChange},
     * {@code denialRate}) on the same key draws the same value.
     *
     * @param key the trial's claims key, or that key XOR a {@link Coverage#key}
     * @param fieldKey {@link RandomInputs#fieldKey} of the term's field
     * @param d its distribution
     * @return the draw
     */
    public static double draw(long key, long fieldKey, org.payrisk.dist.Distribution d) {
        // a constant draws no random number: no stream to build
        return CopulaDraws.sample(d, d instanceof Constant ? null : ofTerm(key, fieldKey));
    }

    /**
     * A per-trial term's own stream ({@link #term}) on a new generator: what {@link #draw} draws from,
     * and {@link RandomInputs#stream}.
     *
     * @param key the trial's claims key, or that key XOR a {@link Coverage#key}
     * @param fieldKey {@link RandomInputs#fieldKey} of the term's field
     * @return the stream
     */
    static ClaimRandom ofTerm(long key, long fieldKey) {
        ClaimRandom c = new ClaimRandom(key);
        c.term(fieldKey);
        return c;
    }

    @Override
    public long nextLong() {
        state += GOLDEN;
        return TrialStreams.mix(state);
    }

    /**
     * {@inheritDoc} The library's own formula (the top 53 bits of {@link #nextLong()}, as
     * {@link UniformRandomProvider#nextDouble()} computes it), declared here so that a draw is one call
     * to this class: the interface's method is shared with the trial's practice stream, and C1, the
     * compiler of short runs, then dispatches from it again on the generator's class at each draw
     * (docs/performance.md, step 24). {@code ClaimRandomTest} checks that the numbers are the same.
     */
    @Override
    public double nextDouble() {
        return NumberFactory.makeDouble(nextLong());
    }

    /**
     * {@inheritDoc} The library's own formula (the top 32 bits of {@link #nextLong()}, as
     * {@link UniformRandomProvider#nextInt()} computes it), declared here for the same reason as
     * {@link #nextDouble()}: a Medicare form's alias draws of its billed codes call it once a unit.
     */
    @Override
    public int nextInt() {
        return (int) (nextLong() >>> 32);
    }
}
