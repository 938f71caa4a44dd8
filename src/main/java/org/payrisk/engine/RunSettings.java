package org.payrisk.engine;

/**
 * How many trials to run, from which seed, on how many threads.
 *
 * @param trials trials, &gt;= 1
 * @param seed run seed
 * @param threads worker threads, &gt;= 1 (results do not depend on it)
 */
public record RunSettings(int trials, long seed, int threads) {

    /** Validates counts. */
    public RunSettings {
        if (trials < 1) {
            throw new IllegalArgumentException("trials: expected at least 1, found " + trials);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads: expected at least 1, found " + threads);
        }
    }
}
