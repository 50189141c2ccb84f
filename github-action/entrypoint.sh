#!/usr/bin/env bash
# The run logic of the cfn-secrets GitHub Action (action.yml), one subcommand per step, so that it
# can be run and tested outside GitHub (.ci/run does, as the runner would):
#   locate  writes the jar's path and a cache key (a hash of the scanner's sources) to $GITHUB_OUTPUT
#   build   builds the jar with Maven, unless the cache step restored it
#   scan    scans $INPUT_PATHS from $GITHUB_WORKSPACE: SARIF with every finding to $INPUT_SARIF_FILE
#           (its absolute path to $GITHUB_OUTPUT as sarif-file), GitHub annotations on stdout, a line
#           in $GITHUB_STEP_SUMMARY, and exit status 1 when a finding is at or above $INPUT_FAIL_ON
#           (2: bad input or configuration); the configuration comes from $INPUT_CONFIG_SOURCE
set -euo pipefail

action_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
root=$(dirname "$action_dir")
# C1 only: a scan is mostly start-up. JVM warnings go to stderr, never into a report.
java_opts=(-Xlog:disable -Xlog:all=warning:stderr -XX:TieredStopAtLevel=1)

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
  echo "::group::Build the cfn-secrets scanner"
  # Maven 3.8 prints stray colour resets even in batch mode; strip them. Only the command-line jar
  # is needed: no sources or javadoc jars (they are for publishing).
  (cd "$root" && mvn -B -q -DskipTests -Dmaven.source.skip -Dmaven.javadoc.skip package -pl scanner -am 2>&1) | sed -e 's/\x1b\[[0-9;]*m//g' -e '/^$/d'
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
  local jar=${CFN_SECRETS_JAR:?} fail_on=${INPUT_FAIL_ON:-error} sarif status report source tree=
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
  # Words separated by spaces or new lines; no quoting, globbing or expansion of any kind.
  read -r -d '' -a paths <<<"${INPUT_PATHS:-}" || true
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

  # The SARIF report holds every finding, whatever fail-on says: code scanning decides what to show.
  set +e
  java "${java_opts[@]}" -jar "$jar" scan --format sarif --output "$sarif" --fail-on none \
    "${options[@]}" -- "${paths[@]}"
  status=$?
  set -e
  [[ $status -eq 0 ]] || fail "the scan stopped with exit status $status (see the message above)"
  echo "sarif-file=$sarif" >>"${GITHUB_OUTPUT:?}"

  # Annotations on stdout, which the runner reads as workflow commands; their scan decides the status.
  report=$(mktemp)
  set +e
  java "${java_opts[@]}" -jar "$jar" scan --format github --fail-on "$fail_on" \
    "${options[@]}" -- "${paths[@]}" | tee "$report"
  status=${PIPESTATUS[0]}
  set -e
  {
    echo "### cfn-secrets"
    echo
    # An indented code block: Markdown shows the line as it is, never as a link, an image or HTML.
    tail -n 1 "$report" | sed 's/^/    /'
    echo
    echo "Configuration: \`$source\`; $(grep -c '^::warning title=cfn-secrets configuration::' "$report" || true) of its settings hide findings (see the warnings)."
    echo
    echo "SARIF report: \`$sarif\`. fail-on: \`$fail_on\`: $([[ $status -eq 0 ]] && echo passed || echo failed)."
  } >>"${GITHUB_STEP_SUMMARY:-/dev/null}"
  rm -f "$report"
  [[ -z "$tree" ]] || rm -rf "$tree"
  if [[ $status -eq 1 ]]; then
    echo "::error title=cfn-secrets::$(command_data "findings at or above fail-on=$fail_on (annotated above; all findings in $sarif)")"
  fi
  exit "$status"
}

case "${1:-}" in
  locate | build | scan) "$1" ;;
  *)
    echo "usage: entrypoint.sh locate|build|scan" >&2
    exit 2
    ;;
esac
