#!/usr/bin/env bash
# End-to-end benchmark: runs `./payrisk run SCENARIO --trials N` R times, each into a fresh temporary
# directory, and prints the median (and range) of the whole-process wall time and of run.json's own
# figures, with the simulation's statistics after the last trial (summarySeconds) apart from its
# trials. The first run is a warm-up that is not counted (it builds the jar and the class-data archive
# when they are missing or stale, and fills the OS file cache).
#
# Usage: bench/e2e.sh [-n TRIALS] [-r RUNS] [-w WARMUPS] [SCENARIO] [-- MORE payrisk run OPTIONS]
#   defaults: -n 10000 -r 5 -w 1 scenarios/ot-private-practice.yaml
#   e.g.      bench/e2e.sh -n 100000 -r 3 -- --threads 1 --no-report
# Environment: JAVA_OPTS is passed to the JVM by ./payrisk, as for any run.
set -euo pipefail
export LC_ALL=C # numbers with a decimal point, for sort -g and awk
here="$(CDPATH= cd -- "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
trials=10000 runs=5 warmups=1 scenario="$here/scenarios/ot-private-practice.yaml"
while [ $# -gt 0 ]; do
  case "$1" in
    -n|-r|-w) [ $# -ge 2 ] || { echo "e2e.sh: $1 needs a number (try -h)" >&2; exit 2; }
       case "$1" in -n) trials="$2" ;; -r) runs="$2" ;; -w) warmups="$2" ;; esac; shift 2 ;;
    -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    --) shift; break ;;
    -*) echo "e2e.sh: unknown option $1 (try -h)" >&2; exit 2 ;;
    *) scenario="$1"; shift ;;
  esac
done
extra=("$@")
for v in "$trials" "$runs" "$warmups"; do
  [[ "$v" =~ ^[0-9]+$ ]] || { echo "e2e.sh: -n, -r and -w take whole numbers, found '$v'" >&2; exit 2; }
done
[ "$runs" -ge 1 ] || { echo "e2e.sh: -r must be at least 1" >&2; exit 2; }
[ -f "$scenario" ] || { echo "e2e.sh: no scenario file $scenario" >&2; exit 2; }

. "$here/bench/common.sh"
scenario="$(absolute "$scenario")"

work="$(mktemp -d "${TMPDIR:-/tmp}/payrisk-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# median and range of the numbers on stdin, formatted with printf format $1
stats() {
  sort -g | awk -v f="$1" '{ a[NR] = $1 } END {
    m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2
    printf(f " (" f "-" f ")", m, a[1], a[NR]) }'
}

commit="$(label "$here")"
echo "payrisk e2e: $(basename "$scenario"), --trials $trials ${extra[*]:-}, $runs runs after $warmups warm-up"
echo "commit $commit; $(java -version 2>&1 | head -1); $(nproc) cores; load at start:$(load)"
for ((i = 1; i <= warmups; i++)); do run_timed "$here" "$work/warm$i" >/dev/null; done

: > "$work/rows"
printf '%4s %9s %9s %9s %9s %11s %14s\n' run wall_s sim_s summary_s report_s trials/s visits/s
for ((i = 1; i <= runs; i++)); do
  dir="$work/run$i"
  wall=$(run_timed "$here" "$dir")
  sim=$(field simulationSeconds "$dir/run.json")
  rep=$(field reportSeconds "$dir/run.json")
  tps=$(field trialsPerSecond "$dir/run.json")
  vps=$(field attendedVisitsPerSecond "$dir/run.json")
  sum=$(field summarySeconds "$dir/run.json")
  echo "$wall $sim $rep $tps $vps $sum" >> "$work/rows"
  printf '%4d %9.3f %9.3f %9.3f %9.3f %11.0f %14.4g\n' "$i" "$wall" "$sim" "$sum" "$rep" "$tps" "$vps"
  rm -rf "$dir"
done
echo "median (range) of $runs runs; load at end:$(load)"
echo "  wall seconds (whole process):  $(cut -d' ' -f1 "$work/rows" | stats %.2f)"
echo "  simulation seconds (run.json): $(cut -d' ' -f2 "$work/rows" | stats %.2f)"
echo "  report seconds (run.json):     $(cut -d' ' -f3 "$work/rows" | stats %.2f)"
echo "  trials/s (run.json):           $(cut -d' ' -f4 "$work/rows" | stats %.0f)"
echo "  attended visits/s (run.json):  $(awk '{ print $5 / 1e6 }' "$work/rows" | stats %.1f) million"
if [ "$sum" != 0 ]; then
  echo "  of the simulation seconds, the statistics after the last trial (run.json summarySeconds):"
  echo "                                 $(cut -d' ' -f6 "$work/rows" | stats %.2f)"
  echo "  attended visits/s without those statistics (simulation minus summarySeconds):"
  echo "                                 $(awk '{ print $5 * $2 / ($2 - $6) / 1e6 }' "$work/rows" | stats %.1f) million"
else
  echo "  summarySeconds: n/a (run.json does not have it: a build older than this script)"
fi
