package org.payrisk.engine;

/**
 * The fixed numbering of trials into blocks: block b holds trials [b {@value #SIZE}, (b + 1)
 * {@value #SIZE}) (the last block is cut at the run's trial count). The block size is a constant,
 * independent of thread count, machine or engine, so that every engine cuts a run into the same
 * blocks and merges their results in the same order.
 */
public final class TrialBlocks {

    /**
     * Trials per block. Large enough that per-block overhead (one result object, a hand-off between
     * threads, on a cluster one task) is negligible beside 1,024 trials of work; small enough that a
     * 10,000-trial run still spreads over ten blocks for the threads to share.
     */
    public static final int SIZE = 1024;

    private TrialBlocks() {
    }

    /**
     * @param trials trials of the run, &gt;= 0
     * @return number of blocks
     */
    public static int count(int trials) {
        return (int) (((long) trials + SIZE - 1) / SIZE);
    }

    /**
     * @param block block number
     * @return its first trial
     */
    public static int start(int block) {
        return (int) Math.min(Integer.MAX_VALUE, (long) block * SIZE);
    }

    /**
     * @param block block number
     * @param trials trials of the run
     * @return trials in that block
     */
    public static int size(int block, int trials) {
        return (int) Math.max(0, Math.min(SIZE, (long) trials - (long) block * SIZE));
    }
}
