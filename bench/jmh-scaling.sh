#!/usr/bin/env bash
# How the kernel scales from 1 to 2 threads (the speed issue's goal 1b, at least 1.9 times): runs the JMH benchmark
# TrialKernelBenchmark.trial (one whole trial of the shipped scenario per operation, each thread with its own kernel
# as the engine's workers have) on 1 and on 2 threads in turn, P pairs, who goes first alternating (1 2, 2 1, ...),
# and prints each pair's scores (trials/s) with JMH's error, their ratio, and the median ratio. Pairs, because this
# machine's speed drifts from minute to minute by more than the goal's margin; a pair whose JMH errors are large
# (a tenth of its score or more) was taken in disturbed minutes and says little either way: the script marks it.
#
# Usage: bench/jmh-scaling.sh [-p PAIRS] [--quick]
#   defaults: 4 pairs, each run 4 warm-up and 6 measured iterations of 2 s (about 3.5 minutes in all)
#   --quick:  1 warm-up and 1 measured iteration of 1 s, for checking that the script works (.ci/run), not for figures
# The JVM options are the launcher's for a long run (the parallel collector, transparent huge pages where Linux
# offers them on request). Build: the bench profile (mvn -Pbench), which mvn -B verify never compiles.
set -euo pipefail
export LC_ALL=C # numbers with a decimal point, for sort -g and awk
here="$(CDPATH= cd -- "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
pairs=4 iterations=(-wi 4 -w 2 -i 6 -r 2)
while [ $# -gt 0 ]; do
  case "$1" in
    -p) [ $# -ge 2 ] && [[ "$2" =~ ^[1-9][0-9]*$ ]] || { echo "jmh-scaling.sh: -p takes a whole number of at least 1" >&2; exit 2; }
        pairs="$2"; shift 2 ;;
    --quick) iterations=(-wi 1 -w 1 -i 1 -r 1); shift ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "jmh-scaling.sh: unknown argument $1 (try -h)" >&2; exit 2 ;;
  esac
done
cd "$here"
# the launcher's rule: transparent huge pages on request where Linux offers them so ("madvise")
thp=
read -r thp 2>/dev/null </sys/kernel/mm/transparent_hugepage/enabled || true
case "$thp" in *"[madvise]"*) thp="-jvmArgsAppend -XX:+UseTransparentHugePages" ;; *) thp= ;; esac
mvn -q -B -Pbench -DskipTests test-compile >&2
# one JMH run on T threads; prints "score error"
score() {
  local out
  out="$(mvn -q -B -Pbench -DskipTests exec:exec -Djmh.args="-f 1 -t $1 ${iterations[*]} \
    -jvmArgsAppend -XX:+UseParallelGC $thp TrialKernelBenchmark.trial" 2>&1)" || {
    echo "$out" >&2; echo "jmh-scaling.sh: the JMH run on $1 thread(s) failed" >&2; exit 1; }
  # the result line: Benchmark (scenario) Mode Cnt Score Error Units, e.g.
  #   "TrialKernelBenchmark.trial  scenarios/ot-private-practice.yaml  thrpt  6  20006.123 ± 1036.456  ops/s";
  # with one measured iteration JMH leaves Cnt and Error blank, and the error is then given as "nan"
  awk '$1 == "TrialKernelBenchmark.trial" && $NF == "ops/s" {
         for (i = 1; i <= NF; i++) if ($i == "thrpt") m = i
         n = NF - 1 - m # fields between the mode and the unit: Cnt Score ± Error, or Score alone
         if (n == 4) print $(m + 2), $(m + 4); else print $(m + n), "nan"
         found = 1 }
       END { exit !found }' <<<"$out" || { echo "$out" >&2; echo "jmh-scaling.sh: no score in JMH's output" >&2; exit 1; }
}
echo "commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown), $(date -u '+%Y-%m-%d %H:%M') UTC, $(nproc) cores"
printf '%-5s %-22s %-22s %s\n' pair "1 thread (ops/s)" "2 threads (ops/s)" "ratio"
ratios=()
for i in $(seq 1 "$pairs"); do
  if [ $((i % 2)) = 1 ]; then one="$(score 1)"; two="$(score 2)"; else two="$(score 2)"; one="$(score 1)"; fi
  read -r s1 e1 <<<"$one"
  read -r s2 e2 <<<"$two"
  r="$(awk -v a="$s2" -v b="$s1" 'BEGIN { printf "%.2f", a / b }')"
  note="$(awk -v s1="$s1" -v e1="$e1" -v s2="$s2" -v e2="$e2" \
    'BEGIN { if (e1 == "nan" || e2 == "nan") print "  (one iteration: no error to judge by)";
           else if (e1 >= 0.1 * s1 || e2 >= 0.1 * s2) print "  (disturbed: an error of a tenth or more)" }')"
  printf '%-5s %-22s %-22s %s%s\n' "$i" "$s1 +- $e1" "$s2 +- $e2" "$r" "$note"
  ratios+=("$r")
done
printf '%s\n' "${ratios[@]}" | sort -g | awk '{ r[NR] = $1 } END { n = NR;
  printf "median ratio %.2f (%.2f-%.2f) over %d pair%s\n", (n % 2 ? r[(n + 1) / 2] : (r[n / 2] + r[n / 2 + 1]) / 2), r[1], r[n], n,
    (n == 1 ? "" : "s") }'
