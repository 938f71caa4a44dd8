package org.payrisk.payment;

import org.apache.commons.rng.UniformRandomProvider;
import org.payrisk.dist.TrialStreams;

/**
 * The random numbers of one claim: before each visit the stream is reset to a state that depends only
 * on its key and the visit's index (the trial's claims key, the same in every payment model; or a key
 * mixed from it and the payers a contract covers, for draws that belong to that contract) (SplitMix64:
 * Steele, Lea and Flood 2014), so a visit's timed minutes, billed codes, assistant and denial draws
 * do not depend on which model pays it or on the other visits. Two models with the same Medicare
 * terms therefore pay identical claims, and their paired difference shows the payment model alone
 * (common random numbers down to the claim).
 *
 * <p>Per-trial scratch, one per rule call; not thread safe. Samplers built on it must keep no state
 * between draws (commons-rng's ziggurat, alias, Cheng beta, inverse-transform samplers do not).
 */
public final class ClaimRandom implements UniformRandomProvider {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final long key;
    private long state;

    /** @param key the trial's claims key */
    public ClaimRandom(long key) {
        this.key = key;
        this.state = mix(key);
    }

    /** @param v the visit about to be drawn for (negative values are the per-trial slots) */
    void visit(int v) {
        state = mix(key + GOLDEN * (v + 1L));
    }

    /**
     * One per-trial draw from its own slot of the trial's claims stream: the same in every model, so
     * that a fact of the practice's year (its quality score, its MIPS score) is shared by all models.
     *
     * @param key the trial's claims key
     * @param slot the quantity's slot, &gt;= 0 (the Medicare form uses 0-8, percentOfMedicare 2 and 10-12 on
     *             its payer-keyed stream, overlays 100 and up)
     * @param d its distribution
     * @return the draw
     */
    public static double draw(long key, int slot, org.payrisk.dist.Distribution d) {
        ClaimRandom c = new ClaimRandom(key);
        c.visit(-1 - slot);
        return org.payrisk.dist.CopulaDraws.sample(d, c);
    }

    @Override
    public long nextLong() {
        state += GOLDEN;
        return mix(state);
    }

    private static long mix(long z) {
        return TrialStreams.mix(z);
    }
}
