package org.payrisk.payment;

import org.apache.commons.rng.UniformRandomProvider;
import org.payrisk.dist.Constant;
import org.payrisk.dist.Distribution;
import org.payrisk.dist.TrialStreams;

/**
 * The common-random-numbers policy of payment terms: a random input of a contract draws from a
 * stream keyed by what the input is, never by where it stands in a list:
 * <pre>
 *   key = mix(claimsKey XOR payerKey(names of the payers the contract covers) XOR fieldKey(field))
 * </pre>
 * The claims key depends only on (seed, trial), so the stream of an input depends only on (seed,
 * trial, the input's field, the names of the payers its contract covers). No key holds a position
 * in a list. Consequences, which the engine tests check: two contracts with the same terms covering
 * the same payers draw the same values in every trial (two identical capitation contracts see the
 * same members); adding, removing or reordering a model, a contract, a payer or a case changes no
 * other input's draws; two inputs with equal distributions but different fields (two cases' equal
 * bundled prices) draw independently.
 *
 * <p>A field is the input's path within its contract, as in error messages, e.g.
 * {@code capitation.pmpm}, {@code bundled.perEpisode.knee} (by case name), {@code paymentLagMonths}.
 * Facts of the practice's year that every contract shares (the quality score of the overlays, the
 * Medicare form's year terms such as MIPS) are keyed by their field alone, without the payers: see
 * {@link ClaimRandom#draw}. The payer key is {@link Coverage#key}.
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
        return TrialStreams.mix(fnv(FNV_OFFSET, field));
    }

    /**
     * The key of an item of a field named by its name, without building the string: equal to
     * {@code fieldKey(field + "." + name)}.
     *
     * @param field the field, e.g. {@code bundled.perEpisode}
     * @param name the item's name, e.g. a case name
     * @return the key of {@code field.name}
     */
    public static long fieldKey(String field, String name) {
        long h = fnv(FNV_OFFSET, field);
        h ^= '.';
        h *= FNV_PRIME;
        return TrialStreams.mix(fnv(h, name));
    }

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private static long fnv(long h, String s) {
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= FNV_PRIME;
        }
        return h;
    }

    /**
     * The stream of one input of one trial.
     *
     * @param claimsKey the trial's claims key
     * @param covered the payers the input's contract covers
     * @param fieldKey {@link #fieldKey} of the input's field
     * @return a new generator
     */
    public static UniformRandomProvider stream(long claimsKey, Coverage covered, long fieldKey) {
        return ClaimRandom.ofTerm(claimsKey ^ covered.key(), fieldKey);
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
    public static double draw(long claimsKey, Coverage covered, long fieldKey, Distribution d) {
        return ClaimRandom.draw(claimsKey ^ covered.key(), fieldKey, d); // from stream(claimsKey, covered, fieldKey)
    }

    /**
     * @param d a distribution, or null
     * @return true when it can draw more than one value (so its draws are worth recording)
     */
    public static boolean isRandom(Distribution d) {
        return d != null && !(d instanceof Constant) && d.supportMin() < d.supportMax();
    }
}
