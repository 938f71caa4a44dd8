package org.payrisk.practice;

import java.util.Arrays;
import org.apache.commons.rng.core.source64.SplitMix64;

/**
 * One simulated practice-year, in reusable primitive arrays (struct of arrays; no object per
 * visit or per episode). Filled by {@link PracticeSimulator#simulate}; read by payment rules.
 *
 * <p>Episodes are numbered 0..episodeCount()-1 in start order, including those that started during
 * warm-up. Visits are the attended visits of counted months (1..horizon) only, in chronological
 * order: month by month, so each episode's visits appear in the order they happened. A visit's
 * ordinal is its position among its episode's attended visits, the evaluation being 1. The visits
 * of one episode in one month are consecutive and form a <em>group</em>, whose ordinals follow on
 * from its first (the evaluation, when the group has it, being the first). On the sum path the
 * simulator records groups with their follow-ups' units sum ({@link UnitsLaw}) and no visits: the
 * payment rules walk the groups, visit numbers running from each group's first visit, and the first
 * read of a visit's units draws every follow-up's units given its group's sum. The other per-visit
 * accessors ({@link #visitMonth} and the like, for tests and diagnostics) write the visits out on
 * their first call.
 *
 * <p>Not thread safe: one instance per worker thread, reused trial after trial.
 */
public final class PracticeYear {

    private final int horizon;

    int episodeCount;
    int[] episodeStart = new int[256];
    byte[] episodePayer = new byte[256];
    byte[] episodeCase = new byte[256];
    int[] episodeFollowUps = new int[256];

    /**
     * Visit groups: the attended visits of one episode in one counted month, which are consecutive
     * visits (the evaluation, if in the group, first). A group knows its visits' count and units sum,
     * which is all most payment rules read; the Medicare forms walk a group's visits by number.
     */
    int groupCount;
    int[] groupMonth = new int[1024];
    int[] groupEpisode = new int[1024];
    int[] groupFirstOrdinal = new int[1024];
    int[] groupFirstVisit = new int[1024];
    boolean[] groupEvaluation = new boolean[1024];
    int[] groupFollowUps = new int[1024];
    int[] groupUnits = new int[1024];
    byte[] groupPayer = new byte[1024];

    /**
     * Group numbers sorted by payer (a stable counting sort, built on first use after a change): the
     * groups of payer p are {@code groupsByPayer[payerStart[p] .. payerStart[p + 1])}, in group order.
     */
    private int[] groupsByPayer = new int[1024];
    private final int[] payerStart = new int[Byte.MAX_VALUE + 2];
    private boolean payerIndexBuilt;

    int visitCount;
    int[] visitMonth = new int[4096];
    int[] visitEpisode = new int[4096];
    int[] visitUnits = new int[4096];
    int[] visitOrdinal = new int[4096];
    byte[] visitPayer = new byte[4096];
    /** False while visits exist only as groups: see {@link #visits}. */
    private boolean visitsExpanded = true;
    /**
     * False while a sum-path year's visits have no units yet: drawn on the first {@link #visitUnits},
     * as a Medicare form that draws its own minutes never asks for them. (The claim loops walk the
     * groups, so the rest of a visit's record is written out only for a caller of {@link #visitMonth}
     * and the like.)
     */
    private boolean visitUnitsDrawn = true;
    /** Per case, the units law whose sums the groups hold; null when visits were recorded one by one. */
    private UnitsLaw[] unitsLaws;
    private long unitsKey;

    final int[] attendedByMonth;
    final int[] newEpisodesByMonth;
    final int[] refusedByMonth;
    final int[] declinedByMonth;
    final long[] unitsByMonth;
    final double[] costsByMonth;
    double cancellationRate;

    /** Per case index (at most 127 cases), over months 1..horizon: episodes started, their drawn follow-ups. */
    final int[] episodesByCase = new int[Byte.MAX_VALUE + 1];
    final long[] followUpsByCase = new long[Byte.MAX_VALUE + 1];
    /** Per case index, over months 1..horizon: attended follow-ups and their billed units. */
    final int[] attendedFollowUpsByCase = new int[Byte.MAX_VALUE + 1];
    final long[] followUpUnitsByCase = new long[Byte.MAX_VALUE + 1];

