package org.payrisk.payment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A built-in, cited table of the Medicare Physician Fee Schedule: the national non-facility relative
 * value units (work, practice expense, malpractice) of the outpatient OT codes and the year's
 * conversion factor, read from a resource file that names its source (CMS PPRRVU release, package,
 * public copy). Shipped: CY2025 (RVU25D, CF 32.3465) and CY2026 (RVU26C non-QP, CF 33.4009); the
 * figures are those of ../shared/DOMAIN.md, section "Review, 2026-11", table A, and a test checks
 * them against it.
 *
 * <p>Immutable and thread safe; tables are read once and cached.
 *
 * @param year calendar year of the fee schedule
 * @param conversionFactor dollars per RVU (non-qualifying-APM participants)
 * @param codes the codes, in file order, with their RVUs
 */
public record MedicarePfs(int year, double conversionFactor, Map<String, Rvu> codes) {

    /** Calendar years shipped as resources. */
    public static final List<Integer> YEARS = List.of(2025, 2026);

    private static final Map<Integer, MedicarePfs> TABLES = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The RVUs of one code.
     *
     * @param description what the code is
     * @param status PFS status: 'A' paid, 'B' bundled (not paid separately), 'I' not valid for Medicare
     * @param work work RVU
     * @param pe practice-expense RVU (non-facility)
     * @param mp malpractice RVU
     */
    public record Rvu(String description, char status, double work, double pe, double mp) {

        /** @return work + PE + malpractice RVUs */
        public double total() {
            return work + pe + mp;
        }

        /** @return true when Medicare pays the code under the PFS (status A) */
        public boolean paid() {
            return status == 'A';
        }
    }

    /** Copies the map (keeps file order). */
    public MedicarePfs {
        codes = Collections.unmodifiableMap(new LinkedHashMap<>(codes));
    }

    /**
     * @param year a calendar year of {@link #YEARS}
     * @return its table
     * @throws IllegalArgumentException for a year not shipped
     */
    public static MedicarePfs of(int year) {
        if (!YEARS.contains(year)) {
            throw new IllegalArgumentException("medicarePfs: expected one of the shipped years " + YEARS + ", found " + year);
        }
        return TABLES.computeIfAbsent(year, MedicarePfs::read);
    }

    /** @return the resource file name of the table */
    public String resource() {
        return resourceName(year);
    }

    /**
     * The source lines (the file's comment header), for reports and documentation.
     *
     * @return the header lines, without the leading '#'
     */
    public List<String> source() {
        List<String> out = new ArrayList<>();
        try (BufferedReader in = open(year)) {
            for (String line = in.readLine(); line != null && line.startsWith("#"); line = in.readLine()) {
                out.add(line.substring(1).trim());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * @param code a CPT/HCPCS code
     * @return its dollars per unit, total RVU x conversion factor (geographic index 1)
     */
    public double dollars(String code) {
        return codes.get(code).total() * conversionFactor;
    }

    private static String resourceName(int year) {
        return "medicare-pfs-" + year + ".csv";
    }

    private static BufferedReader open(int year) {
        InputStream s = MedicarePfs.class.getResourceAsStream(resourceName(year));
        if (s == null) {
            throw new IllegalStateException("missing resource " + resourceName(year) + " beside " + MedicarePfs.class.getName());
        }
        return new BufferedReader(new InputStreamReader(s, StandardCharsets.UTF_8));
    }

    private static MedicarePfs read(int year) {
        int fileYear = -1;
        double cf = Double.NaN;
        Map<String, Rvu> codes = new LinkedHashMap<>();
        try (BufferedReader in = open(year)) {
            boolean header = false;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] c = line.split(",", -1);
                if (c[0].equals("year")) {
                    fileYear = Integer.parseInt(c[1]);
                } else if (c[0].equals("conversionFactor")) {
                    cf = Double.parseDouble(c[1]);
                } else if (c[0].equals("code")) {
                    header = true;
                } else if (header && c.length == 6) {
                    codes.put(c[0], new Rvu(c[1], c[2].charAt(0), Double.parseDouble(c[3]), Double.parseDouble(c[4]),
                            Double.parseDouble(c[5])));
                } else {
                    throw new IllegalStateException(resourceName(year) + ": unreadable line `" + line + "`");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (fileYear != year || !(cf > 0) || codes.isEmpty()) {
            throw new IllegalStateException(resourceName(year) + ": expected year " + year + ", a conversion factor and codes");
        }
        return new MedicarePfs(year, cf, codes);
    }
}
