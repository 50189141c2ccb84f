#!/usr/bin/env bash
# cfn-secrets against its yardsticks, whole process, on this machine, in one run (issue #15):
#   - a folder of templates (default ../shared/corpus/realworld beside the clone, else fixtures/):
#     `./cfn-secrets scan` with a SARIF report, the parse-only pass of the same folder
#     (benchmarks' ParseOnly: read and compose every file, no rule), and cfn-lint on the same files;
#   - one small template (the pre-commit case): `./cfn-secrets scan`, cfn-lint, and
#     `./cfn-secrets --version` beside a bare `java -version`;
#   - the growth table (benchmarks/scripts/growth.sh).
# Runs are interleaved (one of each command in turn, after one warm-up run each), so a change in
# the machine's load touches every command alike; the tables give medians of wall time, CPU time
# (user + system) and peak RSS, as GNU time reports them. cfn-lint runs once on the folder (it takes
# minutes) and is left out, saying so, when it is not installed.
# The issue's goals are then judged: scan ≤ 1.2× the parse-only pass (wall), peak RSS ≤ 300 MB, one
# file ≤ 0.30 s, --version ≤ 0.15 s, every growth dimension ≤ 20× at 16× the input.
# Output: a Markdown section on stdout (machine, date, commit, load, tables, verdicts); with
# --write it also replaces the section between the compare.sh markers in BENCHMARKS.md.
# Exits 0 when every goal is met, 1 when one is not, 2 when something could not be measured.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)

usage() {
  cat <<'EOF'
usage: bench/compare.sh [--runs N] [--small-runs N] [--no-cfn-lint] [--no-growth] [--write] [FOLDER]
  FOLDER        templates to scan (default: ../shared/corpus/realworld beside the clone, else fixtures/)
  --runs N      measured runs per command on the folder (default 5)
  --small-runs N  measured runs per one-file and --version command (default 20)
  --no-cfn-lint leave out cfn-lint (on the real-world corpus it takes minutes)
  --no-growth   leave out the growth table (it takes a few minutes)
  --write       also write the section into BENCHMARKS.md
Needs JDK 17+, Maven and GNU time (/usr/bin/time; Debian package "time"); cfn-lint if installed
(given LINT_TIMEOUT seconds per run, default 900).
EOF
}

runs=5
small_runs=20
growth=true
lint=true
write=false
while [[ $# -gt 0 ]]; do
  case $1 in
    --runs) runs=${2:?}; shift 2 ;;
    --small-runs) small_runs=${2:?}; shift 2 ;;
    --no-cfn-lint) lint=false; shift ;;
    --no-growth) growth=false; shift ;;
    --write) write=true; shift ;;
    -h | --help) usage; exit 0 ;;
    -*) usage >&2; exit 2 ;;
    *) break ;;
  esac
