package org.payrisk.payment;

import org.payrisk.practice.PracticeYear;

/**
 * The visit groups one contract pays, walked in group order (so month by month, and visit by visit
 * for the Medicare forms): a contract of one payer walks that payer's groups only, through the year's
 * per-payer index (in group order, so the same groups in the same order as a walk over every group
 * would pay); a contract of several payers walks every group and skips the others' ({@link #group}).
 * Every claim loop (fee-for-service, the Medicare forms) walks this way.
 *
 * <p>Per rule call; not thread safe (it reads the year's index, built on first use).
 */
final class CoveredGroups {

    private final PracticeYear year;
    private final boolean[] covers;
    private final int[] order;
    private final int from;
    private final int to;

    CoveredGroups(PracticeYear year, Coverage covered) {
        this.year = year;
        this.covers = covered.flags();
        int only = covered.onlyPayer();
        this.order = only >= 0 ? year.groupsOfPayer() : null;
        this.from = only >= 0 ? year.payerGroupsFrom(only) : 0;
        this.to = only >= 0 ? year.payerGroupsFrom(only + 1) : year.groupCount();
    }

    /** @return the first step of the walk */
    int from() {
        return from;
    }

    /** @return one past the last step of the walk */
    int to() {
        return to;
    }

    /**
     * @param i a step of the walk, in [{@link #from()}, {@link #to()})
     * @return the group it meets, or -1 when the contract does not pay that group's payer
     */
    int group(int i) {
        // written to stay within C1's inlining limit (35 bytes of bytecode; 34 now, CompiledShapesTest):
        // the 10,000-trial run's fee-for-service loop calls it once per group
        if (order != null) {
            return order[i];
        }
        if (covers[year.groupPayer(i)]) {
            return i;
        }
        return -1;
    }
}
