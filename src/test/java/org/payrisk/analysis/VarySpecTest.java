package org.payrisk.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code PATH=SPEC} parser and the target parser: exact values and one message per kind of mistake. */
class VarySpecTest {

    @Test
    void rangeIncludesBothEndsExactlyAndListsKeepTheirOrder() throws AnalysisInputException {
        VarySpec r = VarySpec.parse("--vary", "models[capitation].default.capitation.pmpm=3:6:13");
        assertEquals("models[capitation].default.capitation.pmpm", r.text());
        assertEquals(13, r.values().length);
        assertEquals(3.0, r.values()[0]);
        assertEquals(6.0, r.values()[12]);
        assertEquals(3.25, r.values()[1]);
        // 0.1:0.3:3 would end at 0.30000000000000004 by repeated addition; the end is exactly TO
        assertArrayEquals(new double[] {0.1, 0.2, 0.3}, VarySpec.parse("--vary", "a.b=0.1:0.3:3").values());
        assertArrayEquals(new double[] {50000, 0, 20000}, VarySpec.parse("--vary", "cash.startingReserve=50000,0,20000").values());
        assertArrayEquals(new double[] {-0.1, -0.3}, VarySpec.parse("--vary", "x=-0.1:-0.3:2").values());
    }

    /** A range's points are the decimals a user asked for, not their binary near-misses. */
    @Test
    void rangePointsAreTheDecimalsAsked() throws AnalysisInputException {
        double[] v = VarySpec.parse("--vary", "models[capitation].response.followUpVisits.scale=0.6:1.2:7").values();
        assertEquals(List.of(0.6, 0.7, 0.8, 0.9, 1.0, 1.1, 1.2), java.util.Arrays.stream(v).boxed().toList());
    }

    @Test
    void eachMalformedSpecSaysWhatWasExpected() {
        String[][] cases = {
            {"pmpm", "PATH=SPEC"},
            {"=1,2", "field path"},
            {"a..b=1,2", "field name"},
            {"a=", "found nothing"},
            {"a=1:2", "three parts"},
            {"a=1:2:3:4", "three parts"},
            {"a=1:2:1", "COUNT from 2 to 1000"},
            {"a=1:2:1001", "COUNT from 2 to 1000"},
            {"a=1:2:2.5", "whole number"},
            {"a=1:1:3", "FROM and TO to differ"},
            {"a=x:2:3", "FROM to be a number"},
            {"a=1:NaN:3", "finite"},
            {"a=1:Infinity:3", "finite"},
            {"a=5", "list of 2 to 1000"},
            {"a=1,2,1", "distinct"},
            {"a=1,,2", "value 2 to be a number"},
        };
        for (String[] c : cases) {
            AnalysisInputException e = assertThrows(AnalysisInputException.class, () -> VarySpec.parse("--vary", c[0]), c[0]);
            assertTrue(e.getMessage().contains(c[1]) && e.getMessage().startsWith("--vary"), c[0] + " -> " + e.getMessage());
        }
        String many = "a=" + "1,".repeat(1000) + "2";
        assertTrue(assertThrows(AnalysisInputException.class, () -> VarySpec.parse("--vary", many)).getMessage()
                .contains("found 1001"));
    }

    @Test
    void targetsParseWithModelNamesContainingDotsAndRefuseUnknownParts() throws AnalysisInputException {
        List<String> models = List.of("fee-for-service", "capitation", "plan.v2");
        Target t = Target.parse("capitation.netIncome.mean = fee-for-service.netIncome.mean", models);
        assertEquals(Target.Op.EQ, t.op());
        assertEquals(1, t.lhs().modelIndex());
        assertEquals(0, t.rhs().modelIndex());
        Target u = Target.parse("plan.v2.cash.probNegativeAnyMonth<=0.05", models);
        assertEquals(Target.Op.LE, u.op());
        assertEquals(2, u.lhs().modelIndex());
        assertEquals(0.05, u.rhs().constant());
        assertEquals(Target.Op.GE, Target.parse("1e5 >= capitation.revenue.p05", models).op());
        String[][] bad = {
            {"capitaton.netIncome.mean = 0", "did you mean `capitation`"},
            {"capitation.netIncme.mean = 0", "did you mean `netIncome`"},
            {"capitation.netIncome.men = 0", "did you mean `mean`"},
            {"capitation.netIncome.sd = 0", "stat of netIncome"},
            {"capitation.cash.mean = 0", "probNegativeAnyMonth"},
            {"1 = 2", "two numbers"},
            {"capitation.netIncome.mean < 2", "one operator"},
            {"capitation.netIncome.mean = 2 = 3", "one operator"},
            {"capitation.netIncome.mean =", "found nothing"},
            {"capitation = 3", "<model>.<metric>.<stat>"},
        };
        for (String[] c : bad) {
            AnalysisInputException e = assertThrows(AnalysisInputException.class, () -> Target.parse(c[0], models), c[0]);
            assertTrue(e.getMessage().contains(c[1]), c[0] + " -> " + e.getMessage());
        }
    }
}
