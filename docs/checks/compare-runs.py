# Distribution check of a deliberate change of sampling: two independent runs of every shipped scenario,
# one with the jar before the change and one after, compared model by model. Used for:
#   - crn-names-2026-11.py: random-input keys from list positions to names (issue 8);
#   - the 2026-11 units-by-sum kernel (issue 11): an episode's follow-ups of a month draw their units
#     sum in one step, and attendance by per-trial binomial tables; fee-for-service's denials, first drawn
#     by such tables too, went back to one keyed draw per visit (13f2a96) before the result below;
#   - one hash per claim's denial (issue 11, see below);
#   - a visit group's denials drawn together (issue 11, see below).
# How to run (each jar built with `mvn -B -q -o package -DskipTests` in its own copy of the tree):
#   java -jar old.jar run scenarios/S.yaml --trials 20000 --seed 1001 --export-trials --no-report --out DIR/old-S
#   java -jar new.jar run scenarios/S.yaml --trials 20000 --seed 2002 --export-trials --no-report --out DIR/new-S
#   python3 docs/checks/compare-runs.py DIR          (numpy 2.4.6, scipy 1.17.1)
# Different seeds make the two runs independent samples. Per model: z-tests of the means of
# netIncome, revenue and minCashBalance (z = diff / sqrt(se1^2 + se2^2)) and a two-sample
# Kolmogorov-Smirnov test of netIncome (scipy); per scenario the same for the practice's activity
# columns attendedVisits and units, when trials.csv has them. Family-wise false-failure rate 1%:
# Bonferroni over all tests. A column that is constant in both runs is compared for equality instead.
#
# Result for a visit group's denials drawn together (2026-11-29; old = main at 19fa0bd, new = fee-for-service
# and percentOfMedicare deciding a group's denials by Denials: the evaluation's own draw, the number of
# follow-ups denied as the Binomial(k, rate) quantile of one draw, which ones by ranks; 20,000 trials, seeds
# 1001 and 2002): 172 tests over the 12 shipped scenarios, all pass at a 1% family-wise false-failure rate
# (per-test alpha 5.8e-5); smallest p 0.0796 (pediatric-medicaid medicaid-fee-for-service minCashBalance z,
# the same test as below: the old run's seed and the practice draws are the same, and that contract's
# denials move its lowest cash little).
#
# Result for one hash per claim's denial (2026-11-27; old = main at d2b3c8b, new = fee-for-service and
# percentOfMedicare denying a claim by ClaimRandom.denialDraw, output v + 1 of a keyed SplitMix64 sequence,
# instead of the first draw of the visit's reset stream; 20,000 trials, seeds 1001 and 2002): 172 tests
# over the 12 shipped scenarios, all pass at a 1% family-wise false-failure rate (per-test alpha 5.8e-5);
# smallest p 0.080 (pediatric-medicaid medicaid-fee-for-service minCashBalance z).
#
# Result for the units-by-sum kernel (2026-11-27; old = main at 0f6bfe2, new = the change; 20,000 trials,
# seeds 1001 and 2002; rerun after fee-for-service went back to one keyed denial draw per visit): 172
# tests over the 12 shipped scenarios (30 models), all pass at a 1% family-wise
# false-failure rate (per-test alpha 5.8e-5); smallest p 0.069 (medicare-private-practice-2026
# medicare-as-paid minCashBalance z).
import csv
import glob
import os
import sys

import numpy as np
import scipy.stats as st


def load(path):
    with open(path) as f:
        r = csv.reader(f)
        header = next(r)
        data = np.array([[float(x) for x in row] for row in r])
    return header, data


def compare(root):
    tests = []
    constant = []

    def test(scenario, what, metric, x, y, ks):
        if x.var() == 0 and y.var() == 0:
            constant.append((scenario, what, metric, x[0] == y[0]))
            return
        z = (y.mean() - x.mean()) / np.sqrt(x.var(ddof=1) / len(x) + y.var(ddof=1) / len(y))
        tests.append((scenario, what, metric, 'z', z, 2 * st.norm.sf(abs(z)), x.mean(), y.mean()))
        if ks:
            k = st.ks_2samp(x, y)
            tests.append((scenario, what, metric, 'KS', k.statistic, k.pvalue, np.nan, np.nan))

    for old_dir in sorted(glob.glob(os.path.join(root, 'old-*'))):
        if not os.path.isdir(old_dir):
            continue
        scenario = os.path.basename(old_dir)[4:]
        ha, a = load(os.path.join(old_dir, 'trials.csv'))
        hb, b = load(os.path.join(root, 'new-' + scenario, 'trials.csv'))
        models = [h[:-len('.netIncome')] for h in ha if h.endswith('.netIncome')]
        for m in models:
            for metric in ['netIncome', 'revenue', 'minCashBalance']:
                test(scenario, m, metric, a[:, ha.index(f'{m}.{metric}')], b[:, hb.index(f'{m}.{metric}')],
                     metric == 'netIncome')
        for column in ['attendedVisits', 'units']:
            if column in ha and column in hb:
                test(scenario, '(practice)', column, a[:, ha.index(column)], b[:, hb.index(column)], True)

    alpha = 0.01 / len(tests)
    print(f'{len(tests)} tests, Bonferroni per-test alpha {alpha:.2e} (family-wise 1%)')
    for t in tests:
        print(f'{t[0]:30s} {t[1]:36s} {t[2]:15s} {t[3]:2s} stat={t[4]:+.3f} p={t[5]:.3f} '
              f'old={t[6]:.1f} new={t[7]:.1f} {"FAIL" if t[5] < alpha else "ok"}')
    for c in constant:
        print(f'{c[0]:30s} {c[1]:36s} {c[2]:15s} constant in both runs: {"equal" if c[3] else "DIFFERENT"}')
    failed = [t for t in tests if t[5] < alpha] + [c for c in constant if not c[3]]
    smallest = min(tests, key=lambda t: t[5])
    print(f'smallest p {smallest[5]:.4f} ({smallest[0]} {smallest[1]} {smallest[2]} {smallest[3]}); '
          f'{"FAIL: " + str(len(failed)) if failed else "all pass"}')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(compare(sys.argv[1] if len(sys.argv) > 1 else '/tmp/sumcmp'))
