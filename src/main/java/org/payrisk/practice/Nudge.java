package org.payrisk.practice;

/**
 * A small change of every episode, used to price one more of something (the incentive passes): the
 * same patients, the same response, plus this. {@link #NONE} changes nothing.
 *
 * @param extraFollowUps follow-ups every episode plans beyond its response, &gt;= 0
 * @param extraUnits units added to every attended follow-up, &gt;= 0
 * @param cancellationFactor the trial's cancellation rate (after the response) is multiplied by this,
 *                           in [0, 1]
 * @param extraCase a case index: one extra episode of it arrives first in every counted month, with a
 *                  payer and follow-ups of its own from hashed uniforms; -1 for none
 */
public record Nudge(int extraFollowUps, int extraUnits, double cancellationFactor, int extraCase) {

    /** No change. */
    public static final Nudge NONE = new Nudge(0, 0, 1, -1);

    /** Validates the fields. */
    public Nudge {
        if (extraFollowUps < 0 || extraUnits < 0 || !(cancellationFactor >= 0 && cancellationFactor <= 1) || extraCase < -1) {
            throw new IllegalArgumentException("nudge: expected non-negative extras and a factor in [0, 1], found "
                    + extraFollowUps + ", " + extraUnits + ", " + cancellationFactor + ", " + extraCase);
        }
    }
}
