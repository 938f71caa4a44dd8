#!/usr/bin/env bash
# Paired comparison of two builds: runs this checkout's ./payrisk (A) and OTHER's (B) in turn, P pairs (A B, B A,
# A B, ...: who goes first alternates, so the order cancels) after one uncounted warm-up of each, on the same
# scenario, trial count and seed, each run into a fresh temporary folder. For each pair it takes A's figure over B's (whole-process wall time, and run.json's
# simulationSeconds, summarySeconds and reportSeconds), and prints the median ratio, its range and how many
# pairs had A shorter. It also says whether every pair wrote byte-identical summary.json files.
#
# Why pairs: on a small virtual machine the same run's time drifts by 10-25% from one hour to the next, more than
# most changes gain; a ratio taken within each pair cancels the drift that medians taken minutes apart cannot.
#
# Usage: bench/compare.sh [-n TRIALS] [-p PAIRS] [--report] OTHER [SCENARIO] [-- MORE payrisk run OPTIONS]
#   defaults: -n 100000 -p 12, runs with --no-report (--report renders it), scenarios/ot-private-practice.yaml
#   e.g.      git worktree add /tmp/before HEAD~1 && bench/compare.sh /tmp/before
#             bench/compare.sh -n 10000 -p 16 --report /tmp/before       (the 10,000-trial run, report included)
# OTHER is another checkout of payrisk (its ./payrisk builds itself on first use). JAVA_OPTS applies to both.
set -euo pipefail
export LC_ALL=C # numbers with a decimal point, for sort -g and awk
here="$(CDPATH= cd -- "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
trials=100000 pairs=12 other="" scenario="" report=no
while [ $# -gt 0 ]; do
  case "$1" in
    -n|-p) [ $# -ge 2 ] || { echo "compare.sh: $1 needs a number (try -h)" >&2; exit 2; }
       if [ "$1" = -n ]; then trials="$2"; else pairs="$2"; fi; shift 2 ;;
    --report) report=yes; shift ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    --) shift; break ;;
    -*) echo "compare.sh: unknown option $1 (try -h)" >&2; exit 2 ;;
    *) if [ -z "$other" ]; then other="$1"; elif [ -z "$scenario" ]; then scenario="$1";
       else echo "compare.sh: one OTHER and one SCENARIO at most, found '$1' too" >&2; exit 2; fi; shift ;;
  esac
done
extra=("$@")
[ "$report" = yes ] || extra+=(--no-report)
for v in "$trials" "$pairs"; do
  [[ "$v" =~ ^[0-9]+$ ]] || { echo "compare.sh: -n and -p take whole numbers, found '$v'" >&2; exit 2; }
done
[ "$pairs" -ge 1 ] || { echo "compare.sh: -p must be at least 1" >&2; exit 2; }
[ -n "$other" ] || { echo "compare.sh: name the other checkout to compare with (try -h)" >&2; exit 2; }
[ -x "$other/payrisk" ] || { echo "compare.sh: no payrisk launcher in $other" >&2; exit 2; }
other="$(CDPATH= cd -- "$other" && pwd)"
scenario="${scenario:-$here/scenarios/ot-private-practice.yaml}"
[ -f "$scenario" ] || { echo "compare.sh: no scenario file $scenario" >&2; exit 2; }

. "$here/bench/common.sh"
scenario="$(absolute "$scenario")"

work="$(mktemp -d "${TMPDIR:-/tmp}/payrisk-compare.XXXXXX")"
trap 'rm -rf "$work"' EXIT

figures() {  # $1 = wall seconds, $2 = run directory; prints wall, simulation, summary and report seconds
  echo "$1 $(field simulationSeconds "$2/run.json") $(field summarySeconds "$2/run.json") $(field reportSeconds "$2/run.json")"
}

# median, range and count below 1 of the ratios on stdin (one a line); "n/a" when every ratio was undefined
ratios() {
  sort -g | awk '{ a[NR] = $1; if ($1 < 1) below++ } END {
    if (NR == 0) { print "n/a"; exit }
    m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2
    printf("%.3f (%.3f-%.3f), A shorter in %d of %d", m, a[1], a[NR], below, NR) }'
}

echo "payrisk compare: $(basename "$scenario"), --trials $trials${extra[*]:+ ${extra[*]}}, $pairs pairs in turn after one warm-up each"
echo "A = $here ($(label "$here")); B = $other ($(label "$other")); $(nproc) cores; load at start:$(load)"
run_timed "$here" "$work/warmA" >/dev/null
run_timed "$other" "$work/warmB" >/dev/null
rm -rf "$work/warmA" "$work/warmB"

: > "$work/pairs"
same=0
printf '%4s %19s %19s %19s %19s\n' pair "wall A/B" "simulation A/B" "statistics A/B" "report A/B"
for ((i = 1; i <= pairs; i++)); do
  a="$work/a$i" b="$work/b$i"
  # a failed run stops the script (set -e sees a failed assignment)
  if ((i % 2)); then wa=$(run_timed "$here" "$a"); wb=$(run_timed "$other" "$b");
  else wb=$(run_timed "$other" "$b"); wa=$(run_timed "$here" "$a"); fi
  fa=$(figures "$wa" "$a")
  fb=$(figures "$wb" "$b")
  if cmp -s "$a/summary.json" "$b/summary.json"; then same=$((same + 1)); fi
  echo "$fa $fb" >> "$work/pairs"
  echo "$fa $fb" | awk -v i="$i" '{
    printf "%4d", i
    for (k = 1; k <= 4; k++) {
      if ($k > 0 && $(k + 4) > 0) printf " %6.3f/%6.3f=%5.3f", $k, $(k + 4), $k / $(k + 4); else printf " %19s", "-"
    }
    printf "\n" }'
  rm -rf "$a" "$b"
done
echo "A/B, median (range) of $pairs pairs; load at end:$(load)"
names=("wall seconds (whole process)" "simulation seconds (run.json)" "statistics (run.json summarySeconds)" "report seconds (run.json)")
for k in 1 2 3 4; do
  printf '  %-38s %s\n' "${names[$((k - 1))]}:" "$(awk -v k="$k" '$k > 0 && $(k + 4) > 0 { print $k / $(k + 4) }' "$work/pairs" | ratios)"
done
echo "  summary.json byte-identical in $same of $pairs pairs"
