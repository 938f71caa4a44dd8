package org.payrisk.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * {@link CopulaDraws#readyThread}, which a worker calls before its trials: it must leave a thread's
 * draws exactly as they were, bound or not (it only gives a new thread its thread-local table; see
 * its comment for why).
 */
class CopulaDrawsTest {

    private static final Distribution RATE = Uniform.of(0.05, 0.15);
    private static final Distribution PRICE = Uniform.of(10, 20);

    @Test
    void readyThreadLeavesANewThreadsDrawsUnbound() throws InterruptedException {
        AtomicReference<Double> drawn = new AtomicReference<>();
        Thread t = new Thread(() -> {
            CopulaDraws.readyThread();
            drawn.set(CopulaDraws.sample(RATE, RandomSource.XO_RO_SHI_RO_128_PP.create(7L)));
        });
        t.start();
        t.join();
        double expected = RATE.createSampler(RandomSource.XO_RO_SHI_RO_128_PP.create(7L)).sample();
        assertEquals(expected, drawn.get(), 0.0, "an unbound thread draws from the input's own stream");
    }

    @Test
    void readyThreadKeepsABindingInPlace() {
        InputCopula inputs = new InputCopula(List.of("demand.cancellationRate", "price"), List.of(RATE, PRICE),
                GaussianCopula.ofSpearman(new double[][] {{1, 0.5}, {0.5, 1}}));
        CopulaDraws draws = new CopulaDraws(inputs);
        draws.draw(RandomSource.XO_RO_SHI_RO_128_PP.create(11L));
        double[] bound = draws.values();
        draws.bind();
        try {
            CopulaDraws.readyThread();
            double own = RATE.createSampler(RandomSource.XO_RO_SHI_RO_128_PP.create(3L)).sample();
            double got = CopulaDraws.sample(RATE, RandomSource.XO_RO_SHI_RO_128_PP.create(3L));
            assertEquals(bound[0], got, 0.0, "the bound, correlated value");
            assertNotEquals(own, got, "not the input's own draw");
        } finally {
            CopulaDraws.unbind();
        }
    }
}
