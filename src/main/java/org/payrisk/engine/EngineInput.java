package org.payrisk.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.payrisk.dist.InputCopula;
import org.payrisk.payment.PaymentModel;
import org.payrisk.practice.PracticeModel;
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
 * @param correlations rank correlations between per-trial inputs ({@link InputCopula#NONE} for none)
 */
public record EngineInput(PracticeModel practice, List<PaymentModel> models, InputCopula correlations) {

    /** Checks presence and names; copies the list. */
    public EngineInput {
        Objects.requireNonNull(practice, "practice");
        correlations = correlations == null ? InputCopula.NONE : correlations;
        models = List.copyOf(models);
        if (models.isEmpty()) {
            throw new IllegalArgumentException("models: expected at least one payment model, found none");
        }
        if (models.stream().map(PaymentModel::name).distinct().count() != models.size()) {
            throw new IllegalArgumentException("models: expected unique names, found " + models.stream().map(PaymentModel::name).toList());
        }
    }

    /**
     * Inputs drawn independently.
     *
     * @param practice the practice, its demand and time frame
     * @param models the payment models to compare
     */
    public EngineInput(PracticeModel practice, List<PaymentModel> models) {
        this(practice, models, InputCopula.NONE);
    }

    /**
     * @param scenario a validated scenario
     * @return its model records
     */
    public static EngineInput of(Scenario scenario) {
        return new EngineInput(scenario.practice(), scenario.models(), scenario.correlations());
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

    /** @return the names of the models, in order */
    public List<String> modelNames() {
        return models.stream().map(PaymentModel::name).toList();
    }
}
