package org.payrisk.practice;

import java.util.Arrays;

/**
 * One simulated practice-year, in reusable primitive arrays (struct of arrays; no object per
 * visit or per episode). Filled by {@link PracticeSimulator#simulate}; read by payment rules.
 *
 * <p>Episodes are numbered 0..episodeCount()-1 in start order, including those that started during
 * warm-up. Visits are the attended visits of counted months (1..horizon) only, in chronological
 * order: month by month, so each episode's visits appear in the order they happened. A visit's
 * ordinal is its position among its episode's attended visits, the evaluation being 1.
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

    int visitCount;
    int[] visitMonth = new int[4096];
    int[] visitEpisode = new int[4096];
    int[] visitUnits = new int[4096];
    int[] visitOrdinal = new int[4096];
    byte[] visitPayer = new byte[4096];

    /**
     * Visit numbers sorted by payer (a stable counting sort, built on first use after a change): the
     * visits of payer p are {@code visitsByPayer[payerStart[p] .. payerStart[p + 1])}, in visit order.
     */
    private int[] visitsByPayer = new int[4096];
    private final int[] payerStart = new int[Byte.MAX_VALUE + 2];
    private boolean payerIndexBuilt;

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
        visitCount = 0;
        payerIndexBuilt = false;
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
        return e;
    }

    void addVisit(int month, int episode, int units, int ordinal) {
        if (visitCount == visitMonth.length) {
            int n = visitCount * 2;
            visitMonth = Arrays.copyOf(visitMonth, n);
            visitEpisode = Arrays.copyOf(visitEpisode, n);
            visitUnits = Arrays.copyOf(visitUnits, n);
            visitOrdinal = Arrays.copyOf(visitOrdinal, n);
            visitPayer = Arrays.copyOf(visitPayer, n);
        }
        payerIndexBuilt = false;
        int v = visitCount++;
        visitMonth[v] = month;
        visitEpisode[v] = episode;
        visitUnits[v] = units;
        visitOrdinal[v] = ordinal;
        visitPayer[v] = episodePayer[episode];
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

    /** @return attended visits in counted months */
    public int visitCount() { return visitCount; }

    /** @param v visit @return its month, 1..horizon */
    public int visitMonth(int v) { return visitMonth[v]; }

    /** @param v visit @return its episode */
    public int visitEpisode(int v) { return visitEpisode[v]; }

    /** @param v visit @return billed 15-minute units (0 for an evaluation, billed as one untimed code) */
    public int visitUnits(int v) { return visitUnits[v]; }

    /** @param v visit @return its ordinal among the episode's attended visits (1 = evaluation) */
    public int visitOrdinal(int v) { return visitOrdinal[v]; }

    /** @param v visit @return true for the episode's evaluation */
    public boolean isEvaluation(int v) { return visitOrdinal[v] == 1; }

    /** @param v visit @return the payer of its episode */
    public int visitPayer(int v) { return visitPayer[v]; }

    /**
     * The visits of one payer, for claim loops that pay a single payer: visit numbers
     * {@code visitsOfPayer()[payerVisitsFrom(p) .. payerVisitsFrom(p + 1))}, in visit order (so in month
     * order, as a loop over every visit would meet them). Built in O(visits) on the first call after
     * the year changed.
     *
     * @return the visit numbers sorted by payer (shared, not copied: callers only read)
     */
    public int[] visitsOfPayer() {
        buildPayerIndex();
        return visitsByPayer;
    }

    /**
     * @param payer a payer index, 0..127 (payer + 1 gives the end of the last payer's run)
     * @return where that payer's visits start in {@link #visitsOfPayer()}
     */
    public int payerVisitsFrom(int payer) {
        buildPayerIndex();
        return payerStart[payer];
    }

    private void buildPayerIndex() {
        if (payerIndexBuilt) {
            return;
        }
        final int n = visitCount;
        if (visitsByPayer.length < n) {
            visitsByPayer = new int[visitMonth.length];
        }
        final int[] start = payerStart;
        Arrays.fill(start, 0);
        for (int v = 0; v < n; v++) {
            start[visitPayer[v] + 1]++;
        }
        for (int p = 1; p < start.length; p++) {
            start[p] += start[p - 1];
        }
        // place each visit at its payer's next free slot, then shift the starts back (stable)
        for (int v = 0; v < n; v++) {
            visitsByPayer[start[visitPayer[v]]++] = v;
        }
        for (int p = start.length - 1; p > 0; p--) {
            start[p] = start[p - 1];
        }
        start[0] = 0;
        payerIndexBuilt = true;
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
