#!/usr/bin/env python3
"""Writes profiles.csv: a synthetic population of 500 outpatient OT private practices for
`payrisk population scenarios/population/base.yaml --practices scenarios/population/profiles.csv`.

Reproducible: Python 3 standard library only, random.Random(SEED). Python guarantees the same
random() stream for a seed across versions, but not every sampler's algorithm (gammavariate,
lognormvariate, randint); profiles.csv was written with Python 3.11.7. Run from anywhere:
    python3 scenarios/population/generate_profiles.py
Every distribution below is either cited to ../shared/DOMAIN.md (section D, "Facts for a synthetic
population of OT practices") or marked ASSUMPTION where DOMAIN.md says "not found". The same notes go
into the CSV's header comment so the file explains itself.
"""
import os
import random

SEED = 20261127
N = 500

# Regions: DOMAIN.md has no regional fee index (GPCI values not found) and no regional count of OT
# practices. ASSUMPTION: shares of practices follow US Census regions' population shares (about
# 17/21/38/24%), and the Medicare-style fee level (evaluation and per-unit fee) is scaled by a
# region factor standing in for the geographic index.
REGIONS = [("northeast", 0.17, 1.05), ("midwest", 0.21, 0.97), ("south", 0.38, 0.96), ("west", 0.24, 1.04)]

# Size: OT-only practice size distribution (clinicians per practice) is "not found" in DOMAIN.md.
# Cited context: NAICS 621340 (PT/OT/speech/audiology offices) has 476,590 employees in 33,008
# establishments, about 14 employees per establishment including support staff and PT-heavy clinics
# (DOMAIN.md D). ASSUMPTION: OT private practices are smaller: full-time-equivalent clinicians
# solo 35%, 2-3 35%, 4-6 20%, 7-12 10%, uniform within each band (mean about 3.4).
SIZE_BANDS = [(0.35, 1, 1), (0.35, 2, 3), (0.20, 4, 6), (0.10, 7, 12)]

# Payer mix of OT private practices: "not found" in DOMAIN.md (only a vendor rule of thumb that PT
# clinics are 80-90% insured). ASSUMPTION: Dirichlet around the shipped practice's mix (Medicare
# 0.55, commercial 0.35, Medicaid 0.10; ../ot-private-practice.yaml), concentration 12, so the
# Medicare share ranges roughly 0.25-0.85.
PAYER_MEAN = (0.55, 0.35, 0.10)
PAYER_CONCENTRATION = 12.0

# Demand per clinician: the shipped scenario's 42 new episodes a month for 3 clinicians (14 each).
# ASSUMPTION: a practice's referral volume per clinician varies lognormally with sd 0.2 on the log scale.
EPISODES_PER_CLINICIAN = 14.0
DEMAND_LOG_SD = 0.20

# Fixed costs: the shipped scenario's $28,000 a month for 3 clinicians ($9,333 each; the clinician
# pay per visit is a separate per-visit cost there). Cited context: OT mean wage $93,491 a year in
# May 2023, about $7,800 a month (BLS via DOMAIN.md D). ASSUMPTION: $2,000 a month of overhead every
# practice carries plus $7,333 per clinician, times a lognormal factor with log-sd 0.15 (rent and
# staffing differ).
FIXED_BASE = 2000.0
FIXED_PER_CLINICIAN = 7333.0
FIXED_LOG_SD = 0.15

# Capitated members: the shipped scenario's 12,000 for 3 clinicians. ASSUMPTION: 4,000 per clinician.
MEMBERS_PER_CLINICIAN = 4000.0

# Medicare fee-for-service fees of the base scenario, scaled by the region factor.
EVALUATION = 95.91
PER_UNIT = 25.81

COLUMNS = ["id", "practice.clinicians", "practice.costs.fixedPerMonth",
           "demand.newEpisodesPerMonth.negativeBinomial.mean",
           "demand.payers.medicare", "demand.payers.commercial", "demand.payers.medicaid",
           "models[capitation].default.capitation.members.normal.mean",
           "models[fee-for-service].default.feeForService.evaluation",
           "models[fee-for-service].default.feeForService.perUnit"]


def pick(rng, items, weight_of):
    u = rng.random() * sum(weight_of(i) for i in items)
    for item in items:
        u -= weight_of(item)
        if u < 0:
            return item
    return items[-1]


def profile(rng, number):
    region, _, fee_factor = pick(rng, REGIONS, lambda r: r[1])
    _, lo, hi = pick(rng, SIZE_BANDS, lambda b: b[0])
    clinicians = rng.randint(lo, hi)
    g = [rng.gammavariate(PAYER_CONCENTRATION * m, 1.0) for m in PAYER_MEAN]
    medicare = round(g[0] / sum(g), 3)
    commercial = round(g[1] / sum(g), 3)
    medicaid = round(1.0 - medicare - commercial, 3)  # shares written to 3 decimals sum to 1 exactly
    episodes = EPISODES_PER_CLINICIAN * clinicians * rng.lognormvariate(-DEMAND_LOG_SD ** 2 / 2, DEMAND_LOG_SD)
    fixed = (FIXED_BASE + FIXED_PER_CLINICIAN * clinicians) * rng.lognormvariate(-FIXED_LOG_SD ** 2 / 2, FIXED_LOG_SD)
    return ["p%04d-%s" % (number, region), "%d" % clinicians, "%.0f" % fixed, "%.2f" % episodes,
            "%.3f" % medicare, "%.3f" % commercial, "%.3f" % medicaid,
            "%.0f" % (MEMBERS_PER_CLINICIAN * clinicians),
            "%.2f" % (EVALUATION * fee_factor), "%.2f" % (PER_UNIT * fee_factor)]


def main():
    rng = random.Random(SEED)
    here = os.path.dirname(os.path.abspath(__file__))
    notes = []
    for line in open(os.path.abspath(__file__)).read().splitlines():
        if line.startswith("# ") and not line.startswith("#!"):
            notes.append(line)
    with open(os.path.join(here, "profiles.csv"), "w", newline="") as out:
        out.write("# Synthetic population of %d OT private practices, written by generate_profiles.py (seed %d).\n"
                  % (N, SEED))
        out.write("# Do not edit by hand: change the script and run it again. Sources and assumptions:\n")
        for line in notes:
            out.write(line + "\n")
        out.write(",".join(COLUMNS) + "\n")
        for i in range(1, N + 1):
            out.write(",".join(profile(rng, i)) + "\n")


if __name__ == "__main__":
    main()
