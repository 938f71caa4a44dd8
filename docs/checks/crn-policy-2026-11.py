# Distribution check for the 2026-11 change of the common-random-numbers policy (streams keyed by
# the input instead of the model position). How it was run:
#   git stash / checkout main: payrisk run scenarios/S.yaml --trials 20000 --seed 1001 --export-trials --no-report --out /tmp/cmp/old-S
#   this branch:               payrisk run scenarios/S.yaml --trials 20000 --seed 2002 --export-trials --no-report --out /tmp/cmp/new-S
#   python3 docs/checks/crn-policy-2026-11.py   (numpy 2.4.6, scipy 1.17.1)
# Result (2026-11-27): 24 tests, all pass at a 1% family-wise false-failure rate; smallest p 0.144.
# Old (main, seed 1001) vs new (h-engine, seed 2002) runs of 20,000 trials each: independent samples.
# Per moved model: z-test of the means of netIncome, revenue and minCashBalance (z = diff / sqrt(se1^2 + se2^2))
# and a two-sample Kolmogorov-Smirnov test of netIncome (scipy 1.17.1). Family-wise false-failure rate 1%:
# Bonferroni over all tests.
import numpy as np, csv, scipy.stats as st
def load(p):
    with open(p) as f:
        r=csv.reader(f); h=next(r); d=np.array([[float(x) for x in row] for row in r])
    return h,d
moved={'hand-therapy-capitated':['network-capitation'],'ot-private-practice':['capitation'],
       'pediatric-medicaid':['medicaid-fee-for-service','medicaid-managed-care-capitation'],
       'team-episode-downstream':['team-track-1','team-track-2']}
tests=[]
for sc,models in moved.items():
    ha,a=load(f'/tmp/cmp/old-{sc}/trials.csv'); hb,b=load(f'/tmp/cmp/new-{sc}/trials.csv')
    for m in models:
        for metric in ['netIncome','revenue','minCashBalance']:
            x=a[:,ha.index(f'{m}.{metric}')]; y=b[:,hb.index(f'{m}.{metric}')]
            z=(y.mean()-x.mean())/np.sqrt(x.var(ddof=1)/len(x)+y.var(ddof=1)/len(y))
            tests.append((sc,m,metric,'z',z,2*st.norm.sf(abs(z)),x.mean(),y.mean()))
        x=a[:,ha.index(f'{m}.netIncome')]; y=b[:,hb.index(f'{m}.netIncome')]
        ks=st.ks_2samp(x,y)
        tests.append((sc,m,'netIncome','KS',ks.statistic,ks.pvalue,np.nan,np.nan))
alpha=0.01/len(tests)
print(f'{len(tests)} tests, Bonferroni per-test alpha {alpha:.2e} (family-wise 1%)')
for t in tests:
    print(f'{t[0]:26s} {t[1]:34s} {t[2]:15s} {t[3]:2s} stat={t[4]:+.3f} p={t[5]:.3f} old={t[6]:.1f} new={t[7]:.1f} {"FAIL" if t[5]<alpha else "ok"}')
