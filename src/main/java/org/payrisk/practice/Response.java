package org.payrisk.practice;

import java.util.Arrays;
import java.util.Objects;
import org.payrisk.dist.Constant;
import org.payrisk.dist.Distribution;

/**
 * How the practice behaves when paid by one model: monotone transforms of the common patients
 * ({@link CommonPatients}), who are the same under every model. Identity in every lever means "as
 * the demand says"; {@link #IDENTITY} is that response.
 *
 * <p>The levers, and how each couples the models (a larger lever never loses a visit, an episode or
 * a unit that a smaller one keeps):
 * <ul>
 *   <li>{@code followUpScale} r (drawn once per trial by inversion of the trial's response uniform,
 *       so r is quantile-coupled across models), times the payer's {@code feeFactor}: an episode with F
 *       planned follow-ups plans F' of them. For r &lt;= 1, F' counts the planned visits j = 1..F whose
 *       per-visit uniform U_j is below r, so a visit kept at r = 0.8 is kept at r = 0.9. For r &gt; 1,
 *       F' = F + floor((r - 1) F + V) with the episode's uniform V: monotone in r and E[F'] = r F.</li>
 *   <li>{@code cancellationChange} d (drawn once per trial like r): the trial's cancellation rate c
 *       becomes min(1, max(0, c + d)); a scheduled visit is cancelled when its per-visit uniform is
 *       below the rate, so a visit attended at a higher rate is attended at a lower one.</li>
 *   <li>{@code acceptance}: the share of new episodes of each case the practice takes on; an episode is
 *       taken when its uniform is below the share. Declined episodes are counted apart from those
 *       refused for lack of capacity.</li>
 *   <li>{@code unitsPerVisit}: the billed units of an attended follow-up, drawn by inversion of its
 *       per-visit uniform (quantile coupling), in place of the case's own; null keeps the case's.</li>
 * </ul>
 *
 * @param followUpScale follow-up scale r, drawn once per trial; a draw outside [0, {@value #MAX_SCALE}]
 *                      is taken at the nearer end
 * @param cancellationChange change of the trial's cancellation rate, drawn once per trial (the rate
 *                           after the change is taken in [0, 1])
 * @param acceptance share of new episodes accepted, by case index, each in [0, 1]
 * @param unitsPerVisit units of an attended follow-up under this model, or null for the case's own
 * @param feeFactor follow-up factor by payer index (from fee elasticity), each &gt; 0; 1 where fees
 *                  do not move the practice
 */
public record Response(Distribution followUpScale, Distribution cancellationChange, double[] acceptance,
                       Distribution unitsPerVisit, double[] feeFactor) {

    /** The practice behaves as the demand says. */
    public static final Response IDENTITY = new Response(Constant.of(1), Constant.of(0), new double[0], null, new double[0]);

    /** Largest follow-up scale: ten times the planned visits is no longer the same practice. */
    public static final double MAX_SCALE = 10;

    /** Validates the levers and copies the arrays. */
    public Response {
        Objects.requireNonNull(followUpScale, "followUpScale");
        Objects.requireNonNull(cancellationChange, "cancellationChange");
        acceptance = acceptance.clone();
        for (double a : acceptance) {
            if (!(a >= 0 && a <= 1)) {
                throw new IllegalArgumentException("acceptance: expected shares in [0, 1], found " + a);
            }
        }
        if (unitsPerVisit != null && !(unitsPerVisit.supportMin() >= 0
                && unitsPerVisit.probabilityBelow(CaseType.MAX_UNITS_PER_VISIT + 1e-9) >= 1 - 1e-12)) {
            throw new IllegalArgumentException("unitsPerVisit: expected counts in [0, " + (int) CaseType.MAX_UNITS_PER_VISIT
                    + "], found " + unitsPerVisit);
        }
        feeFactor = feeFactor.clone();
        for (double f : feeFactor) {
            if (!(f > 0 && f <= MAX_SCALE)) {
                throw new IllegalArgumentException("feeElasticity: expected a follow-up factor in (0, " + (int) MAX_SCALE
                        + "], found " + f);
            }
        }
    }

    @Override public double[] acceptance() { return acceptance.clone(); }
    @Override public double[] feeFactor() { return feeFactor.clone(); }

    /** @param caseIndex a case @return the share of its new episodes accepted (1 when not given) */
    public double acceptance(int caseIndex) {
        return caseIndex < acceptance.length ? acceptance[caseIndex] : 1;
    }

    /** @param payer a payer @return its follow-up factor from fee elasticity (1 when not given) */
    public double feeFactor(int payer) {
        return payer < feeFactor.length ? feeFactor[payer] : 1;
    }

    /**
     * @return true when every lever is at identity: scale constant 1, change constant 0, every case
     *         accepted, the cases' own units, no fee response. Such a model shares the plain practice
     *         simulation, so its numbers are those of a scenario without the response.
     */
    public boolean isIdentity() {
        return isConstant(followUpScale, 1) && isConstant(cancellationChange, 0) && unitsPerVisit == null
                && Arrays.stream(acceptance).allMatch(a -> a == 1) && Arrays.stream(feeFactor).allMatch(f -> f == 1);
    }

    private static boolean isConstant(Distribution d, double v) {
        return d instanceof Constant c && c.value() == v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Response r && followUpScale.equals(r.followUpScale) && cancellationChange.equals(r.cancellationChange)
                && Arrays.equals(acceptance, r.acceptance) && Objects.equals(unitsPerVisit, r.unitsPerVisit)
                && Arrays.equals(feeFactor, r.feeFactor);
    }

    @Override
    public int hashCode() {
        return Objects.hash(followUpScale, cancellationChange, Arrays.hashCode(acceptance), unitsPerVisit, Arrays.hashCode(feeFactor));
    }

    @Override
    public String toString() {
        return "Response[followUpScale=" + followUpScale + ", cancellationChange=" + cancellationChange + ", acceptance="
                + Arrays.toString(acceptance) + ", unitsPerVisit=" + unitsPerVisit + ", feeFactor=" + Arrays.toString(feeFactor) + "]";
    }
}
