#!/usr/bin/env bash
# The run logic of the cfn-secrets GitHub Action (action.yml), one subcommand per step, so that it
# can be run and tested outside GitHub (.ci/run does, as the runner would):
#   find-java  writes to $GITHUB_OUTPUT the home of a JDK 17 or later that is already there (home;
#              empty when there is none, and action.yml then installs one) and the caller's
#              JAVA_HOME (caller-java-home); changes nothing in the job's environment
#   restore-java-home
#              after actions/setup-java: puts the caller's JAVA_HOME ($CALLER_JAVA_HOME) back for
#              the job's later steps ($GITHUB_ENV)
#   locate     writes the jar's path and a cache key (a hash of the scanner's sources) to $GITHUB_OUTPUT
#   build      builds the jar with Maven and the JDK $CFN_SECRETS_JAVA_HOME, unless the cache step
#              restored it
#   scan       scans $INPUT_PATHS from $GITHUB_WORKSPACE with the JDK $CFN_SECRETS_JAVA_HOME, once,
#              writing three reports: SARIF with every finding to $INPUT_SARIF_FILE, GitHub
#              annotations (printed on stdout) and a Markdown table ($GITHUB_STEP_SUMMARY); outputs
#              sarif-file (its absolute path), findings and errors (unsuppressed findings, and those
#              at level error); exit status 1 when a finding is at or above $INPUT_FAIL_ON (2: bad
#              input or configuration); the configuration comes from $INPUT_CONFIG_SOURCE
set -euo pipefail

action_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
root=$(dirname "$action_dir")
# C1 only and the serial collector, the launcher's choice too (faster and a third of the memory at
# every size of work measured; BENCHMARKS.md). JVM warnings go to stderr, never into a report.
java_opts=(-Xlog:disable -Xlog:all=warning:stderr -XX:TieredStopAtLevel=1 -XX:+UseSerialGC)

