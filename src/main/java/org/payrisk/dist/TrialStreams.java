package org.payrisk.dist;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;
import org.apache.commons.rng.core.source64.SplitMix64;
import org.apache.commons.rng.core.util.NumberFactory;

/**
 * Independent random streams for Monte Carlo trials: the stream for (trial, purpose) depends only on
 * the run seed, the trial index and the purpose number, never on the thread or the order in which
 * trials run. This is what makes results identical on any thread count and on any engine.
 *
 * <p>Construction: the 64-bit key {@code mix(mix(seed + G (trial + 1)) ^ (purpose + 1) C)} (mix is
 * the SplitMix64 finaliser, G and C odd constants) seeds a {@link SplitMix64}, whose next two
 * outputs seed a {@link XoRoShiRo128PlusPlus} generator (commons-rng-core 1.6; period 2^128 - 1, so
 * streams of a few million draws seeded from distinct keys overlap with negligible probability).
 * It was chosen over L64X128Mix because it is about 20% faster on this workload (measured with the
 * run's own trials per second) with equally good statistical quality for this use. Purpose 0 is the
 * practice-year simulation; the engine takes the trial's claims key from another purpose, and every
 * payment term's stream is keyed from that by what the term is (its field and the payers its
 * contract covers, see payment.RandomInputs), so adding or changing one payment model never changes
 * the patients or the draws of another (common random numbers).
 *
 * <p>Immutable and thread safe; each call of {@link #stream(long, int)} returns a new generator.
 *
 * @param seed the run seed
 */
public record TrialStreams(long seed) {

    /** The generator name recorded in outputs. */
    public static final String GENERATOR = "XO_RO_SHI_RO_128_PP (seeded per trial and purpose by SplitMix64)";

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final long PURPOSE_MULTIPLIER = 0xD1B54A32D192ED03L;

    /**
     * The generator for one random input of one trial.
     *
     * @param trial trial index, &gt;= 0
     * @param purpose the random input's number, &gt;= 0 (0 = practice simulation)
     * @return a new generator
     */
    public UniformRandomProvider stream(long trial, int purpose) {
        return stream(trial, purpose, new Reseedable());
    }

    /**
     * The generator for one random input of one trial, made by setting {@code into} to it: the same
     * numbers as {@link #stream(long, int)} gives, without a new generator. A kernel keeps one for its
     * practice stream, so the samplers it binds to it once draw each trial's numbers.
     *
     * @param trial trial index, &gt;= 0
     * @param purpose the random input's number, &gt;= 0
     * @param into the generator to set (its earlier state is forgotten)
     * @return {@code into}
     */
    public UniformRandomProvider stream(long trial, int purpose, Reseedable into) {
        long key = mix(mix(seed + GOLDEN * (trial + 1)) ^ ((purpose + 1L) * PURPOSE_MULTIPLIER));
        SplitMix64 expander = new SplitMix64(key);
        into.reseed(expander.nextLong(), expander.nextLong());
        return into;
    }

    /**
     * A {@link XoRoShiRo128PlusPlus} whose seed can be set again. Setting it makes exactly the generator
     * that {@code new XoRoShiRo128PlusPlus(seed0, seed1)} would be: a XoRoShiRo128 generator's whole
     * state is its two longs, plus the bits that commons-rng's {@code LongProvider} keeps from its last
     * long for {@code nextInt} and {@code nextBoolean}, which {@code resetCachedState} clears (both are
     * the library's protected API for subclasses). Every stream of {@link TrialStreams} has this one
     * class. Drawn from before it is set, it gives the fixed stream of seed (0, 1). Not thread safe.
     */
    public static final class Reseedable extends XoRoShiRo128PlusPlus {

        /** A generator to be set ({@link TrialStreams#stream(long, int, Reseedable)}) before use. */
        public Reseedable() {
            super(0L, 1L);
        }

        /**
         * {@inheritDoc} The library's own: {@code next()}, as {@code LongProvider.nextLong} returns it.
         * This and {@link #nextDouble()} are declared here, in a final class, so that a draw goes
         * straight to this generator's code. The library's versions are inherited code shared with
         * other generators ({@code LongProvider.nextLong} with the seeding {@link SplitMix64}; the
         * interface's default {@code nextDouble} with the claims' {@code ClaimRandom}), and C1, the
         * compiler of short runs, dispatches from them again on the generator's class at each draw
         * (docs/performance.md, step 24). {@code TrialStreamsTest} checks that the numbers are those
         * of {@link XoRoShiRo128PlusPlus}.
         */
        @Override
        public long nextLong() {
            return next();
        }

        /** {@inheritDoc} The library's own formula: the top 53 bits of {@link #nextLong()}, times 2<sup>-53</sup>. */
        @Override
        public double nextDouble() {
            return NumberFactory.makeDouble(next());
        }

        private void reseed(long seed0, long seed1) {
            state0 = seed0;
            state1 = seed1;
            resetCachedState();
        }
    }

    /**
     * The SplitMix64 output function (Steele, Lea and Flood 2014): a bijective 64-bit mixer.
     *
     * @param z any value
     * @return its mix
     */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
