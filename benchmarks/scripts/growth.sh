#!/usr/bin/env bash
# Growth table of issue #15: scans every synthetic dimension of GrowthInputs at 1×, 4× and 16× in
# one warm JVM (GrowthRunner measures thread CPU time and allocated bytes, which a loaded machine
# does not distort as it does wall time), prints a Markdown table with the growth factors 16×/1×
# and judges each dimension against "16× the input costs at most 20× the CPU time and the memory",
# scanned whole (a CFS001 finding, a budget stop, fails the dimension: its cost was cut short).
# Exits 1 when a dimension fails, 2 on a usage or build problem.
# Usage: benchmarks/scripts/growth.sh [--jar PATH[:PATH…]] [NAME-SUBSTRING...]
#   (default jar benchmarks/target/benchmarks.jar, built by `mvn -B -pl scanner,benchmarks package -DskipTests`)
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd -P)
jar="$here/benchmarks/target/benchmarks.jar"
# --jar takes a class path too: an older scanner jar first, then benchmarks.jar, measures that
# scanner with these inputs (how BENCHMARKS.md's "before" column was made).
if [[ "${1:-}" == "--jar" ]]; then jar=$2; shift 2; fi
IFS=: read -ra parts <<< "$jar"
classpath=""
for part in "${parts[@]}"; do
  [[ -f "$part" ]] || { echo "$0: no jar at $part (build it: mvn -B -q -pl scanner,benchmarks package -DskipTests)" >&2; exit 2; }
  classpath="$classpath${classpath:+:}$(readlink -f "$part")"
done
limit=20

cd "$here"
# The serial collector, as the launcher, the distribution and the Action run the scanner: G1's write
# barriers add mutator time that grows with the heap a large input fills (BENCHMARKS.md).
java -Xmx2g -XX:+UseSerialGC -cp "$classpath" dev.cfnsecrets.bench.GrowthRunner "$@" | awk -F'\t' -v limit="$limit" '
  NR == 1 { next }
  {
    cpu = ($6 > 0) ? $8 / $6 : 0
    alloc = ($9 > 0) ? $11 / $9 : 0
    verdict = (cpu <= limit && alloc <= limit) ? "ok" : "**over " limit "×**"
    if (verdict != "ok") failed++
    # A CFS001 means the scan stopped on a budget before the end of the input: its cost is capped,
    # not measured, and the input was not scanned whole. That fails the dimension too.
    if ($13 > 0 || $15 > 0) {
      if (verdict == "ok") failed++
      verdict = "**stopped by a budget (CFS001)**"
    }
    rows[NR] = sprintf("| %s | %d → %d | %.0f → %.0f KB | %s / %s / %s | %.1f / %.1f / %.1f | %.1f× | %.1f× | %d → %d | %s |",
      $1, $2, $3, $4 / 1024, $5 / 1024, $6, $7, $8, $9 / 1048576, $10 / 1048576, $11 / 1048576, cpu, alloc, $12, $14, verdict)
  }
  END {
    print "| dimension | units 1× → 16× | input 1× → 16× | CPU ms 1× / 4× / 16× | allocated MB 1× / 4× / 16× | CPU 16×/1× | alloc 16×/1× | findings 1× → 16× | verdict |"
    print "|:---|---:|---:|---:|---:|---:|---:|---:|:---|"
    for (i = 2; i <= NR; i++) if (i in rows) print rows[i]
    if (failed) { printf "\n%d dimension(s) grow faster than %d× at 16× the input or stop on a budget\n", failed, limit; exit 1 }
  }'
