package org.payrisk.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.payrisk.testing.Moments;

/**
 * Statistical tier: every family's sample mean and variance against its theoretical values (which
 * {@link DistributionReferenceTest} checks against scipy).
 *
 * <p>N = 200,000 draws per family. The mean is compared with tolerance z x sd / sqrt(N); the
 * variance with z x sqrt((m4 - s^4) / N), the large-sample standard error of the sample variance,
 * estimated from the sample's fourth central moment. z = 4.5: under a correct sampler each check
 * fails with probability about 6.8e-6 (two-sided normal tail), so the 32 checks of this class (16 families x 2)
 * together fail falsely with probability below 2.2e-4. The seed is fixed (20261127) so a failure
 * reproduces; it was not chosen to make the test pass.
 */
class DistributionSamplingTest {

    private static final int N = 200_000;
    private static final double Z = 4.5;

    static Stream<Arguments> families() {
        return Stream.of(
                Arguments.of(Uniform.of(-2, 5)),
                Arguments.of(Triangular.of(1, 3, 8)),
                Arguments.of(Pert.of(2, 3, 10)),
                Arguments.of(Normal.of(12000, 300)),
                Arguments.of(Normal.truncated(10, 4, 5, 20)),
                Arguments.of(Normal.truncated(0, 1, 2, Double.POSITIVE_INFINITY)), // inverse-CDF branch
                Arguments.of(LogNormal.of(100, 30)),
                Arguments.of(Gamma.of(50, 20)),
                Arguments.of(Beta.of(0.11, 0.03)),
                Arguments.of(Poisson.of(4.2)),
                Arguments.of(Poisson.of(120)),
                Arguments.of(NegativeBinomial.of(9, 3)),
                Arguments.of(NegativeBinomial.of(42, 15)),
                Arguments.of(Binomial.of(10, 0.3)),
                Arguments.of(Discrete.of(new double[] {3, 4, 5}, new double[] {0.3, 0.5, 0.2})),
                Arguments.of(Empirical.of(new double[] {1, 2, 3, 10})));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void sampleMomentsMatchTheory(Distribution d) {
        UniformRandomProvider rng = new TrialStreams(20261127L).stream(0, 0);
        ContinuousSampler s = d.createSampler(rng);
        double[] x = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = s.sample();
            assertTrue(x[i] >= d.supportMin() && x[i] <= d.supportMax(), "draw outside the support: " + x[i]);
            if (d.isIntegerValued()) {
                assertEquals(Math.rint(x[i]), x[i], "a count distribution drew a fraction");
            }
        }
        Moments.assertMeanAndVariance(x, d.mean(), d.variance(), Z, d.toString());
    }
}
