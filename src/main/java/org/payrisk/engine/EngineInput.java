package org.payrisk.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.payrisk.dist.InputCopula;
import org.payrisk.payment.PaymentModel;
import org.payrisk.practice.PracticeModel;
import org.payrisk.practice.Response;
import org.payrisk.scenario.Scenario;
import org.payrisk.scenario.ScenarioException;
import org.payrisk.scenario.ScenarioLoader;
import org.payrisk.scenario.ScenarioSource;

/**
 * What an engine simulates: the practice model and the payment models, as validated, immutable
 * records, and nothing else (no file, no path, no parser state). A remote engine sends the validated
 * scenario's bytes and rebuilds this record on the other side with the scenario loader, so only
 * data travels, never JVM objects that merely happen to serialise.
 *
 * @param practice the practice, its demand and time frame
 * @param models the payment models to compare, at least one, unique names, in scenario order
 * @param responses how the practice behaves under each model, in model order
 * @param incentives whether to price one more visit, episode, unit and avoided cancellation per model
 * @param correlations rank correlations between per-trial inputs ({@link InputCopula#NONE} for none)
 */
public record EngineInput(PracticeModel practice, List<PaymentModel> models, List<Response> responses, boolean incentives,
                          InputCopula correlations) {

    /**
     * Models under which the practice behaves as the demand says, no incentives priced, inputs drawn
     * independently.
     *
     * @param practice the practice, its demand and time frame
     * @param models the payment models
     */
    public EngineInput(PracticeModel practice, List<PaymentModel> models) {
        this(practice, models, null, false, InputCopula.NONE);
    }

    /** Checks presence and names; copies the lists. */
    public EngineInput {
        Objects.requireNonNull(practice, "practice");
        correlations = correlations == null ? InputCopula.NONE : correlations;
        models = List.copyOf(models);
        responses = responses == null ? java.util.Collections.nCopies(models.size(), Response.IDENTITY) : List.copyOf(responses);
        if (responses.size() != models.size()) {
            throw new IllegalArgumentException("responses: expected one per model, found " + responses.size());
        }
        if (models.isEmpty()) {
            throw new IllegalArgumentException("models: expected at least one payment model, found none");
        }
        if (models.stream().map(PaymentModel::name).distinct().count() != models.size()) {
            throw new IllegalArgumentException("models: expected unique names, found " + models.stream().map(PaymentModel::name).toList());
        }
    }

    /**
     * @param scenario a validated scenario
     * @return its model records
     */
    public static EngineInput of(Scenario scenario) {
        return new EngineInput(scenario.practice(), scenario.models(), scenario.responses(), scenario.incentives(),
                scenario.correlations());
    }

    /**
     * Rebuilds the model records from a validated scenario's bytes: what a remote engine does with
     * the bytes it was sent, so that only data travels.
     *
     * @param fileName the scenario's file name as the user gave it (for messages; its extension
     *                 says YAML or JSON)
     * @param bytes the scenario file's bytes
     * @return the model records
     * @throws ScenarioException when the bytes are not a valid scenario
     */
    public static EngineInput fromScenarioBytes(String fileName, byte[] bytes) throws ScenarioException {
        return of(ScenarioLoader.parse(new ScenarioSource(Path.of(fileName), bytes)));
    }

    /**
     * @return true when some model's practice behaves differently from the demand or incentives are
     *         priced: the run then simulates the common patients ({@link org.payrisk.practice.CommonPatients})
     *         instead of the plain practice stream
     */
    public boolean responsive() {
        return incentives || responses.stream().anyMatch(r -> !r.isIdentity());
    }

    /** @return the names of the models, in order */
    public List<String> modelNames() {
        return models.stream().map(PaymentModel::name).toList();
    }
}
