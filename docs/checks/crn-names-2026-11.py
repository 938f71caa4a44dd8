# Distribution check for the 2026-11 change of the random-input keys from list positions to names
# (issue 8): payer keys hash the covered payers' names instead of their indices in demand.payers,
# case prices are keyed by case name instead of case index, and the claim-level per-trial terms
# (the Medicare form's, percentOfMedicare's, the overlays') are keyed by field name instead of
# numbered slots. Every payer-keyed draw of every scenario moves, so every model of every shipped
# scenario is compared. How it was run (each jar built with `mvn -B -q -o package -DskipTests` in its
# own copy of the tree):
#   old jar (main before the change): java -jar payrisk.jar run scenarios/S.yaml --trials 20000 --seed 1001 \
#       --threads 1 --export-trials --no-report --out /tmp/h8cmp/old-S
#   new jar (branch h-8):             java -jar payrisk.jar run scenarios/S.yaml --trials 20000 --seed 2002 \
#       --threads 1 --export-trials --no-report --out /tmp/h8cmp/new-S
#   python3 docs/checks/crn-names-2026-11.py [DIR]   (DIR defaults to /tmp/h8cmp; numpy 2.4.6, scipy 1.17.1)
# The tests are compare-runs.py's (since 2026-11-27 it also tests the activity columns attendedVisits
# and units, which adds tests to the count below).
# Different seeds make the two runs independent samples. Per model: z-tests of the means of
# netIncome, revenue and minCashBalance (z = diff / sqrt(se1^2 + se2^2)) and a two-sample
# Kolmogorov-Smirnov test of netIncome (scipy). Family-wise false-failure rate 1%: Bonferroni over all
# tests. A model whose column is constant in both runs is compared for equality instead.
# Result (2026-11-27): 100 tests over the 10 shipped scenarios and all their models (25 models), all
# pass at a 1% family-wise false-failure rate (per-test alpha 1e-4); smallest p 0.051 (solo-practice
# fee-for-service netIncome z). At the same seed every shipped scenario's summary.json changed (every
# scenario has payer-keyed or claim-level draws), so none is byte-identical to before.
import os
import runpy
import sys

if __name__ == '__main__':
    compare = runpy.run_path(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'compare-runs.py'))['compare']
    sys.exit(compare(sys.argv[1] if len(sys.argv) > 1 else '/tmp/h8cmp'))
