package org.payrisk.scenario;

/**
 * One input of a scenario as the report shows it: where it is, its value after defaults, its unit,
 * when it is drawn and the source note its author wrote.
 *
 * @param path field path in index form, e.g. {@code models[1].default.capitation.pmpm}
 * @param value the value: a number or text as written, a distribution as
 *              {@code beta(mean 0.1, sd 0.03)}, a list of numbers joined by ", "
 * @param unit the unit from {@link ScenarioFields#unit}, or empty
 * @param drawn when the value is drawn: {@link ScenarioFields.Drawn#FIXED} for a constant
 * @param line 1-based line in the scenario text, or 0 for a value left at its default
 * @param note the comment at the end of the line, or on its own line(s) directly above; empty when none
 *             (for a default, "default")
 */
public record ScenarioInput(String path, String value, String unit, ScenarioFields.Drawn drawn, int line, String note) {

    /** @return true when the scenario leaves this input at its default */
    public boolean isDefault() {
        return line == 0;
    }
}
