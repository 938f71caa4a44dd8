# Shared by bench/e2e.sh and bench/compare.sh (sourced, not run). They set $scenario, $trials and the array
# extra (more `payrisk run` options) before calling run_timed.

# A file's absolute path (the runs start in a checkout, not in the caller's folder).
absolute() { echo "$(CDPATH= cd -- "$(dirname "$1")" && pwd)/$(basename "$1")"; }

# The load averages over 1, 5 and 15 minutes (Linux's /proc/loadavg; uptime is not on every machine).
load() { local a b c rest; if read -r a b c rest 2>/dev/null </proc/loadavg; then echo " $a, $b, $c"; else echo " n/a"; fi; }

# One number of run.json, by field name (run.json is Jackson's pretty print: one field a line); 0 when absent
# (a build older than the script).
field() { awk -v k="\"$1\"" '$1 == k { v = $3; sub(/,$/, "", v); print v; found = 1 } END { if (!found) print 0 }' "$2"; }

# The commit of a checkout, with "+uncommitted" when tracked files differ from it.
label() {
  local c
  c="$(git -C "$1" rev-parse --short HEAD 2>/dev/null)" || { echo unknown; return; }
  [ -z "$(git -C "$1" status --porcelain --untracked-files=no 2>/dev/null | head -1)" ] || c="$c+uncommitted"
  echo "$c"
}

# Runs checkout $1's ./payrisk on the scenario into folder $2 and prints the whole-process wall seconds. A failed
# run returns 1 after saying so, so `x=$(run_timed ...)` stops a script under set -e.
run_timed() {
  local t0 t1
  t0=$(date +%s%N)
  if ! (CDPATH= cd -- "$1" && ./payrisk run "$scenario" --trials "$trials" --quiet --out "$2" "${extra[@]}" >/dev/null); then
    echo "${0##*/}: the run in $1 failed (its message is above)" >&2
    return 1
  fi
  t1=$(date +%s%N)
  awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f\n", (b - a) / 1e9 }'
}
