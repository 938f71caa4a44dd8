package org.payrisk.report.render;

import java.util.List;

/** A small valid scenario whose model names a test chooses (tests of names in every output). */
public final class HostileNamesScenario {

    private HostileNamesScenario() {
    }

    /**
     * A double-quoted string, valid as JSON and as YAML, with every character outside printable ASCII written
     * as a {@code \\uXXXX} escape (YAML refuses some of them raw).
     */
    public static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    /** A small valid scenario: one case, a capitation contract per model (each a different rate). */
    public static String yaml(List<String> models) {
        StringBuilder b = new StringBuilder("""
                name: Names under test
                horizonMonths: 12
                simulation: { trials: 40, seed: 7 }
                practice:
                  clinicians: 1.0
                  visitsPerClinicianDay: 8
                  workdaysPerMonth: 20
                  costs: { fixedPerMonth: 9000, perAttendedVisit: 20.0 }
                demand:
                  newEpisodesPerMonth: { poisson: { mean: 12 } }
                  cancellationRate: 0.1
                  payers: { medicare: 1.0 }
                  cases:
                    - name: general
                      share: 1.0
                      followUpVisits: { poisson: { mean: 8 } }
                      visitsPerMonth: 6
                      unitsPerVisit: 3
                cash:
                  startingReserve: 5000
                models:
                """);
        for (int i = 0; i < models.size(); i++) {
            b.append("  - name: ").append(quote(models.get(i))).append('\n')
                    .append("    default:\n")
                    .append("      capitation: { pmpm: ").append(3 + 0.25 * i).append(", members: 4000 }\n");
        }
        return b.toString();
    }
}