    /**
     * @param horizonMonths counted months
     */
    public PracticeYear(int horizonMonths) {
        this.horizon = horizonMonths;
        attendedByMonth = new int[horizonMonths + 1];
        newEpisodesByMonth = new int[horizonMonths + 1];
        refusedByMonth = new int[horizonMonths + 1];
        declinedByMonth = new int[horizonMonths + 1];
        unitsByMonth = new long[horizonMonths + 1];
        costsByMonth = new double[horizonMonths + 1];
    }

    void reset() {
        episodeCount = 0;
        groupCount = 0;
        visitCount = 0;
        payerIndexBuilt = false;
        visitsExpanded = true;
        visitUnitsDrawn = true;
        unitsLaws = null;
        Arrays.fill(attendedByMonth, 0);
        Arrays.fill(newEpisodesByMonth, 0);
        Arrays.fill(refusedByMonth, 0);
        Arrays.fill(declinedByMonth, 0);
        Arrays.fill(unitsByMonth, 0);
        Arrays.fill(costsByMonth, 0);
        Arrays.fill(episodesByCase, 0);
        Arrays.fill(followUpsByCase, 0);
        Arrays.fill(attendedFollowUpsByCase, 0);
        Arrays.fill(followUpUnitsByCase, 0);
    }

    /** Adds an episode; one starting in a counted month (1..horizon) also counts in its case's totals. */
    int addEpisode(int start, int payer, int caseIndex, int followUps) {
        if (episodeCount == episodeStart.length) {
            int n = episodeCount * 2;
            episodeStart = Arrays.copyOf(episodeStart, n);
            episodePayer = Arrays.copyOf(episodePayer, n);
            episodeCase = Arrays.copyOf(episodeCase, n);
            episodeFollowUps = Arrays.copyOf(episodeFollowUps, n);
        }
        int e = episodeCount++;
        episodeStart[e] = start;
        episodePayer[e] = (byte) payer;
        episodeCase[e] = (byte) caseIndex;
        episodeFollowUps[e] = followUps;
        if (start >= 1) {
            episodesByCase[caseIndex]++;
            followUpsByCase[caseIndex] += followUps;
        }
        return e;
    }

    /** Adds a counted month's attended follow-ups of one episode of case {@code kase} and their units. */
    void recordFollowUps(int kase, int attended, long units) {
        attendedFollowUpsByCase[kase] += attended;
        followUpUnitsByCase[kase] += units;
    }

    /**
     * Records a counted month's totals; its costs are {@code fixedCost + visitCost x attended}.
     *
     * @param declined episodes that declined care that month (responsive practices; else 0)
     */
    void closeMonth(int month, int attended, int accepted, int refused, int declined, long units,
                    double fixedCost, double visitCost) {
        attendedByMonth[month] = attended;
        newEpisodesByMonth[month] = accepted;
        refusedByMonth[month] = refused;
        declinedByMonth[month] = declined;
        unitsByMonth[month] = units;
        costsByMonth[month] = fixedCost + visitCost * attended;
    }

    /**
     * Records one attended visit (the per-visit path: the responsive simulator, and units laws too
     * large to tabulate). Visits of one episode and month must come one after another, with ordinals
     * one apart (the evaluation, ordinal 1, first); they form a group, and the claim loops number its
     * visits from the group's first ordinal.
     */
    void addVisit(int month, int episode, int units, int ordinal) {
        growVisits(visitCount + 1);
        payerIndexBuilt = false;
        int v = visitCount++;
        visitMonth[v] = month;
        visitEpisode[v] = episode;
        visitUnits[v] = units;
        visitOrdinal[v] = ordinal;
        visitPayer[v] = episodePayer[episode];
        int g = groupCount - 1;
        if (g >= 0 && groupEpisode[g] == episode && groupMonth[g] == month) {
            groupFollowUps[g]++;
            groupUnits[g] += units;
        } else {
            g = newGroup(month, episode, ordinal, v);
            groupEvaluation[g] = ordinal == 1;
            groupFollowUps[g] = ordinal == 1 ? 0 : 1;
            groupUnits[g] = units;
        }
    }

    /**
     * Records one episode's attended visits of a month as a group, with only the sum of its
     * follow-ups' units (the sum path: {@link #unitsBySum}).
     *
     * @param firstOrdinal the ordinal of the group's first visit
     * @param evaluation whether the group starts with the episode's evaluation
     * @param followUps attended follow-ups
     * @param units their units sum, drawn from the case's {@link UnitsLaw}
     */
    void addGroup(int month, int episode, int firstOrdinal, boolean evaluation, int followUps, int units) {
        if (!evaluation && followUps == 0) {
            return; // every scheduled visit cancelled: no visit, no group (as on the per-visit path)
        }
        int g = newGroup(month, episode, firstOrdinal, visitCount);
        groupEvaluation[g] = evaluation;
        groupFollowUps[g] = followUps;
        groupUnits[g] = units;
        visitCount += (evaluation ? 1 : 0) + followUps;
        visitsExpanded = false;
        visitUnitsDrawn = false;
    }

