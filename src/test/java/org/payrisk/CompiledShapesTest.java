package org.payrisk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.payrisk.testing.Bytecode;

/**
 * The methods whose size was chosen for HotSpot's just-in-time compilers (docs/performance.md, steps 8,
 * 20, 23 and 25) keep that size. A refactoring that crosses one of these limits changes no result, only
 * speed, and silently; this test names the method and the reason instead. The limits are HotSpot 17's
 * defaults on x86_64: C1, the compiler of short runs, inlines a method of at most 35 bytes of bytecode
 * ({@code -XX:C1MaxInlineSize}); C2 inlines a hot call of at most 325 bytes ({@code -XX:FreqInlineSize}).
 */
class CompiledShapesTest {

    private static final int C1_MAX_INLINE_SIZE = 35;
    private static final int C2_FREQ_INLINE_SIZE = 325;

    private static int length(String className, String method) throws Exception {
        return Bytecode.length(Class.forName("org.payrisk." + className), method);
    }

    @Test
    void theHotLoopsOwnMethodsStaySmallEnoughForC1ToInline() throws Exception {
        // fee-for-service's group walk calls it once a group (CoveredGroups' comment)
        assertInlinedByC1("payment.CoveredGroups", "group");
        // the claim loops ask it once per follow-up (Denials' comment)
        assertInlinedByC1("payment.Denials", "followUpDenied");
        // every keyed claim draw hashes with it (ClaimRandom's comment, step 8)
        assertInlinedByC1("dist.TrialStreams", "mix");
    }

    private static void assertInlinedByC1(String className, String method) throws Exception {
        int bytes = length(className, method);
        assertTrue(bytes <= C1_MAX_INLINE_SIZE, className + "." + method + " is " + bytes + " bytes, more than C1 inlines");
    }

    @Test
    void thePracticeYearsMonthLoopStaysTooLargeForC2ToInline() throws Exception {
        // compiled apart from the year's once-a-trial set-up (PracticeSimulator.months' comment, step 23)
        int months = length("practice.PracticeSimulator", "months");
        assertTrue(months > C2_FREQ_INLINE_SIZE, "PracticeSimulator.months is " + months + " bytes");
    }

    @Test
    void readsTheLengthJavapShows() throws IOException {
        // javap -c -p of this class: twoPlusThree "0: iconst_5, 1: ireturn" (javac folds 2 + 3); wide
        // "0: ldc2_w, 3: dreturn", after a long and a double in the constant pool, whose two entries each
        // the reader must step over
        assertEquals(2, Bytecode.length(CompiledShapesTest.class, "twoPlusThree"));
        assertEquals(4, Bytecode.length(CompiledShapesTest.class, "wide"));
    }

    @SuppressWarnings("unused") // read from the class file above
    private static int twoPlusThree() {
        return 2 + 3;
    }

    @SuppressWarnings("unused") // read from the class file above
    private static long big() {
        return 123456789012L;
    }

    @SuppressWarnings("unused") // read from the class file above
    private static double wide() {
        return 1.5e300;
    }
}
