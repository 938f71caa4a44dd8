package org.payrisk.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The built-in Medicare fee schedule tables against ../shared/DOMAIN.md ("Review, 2026-11", table A),
 * read line by line, and the worked claims of DOMAIN.md and docs/payment-rules.md recomputed by hand
 * from the shipped RVUs.
 */
class MedicarePfsTest {

    /**
     * DOMAIN.md sits beside the repository (../shared) in CI and two levels up in a helper's
     * worktree (/work/wt/NAME -> /work/shared). In CI (CI=true) a missing file fails the test.
     */
    static Path domainFile() {
        for (Path p : List.of(Path.of("..", "shared", "DOMAIN.md"), Path.of("..", "..", "shared", "DOMAIN.md"))) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("../shared/DOMAIN.md (relative to the repository root) is missing: the fee schedule tables cannot be "
                    + "checked against their source");
        }
        Assumptions.abort("../shared/DOMAIN.md not found beside the repository (not CI)");
        return null;
    }

    /** One row of table A: code, then 2025 and 2026 (work, pe, mp, total RVU, $ total, $ PE). */
    record Row(String code, String[] cells) {
    }

    static List<Row> tableA() throws IOException {
        List<String> lines = Files.readAllLines(domainFile());
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("### A. CY2025 and CY2026 PFS relative value units")) {
                start = i;
                break;
            }
        }
        assertTrue(start >= 0, "DOMAIN.md has table A of the review");
        List<Row> rows = new ArrayList<>();
        for (int i = start + 1; i < lines.size() && !lines.get(i).startsWith("### "); i++) {
            String l = lines.get(i);
            if (!l.startsWith("| ") || l.startsWith("| code") || l.startsWith("|---")) {
                continue;
            }
            String[] cells = l.substring(1, l.length() - 1).split("\\|", -1);
            for (int c = 0; c < cells.length; c++) {
                cells[c] = cells[c].trim();
            }
            assertEquals(14, cells.length, "table A row: " + l);
            rows.add(new Row(cells[0].split(" ")[0], cells));
        }
        assertTrue(rows.size() >= 15, "table A rows found: " + rows.size());
        return rows;
    }

    @Test
    void shippedTablesMatchDomainTableA() throws IOException {
        List<Row> rows = tableA();
        Set<String> domainCodes = new LinkedHashSet<>();
        for (Row r : rows) {
            domainCodes.add(r.code());
            for (int y = 0; y < 2; y++) {
                MedicarePfs pfs = MedicarePfs.of(2025 + y);
                MedicarePfs.Rvu rvu = pfs.codes().get(r.code());
                assertNotNull(rvu, r.code() + " in the CY" + pfs.year() + " table");
                int o = 1 + 6 * y;
                String at = r.code() + " CY" + pfs.year();
                assertEquals(Double.parseDouble(r.cells()[o]), rvu.work(), 0, at + " work RVU");
                assertEquals(Double.parseDouble(r.cells()[o + 1]), rvu.pe(), 0, at + " PE RVU");
                assertEquals(Double.parseDouble(r.cells()[o + 2]), rvu.mp(), 0, at + " MP RVU");
                assertEquals(Double.parseDouble(r.cells()[o + 3]), rvu.total(), 1e-9, at + " total RVU");
                String dollars = r.cells()[o + 4];
                if (dollars.startsWith("status")) {
                    char status = dollars.charAt(dollars.indexOf("**") + 2);
                    assertEquals(status, rvu.status(), at + " status");
                    assertFalse(rvu.paid(), at);
                } else {
                    assertEquals('A', rvu.status(), at + " status");
                    assertEquals(money(dollars), cents(pfs.dollars(r.code())), 1e-9, at + " $ total");
                    assertEquals(money(r.cells()[o + 5]), cents(rvu.pe() * pfs.conversionFactor()), 1e-9, at + " $ PE");
                }
            }
        }
        assertEquals(domainCodes, MedicarePfs.of(2025).codes().keySet(), "CY2025 codes: exactly DOMAIN.md's");
        assertEquals(domainCodes, MedicarePfs.of(2026).codes().keySet(), "CY2026 codes: exactly DOMAIN.md's");
        assertEquals(32.3465, MedicarePfs.of(2025).conversionFactor(), 0, "CY2025 CF (CMS-1807-F)");
        assertEquals(33.4009, MedicarePfs.of(2026).conversionFactor(), 0, "CY2026 non-QP CF");
    }

    @Test
    void eachTableNamesItsSource() {
        assertTrue(String.join(" ", MedicarePfs.of(2025).source()).contains("RVU25D"));
        assertTrue(String.join(" ", MedicarePfs.of(2026).source()).contains("RVU26C"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MedicarePfs.of(2027));
        assertTrue(e.getMessage().contains("[2025, 2026]"), e.getMessage());
    }

    @Test
    void mpprExample2025FromTheShippedRvus() {
        // DOMAIN.md: 2 x 97530 + 97535 = 3.13 RVU x 32.3465 = $101.24; cut 0.5 x (0.62 + 0.53) x 32.3465 = $18.60; paid $82.65
        FeeSchedule s = FeeSchedule.of(MedicarePfs.of(2025), List.of("97530", "97535"));
        int[] visit = {0, 0, 1};
        double before = s.session(visit, 0);
        double after = s.session(visit, FeeSchedule.MPPR_RATE);
        assertEquals(3.13 * 32.3465, before, 1e-9);
        assertEquals(101.24, cents(before), 1e-9);
        assertEquals(18.60, cents(before - after), 1e-9);
        assertEquals(0.5 * (0.62 + 0.53) * 32.3465, before - after, 1e-9);
        assertEquals(82.65, cents(after), 1e-9);
        // DOMAIN.md: the same visit in 2026: 3.07 RVU x 33.4009 = $102.54, cut $18.54, paid $84.00
        FeeSchedule s26 = FeeSchedule.of(MedicarePfs.of(2026), List.of("97530", "97535"));
        assertEquals(102.54, cents(s26.session(visit, 0)), 1e-9);
        assertEquals(84.00, cents(s26.session(visit, FeeSchedule.MPPR_RATE)), 1e-9);
    }

    @Test
    void workedClaimOfPaymentRulesDoc2026() {
        // docs/payment-rules.md: a 44-minute follow-up = 3 units billed 97530, 97530, 97110 at 2026 RVUs.
        // By hand: totals 1.05, 1.05, 0.87 RVU = 2.97 RVU x 33.4009 = 99.2007; PE 0.60, 0.60, 0.41: the
        // highest (0.60) stays whole, MPPR takes 0.5 x (0.60 + 0.41) x 33.4009 = 16.8675; allowed 82.3332.
        // Medicare pays 82.3332 x 0.8 x 0.98 = 64.5492; patient owes 16.4666, 85% collected = 13.9966.
        FeeSchedule s = FeeSchedule.of(MedicarePfs.of(2026), List.of("97530", "97110"));
        double allowed = s.session(new int[] {0, 0, 1}, FeeSchedule.MPPR_RATE);
        double byHand = 2.97 * 33.4009 - 0.5 * (0.60 + 0.41) * 33.4009;
        assertEquals(byHand, allowed, 1e-9);
        assertEquals(82.33, cents(allowed), 1e-9, "DOMAIN.md's allowed amount");
        assertEquals(78.55, cents(allowed * 0.8 * 0.98 + allowed * 0.2 * 0.85), 1e-9, "DOMAIN.md's amount received");
        assertEquals(66.76, cents(0.85 * allowed * 0.8 * 0.98 + 0.85 * allowed * 0.2 * 0.85), 1e-9, "furnished by an OT assistant");
    }

    @Test
    void rvuFactoryValidates() {
        IllegalArgumentException cf = assertThrows(IllegalArgumentException.class, () -> FeeSchedule.ofRvus(List.of("x"),
                new double[] {1}, new double[] {1}, new double[] {0}, 0));
        assertTrue(cf.getMessage().contains("conversionFactor"), cf.getMessage());
        IllegalArgumentException neg = assertThrows(IllegalArgumentException.class, () -> FeeSchedule.ofRvus(List.of("x"),
                new double[] {1}, new double[] {-1}, new double[] {0}, 30));
        assertTrue(neg.getMessage().contains("feeSchedule.x"), neg.getMessage());
    }

    static double money(String s) {
        return Double.parseDouble(s.replace("$", "").replace(",", ""));
    }

    static double cents(double x) {
        return Math.round(x * 100) / 100.0;
    }
}