    /**
     * Says that this year's groups hold units sums of these laws, so that per-visit units are drawn
     * from them, on first use, from a stream seeded with {@code key}.
     */
    void unitsBySum(UnitsLaw[] lawByCase, long key) {
        unitsLaws = lawByCase;
        unitsKey = key;
    }

    private int newGroup(int month, int episode, int firstOrdinal, int firstVisit) {
        if (groupCount == groupMonth.length) {
            int n = groupCount * 2;
            groupMonth = Arrays.copyOf(groupMonth, n);
            groupEpisode = Arrays.copyOf(groupEpisode, n);
            groupFirstOrdinal = Arrays.copyOf(groupFirstOrdinal, n);
            groupFirstVisit = Arrays.copyOf(groupFirstVisit, n);
            groupEvaluation = Arrays.copyOf(groupEvaluation, n);
            groupFollowUps = Arrays.copyOf(groupFollowUps, n);
            groupUnits = Arrays.copyOf(groupUnits, n);
            groupPayer = Arrays.copyOf(groupPayer, n);
        }
        payerIndexBuilt = false;
        int g = groupCount++;
        groupMonth[g] = month;
        groupEpisode[g] = episode;
        groupFirstOrdinal[g] = firstOrdinal;
        groupFirstVisit[g] = firstVisit;
        groupPayer[g] = episodePayer[episode];
        return g;
    }

    private void growVisits(int n) {
        if (n > visitMonth.length) {
            int size = Math.max(n, visitMonth.length * 2);
            visitMonth = Arrays.copyOf(visitMonth, size);
            visitEpisode = Arrays.copyOf(visitEpisode, size);
            visitUnits = Arrays.copyOf(visitUnits, size);
            visitOrdinal = Arrays.copyOf(visitOrdinal, size);
            visitPayer = Arrays.copyOf(visitPayer, size);
        }
    }

    /** Writes out the visits of the groups, without their units ({@link #drawVisitUnits}). */
    private void expandVisits() {
        growVisits(visitCount);
        for (int g = 0; g < groupCount; g++) {
            final int first = groupFirstVisit[g];
            final int n = (groupEvaluation[g] ? 1 : 0) + groupFollowUps[g];
            for (int i = 0; i < n; i++) {
                final int v = first + i;
                visitMonth[v] = groupMonth[g];
                visitEpisode[v] = groupEpisode[g];
                visitOrdinal[v] = groupVisitOrdinal(g, v);
                visitPayer[v] = groupPayer[g];
            }
        }
        visitsExpanded = true;
    }

    /**
     * Draws each follow-up's units given its group's sum, into the visits' units only (the rest of a
     * visit's record need not be written out): {@link UnitsLaw#split} with one visit at a time, which
     * is exact, so the visits' units have the law of independent per-visit draws. All groups in order,
     * from one stream seeded with the trial's key, so the units do not depend on when they are drawn.
     * An evaluation bills 0 units.
     */
    private void drawVisitUnits() {
        growVisits(visitCount);
        final SplitMix64 rng = new SplitMix64(unitsKey);
        for (int g = 0; g < groupCount; g++) {
            final UnitsLaw law = unitsLaws[episodeCase[groupEpisode[g]]];
            int v = groupFirstVisit[g];
            if (groupEvaluation[g]) {
                visitUnits[v++] = 0;
            }
            int unitsLeft = groupUnits[g];
            for (int left = groupFollowUps[g]; left > 0; left--) {
                final int u = law.split(left, 1, unitsLeft, rng.nextDouble());
                unitsLeft -= u;
                visitUnits[v++] = u;
            }
        }
        visitUnitsDrawn = true;
    }

    /** @return counted months */
    public int horizonMonths() { return horizon; }

    /** @return episodes simulated, warm-up included */
    public int episodeCount() { return episodeCount; }

    /** @param e episode @return its start month (&lt;= 0 during warm-up) */
    public int episodeStart(int e) { return episodeStart[e]; }

    /** @param e episode @return its payer index */
    public int episodePayer(int e) { return episodePayer[e]; }

