package org.payrisk.scenario;

import java.util.List;
import java.util.Objects;
import org.payrisk.payment.PaymentModel;
import org.payrisk.practice.PracticeModel;

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
 */
public record Scenario(String name, String description, int trials, long seed, PracticeModel practice,
                       List<PaymentModel> models, ScenarioSource source) {

    /** Copies the list. */
    public Scenario {
        Objects.requireNonNull(name, "name");
        models = List.copyOf(models);
    }

    /** @return the names of the models, in order */
    public List<String> modelNames() {
        return models.stream().map(PaymentModel::name).toList();
    }
}
