package org.payrisk.engine;

import java.util.List;
import java.util.Objects;
import org.payrisk.payment.PaymentModel;
import org.payrisk.practice.PracticeModel;
import org.payrisk.scenario.Scenario;

/**
 * What an engine simulates: the practice model and the payment models, as validated, immutable
 * records, and nothing else (no file, no path, no parser state). A remote engine sends the validated
 * scenario's bytes and rebuilds this record on the other side with the scenario loader, so only
 * data travels, never JVM objects that merely happen to serialise.
 *
 * @param practice the practice, its demand and time frame
 * @param models the payment models to compare, at least one, unique names, in scenario order
 */
public record EngineInput(PracticeModel practice, List<PaymentModel> models) {

    /** Checks presence and names; copies the list. */
    public EngineInput {
        Objects.requireNonNull(practice, "practice");
        models = List.copyOf(models);
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
        return new EngineInput(scenario.practice(), scenario.models());
    }

    /** @return the names of the models, in order */
    public List<String> modelNames() {
        return models.stream().map(PaymentModel::name).toList();
    }
}