    /** @param e episode @return its case index */
    public int episodeCase(int e) { return episodeCase[e]; }

    /** @param e episode @return follow-up visits planned for it */
    public int episodeFollowUps(int e) { return episodeFollowUps[e]; }

    /** @return visit groups (one episode's attended visits in one counted month), in visit order */
    public int groupCount() { return groupCount; }

    /** @param g group @return its month, 1..horizon */
    public int groupMonth(int g) { return groupMonth[g]; }

    /** @param g group @return its episode */
    public int groupEpisode(int g) { return groupEpisode[g]; }

    /** @param g group @return the payer of its episode */
    public int groupPayer(int g) { return groupPayer[g]; }

    /** @param g group @return the ordinal of its first visit among its episode's attended visits (1 = evaluation) */
    public int groupFirstOrdinal(int g) { return groupFirstOrdinal[g]; }

    /** @param g group @return the number of its first visit; its visits are the next {@link #groupVisits} */
    public int groupFirstVisit(int g) { return groupFirstVisit[g]; }

    /** @param g group @return whether its first visit is the episode's evaluation */
    public boolean groupHasEvaluation(int g) { return groupEvaluation[g]; }

    /** @param g group @return its attended visits, the evaluation included */
    public int groupVisits(int g) { return groupFollowUps[g] + (groupEvaluation[g] ? 1 : 0); }

    /** @param g group @return its attended follow-ups */
    public int groupFollowUps(int g) { return groupFollowUps[g]; }

    /**
     * @param g group
     * @param v one of its visits, groupFirstVisit(g) .. groupFirstVisit(g) + groupVisits(g) - 1
     * @return true when v is its episode's evaluation: the first visit of a group that has it
     */
    public boolean groupVisitIsEvaluation(int g, int v) { return groupEvaluation[g] && v == groupFirstVisit[g]; }

    /**
     * @param g group
     * @return the visit index of its first follow-up: its first visit, or the one after its evaluation
     *         (its follow-ups are the groupFollowUps(g) visits from there)
     */
    public int groupFirstFollowUp(int g) { return groupFirstVisit[g] + (groupEvaluation[g] ? 1 : 0); }

    /**
     * @param g group
     * @param v one of its visits
     * @return v's ordinal among its episode's attended visits (a group's ordinals follow on from its first)
     */
    public int groupVisitOrdinal(int g, int v) { return groupFirstOrdinal[g] + (v - groupFirstVisit[g]); }

    /** @param g group @return the billed units of its follow-ups, summed */
    public int groupUnits(int g) { return groupUnits[g]; }

    /**
     * @return true when groups were drawn as sums (the simulator's default path), so a reader that
     *         needs the units of some of a group's follow-ups draws them with {@link #splitUnits};
     *         false when every visit was drawn with its own units (then read them per visit)
     */
    public boolean unitsBySum() { return unitsLaws != null; }

    /**
     * The units of {@code j} of group g's follow-ups, drawn given the group's sum: exact in
     * distribution ({@link UnitsLaw#split}). Only when {@link #unitsBySum}.
     *
     * @param g group
     * @param j how many of its follow-ups, 0..groupFollowUps(g)
     * @param u a uniform draw in [0, 1)
     * @return their units
     */
    public int splitUnits(int g, int j, double u) {
        return unitsLaws[episodeCase[groupEpisode[g]]].split(groupFollowUps[g], j, groupUnits[g], u);
    }

    /**
     * The groups of one payer, for claim loops that pay a single payer: group numbers
     * {@code groupsOfPayer()[payerGroupsFrom(p) .. payerGroupsFrom(p + 1))}, in group order (so in
     * month order, as a loop over every group would meet them). Built in O(groups) on the first call
     * after the year changed.
     *
     * @return the group numbers sorted by payer (shared, not copied: callers only read)
     */
    public int[] groupsOfPayer() {
        buildPayerIndex();
        return groupsByPayer;
    }

    /**
     * @param payer a payer index, 0..127 (payer + 1 gives the end of the last payer's run)
     * @return where that payer's groups start in {@link #groupsOfPayer()}
     */
    public int payerGroupsFrom(int payer) {
        buildPayerIndex();
        return payerStart[payer];
    }