done
[[ $# -le 1 && $runs =~ ^[1-9][0-9]*$ && $small_runs =~ ^[1-9][0-9]*$ ]] || { usage >&2; exit 2; }
if [[ $# -eq 1 ]]; then
  folder=$(cd "$1" && pwd -P) || exit 2
elif [[ -d "$here/../shared/corpus/realworld" ]]; then
  folder=$(cd "$here/../shared/corpus/realworld" && pwd -P)
else
  folder="$here/fixtures"
fi
gnu_time=/usr/bin/time
[[ -x $gnu_time ]] && $gnu_time -f %M true 2>/dev/null \
  || { echo "compare.sh: needs GNU time at $gnu_time (Debian: apt-get install time)" >&2; exit 2; }
for tool in java mvn; do
  command -v "$tool" >/dev/null || { echo "compare.sh: needs $tool" >&2; exit 2; }
done
cfn_lint=
! $lint || cfn_lint=$(command -v cfn-lint || true)

say() { printf 'compare.sh: %s\n' "$*" >&2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

say "building the scanner and the benchmarks (mvn package, no tests)"
(cd "$here" && mvn -B -q -DskipTests -Dmaven.javadoc.skip -Dmaven.source.skip package -pl scanner,benchmarks -am) >&2
benchmarks_jar="$here/benchmarks/target/benchmarks.jar"
# The launcher makes its class-data archive on its first run after a build: not a measured run.
"$here/cfn-secrets" --version >/dev/null

template="$here/maven-plugin/src/it/clean-project/template.yaml"
# The files the scanner reads in the folder, listed by its own walker, for cfn-lint.
java -cp "$benchmarks_jar" dev.cfnsecrets.bench.ParseOnly --list "$folder" >"$tmp/files"
file_count=$(wc -l <"$tmp/files")

# Commands by name; each measured run appends "wall user system maxrss-KB" to $tmp/NAME.
declare -A command_of label_of
define() {
  command_of[$1]=$2
  label_of[$1]=$3
}
define scan "cd '$folder' && '$here/cfn-secrets' scan --no-repo-config --fail-on none -f sarif -o '$tmp/scan.sarif' ." \
  '`./cfn-secrets scan --no-repo-config --fail-on none -f sarif -o X .`'
define parse "java -cp '$benchmarks_jar' dev.cfnsecrets.bench.ParseOnly '$folder'" \
  '`java -cp benchmarks/target/benchmarks.jar dev.cfnsecrets.bench.ParseOnly .` (default JVM flags)'
define parse_c1 "java -XX:TieredStopAtLevel=1 -cp '$benchmarks_jar' dev.cfnsecrets.bench.ParseOnly '$folder'" \
  'the same with `-XX:TieredStopAtLevel=1` (C1 only)'
# cfn-lint may never finish on hostile input (fixtures/ has some): it gets lint_timeout seconds.
lint_timeout=${LINT_TIMEOUT:-900}
define lint "cd '$folder' && timeout $lint_timeout xargs -d '\n' -a '$tmp/files' '$cfn_lint' --format parseable --" \
  '`cfn-lint --format parseable -- FILE…` (the same files)'
define one "'$here/cfn-secrets' scan '$template'" '`./cfn-secrets scan template.yaml`'
define one_lint "timeout $lint_timeout '$cfn_lint' '$template'" '`cfn-lint template.yaml`'
define version "'$here/cfn-secrets' --version" '`./cfn-secrets --version`'
define java_version "java -version" '`java -version` (the floor)'

# One run of NAME; cfn-secrets must succeed (cfn-lint's status only says what it found).
run_once() {
  local name=$1 record=${2:-/dev/null} status=0
  $gnu_time -f '%e %U %S %M' -o "$tmp/last" bash -c "${command_of[$name]}" >/dev/null 2>"$tmp/stderr" || status=$?
  if [[ $status -eq 124 && $name == *lint ]]; then
    say "cfn-lint did not finish within $lint_timeout s"
    echo "$name" >>"$tmp/timed-out"
    return
  fi
  if [[ $status -ne 0 && $name != *lint ]]; then
    say "'${command_of[$name]}' exited with $status:"
    tail -n 5 "$tmp/stderr" >&2
    exit 2
  fi
  tail -n 1 "$tmp/last" >>"$record"
}

# Interleaved runs of the named commands: a warm-up run of each, then N rounds of one run each.
measure() {
  local count=$1 name round
  shift
  for name in "$@"; do run_once "$name"; done
  for ((round = 1; round <= count; round++)); do
    for name in "$@"; do run_once "$name" "$tmp/$name"; done
  done
}

median() { # column of $tmp/NAME: 1 wall, 2 user, 3 system, 4 peak RSS; "cpu" is 2 + 3
  local name=$1 column=$2
  awk -v c="$column" '{ print (c == "cpu") ? $2 + $3 : $c }' "$tmp/$name" | sort -g \
    | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

megabytes() { awk -v kb="$(median "$1" 4)" 'BEGIN { printf "%.0f", kb / 1024 }'; }

row() {
  local name=$1
  [[ -s "$tmp/$name" ]] || return 0
  printf '| %s | %.2f | %.2f | %.0f | %d |\n' "${label_of[$name]}" "$(median "$name" 1)" \
    "$(median "$name" cpu)" "$(megabytes "$name")" "$(wc -l <"$tmp/$name")"
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
say "the folder: $file_count files, $runs interleaved runs of the scan and the parse-only pass"
measure "$runs" scan parse parse_c1
say "one template and --version: $small_runs interleaved runs each"
small=(one version java_version)
[[ -z $cfn_lint ]] || small+=(one_lint)
measure "$small_runs" "${small[@]}"
if [[ -n $cfn_lint ]]; then
  say "cfn-lint on the folder's $file_count files, once"
  run_once lint "$tmp/lint"
fi
growth_status=0
if $growth; then
  say "the growth table (benchmarks/scripts/growth.sh)"
  bash "$here/benchmarks/scripts/growth.sh" >"$tmp/growth" || growth_status=$?
  [[ $growth_status -le 1 ]] || { say "growth.sh failed"; cat "$tmp/growth" >&2; exit 2; }
fi
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# Verdicts: name, measured, goal, met.
failed=0
verdict() {
  local met
  met=$(awk -v m="$2" -v g="$3" 'BEGIN { print (m <= g) ? "met" : "**not met**" }')
  [[ $met == met ]] || failed=$((failed + 1))
  printf '| %s | %s | ≤ %s | %s |\n' "$1" "$2" "$3" "$met"
}

commit=$(git -C "$here" rev-parse --short HEAD)
[[ -z $(git -C "$here" status --porcelain --untracked-files=no) ]] || commit="$commit with uncommitted changes"
{
  echo "<!-- compare.sh begin: written by bench/compare.sh --write; edits here are overwritten -->"
  echo "## The latest run of bench/compare.sh (issue #15)"
  echo
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'), commit $commit, on $(nproc) cores of" \
    "$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)," \
    "$(awk '/^MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)," \
    "$(java -version 2>&1 | head -n 1)${cfn_lint:+, $(cfn-lint --version 2>&1)}; load average" \
    "$load_before at the start, $load_after at the end. Folder: $(basename "$folder") ($file_count files)."
  echo
  echo "| command | wall [s] | CPU [s] | peak RSS [MB] | runs |"
  echo "|:---|---:|---:|---:|---:|"
  for name in scan parse parse_c1 lint one one_lint version java_version; do row "$name"; done
  if ! $lint; then
    echo "| cfn-lint | left out (--no-cfn-lint) | | | |"
  elif [[ -z $cfn_lint ]]; then
    echo "| cfn-lint | not installed | | | |"
  fi
  if [[ -s "$tmp/timed-out" ]]; then
    echo "| cfn-lint | did not finish within $lint_timeout s (LINT_TIMEOUT) | | | |"
  fi
  echo
  echo "| goal | measured | target | verdict |"
  echo "|:---|---:|---:|:---|"
  verdict "scan / parse-only, wall" "$(awk -v s="$(median scan 1)" -v p="$(median parse 1)" 'BEGIN { printf "%.2f", s / p }')" 1.2
  verdict "scan, peak RSS [MB]" "$(megabytes scan)" 300
  verdict "one template, wall [s]" "$(median one 1)" 0.30
  verdict "--version, wall [s]" "$(median version 1)" 0.15
  if $growth; then
    echo
    cat "$tmp/growth"
    [[ $growth_status -eq 0 ]] || failed=$((failed + 1))
  fi
  echo "<!-- compare.sh end -->"
} >"$tmp/section"
cat "$tmp/section"

if $write; then
  benchmarks_md="$here/BENCHMARKS.md"
  if grep -q '^<!-- compare.sh begin' "$benchmarks_md"; then
    awk -v section="$tmp/section" '
      /^<!-- compare.sh begin/ { while ((getline line < section) > 0) print line; skip = 1; next }
      /^<!-- compare.sh end -->/ { skip = 0; next }
      !skip' "$benchmarks_md" >"$tmp/BENCHMARKS.md"
    cat "$tmp/BENCHMARKS.md" >"$benchmarks_md"
  else
    { echo; cat "$tmp/section"; } >>"$benchmarks_md"
  fi
  say "wrote the section into BENCHMARKS.md"
fi
[[ $failed -eq 0 ]] || { say "$failed goal(s) not met"; exit 1; }
