package org.payrisk.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.payrisk.analysis.ParameterUncertainty;

/**
 * A trial's streams are told apart by their purpose: two features given the same purpose would draw
 * the same numbers, silently correlating what should be independent (a copula's normals and the
 * common patients, for instance).
 */
class TrialStreamPurposesTest {

    @Test
    void everyTrialLevelPurposeIsItsOwn() {
        int[] purposes = {TrialKernel.CLAIMS_PURPOSE, TrialKernel.COPULA_PURPOSE, ResponsiveTrial.PATIENTS_PURPOSE,
            ParameterUncertainty.OUTER_PURPOSE};
        assertEquals(purposes.length, Set.of(purposes[0], purposes[1], purposes[2], purposes[3]).size(),
                "stream purposes must all differ");
    }
}
