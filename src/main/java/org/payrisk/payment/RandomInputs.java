package org.payrisk.payment;

import org.apache.commons.rng.UniformRandomProvider;
import org.payrisk.dist.Constant;
import org.payrisk.dist.Distribution;
import org.payrisk.dist.TrialStreams;

/**
 * The common-random-numbers policy of payment terms: a random input of a contract draws from a
 * stream keyed by what the input is, never by where it stands in a list:
 * <pre>
 *   key = mix(claimsKey XOR payerKey(payers the contract covers) XOR fieldKey(rule kind + field))
 * </pre>
 * The claims key depends only on (seed, trial), so the stream of an input depends only on (seed,
 * trial, the input's field, the payers its contract covers). Consequences, which the engine tests
 * check: two contracts with the same terms covering the same payers draw the same values in every
 * trial (two identical capitation contracts see the same members); adding, removing or reordering
 * a model or a contract changes no other contract's draws; two inputs with equal distributions but
 * different fields (two cases' equal bundled prices) draw independently.
 *
 * <p>A field is the input's path within its contract, as in error messages, e.g.
 * {@code capitation.pmpm}, {@code bundled.perEpisode[2]}, {@code paymentLagMonths}. Facts of the
 * practice's year that every contract shares (the quality score of the overlays, the Medicare form's
 * year terms such as MIPS) are keyed without the payers: see {@link ClaimRandom#draw}.
 *
 * <p>Streams are SplitMix64 generators ({@link ClaimRandom}); thread safe (stateless).
 */
public final class RandomInputs {

    private RandomInputs() {
    }

    /**
     * A stable 64-bit key of a field path (FNV-1a over its UTF-16 code units, then the SplitMix64
     * finaliser): the same on every JVM and run.
     *
     * @param field the input's path within its contract, e.g. {@code capitation.pmpm}
     * @return its key
     */
    public static long fieldKey(String field) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < field.length(); i++) {
            h ^= field.charAt(i);
            h *= 0x100000001b3L;
        }
        return TrialStreams.mix(h);
    }

    /**
     * @param covered the payers a contract covers
     * @return a key that depends only on that set of payers
     */
    public static long payerKey(boolean[] covered) {
        return FeeForService.payerKey(covered);
    }

    /**
     * The stream of one input of one trial.
     *
     * @param claimsKey the trial's claims key
     * @param covered the payers the input's contract covers
     * @param fieldKey {@link #fieldKey} of the input's field
     * @return a new generator
     */
    public static UniformRandomProvider stream(long claimsKey, boolean[] covered, long fieldKey) {
        return new ClaimRandom(TrialStreams.mix(claimsKey ^ payerKey(covered) ^ fieldKey));
    }

    /**
     * One draw of a per-trial input: the first draw of its stream (or its correlated value, see
     * {@link org.payrisk.dist.CopulaDraws}).
     *
     * @param claimsKey the trial's claims key
     * @param covered the payers the input's contract covers
     * @param fieldKey {@link #fieldKey} of the input's field
     * @param d its distribution
     * @return the draw
     */
    public static double draw(long claimsKey, boolean[] covered, long fieldKey, Distribution d) {
        return org.payrisk.dist.CopulaDraws.sample(d, stream(claimsKey, covered, fieldKey));
    }

    /**
     * @param d a distribution, or null
     * @return true when it can draw more than one value (so its draws are worth recording)
     */
    public static boolean isRandom(Distribution d) {
        return d != null && !(d instanceof Constant) && d.supportMin() < d.supportMax();
    }
}
