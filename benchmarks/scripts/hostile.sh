#!/usr/bin/env bash
# Whole-process wall time and peak memory of `cfn-secrets scan` on the tiny hostile inputs of
# issue #10 that used to hang or blow up (plus a normal template for comparison), one run each.
# Every input is generated in a temporary directory; each scan runs there (so the case's own
# .cfn-secrets.yml is the one read) under GNU time (`%e %M`: wall seconds, peak RSS in KB) and
# `timeout --foreground`, which signals the JVM at the cap (TERM, then KILL 5 s later) and still
# reaps it, so GNU time counts its memory: a killed run is reported as `> CAP (killed)` with the
# memory it had reached. Each scan runs in a session of its own, killed whole if the script stops.
# The JVM runs as plain `java -jar JAR` (no class-data archive, C2 on): the launcher's options only
# shorten start-up, and these runs are about the work after it. Prints a Markdown table.
# Usage: benchmarks/scripts/hostile.sh [--jar PATH] [--cap SECONDS]   (default scanner/target/cfn-secrets.jar, 120)
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd -P)
jar="$here/scanner/target/cfn-secrets.jar"
cap=120
while [[ $# -gt 0 ]]; do
  case "$1" in
    --jar) jar=$(readlink -f "$2"); shift 2 ;;
    --cap) cap=$2; shift 2 ;;
    *) echo "usage: $0 [--jar PATH] [--cap SECONDS]" >&2; exit 2 ;;
  esac
done
[[ -f "$jar" ]] || { echo "$0: no jar at $jar (build it: mvn -B -q -pl scanner package -DskipTests)" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "$0: needs GNU time at /usr/bin/time" >&2; exit 2; }

tmp=$(mktemp -d)
running=""
cleanup() {
  # Each scan runs in a session of its own (setsid): killing the session ends time, timeout and the JVM.
  [[ -n "$running" ]] && pkill -KILL -s "$running" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- the inputs --------------------------------------------------------------------------------

# A Lambda function whose one environment variable is WHAT (a YAML scalar or tag).
function_using() {
  printf 'Resources:\n  F:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.12\n'
  printf '      Code: {ZipFile: x}\n      Environment:\n'
  printf '        Variables:\n          V: %s\n' "$1"
}

# (1) A Parameter whose Default substitutes itself twice.
self_sub() {
  printf 'Parameters:\n  P:\n    Type: String\n    Default: !Sub "${P}${P}"\n'
  function_using '!Ref P'
}

# (2) A Mapping value that looks itself up twice.
self_mapping() {
  printf 'Mappings:\n  M:\n    K:\n      V: !Join ["", [!FindInMap [M, K, V], !FindInMap [M, K, V]]]\n'
  function_using '!FindInMap [M, K, V]'
}

# (3) 36 Parameters, each Default using the one before it twice (2^36 expansions without sharing).
parameter_chain() {
  local i
  printf 'Parameters:\n  P0:\n    Type: String\n    Default: x\n'
  for ((i = 1; i <= 36; i++)); do
    printf '  P%d:\n    Type: String\n    Default: !Sub "${P%d}${P%d}"\n' "$i" $((i - 1)) $((i - 1))
  done
  function_using '!Ref P36'
}

# (4) A secret-named literal (a CFS102 finding, so its line is shown and LineSecrets.ENTRY runs on
# it) followed by 4,000 spaces and a comment: `(.+?)\s*,?\s*$` backtracks cubically over the spaces.
long_line() {
  function_using 'x' | sed '$d'
  printf '          DB_PASSWORD: Zq8vK2pLm9Xt4wRb%*s# end\n' 4000 ''
}

# (7) A password that the CFS1 rules judge against the allow list (`^Zq8va+!$` there suppresses its
# CFS102), with an allow pattern that backtracks exponentially on it. JDK 17 copes with `(a+)+$`
# (its greedy-loop memo), not with one more level of nesting.
allow_redos() {
  function_using 'x' | sed '$d'
  printf '          DB_PASSWORD: Zq8v%s!\n' "$(printf 'a%.0s' {1..30})"
}

baseline() {
  function_using 'x' | sed '$d'
  printf '          DB_PASSWORD: Zq8vK2pLm9Xt4wRb\n'
}

# --- running one case --------------------------------------------------------------------------

# run NAME DIR TARGET SIZE: scans TARGET in DIR, prints one table row.
run() {
  local name=$1 dir=$2 target=$3 size=$4 status wall kb report
  local out="$tmp/out" err="$tmp/err" times="$tmp/times"
  set +e
  (cd "$dir" && exec setsid /usr/bin/time -f '%e %M' -o "$times" \
    timeout --foreground -k 5 "$cap" java -jar "$jar" scan --fail-on none "$target" >"$out" 2>"$err" </dev/null) &
  running=$!
  wait "$running"
  status=$?
  set -e
  running=""
  read -r wall kb < <(tail -n 1 "$times")
  if [[ $status -eq 124 || $status -eq 137 ]]; then
    wall="> $cap (killed)"
    report="—"
  else
    # The summary line, and the rule ids reported; else the first line of the error output.
    report=$(grep -h '^cfn-secrets: ' "$out" "$err" | tail -n 1 | sed 's/^cfn-secrets: //' || true)
    local rules
    rules=$(grep -oE '^[^ ].*:[0-9]+:[0-9]+: [a-z]+ CFS[0-9]+' "$out" | awk '{print $NF}' | sort | uniq -c |
      awk '{printf "%s%s×%s", sep, $2, $1; sep=", "}' || true)
    [[ -n "$rules" ]] && report="$report ($rules)"
    if [[ -z "$report" ]]; then
      report=$(grep -m 1 . "$err" | cut -c 1-120 || true)
    fi
  fi
  printf '| %s | %s | %s | %s | %s | %s |\n' "$name" "$size" "$status" "$wall" $((kb / 1024)) "$report"
}

# case NAME GENERATOR: writes the generator's template to its own directory and scans it.
case_of() {
  local name=$1 dir="$tmp/$2"
  mkdir -p "$dir"
  "$2" >"$dir/template.yaml"
  run "$name" "$dir" template.yaml "$(stat -c %s "$dir/template.yaml")"
}

echo "jar: $jar; cap: $cap s; $(nproc) cores; load average at start: $(cut -d ' ' -f 1-3 /proc/loadavg)"
echo
echo "| case | input [bytes] | exit | wall [s] | peak RSS [MB] | report |"
echo "|:---|---:|---:|---:|---:|:---|"
case_of 'baseline: one function, one secret-named literal' baseline
case_of 'Parameter Default `!Sub "${P}${P}"`' self_sub
case_of 'self-referencing Mapping (`!FindInMap` twice)' self_mapping
case_of 'chain of 36 Parameters, each using the previous twice' parameter_chain
case_of 'secret line + 4,000 spaces + comment (LineSecrets.ENTRY)' long_line
mkdir -p "$tmp/allow_redos"
printf 'allow:\n  patterns: ["((a+)+)+$"]\n' >"$tmp/allow_redos/.cfn-secrets.yml"
case_of 'allow pattern `((a+)+)+$`, password `Zq8v` + 30 `a` + `!`' allow_redos
mkfifo "$tmp/fifo.yaml"
run 'FIFO named on the command line (no writer)' "$tmp" fifo.yaml 0
run '`/dev/zero` named on the command line' "$tmp" /dev/zero '∞'
echo
echo "load average at end: $(cut -d ' ' -f 1-3 /proc/loadavg)"
