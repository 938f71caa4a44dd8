package org.payrisk.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.payrisk.dist.Constant;
import org.payrisk.dist.CopulaDraws;
import org.payrisk.dist.Distribution;
import org.payrisk.dist.Uniform;

/**
 * Deterministic tier: a contract's per-trial term ({@link ClaimRandom#draw}, {@link RandomInputs#draw})
 * is the first draw of the input's documented stream ({@link RandomInputs#stream}), and a constant term,
 * drawn without a stream, is still seen by {@link CopulaDraws#drawnBy}: the scenario counts an input's
 * draws that way to decide whether a correlation may name it (one draw a trial), so a call site that
 * returned a constant without going through {@link CopulaDraws#sample} would change that count.
 */
class PerTrialDrawTest {

    private static final Coverage TWO_OF_THREE = Coverage.of(new boolean[] {true, false, true}, List.of("a", "b", "c"));
    private static final long FIELD = RandomInputs.fieldKey("denialRate");

    @Test
    void aTermIsTheFirstDrawOfItsInputsStream() {
        Distribution rate = Uniform.of(0, 0.2);
        for (long claimsKey : new long[] {0L, 1L, -7L, 0x5DEECE66DL, Long.MIN_VALUE}) {
            double own = rate.createSampler(RandomInputs.stream(claimsKey, TWO_OF_THREE, FIELD)).sample();
            assertEquals(own, RandomInputs.draw(claimsKey, TWO_OF_THREE, FIELD, rate), 0.0, "key " + claimsKey);
            assertEquals(own, ClaimRandom.draw(claimsKey ^ TWO_OF_THREE.key(), FIELD, rate), 0.0, "key " + claimsKey);
        }
    }

    @Test
    void aConstantTermIsCountedAsADraw() {
        Distribution constant = Constant.of(0.05);
        Distribution rate = Uniform.of(0, 0.2);
        List<Distribution> seen = CopulaDraws.drawnBy(() -> {
            ClaimRandom.draw(3L, FIELD, constant);
            RandomInputs.draw(3L, TWO_OF_THREE, FIELD, constant);
            RandomInputs.draw(3L, TWO_OF_THREE, FIELD, rate);
        });
        assertEquals(List.of(constant, constant, rate), seen);
        assertEquals(0.05, RandomInputs.draw(3L, TWO_OF_THREE, FIELD, constant), 0.0);
    }
}