# A workflow command's data escaped as the runner unescapes it ('%', CR, LF), so that it stays one command.
command_data() {
  local text=$1
  text=${text//'%'/%25}
  text=${text//$'\r'/%0D}
  printf '%s' "${text//$'\n'/%0A}"
}

fail() {
  echo "::error title=cfn-secrets::$(command_data "$*")"
  exit 2
}

# The feature version (8, 17, 21) of the JDK at $1, or nothing when $1 holds no java. Read from
# the JDK's release file without starting a JVM; a JDK without one is asked.
java_version() {
  local home=$1 version
  [[ -x "$home/bin/java" ]] || return 0
  if [[ -f "$home/release" ]]; then
    version=$(sed -n 's/^JAVA_VERSION="\(.*\)"$/\1/p' "$home/release")
  else
    version=$("$home/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
  fi
  version=${version#1.}
  printf '%s' "${version%%[!0-9]*}"
}

# Writes NAME=VALUE to an environment file ($GITHUB_OUTPUT, $GITHUB_ENV) in the form that holds any
# value, line breaks included.
env_file_entry() {
  local name=$1 value=$2 file=$3 delimiter
  delimiter="cfn-secrets-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
  printf '%s<<%s\n%s\n%s\n' "$name" "$delimiter" "$value" "$delimiter" >>"$file"
}

# A JDK 17 or later without touching the job's environment, in this order: the caller's JAVA_HOME,
# the java on PATH, then the JDKs GitHub's hosted runners install (JAVA_HOME_17_X64,
# JAVA_HOME_21_ARM64, …; the lowest version that will do).
find_java() {
  local home= candidate from version java i
  local -a candidates=() sources=()
  if [[ -n "${JAVA_HOME:-}" ]]; then
    candidates+=("$JAVA_HOME")
    sources+=(JAVA_HOME)
  fi
  if java=$(command -v java); then
    candidates+=("$(dirname "$(dirname "$(realpath "$java")")")")
    sources+=("java on PATH")
  fi
  while read -r from; do
    candidates+=("${!from}")
    sources+=("$from")
  done < <(compgen -A variable | grep -E '^JAVA_HOME_[0-9]+_(X64|ARM64)$' | sort -t_ -k3,3n)
  for i in "${!candidates[@]}"; do
    candidate=${candidates[$i]}
    version=$(java_version "$candidate")
    if [[ -n "$version" && "$version" -ge 17 ]]; then
      home=$candidate
      echo "cfn-secrets: Java $version from ${sources[$i]}: $home"
      break
    fi
  done
  [[ -n "$home" ]] || echo "cfn-secrets: no JDK 17 or later in JAVA_HOME, on PATH or in JAVA_HOME_*_X64/ARM64: installing one"
  env_file_entry home "$home" "${GITHUB_OUTPUT:?}"
  env_file_entry caller-java-home "${JAVA_HOME:-}" "$GITHUB_OUTPUT"
}

restore_java_home() {
  env_file_entry JAVA_HOME "${CALLER_JAVA_HOME:-}" "${GITHUB_ENV:?}"
  echo "cfn-secrets: JAVA_HOME for the next steps is the caller's again: '${CALLER_JAVA_HOME:-}'"
}

# Sets java_home to the JDK the build and the scan run with: the one find-java found, else the
# one actions/setup-java installed (action.yml passes whichever is set).
require_jdk() {
  java_home=${CFN_SECRETS_JAVA_HOME:-}
  [[ -n "$java_home" && -x "$java_home/bin/java" ]] || fail "no JDK 17 or later: '$java_home' has no bin/java"
}

locate() {
  local hash
  # Everything the jar is built from; the paths are part of the hash, so a rename changes the key.
  hash=$(cd "$root" && find pom.xml scanner/pom.xml scanner/src/main rules -type f -print0 \
    | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -c1-32)
  {
    echo "jar=$root/scanner/target/cfn-secrets.jar"
    echo "cache-key=cfn-secrets-jar-$hash"
  } >>"${GITHUB_OUTPUT:?}"
}

build() {
  local jar=${CFN_SECRETS_JAR:?}
  if [[ -f "$jar" ]]; then
    echo "cfn-secrets: the scanner jar was restored from the cache: $jar"
    return
  fi
  command -v mvn >/dev/null 2>&1 || fail "Maven is needed to build the scanner when the cache has no jar"
  require_jdk
  echo "::group::Build the cfn-secrets scanner"
  # Maven 3.8 prints stray colour resets even in batch mode; strip them. Only the command-line jar
  # is needed: no sources or javadoc jars (they are for publishing).
  (cd "$root" && JAVA_HOME=$java_home mvn -B -q -DskipTests -Dmaven.source.skip -Dmaven.javadoc.skip package -pl scanner -am 2>&1) | sed -e 's/\x1b\[[0-9;]*m//g' -e '/^$/d'
  echo "::endgroup::"
  [[ -f "$jar" ]] || fail "the build made no $jar"
}

# The base commit's tree, extracted into a new directory $tree: the configuration
# and the files it names as the pull request's target branch has them, which the pull request
# cannot change. The directory is made a git work tree so that the scanner takes it as the
# repository that the configuration's files must lie in.
base_tree() {
  [[ -n "${GITHUB_BASE_REF:-}" ]] || fail "config-source: 'base' needs a pull request (GITHUB_BASE_REF is empty); use 'workspace' or 'none'"
  tree=$(mktemp -d)
  git fetch --quiet --no-tags --depth=1 origin "$GITHUB_BASE_REF" >&2 \
    || fail "config-source: base: cannot fetch the base branch from origin"
  git archive FETCH_HEAD | tar -x -C "$tree"
  git init --quiet "$tree"
}

scan() {
  local jar=${CFN_SECRETS_JAR:?} fail_on=${INPUT_FAIL_ON:-error} sarif status report source tree= java_home
  local -a paths=() args=() options=()
  cd "${GITHUB_WORKSPACE:?}"

  # Where the configuration comes from: on a pull request, the base commit, so that the pull
  # request's own .cfn-secrets.yml, baseline or custom rules cannot weaken the scan of it.
  source=${INPUT_CONFIG_SOURCE:-auto}
  if [[ "$source" == auto ]]; then
    case "${GITHUB_EVENT_NAME:-}" in
      pull_request | pull_request_target) source=base ;;
      *) source=workspace ;;
    esac
  fi

  case "${fail_on,,}" in
    error | warning | note | none) ;;
    *) fail "fail-on: '$fail_on' is not a level (expected error, warning, note or none)" ;;
  esac
  # No quoting, globbing or expansion of any kind: paths are one per line when the input has
  # several lines (a YAML block, so a path may hold spaces), else words; args are words.
  if [[ "${INPUT_PATHS:-}" == *$'\n'* ]]; then
    local line
    while IFS= read -r line; do
      line=${line#"${line%%[![:space:]]*}"}
      line=${line%"${line##*[![:space:]]}"}
      [[ -z "$line" ]] || paths+=("$line")
    done <<<"$INPUT_PATHS"
  else
    read -r -a paths <<<"${INPUT_PATHS:-}" || true
  fi
  read -r -d '' -a args <<<"${INPUT_ARGS:-}" || true
  [[ ${#paths[@]} -gt 0 ]] || paths=(.)
  case "$source" in
    workspace)
      options=("${args[@]}")
      [[ -z "${INPUT_CONFIG:-}" ]] || options+=(--config "$INPUT_CONFIG")
      ;;
    base)
      base_tree
      options=(--no-repo-config)
      # Files the arguments name (--baseline, --config) are the base commit's too.
      local previous=
      for arg in "${args[@]}"; do
        if [[ "$previous" =~ ^(--baseline|--config|-c)$ && "$arg" != /* ]]; then
          arg="$tree/$arg"
        elif [[ "$arg" =~ ^(--baseline|--config)=([^/].*)$ ]]; then
          arg="${BASH_REMATCH[1]}=$tree/${BASH_REMATCH[2]}"
        fi
        options+=("$arg")
        previous=$arg
      done
      if [[ -n "${INPUT_CONFIG:-}" ]]; then
        [[ -f "$tree/$INPUT_CONFIG" ]] || fail "config: '$INPUT_CONFIG' is not in the base commit (config-source: base)"
        options+=(--config "$tree/$INPUT_CONFIG")
      elif [[ -f "$tree/.cfn-secrets.yml" ]]; then
        options+=(--config "$tree/.cfn-secrets.yml")
      fi
      ;;
    none)
      [[ -z "${INPUT_CONFIG:-}" ]] || fail "config-source: 'none' and a config input contradict each other"
      options=(--no-repo-config "${args[@]}")
      ;;
    *) fail "config-source: '$source' is not one of auto, base, workspace or none" ;;
  esac
  sarif=$(realpath -m -- "${INPUT_SARIF_FILE:-cfn-secrets.sarif}")
  mkdir -p -- "$(dirname -- "$sarif")"
  require_jdk

  # One scan, three reports: the SARIF report holds every finding (code scanning decides what to
  # show), the annotations and the Markdown table the unsuppressed ones.
  report=$(mktemp -d)
  set +e
  "$java_home/bin/java" "${java_opts[@]}" -jar "$jar" scan --fail-on "$fail_on" \
    --output "sarif=$sarif" --output "github=$report/annotations" --output "markdown=$report/summary.md" \
    "${options[@]}" -- "${paths[@]}"
  status=$?
  set -e
  if [[ $status -gt 1 ]]; then
    rm -rf "$report"
    fail "the scan stopped with exit status $status (see the message above)"
  fi

  # The counts come from the summary line that ends the annotations: the scan's own.
  local summary errors warnings notes findings hidden
  summary=$(tail -n 1 "$report/annotations")
  [[ "$summary" =~ ^cfn-secrets:\ .*\ skipped:\ ([0-9]+)\ errors?,\ ([0-9]+)\ warnings?,\ ([0-9]+)\ notes?,\ [0-9]+\ suppressed$ ]] \
    || fail "the scan's report does not end with its summary line: $summary"
  errors=${BASH_REMATCH[1]} warnings=${BASH_REMATCH[2]} notes=${BASH_REMATCH[3]}
  findings=$((errors + warnings + notes))
  {
    echo "sarif-file=$sarif"
    echo "findings=$findings"
    echo "errors=$errors"
  } >>"${GITHUB_OUTPUT:?}"

  # GitHub shows at most 10 error, 10 warning and 10 notice annotations of one step, and 50 of a
  # job (all its steps together, which this step cannot count); the rest are dropped without a
  # word (docs/facts.md#github-actions-annotations-and-job-summaries). This step's own annotations come first, so that they are never the ones dropped: the
  # fail-on error, and the notice that says how many findings were not annotated (which then
  # takes one of the ten notices). The configuration's warnings follow the findings' warnings.
  local own_errors=$((status == 1 ? 1 : 0))
  hidden=$(($(over "$errors" $((10 - own_errors))) + $(over "$warnings" 10) + $(over "$notes" 10)))
  [[ $hidden -eq 0 ]] || hidden=$(($(over "$errors" $((10 - own_errors))) + $(over "$warnings" 10) + $(over "$notes" 9)))
  local not_annotated="$hidden of the $findings findings are not shown as annotations (GitHub shows at most 10 error, 10 warning and 10 notice annotations per step): the job summary's table and the SARIF report $sarif list every finding."
  if [[ $status -eq 1 ]]; then
    echo "::error title=cfn-secrets::$(command_data "findings at or above fail-on=$fail_on (annotated below; all findings in $sarif)")"
  fi
  [[ $hidden -eq 0 ]] || echo "::notice title=cfn-secrets::$(command_data "$not_annotated")"
  # The annotations, which the runner reads as workflow commands on stdout.
  cat "$report/annotations"

  {
    cat "$report/summary.md"
    echo
    echo "Configuration: \`$source\`; $(grep -c '^::warning title=cfn-secrets configuration::' "$report/annotations" || true) of its settings hide findings (see the warnings)."
    echo
    echo "SARIF report: \`$sarif\`. fail-on: \`$fail_on\`: $([[ $status -eq 0 ]] && echo passed || echo failed)."
    if [[ $hidden -ne 0 ]]; then
      echo
      echo "$not_annotated"
    fi
  } >>"${GITHUB_STEP_SUMMARY:-/dev/null}"
  rm -rf "$report"
  [[ -z "$tree" ]] || rm -rf "$tree"
  exit "$status"
}

# How far $1 is over $2, or 0.
over() {
  echo $(($1 > $2 ? $1 - $2 : 0))
}

case "${1:-}" in
  find-java) find_java ;;
  restore-java-home) restore_java_home ;;
  locate | build | scan) "$1" ;;
  *)
    echo "usage: entrypoint.sh find-java|restore-java-home|locate|build|scan" >&2
    exit 2
    ;;
esac
