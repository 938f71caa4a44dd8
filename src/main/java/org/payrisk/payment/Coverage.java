package org.payrisk.payment;

import java.util.List;
import java.util.Objects;
import org.payrisk.dist.TrialStreams;

/**
 * The payers one contract covers: which payer indices of the practice-year it pays ({@link #covers}),
 * and the key of that set of payers for the contract's random inputs ({@link #key}). The key is made
 * from the covered payers' names, not their indices, so reordering or inserting payers in
 * {@code demand.payers} leaves every contract's draws where they were (see {@link RandomInputs}).
 *
 * <p>Immutable and thread safe.
 */
public final class Coverage {

    private static final long SALT = 0x5EEDF00DL;

    private final boolean[] covers;
    private final long key;
    private final int onlyPayer;

    private Coverage(boolean[] covers, long key) {
        this.covers = covers;
        this.key = key;
        this.onlyPayer = onlyPayer(covers);
    }

    private static int onlyPayer(boolean[] covers) {
        int only = -1;
        for (int p = 0; p < covers.length; p++) {
            if (covers[p]) {
                if (only >= 0) {
                    return -1;
                }
                only = p;
            }
        }
        return only;
    }

    /**
     * @param covers covers[p] is true when payer p is paid under the contract
     * @param payerNames the practice's payer names, by payer index (the same length)
     * @return the coverage, keyed by the names of the covered payers
     * @throws IllegalArgumentException when the lengths differ
     */
    public static Coverage of(boolean[] covers, List<String> payerNames) {
        Objects.requireNonNull(payerNames, "payerNames");
        if (covers.length != payerNames.size()) {
            throw new IllegalArgumentException("covers: expected one flag per payer (" + payerNames.size() + "), found "
                    + covers.length);
        }
        // A sum of per-name hashes: the same whatever order the payers are listed in.
        long sum = 0;
        for (int p = 0; p < covers.length; p++) {
            if (covers[p]) {
                sum += RandomInputs.fieldKey(payerNames.get(p));
            }
        }
        return new Coverage(covers.clone(), TrialStreams.mix(SALT + sum));
    }

    /**
     * @param p a payer index
     * @return true when the contract pays that payer's claims and episodes
     */
    public boolean covers(int p) {
        return covers[p];
    }

    /**
     * The flags themselves, for the rules' claim loops (a local array there is cheaper than a call
     * per visit group). Callers in this package must not change them.
     *
     * @return covers[p], true when payer p is paid under the contract
     */
    boolean[] flags() {
        return covers;
    }

    /**
     * The one payer a contract of a single payer covers, for claim loops that can then walk that
     * payer's visit groups only ({@link org.payrisk.practice.PracticeYear#groupsOfPayer}).
     *
     * @return that payer's index, or -1 when the contract covers none or several
     */
    int onlyPayer() {
        return onlyPayer;
    }

    /** @return the number of payers of the practice (covered or not) */
    public int payers() {
        return covers.length;
    }

    /** @return a 64-bit key that depends only on the names of the covered payers */
    public long key() {
        return key;
    }
}
