package org.payrisk.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.payrisk.dist.Constant;

/** Deterministic tier: capitation churn, risk corridor and stop-loss on the constant year. */
class CapitationRiskTest {

    @Test
    void churnCarriesMembershipFromMonthToMonth() {
        // everyone leaves each month and 100 join: 1,000 in month 1, then 100 a month
        Capitation c = new Capitation(Constant.of(2), Constant.of(1000), new Capitation.Churn(Constant.of(1), Constant.of(100)),
                null, null, 15);
        double[] rev = new double[13];
        c.accrue(MedicareFixtures.year(), MedicareFixtures.covers(true), MedicareFixtures.rng(), 0, rev, new Settlements());
        assertEquals(2000, rev[1], 1e-12);
        assertEquals(200, rev[2], 1e-12);
        assertEquals(2 * (1000 + 11 * 100), MedicareFixtures.sum(rev), 1e-9);
        // nobody leaves, nobody joins: constant
        Capitation still = new Capitation(Constant.of(2), Constant.of(1000), new Capitation.Churn(Constant.of(0), Constant.of(0)),
                null, null, 15);
        double[] r2 = new double[13];
        still.accrue(MedicareFixtures.year(), MedicareFixtures.covers(true), MedicareFixtures.rng(), 0, r2, new Settlements());
        assertEquals(24000, MedicareFixtures.sum(r2), 1e-9);
    }

    @Test
    void riskCorridorSharesCostBeyondTheBand() {
        // paid 250 x 1 x 12 = 3,000; cost 36 visits x 100 = 3,600; band 10% -> 3,300; 50% of 300 = 150
        Capitation c = new Capitation(Constant.of(1), Constant.of(250), null, new Capitation.Corridor(0.1, 0.5, 100), null, 15);
        Settlements s = new Settlements();
        c.accrue(MedicareFixtures.year(), MedicareFixtures.covers(true), MedicareFixtures.rng(), 0, new double[13], s);
        assertEquals(150, s.amount(0), 1e-9);
        assertEquals(15, s.month(0));
        // gains beyond the band go back: paid 6,000, cost 3,600 < 5,400 -> -0.5 x 1,800 = -900
        assertEquals(-900, c.corridor(6000, 3600), 1e-9);
        assertEquals(0, c.corridor(3400, 3600), 1e-9);
        // without valuePerVisit the practice's own costs count: 12 x 1,030 = 12,360 vs 3,000 x 1.1
        Capitation own = new Capitation(Constant.of(1), Constant.of(250), null,
                new Capitation.Corridor(0.1, 0.5, Double.NaN), null, 15);
        Settlements s2 = new Settlements();
        own.accrue(MedicareFixtures.year(), MedicareFixtures.covers(true), MedicareFixtures.rng(), 0, new double[13], s2);
        assertEquals(0.5 * (12 * MedicareFixtures.MONTHLY_COST - 3300), s2.amount(0), 1e-9);
        // an expected cost of $1.10 PMPM: 3,000 member-months x 1.10 = 3,300, band 10% -> 3,630;
        // cost 3,600 is inside the corridor
        Capitation pmpm = new Capitation(Constant.of(1), Constant.of(250), null,
                new Capitation.Corridor(0.1, 0.5, 100, 1.10), null, 15);
        Settlements s3 = new Settlements();
        pmpm.accrue(MedicareFixtures.year(), MedicareFixtures.covers(true), MedicareFixtures.rng(), 0, new double[13], s3);
        assertEquals(0, s3.amount(0), 1e-9);
        // $1.00 PMPM expected: 3,000 -> 3,300 upper edge; 50% of 300 = 150
        Capitation pmpm1 = new Capitation(Constant.of(2), Constant.of(250), null,
                new Capitation.Corridor(0.1, 0.5, 100, 1.00), null, 15);
        Settlements s4 = new Settlements();
        pmpm1.accrue(MedicareFixtures.year(), MedicareFixtures.covers(true), MedicareFixtures.rng(), 0, new double[13], s4);
        assertEquals(150, s4.amount(0), 1e-9);
    }

    @Test
    void stopLossReimbursesEpisodesAboveTheAttachmentPoint() {
        // each episode: 3 visits x 100 = 300; attachment 250 -> 80% of 50 = 40; 12 episodes = 480
        Capitation c = new Capitation(Constant.of(1), Constant.of(250), null, null, new Capitation.StopLoss(250, 0.8, 100), 15);
        Settlements s = new Settlements();
        double[] rev = new double[13];
        c.accrue(MedicareFixtures.year(), MedicareFixtures.covers(true), MedicareFixtures.rng(), 0, rev, s);
        assertEquals(480, s.amount(0), 1e-9);
        // the four-argument form books the settlement in the horizon's last month
        double[] booked = new double[13];
        c.accrue(MedicareFixtures.year(), MedicareFixtures.covers(true), MedicareFixtures.rng(), booked);
        assertEquals(3000 + 480, MedicareFixtures.sum(booked), 1e-9);
    }
}
