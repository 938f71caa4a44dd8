package org.payrisk.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.junit.jupiter.api.Test;

/**
 * {@link CopulaDraws#readyThread}, which a worker calls before its trials: it must leave a thread's
 * draws exactly as they were, bound or not. What it is for (keeping C2's compile of the trials valid
 * on a new thread) is the JIT's behaviour, which a unit test cannot see; so an empty method would
 * pass here too, and these tests guard only against a readying that changes a draw or a binding.
 */
class CopulaDrawsTest {

    private static final Distribution RATE = Uniform.of(0.05, 0.15);
    private static final Distribution PRICE = Uniform.of(10, 20);
    private static final TrialStreams STREAMS = new TrialStreams(20261127L);

    @Test
    void readyThreadLeavesANewThreadUnbound() throws InterruptedException, ExecutionException {
        FutureTask<double[]> onNewThread = new FutureTask<>(() -> {
            CopulaDraws.readyThread();
            return new double[] {CopulaDraws.isBound() ? 1 : 0, CopulaDraws.sample(RATE, STREAMS.stream(7, 0))};
        });
        Thread t = new Thread(onNewThread);
        t.start();
        double[] got = onNewThread.get(); // rethrows what the thread threw
        assertEquals(0, got[0], "nothing bound on a readied new thread");
        double own = RATE.createSampler(STREAMS.stream(7, 0)).sample();
        assertEquals(own, got[1], 0.0, "an unbound thread draws from the input's own stream");
    }

    @Test
    void readyThreadKeepsABindingInPlace() {
        InputCopula inputs = new InputCopula(List.of("demand.cancellationRate", "price"), List.of(RATE, PRICE),
                GaussianCopula.ofSpearman(new double[][] {{1, 0.5}, {0.5, 1}}));
        CopulaDraws draws = new CopulaDraws(inputs);
        draws.draw(STREAMS.stream(11, 0));
        double[] bound = draws.values();
        draws.bind();
        try {
            CopulaDraws.readyThread();
            assertTrue(CopulaDraws.isBound());
            double own = RATE.createSampler(STREAMS.stream(3, 0)).sample();
            double got = CopulaDraws.sample(RATE, STREAMS.stream(3, 0));
            assertEquals(bound[0], got, 0.0, "the bound, correlated value");
            assertNotEquals(own, got, "not the input's own draw");
        } finally {
            CopulaDraws.unbind();
        }
        CopulaDraws.readyThread();
        assertFalse(CopulaDraws.isBound(), "readied after unbind: still unbound");
    }

    /**
     * A constant is drawn without a stream, but {@link CopulaDraws#drawnBy} must still see it: the
     * scenario counts an input's draws this way ({@code CorrelationReader}) and lets a correlation name
     * only an input drawn once a trial, so a constant the capture missed would make an input of two
     * draws look like one. (The payment terms' call sites: {@code PerTrialDrawTest}.)
     */
    @Test
    void drawnBySeesAConstantDrawnWithoutAStream() {
        Distribution constant = Constant.of(0.1);
        double[] got = new double[2];
        List<Distribution> seen = CopulaDraws.drawnBy(() -> {
            got[0] = CopulaDraws.sample(constant, null);
            got[1] = CopulaDraws.sample(RATE, STREAMS.stream(2, 0));
        });
        assertEquals(List.of(constant, RATE), seen, "both draws, in order");
        assertEquals(0.1, got[0], 0.0);
        assertEquals(RATE.createSampler(STREAMS.stream(2, 0)).sample(), got[1], 0.0, "a random input still draws its own stream");
        assertFalse(CopulaDraws.isBound(), "the capture leaves the thread unbound");
    }
}
