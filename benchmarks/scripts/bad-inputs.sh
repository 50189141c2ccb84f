#!/usr/bin/env bash
# Whole-process time of `cfn-secrets scan` on each bad-input fixture, and on a generated 50 MB
# file, with hyperfine (median of 10 runs). Needs the jar (./cfn-secrets builds it) and hyperfine.
set -euo pipefail
cd "$(dirname "$0")/../.."
./cfn-secrets --version >/dev/null
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 - "$tmp/huge.yaml" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("AWSTemplateFormatVersion: '2010-09-09'\nMetadata:\n")
    line = "  k{:07d}: '" + "x" * 90 + "'\n"
    for i in range(530_000):
        f.write(line.format(i))
PY
files=(fixtures/cfs0xx/cfs001-template-unreadable/*.yaml fixtures/cfs0xx/cfs001-template-unreadable/*.json fixtures/cfs0xx/cfs001-template-unreadable/*.template "$tmp/huge.yaml")
args=()
for f in "${files[@]}"; do
  case "$f" in *.expect.yaml) continue ;; esac
  args+=(-n "$(basename "$f")" "java -jar scanner/target/cfn-secrets.jar scan --fail-on none $f")
done
hyperfine -N --warmup 2 --runs 10 --export-markdown "$tmp/table.md" "${args[@]}" >/dev/null
cat "$tmp/table.md"
