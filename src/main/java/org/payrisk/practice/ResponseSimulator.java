package org.payrisk.practice;

import java.util.Arrays;
import org.payrisk.dist.Constant;
import org.payrisk.dist.Distribution;

/**
 * Simulates one practice-year of the common patients ({@link CommonPatients}) under one response
 * ({@link Response}) and, for the incentive passes, one {@link Nudge}. The rules are those of
 * {@link PracticeSimulator} (capacity, visits per month, evaluation always attended, units only in
 * counted months) with every random choice made by a hashed uniform of the patient instead of a draw,
 * so that each lever acts monotonically on the same people:
 * <ol>
 *   <li>the trial's scale r and change d are drawn by inversion of the trial's own uniforms;</li>
 *   <li>an arriving episode is declined by policy when its acceptance uniform is at or above its
 *       case's share; otherwise it is accepted while the month's scheduled visits fit, and from the
 *       first that does not fit, it and the rest of the month's arrivals are refused;</li>
 *   <li>its planned follow-ups F become F' (see {@link Response}), plus the nudge's extra ones;</li>
 *   <li>the follow-up at scheduled position j is attended when its uniform is at or above the trial's
 *       cancellation rate; an attended follow-up of a counted month bills the units at its uniform.</li>
 * </ol>
 * Attendance is decided visit by visit, so this path costs more than the plain one; it runs only for
 * scenarios where some model responds (or incentives are asked for).
 *
 * <p>Not thread safe (scratch arrays): one instance per worker thread.
 */
public final class ResponseSimulator {

    private final PracticeModel model;
    private final int[] visitsPerMonthOfCase;
    private final Distribution[] caseUnits;
    private final Distribution[] caseFollowUps;
    private final double[] payerCumulative;

    private int[] active = new int[256];
    private int[] left = new int[256];
    private int[] ordinal = new int[256];
    private int[] position = new int[256];
    private int[] patientOf = new int[256];

    /**
     * @param simulator the plain simulator of the same practice model
     */
    public ResponseSimulator(PracticeSimulator simulator) {
        model = simulator.model();
        visitsPerMonthOfCase = simulator.visitsPerMonthOfCase().clone();
        Demand d = model.demand();
        caseUnits = d.cases().stream().map(CaseType::unitsPerVisit).toArray(Distribution[]::new);
        caseFollowUps = d.cases().stream().map(CaseType::followUpVisits).toArray(Distribution[]::new);
        double[] shares = d.payerShares();
        payerCumulative = new double[shares.length];
        double sum = 0;
        for (int i = 0; i < shares.length; i++) {
            sum += shares[i];
            payerCumulative[i] = sum;
        }
    }

