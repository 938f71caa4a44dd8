package org.payrisk.stats;

/**
 * Counts of values in equal-width bins; the last bin is closed on the right.
 *
 * @param binEdges bins + 1 ascending edges
 * @param counts one count per bin
 */
public record Histogram(double[] binEdges, long[] counts) {

    /**
     * Counts several samples on one shared grid spanning all of them.
     *
     * @param bins number of bins, &gt;= 1
     * @param samples the samples (each non-empty)
     * @return one histogram per sample, all with the same edges
     */
    public static Histogram[] shared(int bins, double[]... samples) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] s : samples) {
            for (double v : s) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (!(hi > lo)) {
            lo -= 0.5;
            hi += 0.5;
        }
        double[] edges = new double[bins + 1];
        double width = (hi - lo) / bins;
        for (int i = 0; i <= bins; i++) {
            edges[i] = i == bins ? hi : lo + i * width;
        }
        Histogram[] out = new Histogram[samples.length];
        for (int k = 0; k < samples.length; k++) {
            long[] counts = new long[bins];
            for (double v : samples[k]) {
                int b = (int) ((v - lo) / width);
                counts[Math.min(bins - 1, Math.max(0, b))]++;
            }
            out[k] = new Histogram(edges, counts);
        }
        return out;
    }
}
