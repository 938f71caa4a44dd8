package org.payrisk.stats;

import java.util.List;

/**
 * Where a responsive run keeps its per-model practice outcomes and incentive passes among a
 * {@link TrialOutcomes}' extra columns: per model, {@link #PRACTICE} counters, then the model's net
 * income on the baseline practice (the same patients, the practice behaving as the demand says), then
 * with incentives, one (change of net income, change of the denominator) pair per
 * {@link #incentiveNames incentive}.
 *
 * @param models number of models
 * @param cases case names, in demand order
 * @param incentives whether the incentive passes ran
 */
public record ResponseLayout(int models, List<String> cases, boolean incentives) {

    /** Per-model practice counters, in column order. */
    public static final List<String> PRACTICE = List.of("episodes", "refusedEpisodes", "declinedEpisodes", "attendedVisits", "units");

    /** Copies the list. */
    public ResponseLayout {
        cases = List.copyOf(cases);
    }

    /**
     * @return the incentives priced, in column order: {@code followUpVisit}, {@code unitPerVisit},
     *         {@code avoidedCancellation}, then {@code acceptedEpisode:CASE} per case; empty without incentives
     */
    public List<String> incentiveNames() {
        if (!incentives) {
            return List.of();
        }
        java.util.ArrayList<String> out = new java.util.ArrayList<>(List.of("followUpVisit", "unitPerVisit", "avoidedCancellation"));
        for (String c : cases) {
            out.add("acceptedEpisode:" + c);
        }
        return out;
    }

    /** @return extra columns per model */
    public int perModel() {
        return PRACTICE.size() + 1 + 2 * incentiveNames().size();
    }

    /** @return extra columns of the whole run */
    public int columns() {
        return models * perModel();
    }

    /** @param model model @param counter index in {@link #PRACTICE} @return its column */
    public int practice(int model, int counter) {
        return model * perModel() + counter;
    }

    /** @param model model @return the column of its net income on the baseline practice */
    public int baselineNet(int model) {
        return model * perModel() + PRACTICE.size();
    }

    /** @param model model @param incentive index in {@link #incentiveNames} @return the column of its change of net income */
    public int incentiveNet(int model, int incentive) {
        return model * perModel() + PRACTICE.size() + 1 + 2 * incentive;
    }

    /** @param model model @param incentive index @return the column of the change of its denominator */
    public int incentiveDenominator(int model, int incentive) {
        return incentiveNet(model, incentive) + 1;
    }
}
