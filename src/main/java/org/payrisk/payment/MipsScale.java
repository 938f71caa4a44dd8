package org.payrisk.payment;

/**
 * The MIPS payment adjustment as it is paid: a final score (0-100 points) mapped to the adjustment of
 * the Medicare paid amount by the published score-to-adjustment points of payment year 2026
 * (performance year 2024): 100 points +1.05%, 90 +0.63%, 80 +0.21%, 75 (the performance threshold)
 * 0, 60 -1.73%, 20 -6.36%, and a score at or below a quarter of the threshold (18.75) the full -9%
 * (Healthmonix, "2024 MIPS performance results and 2026 payment adjustments"; AAO EyeNet; cited in
 * ../shared/DOMAIN.md, "Review, 2026-11", B).
 *
 * <p>Between published points the adjustment is interpolated linearly in the score (CMS's scale is
 * linear above the threshold, 0.042% a point, and the published negative points lie on a line to
 * within 0.01%); from 18.75 to 20 points it rises linearly from -9% to -6.36%; below 18.75 it is -9%,
 * above 100 it is +1.05%. Stateless.
 */
public final class MipsScale {

    /** Final scores of the published points, ascending. */
    static final double[] SCORES = {18.75, 20, 60, 75, 80, 90, 100};

    /** Payment year 2026 adjustments at those scores. */
    static final double[] ADJUSTMENTS_2026 = {-0.09, -0.0636, -0.0173, 0, 0.0021, 0.0063, 0.0105};

    private MipsScale() {
    }

    /**
     * @param score MIPS final score, points (values outside [0, 100] are clamped by the end points)
     * @return the payment year 2026 adjustment, e.g. 0.0063 for 90 points
     */
    public static double adjustment2026(double score) {
        if (!(score > SCORES[0])) {
            return ADJUSTMENTS_2026[0];
        }
        for (int i = 1; i < SCORES.length; i++) {
            if (score <= SCORES[i]) {
                double t = (score - SCORES[i - 1]) / (SCORES[i] - SCORES[i - 1]);
                return ADJUSTMENTS_2026[i - 1] + t * (ADJUSTMENTS_2026[i] - ADJUSTMENTS_2026[i - 1]);
            }
        }
        return ADJUSTMENTS_2026[SCORES.length - 1];
    }
}
