package org.payrisk.scenario;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import org.payrisk.dist.InputCopula;
import org.payrisk.payment.PaymentModel;
import org.payrisk.practice.PracticeModel;
import org.payrisk.practice.Response;

/**
 * A validated scenario: the practice and its demand, the payment models to compare, and the
 * scenario's own simulation defaults (overridden by command-line flags).
 *
 * @param name human-readable name
 * @param description optional longer text, or empty
 * @param trials default number of trials, 1 to {@link ScenarioLoader#MAX_TRIALS}
 * @param seed default seed
 * @param practice the practice, demand and time frame
 * @param models payment models, at least one, unique names, in file order
 * @param source the file it was read from
 * @param precision {@code simulation.precision}: run until every model's net income is known to
 *                  this share of its mean (a precision-targeted run), empty for a fixed trial count
 * @param responses each model's {@code response} block, in model order ({@link Response#IDENTITY}
 *                  where a model has none)
 * @param incentives {@code simulation.incentives}: price one more visit, episode, unit and avoided
 *                   cancellation under each model (extra passes over the same patients)
 * @param correlations the {@code correlations:} block resolved to the inputs' distributions
 *                     ({@link InputCopula#NONE} when absent)
 * @param uncertainty the {@code uncertainty:} block, or null when absent
 */
public record Scenario(String name, String description, int trials, long seed, PracticeModel practice,
                       List<PaymentModel> models, ScenarioSource source, OptionalDouble precision,
                       List<Response> responses, boolean incentives, InputCopula correlations,
                       Uncertainty uncertainty) {

    /** Copies the lists; a missing response list means no model responds. */
    public Scenario {
        Objects.requireNonNull(name, "name");
        models = List.copyOf(models);
        precision = precision == null ? OptionalDouble.empty() : precision;
        responses = responses == null ? java.util.Collections.nCopies(models.size(), Response.IDENTITY) : List.copyOf(responses);
        if (responses.size() != models.size()) {
            throw new IllegalArgumentException("responses: expected one per model, found " + responses.size());
        }
        correlations = correlations == null ? InputCopula.NONE : correlations;
    }

    /**
     * A scenario where no model responds, no incentives are priced, inputs are drawn independently
     * and there is no parameter uncertainty.
     *
     * @param name human-readable name
     * @param description optional longer text, or empty
     * @param trials default number of trials
     * @param seed default seed
     * @param practice the practice, demand and time frame
     * @param models payment models
     * @param source the file it was read from
     * @param precision {@code simulation.precision}, or empty
     */
    public Scenario(String name, String description, int trials, long seed, PracticeModel practice,
                    List<PaymentModel> models, ScenarioSource source, OptionalDouble precision) {
        this(name, description, trials, seed, practice, models, source, precision, null, false, InputCopula.NONE, null);
    }

    /**
     * A scenario of a fixed trial count (no {@code simulation.precision}).
     *
     * @param name human-readable name
     * @param description optional longer text, or empty
     * @param trials default number of trials
     * @param seed default seed
     * @param practice the practice, demand and time frame
     * @param models payment models
     * @param source the file it was read from
     */
    public Scenario(String name, String description, int trials, long seed, PracticeModel practice,
                    List<PaymentModel> models, ScenarioSource source) {
        this(name, description, trials, seed, practice, models, source, OptionalDouble.empty());
    }

    /**
     * A copy of this scenario with one number changed, validated exactly as a file is (the change is
     * written into the scenario's text, which is read again; see {@link ScenarioPath}).
     *
     * @param path the input, e.g. {@code models[capitation].default.capitation.pmpm}; may go into a
     *             distribution's parameters or name a field left at its default
     * @param value the new value
     * @return the changed scenario; its {@link #source()} is the edited text
     * @throws ScenarioException naming the path when it does not lead to a number of this scenario
     *         (unknown field or list item, with "did you mean"; a text field) or when the value breaks a
     *         rule (then located in the edited text)
     */
    public Scenario with(ScenarioPath path, double value) throws ScenarioException {
        return ScenarioEditor.with(this, Map.of(path, value));
    }

    /**
     * A copy with several numbers changed at once, validated once at the end: for inputs bound by a
     * rule together, such as payer shares summing to 1.
     *
     * @param changes new values by path, applied in the map's order
     * @return the changed scenario
     * @throws ScenarioException as {@link #with(ScenarioPath, double)}
     */
    public Scenario with(Map<ScenarioPath, Double> changes) throws ScenarioException {
        if (changes.isEmpty()) {
            return this;
        }
        return ScenarioEditor.with(this, changes);
    }

    /**
     * @param path the input's path as text, parsed by {@link ScenarioPath#parse}
     * @param value the new value
     * @return the changed scenario
     * @throws ScenarioException when the path is malformed, or as {@link #with(ScenarioPath, double)}
     */
    public Scenario with(String path, double value) throws ScenarioException {
        ScenarioPath p;
        try {
            p = ScenarioPath.parse(path);
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(source == null ? "(scenario built in code)" : source.path().toString(), 0, 0,
                    path == null ? "" : path, e.getMessage());
        }
        return with(p, value);
    }

    /**
     * The scenario's inputs for a report: every value as written (distributions in one line), with
     * its unit, when it is drawn, its line and its source note (the comment at the end of its line or
     * on its own line directly above), then the optional inputs left at their defaults.
     *
     * @return the inputs in file order, defaults last; empty for a scenario built in code
     */
    public List<ScenarioInput> inputs() {
        if (source == null) {
            return List.of();
        }
        try {
            return inputsOf(source.path().toString(), source.bytes(), source.isJson());
        } catch (ScenarioException e) {
            throw new IllegalStateException("a validated scenario's text no longer parses: " + e.getMessage(), e);
        }
    }

    /**
     * The inputs of a scenario text as {@link #inputs()} gives them, read leniently: the text is only
     * parsed, never validated, so a report can list the inputs of an old run's scenario copy that
     * this version's reader refuses (a field since renamed, a range since tightened).
     *
     * @param name the file's name, for messages
     * @param bytes the scenario text
     * @param json true for JSON, false for YAML
     * @return the inputs in file order, defaults last
     * @throws ScenarioException when the text is not YAML (or JSON) at all, located
     */
    public static List<ScenarioInput> inputsOf(String name, byte[] bytes, boolean json) throws ScenarioException {
        SourceNode root = new SourceParser(name).parse(bytes, json);
        return ScenarioFields.inputs(root, new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
    }

    /** @return the names of the models, in order */
    public List<String> modelNames() {
        return models.stream().map(PaymentModel::name).toList();
    }
}
