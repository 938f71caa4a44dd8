package org.payrisk.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.payrisk.dist.Constant;
import org.payrisk.dist.Distribution;

/**
 * Deterministic tier: episode reconciliation on the constant year. Simple fee-for-service at $100
 * per evaluation and $30 per unit: each episode's actual spend is 100 + 2 x 3 x 30 = $280; all 12
 * episodes start and end inside the horizon.
 */
class EpisodeProgramTest {

    private static EpisodeProgram program(double target, Distribution quality, double stopGain, double stopLoss,
                                          double share) {
        return new EpisodeProgram(new FeeForService(Constant.of(100), Constant.of(30), Constant.of(0)),
                CasePrices.oneForAll(Constant.of(target), List.of("knee")), Constant.of(0.02), quality, 0.1, stopGain, stopLoss, share, 18, new int[] {8});
    }

    private static Settlements run(EpisodeProgram p, double[] revenue) {
        Settlements s = new Settlements();
        p.accrue(MedicareFixtures.year(), MedicareFixtures.covers(true), MedicareFixtures.rng(), 0, revenue, s);
        return s;
    }

    @Test
    void claimsArePaidFeeForServiceAndTheGainSettlesLater() {
        double[] revenue = new double[13];
        Settlements s = run(program(300, null, 0.10, 0.10, 1), revenue);
        assertEquals(12 * 280, MedicareFixtures.sum(revenue), 1e-9);
        // per episode 300 x 0.98 - 280 = 14; 12 episodes = 168 (cap 10% of 3,600 = 360 not reached)
        assertEquals(1, s.count());
        assertEquals(18, s.month(0));
        assertEquals(168, s.amount(0), 1e-9);
    }

    @Test
    void qualityShareAndCaps() {
        // quality 0.5, weight 0.1: gains x (1 - 0.1 x 0.5) = 0.95; collaborator keeps 50%
        assertEquals(168 * 0.95 * 0.5, run(program(300, Constant.of(0.5), 0.10, 0.10, 0.5), new double[13]).amount(0), 1e-9);
        // stop-gain 3% of 3,600 = 108
        assertEquals(108, run(program(300, null, 0.03, 0.10, 1), new double[13]).amount(0), 1e-9);
        // target 250: 245 - 280 = -35 per episode, -420; stop-loss 5% of 3,000 = -150
        assertEquals(-150, run(program(250, null, 0.10, 0.05, 1), new double[13]).amount(0), 1e-9);
        // upside only (stop-loss 0): nothing owed
        assertEquals(0, run(program(250, null, 0.10, 0, 1), new double[13]).amount(0), 1e-9);
        // losses with quality 1: x (1 - 0.1) = -378
        assertEquals(-378, run(program(250, Constant.of(1), 0.10, 0.20, 1), new double[13]).amount(0), 1e-9);
    }

    @Test
    void episodesOpenAtTheHorizonAreLeftToTheNextPeriod() {
        // with 1 visit a month, an episode of 1 + 2 visits lasts 3 months: those starting in
        // months 11 and 12 end after month 12 and are not reconciled (10 of 12 are)
        EpisodeProgram p = new EpisodeProgram(new FeeForService(Constant.of(100), Constant.of(30), Constant.of(0)),
                CasePrices.oneForAll(Constant.of(300), List.of("knee")), Constant.of(0.02), null, 0.1, 1, 1, 1, 18, new int[] {1});
        int n = 0;
        for (int e = 0; e < MedicareFixtures.EPISODES; e++) {
            if (p.reconciled(MedicareFixtures.year(), MedicareFixtures.covers(true), e)) {
                n++;
            }
        }
        assertEquals(10, n);
    }
}
