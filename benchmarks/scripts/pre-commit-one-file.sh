#!/usr/bin/env bash
# Whole-process time of a one-file commit through the pre-commit hook, per revision of this
# repository: the hook's entry alone (`cfn-secrets scan FILE`, as pre-commit calls it),
# `pre-commit run cfn-secrets --files FILE`, and `git commit` of one changed template in a
# repository that uses the hook. hyperfine, 3 warm-up runs, median of RUNS (default 20) runs;
# the first run of each revision (Maven build, class-data archive) is not measured.
# A revision without .pre-commit-hooks.yaml gets this checkout's, so that older launchers can be
# measured behind the same hook. Needs hyperfine, pre-commit, JDK 17 and Maven.
# Usage: benchmarks/scripts/pre-commit-one-file.sh REV...   e.g. benchmarks/scripts/pre-commit-one-file.sh eaa728b HEAD
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd -P)
runs=${RUNS:-20}
[[ $# -gt 0 ]] || { echo "usage: $0 REV..." >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
template="$here/maven-plugin/src/it/clean-project/template.yaml"

median() {
  jq -r '.results[0].median * 1000 | round' "$1"
}

echo "| revision | hook entry [ms] | pre-commit run [ms] | git commit [ms] |"
echo "|:---|---:|---:|---:|"
for rev in "$@"; do
  name=$(git -C "$here" rev-parse --short "$rev")
  hook="$tmp/hook-$name"
  git clone -q "$here" "$hook"
  git -C "$hook" checkout -q "$name"
  if [[ ! -f "$hook/.pre-commit-hooks.yaml" ]]; then
    cp "$here/.pre-commit-hooks.yaml" "$hook/"
    git -C "$hook" add .pre-commit-hooks.yaml
    git -C "$hook" -c user.email=bench@example.com -c user.name=bench commit -q -m "hook for the benchmark"
  fi
  export PRE_COMMIT_HOME="$tmp/cache-$name"
  project="$tmp/project-$name"
  mkdir -p "$project"
  (
    cd "$project"
    git init -q
    git config user.email bench@example.com
    git config user.name bench
    printf 'repos:\n  - repo: %s\n    rev: %s\n    hooks:\n      - id: cfn-secrets\n' \
      "$hook" "$(git -C "$hook" rev-parse HEAD)" >.pre-commit-config.yaml
    cp "$template" template.yaml
    pre-commit install >/dev/null
    git add . && git commit -q -m "first run: builds the scanner" >/dev/null 2>&1
    entry=$(ls -d "$PRE_COMMIT_HOME"/repo*)/cfn-secrets
    hyperfine -N --warmup 3 --runs "$runs" --export-json "$tmp/entry.json" "$entry scan template.yaml" >/dev/null
    hyperfine -N --warmup 3 --runs "$runs" --export-json "$tmp/run.json" \
      "pre-commit run cfn-secrets --files template.yaml" >/dev/null
    hyperfine --warmup 3 --runs "$runs" --export-json "$tmp/commit.json" \
      --prepare 'echo "# $(date +%s%N)" >>template.yaml && git add template.yaml' 'git commit -q -m bench' >/dev/null
  )
  echo "| $name | $(median "$tmp/entry.json") | $(median "$tmp/run.json") | $(median "$tmp/commit.json") |"
done
