package org.payrisk.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;
import org.payrisk.dist.NegativeBinomial;
import org.payrisk.dist.Normal;

/** The goodness-of-fit tests: chi-square pooling and df, and the parametric bootstrap's calibration. */
class GoodnessOfFitTest {

    @Test
    void chiSquareCellsArePooledToExpectFiveAndAccountForEveryValue() throws DataException {
        FitResult r = Fitter.fit(FitterRecoveryTest.draw(NegativeBinomial.of(9, 3), 600, 7L), FitKind.COUNT, 0,
                Fitter.MIN_BOOTSTRAP, null);
        for (FamilyFit f : r.fits()) {
            GoodnessOfFit t = f.test();
            assertEquals(GoodnessOfFit.CHI_SQUARE, t.test());
            long observed = 0;
            double expected = 0;
            double x2 = 0;
            int next = 0;
            for (GoodnessOfFit.Cell c : t.cells()) {
                assertEquals(next, c.from(), "cells are contiguous from 0");
                assertTrue(c.expected() >= Fitter.MIN_EXPECTED, f.family() + " cell " + c);
                observed += c.observed();
                expected += c.expected();
                x2 += (c.observed() - c.expected()) * (c.observed() - c.expected()) / c.expected();
                next = c.to() == Integer.MAX_VALUE ? -1 : c.to() + 1;
            }
            assertEquals(-1, next, "the last cell is the open upper tail");
            assertEquals(600, observed);
            assertEquals(600, expected, 1e-6);
            assertEquals(x2, t.statistic(), 1e-9 * x2);
            assertEquals(t.cells().size() - 1 - f.estimatedParameters(), t.degreesOfFreedom());
            double p = 1 - new ChiSquaredDistribution(t.degreesOfFreedom()).cumulativeProbability(x2);
            assertEquals(p, t.pValue(), 1e-12);
        }
        assertTrue(r.fits().get(1).test().pValue() < 1e-4, "poisson is rejected for data this over-dispersed");
    }

    /**
     * Under the null the bootstrap p-value is (nearly) uniform: 400 normal samples of 50 values, each
     * tested with 99 bootstrap samples, reject at 10% in 10% of cases. The observed share has sd
     * sqrt(0.1 x 0.9 / 400) = 0.015; the check allows 4 sd (0.04 to 0.16), so it fails by chance with
     * probability about 6e-5. It would catch the usual mistake, reading D from the table for known
     * parameters (Lilliefors: then fewer than 1% of these fits are rejected at 10%), and a bootstrap that
     * does not refit.
     */
    @Test
    void bootstrapPValueIsCalibratedUnderTheNull() throws DataException {
        int reps = 400;
        int rejected = 0;
        for (int i = 0; i < reps; i++) {
            FitResult r = Fitter.fit(FitterRecoveryTest.draw(Normal.of(0, 1), 50, 1000L + i), FitKind.CONTINUOUS, 0,
                    Fitter.MIN_BOOTSTRAP, null);
            assertEquals(1, r.fits().size(), "values below 0 leave the normal only");
            if (r.winner().test().pValue() <= 0.1) {
                rejected++;
            }
        }
        double share = (double) rejected / reps;
        assertTrue(Math.abs(share - 0.1) <= 4 * Math.sqrt(0.1 * 0.9 / reps), "rejected at 10%: " + share);
    }

    @Test
    void bootstrapIsSeededFromTheDataUnlessASeedIsGiven() throws DataException {
        DataColumn data = FitterReferenceTest.column(FitterReferenceTest.AMOUNTS);
        FitResult a = Fitter.fit(data, null, 0, Fitter.MIN_BOOTSTRAP, null);
        FitResult b = Fitter.fit(data, null, 0, Fitter.MIN_BOOTSTRAP, null);
        assertEquals(Fitter.seedOf(FitterReferenceTest.AMOUNTS), a.seed());
        for (int i = 0; i < a.fits().size(); i++) {
            assertEquals(a.fits().get(i).test(), b.fits().get(i).test());
        }
        FitResult c = Fitter.fit(data, null, 0, Fitter.MIN_BOOTSTRAP, 42L);
        assertEquals(42L, c.seed());
        double[] other = FitterReferenceTest.AMOUNTS.clone();
        other[0] += 0.01;
        assertNotEquals(a.seed(), Fitter.seedOf(other));
    }
}