    private void buildPayerIndex() {
        if (payerIndexBuilt) {
            return;
        }
        final int n = groupCount;
        if (groupsByPayer.length < n) {
            groupsByPayer = new int[groupMonth.length];
        }
        final int[] start = payerStart;
        Arrays.fill(start, 0);
        for (int g = 0; g < n; g++) {
            start[groupPayer[g] + 1]++;
        }
        for (int p = 1; p < start.length; p++) {
            start[p] += start[p - 1];
        }
        // place each group at its payer's next free slot, then shift the starts back (stable)
        for (int g = 0; g < n; g++) {
            groupsByPayer[start[groupPayer[g]]++] = g;
        }
        for (int p = start.length - 1; p > 0; p--) {
            start[p] = start[p - 1];
        }
        start[0] = 0;
        payerIndexBuilt = true;
    }

    /** @return attended visits in counted months */
    public int visitCount() { return visitCount; }

    /** @param v visit @return its month, 1..horizon */
    public int visitMonth(int v) { return visits().visitMonth[v]; }

    /** @param v visit @return its episode */
    public int visitEpisode(int v) { return visits().visitEpisode[v]; }

    /**
     * @param v visit
     * @return billed 15-minute units (0 for an evaluation, billed as one untimed code); on the sum path
     *         drawn given its group's sum on the first read of any visit's units
     */
    public int visitUnits(int v) {
        if (!visitUnitsDrawn) {
            drawVisitUnits();
        }
        return visitUnits[v];
    }

    /** @param v visit @return its ordinal among the episode's attended visits (1 = evaluation) */
    public int visitOrdinal(int v) { return visits().visitOrdinal[v]; }

    /** @param v visit @return true for the episode's evaluation */
    public boolean isEvaluation(int v) { return visitOrdinal(v) == 1; }

    /** @param v visit @return the payer of its episode */
    public int visitPayer(int v) { return visits().visitPayer[v]; }

    /** @return this year with its visits written out */
    private PracticeYear visits() {
        if (!visitsExpanded) {
            expandVisits();
        }
        return this;
    }

    /** @param month 1..horizon @return attended visits that month, evaluations included */
    public int attendedVisits(int month) { return attendedByMonth[month]; }

    /** @param month 1..horizon @return episodes started (accepted) that month */
    public int newEpisodes(int month) { return newEpisodesByMonth[month]; }

    /** @param month 1..horizon @return episodes refused that month for lack of capacity */
    public int refusedEpisodes(int month) { return refusedByMonth[month]; }

    /** @param month 1..horizon @return episodes the practice declined that month by its acceptance policy */
    public int declinedEpisodes(int month) { return declinedByMonth[month]; }

    /** @param month 1..horizon @return billed units of attended follow-ups that month */
    public long units(int month) { return unitsByMonth[month]; }

    /** @param month 1..horizon @return practice costs that month, dollars */
    public double costs(int month) { return costsByMonth[month]; }

    /** @return the cancellation rate drawn for this trial */
    public double cancellationRate() { return cancellationRate; }

    /** @param caseIndex a case @return episodes of that case started in months 1..horizon */
    public int episodesStarted(int caseIndex) { return episodesByCase[caseIndex]; }

    /** @param caseIndex a case @return the follow-up visits drawn for those episodes, summed */
    public long followUpsDrawn(int caseIndex) { return followUpsByCase[caseIndex]; }

    /** @param caseIndex a case @return attended follow-ups of that case in months 1..horizon */
    public int attendedFollowUps(int caseIndex) { return attendedFollowUpsByCase[caseIndex]; }

    /** @param caseIndex a case @return the billed units of those follow-ups, summed */
    public long followUpUnits(int caseIndex) { return followUpUnitsByCase[caseIndex]; }

    /** @return attended visits over the horizon */
    public long totalAttendedVisits() { return sum(attendedByMonth); }

    /** @return episodes accepted over the horizon */
    public long totalNewEpisodes() { return sum(newEpisodesByMonth); }

    /** @return episodes refused over the horizon */
    public long totalRefusedEpisodes() { return sum(refusedByMonth); }

    /** @return episodes declined over the horizon by the practice's acceptance policy ({@link Response}) */
    public long totalDeclinedEpisodes() { return sum(declinedByMonth); }

    /** @return billed follow-up units over the horizon */
    public long totalUnits() {
        long s = 0;
        for (int m = 1; m <= horizon; m++) {
            s += unitsByMonth[m];
        }
        return s;
    }

    private long sum(int[] byMonth) {
        long s = 0;
        for (int m = 1; m <= horizon; m++) {
            s += byMonth[m];
        }
        return s;
    }
}
