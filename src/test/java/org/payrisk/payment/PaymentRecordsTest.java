package org.payrisk.payment;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.payrisk.dist.Constant;
import org.payrisk.dist.Normal;
import org.payrisk.dist.Uniform;

/**
 * Payment records check their ranges in their factories (issue 8, build 1): a model built in code is
 * refused as the same model in a file would be, with the field named.
 */
class PaymentRecordsTest {

    static String refusal(Runnable make) {
        return assertThrows(IllegalArgumentException.class, make::run).getMessage();
    }

    @Test
    void feeForServiceCapitationAndBundledCheckTheirTerms() {
        assertTrue(refusal(() -> new FeeForService(Constant.of(-1), Constant.of(30), Constant.of(0)))
                .startsWith("evaluation: expected a distribution of amounts >= 0"));
        assertTrue(refusal(() -> new FeeForService(Constant.of(100), Normal.of(0, 1e12), Constant.of(0)))
                .startsWith("perUnit: expected a distribution of amounts >= 0"));
        assertTrue(refusal(() -> new FeeForService(Constant.of(100), Constant.of(30), Constant.of(1.2)))
                .startsWith("denialRate: expected a distribution of probabilities"));
        assertTrue(refusal(() -> new Capitation(Uniform.of(0, 1e12 + 1e6), Constant.of(100)))
                .startsWith("pmpm: expected a distribution of amounts up to 1e12"));
        assertTrue(refusal(() -> new Capitation(Constant.of(4), Constant.of(2e9)))
                .startsWith("members: expected a distribution of counts up to 1e9"));
        assertTrue(refusal(() -> new Capitation.Churn(Constant.of(2), Constant.of(0)))
                .startsWith("leaveRate: expected a distribution of probabilities"));
        assertTrue(refusal(() -> new Bundled(List.of(Constant.of(-900)), 0, null))
                .startsWith("perEpisode: expected a distribution of amounts >= 0"));
        assertDoesNotThrow(() -> new Bundled(List.of(Constant.of(900)), 20, Constant.of(50)));
        assertDoesNotThrow(() -> new Capitation(Constant.of(4), Normal.of(12000, 300)));
    }
}