    /**
     * Simulates the common patients' year under a response into {@code year}, overwriting it.
     *
     * @param p the trial's patients, drawn
     * @param response how the practice behaves
     * @param nudge the incentive pass's change, or {@link Nudge#NONE}
     * @param year the buffers to fill
     */
    public void simulate(CommonPatients p, Response response, Nudge nudge, PracticeYear year) {
        final int horizon = model.horizonMonths();
        final double capacity = model.practice().monthlyCapacity();
        final double fixedCost = model.practice().fixedCostPerMonth();
        final double visitCost = model.practice().costPerAttendedVisit();
        year.reset();
        final double scale = Math.min(Response.MAX_SCALE, Math.max(0,
                response.followUpScale().inverseCdf(p.uniform(Integer.MIN_VALUE, 0, CommonPatients.SCALE))));
        final double change = response.cancellationChange().inverseCdf(p.uniform(Integer.MIN_VALUE, 0, CommonPatients.CHANGE));
        final double c = Math.min(1, Math.max(0, p.cancellationRate + change)) * nudge.cancellationFactor();
        year.cancellationRate = c;
        final Distribution units = response.unitsPerVisit();
        final int[] constantUnits = new int[caseUnits.length];
        for (int k = 0; k < caseUnits.length; k++) {
            Distribution u = units != null ? units : caseUnits[k];
            constantUnits[k] = u instanceof Constant cu && cu.isIntegerValued() && cu.value() >= 0 ? (int) cu.value() : -1;
        }

        int activeCount = 0;
        long scheduledNext = 0;
        for (int month = p.firstMonth(); month <= horizon; month++) {
            final boolean counted = month >= 1;
            long scheduled = scheduledNext;
            scheduledNext = 0;
            final int firstNew = year.episodeCount;
            final int from = p.firstOfMonth[month - p.firstMonth()];
            final int to = p.firstOfMonth[month - p.firstMonth() + 1];
            final boolean extra = counted && nudge.extraCase() >= 0;
            int accepted = 0;
            int refused = 0;
            int declined = 0;
            boolean full = false;
            for (int i = extra ? from - 1 : from; i < to; i++) {
                final boolean isExtra = i < from;
                final int patient = isExtra ? -month : i;
                final int kase = isExtra ? nudge.extraCase() : p.kase[i];
                if (response.acceptance(kase) < 1 && p.uniform(patient, 0, CommonPatients.ACCEPT) >= response.acceptance(kase)) {
                    declined++;
                    continue;
                }
                if (full) {
                    refused++;
                    continue;
                }
                final int payer = isExtra ? extraPayer(p, patient) : p.payer[i];
                final int planned = isExtra ? CommonPatients.countAt(caseFollowUps[kase],
                        p.uniform(patient, 0, CommonPatients.EXTRA_FOLLOW_UPS), p.uniform(patient, 1, CommonPatients.EXTRA_FOLLOW_UPS))
                        : p.followUps[i];
                final int f = scaled(p, patient, planned, scale * response.feeFactor(payer)) + nudge.extraFollowUps();
                final int need = 1 + Math.min(visitsPerMonthOfCase[kase] - 1, f);
                if (scheduled + need > capacity) {
                    full = true;
                    refused++;
                    continue;
                }
                scheduled += need;
                accepted++;
                int e = year.addEpisode(month, payer, kase, f);
                ensureScratch(e + 1, activeCount + 1);
                left[e] = f;
                ordinal[e] = 0;
                position[e] = 0;
                patientOf[e] = patient;
                active[activeCount++] = e;
            }

            int attendedThisMonth = 0;
            long unitsThisMonth = 0;
            int keep = 0;
            for (int a = 0; a < activeCount; a++) {
                final int e = active[a];
                final int kase = year.episodeCase[e];
                final int patient = patientOf[e];
                int s;
                if (e >= firstNew) {
                    ordinal[e] = 1;
                    attendedThisMonth++;
                    if (counted) {
                        year.addVisit(month, e, 0, 1);
                    }
                    s = Math.min(visitsPerMonthOfCase[kase] - 1, left[e]);
                } else {
                    s = Math.min(visitsPerMonthOfCase[kase], left[e]);
                }
                left[e] -= s;
                int attended = 0;
                long episodeUnits = 0;
                for (int j = position[e] + 1, last = position[e] + s; j <= last; j++) {
                    if (c > 0 && p.uniform(patient, j, CommonPatients.ATTEND) < c) {
                        continue;
                    }
                    attended++;
                    ordinal[e]++;
                    if (counted) {
                        int u = constantUnits[kase] >= 0 ? constantUnits[kase]
                                : Math.min((int) CaseType.MAX_UNITS_PER_VISIT, CommonPatients.countAt(units != null ? units : caseUnits[kase],
                                        p.uniform(patient, j, CommonPatients.UNITS), p.uniform(patient, j, CommonPatients.ROUND)));
                        u += nudge.extraUnits();
                        year.addVisit(month, e, u, ordinal[e]);
                        episodeUnits += u;
                    }
                }
                position[e] += s;
                attendedThisMonth += attended;
                if (counted) {
                    unitsThisMonth += episodeUnits;
                    year.recordFollowUps(kase, attended, episodeUnits);
                }
                if (left[e] > 0) {
                    active[keep++] = e;
                    scheduledNext += Math.min(visitsPerMonthOfCase[kase], left[e]);
                }
            }
            activeCount = keep;

            if (counted) {
                year.closeMonth(month, attendedThisMonth, accepted, refused, declined, unitsThisMonth, fixedCost, visitCost);
            }
        }
    }

    /**
     * Planned follow-ups under scale r (the coupling {@link Response} states): for r &lt; 1 the planned
     * visits whose keep uniform is below r; for r &gt; 1, F + floor((r - 1) F + V).
     */
    static int scaled(CommonPatients p, int patient, int planned, double r) {
        if (r == 1 || planned == 0) {
            return planned;
        }
        if (r < 1) {
            int kept = 0;
            for (int j = 1; j <= planned; j++) {
                if (p.uniform(patient, j, CommonPatients.KEEP) < r) {
                    kept++;
                }
            }
            return kept;
        }
        double more = Math.floor((r - 1) * planned + p.uniform(patient, 0, CommonPatients.EXTEND));
        return (int) Math.min(Integer.MAX_VALUE / 2, planned + more);
    }

    private int extraPayer(CommonPatients p, int patient) {
        double u = p.uniform(patient, 0, CommonPatients.EXTRA_PAYER) * payerCumulative[payerCumulative.length - 1];
        for (int i = 0; i < payerCumulative.length; i++) {
            if (u < payerCumulative[i]) {
                return i;
            }
        }
        return payerCumulative.length - 1;
    }

    private void ensureScratch(int episodes, int activeNeeded) {
        if (episodes > left.length) {
            int n = Math.max(episodes, left.length * 2);
            left = Arrays.copyOf(left, n);
            ordinal = Arrays.copyOf(ordinal, n);
            position = Arrays.copyOf(position, n);
            patientOf = Arrays.copyOf(patientOf, n);
        }
        if (activeNeeded > active.length) {
            active = Arrays.copyOf(active, Math.max(activeNeeded, active.length * 2));
        }
    }
}
