#!/usr/bin/env bash
# The validation plugin's test: synthesises fixtures/cdk-app's stacks with CfnSecretsValidator
# (cdk-plugin/test/app.js) using the aws-cdk-lib and aws-cdk CLI versions pinned in
# fixtures/cdk-app/package-lock.json, and checks that
#   - `cdk synth` fails, and the CDK's validation report (validation-report.json) names each leak by
#     rule and construct path, nested stack included, and nothing else (not the clean function);
#   - the same holds with the plugin added through Validations.of(app);
#   - neither the report nor the console shows the token or the password the app plants;
#   - a stack written as the findings advise synthesises;
#   - without a jar, synthesis fails and says where the plugin looked.
# Needs node, npm and java, and the jar (mvn -B -pl scanner package). npm installs the pinned
# packages into a scratch folder; synthesis itself uses no network (fixtures/cdk-app/offline.sh).
set -euo pipefail
plugin=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
repo=$(cd "$plugin/.." && pwd -P)
fixture="$repo/fixtures/cdk-app"
# shellcheck source=../fixtures/cdk-app/offline.sh
source "$fixture/offline.sh"

fail() {
  echo "cdk-plugin test: FAILED: $*" >&2
  exit 1
}

[[ -f "$repo/scanner/target/cfn-secrets.jar" ]] || fail "no scanner/target/cfn-secrets.jar: run mvn -B -pl scanner package"

cdk_install "$fixture"

# Runs `cdk synth '**'` of the test app (every stack, the Stage's too: a plain `cdk synth` selects
# the top-level stacks and shows only their violations) into $scratch/$1, with the NAME=VALUE
# settings that follow; keeps the console output in $scratch/$1.log, the exit status in $status.
synth() {
  local out=$1
  shift
  set +e
  (cd "$plugin" && cdk_offline "$scratch" "$@" "$scratch/npm/node_modules/.bin/cdk" synth '**' \
    --quiet --no-notices --no-lookups --app "node test/app.js" --output "$scratch/$out") \
    >"$scratch/$out.log" 2>&1
  status=$?
  set -e
}

# "rule construct-path" of each violation in the validation report of $1, sorted.
violations() {
  node -e '
    const report = require(process.argv[1]);
    const lines = report.pluginReports.filter((p) => p.pluginName === "cfn-secrets")
      .flatMap((p) => p.violations.flatMap((v) => v.violatingConstructs.map((c) => `${v.ruleName} ${c.constructPath}`)));
    console.log(lines.sort().join("\n"));' "$scratch/$1/validation-report.json"
}

expected="CFS101 Prod/Api/CheckoutHandler/Resource
CFS106 Prod/Api/WebhookHandler/Resource
CFS110 Prod/Api/CheckoutHandler/Resource
CFS110 Prod/Api/WebhookHandler/Resource
CFS111 Prod/Api/Database/Orders/Resource
CFS301 Tooling/InventoryRole/DefaultPolicy/Resource"
# The made-up secrets the fixture app plants, which no report may show.
token=$(grep -o "ghp_[A-Za-z0-9]*" "$fixture/lib/api-stack.js")
password=$(sed -n "s/.*unsafePlainText('\([^']*\)').*/\1/p" "$fixture/lib/database-stack.js")
[[ -n "$token" && -n "$password" ]] || fail "the fixture app's planted secrets were not found"

for api in beta1 validations; do
  synth "leaking-$api" CDK_APP_VARIANT=leaking CDK_PLUGIN_API=$api
  [[ $status -ne 0 ]] || fail "cdk synth of the leaking app ($api) succeeded: $(cat "$scratch/leaking-$api.log")"
  while read -r rule path; do
    grep -qF "$path" "$scratch/leaking-$api.log" || fail "the console output ($api) does not name $path ($rule)"
  done <<<"$expected"
  diff <(echo "$expected") <(violations "leaking-$api") \
    || fail "the validation report ($api) does not name the leaks' construct paths as expected"
  if grep -rlF -e "$token" -e "$password" "$scratch/leaking-$api.log" "$scratch/leaking-$api/validation-report.json"; then
    fail "a planted secret is shown in the report or on the console ($api)"
  fi
done

synth clean CDK_APP_VARIANT=clean
[[ $status -eq 0 ]] || fail "cdk synth of the clean app failed: $(cat "$scratch/clean.log")"

synth no-jar CDK_APP_VARIANT=clean CFN_SECRETS_JAR="$scratch/no.jar"
# (the console shows no violation without a construct; the report file has it)
[[ $status -ne 0 ]] && grep -qF "The templates were not scanned: cfn-secrets: no jar at $scratch/no.jar" \
  "$scratch/no-jar/validation-report.json" \
  || fail "without a jar, synthesis did not fail saying where the plugin looked: $(cat "$scratch/no-jar.log")"

echo "cdk-plugin test: OK"
