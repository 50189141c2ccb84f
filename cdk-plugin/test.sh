#!/usr/bin/env bash
# The validation plugin's test: synthesises fixtures/cdk-app's stacks with CfnSecretsValidator
# (cdk-plugin/test/app.js) using the aws-cdk-lib and aws-cdk CLI versions pinned in
# fixtures/cdk-app/package-lock.json, and checks that
#   - `cdk synth` fails, and the CDK's validation report (validation-report.json) names each leak by
#     rule, construct path (nested stack included) and property, and nothing else (not the clean
#     function), and so does the console, by rule and construct path;
#   - the same holds with the plugin added through Validations.of(app);
#   - neither the report nor the console shows the token or the password the app plants;
#   - a terminal escape in a template arrives written out in the description;
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

# "rule construct-path property-paths" of each violation in the validation report of $1, sorted.
violations() {
  node -e '
    const report = require(process.argv[1]);
    const lines = report.pluginReports.filter((p) => p.pluginName === "cfn-secrets")
      .flatMap((p) => p.violations.flatMap((v) => v.violatingConstructs.map((c) =>
        `${v.ruleName} ${c.constructPath} ${c.cloudFormationResource.propertyPaths.join(",")}`)));
    console.log(lines.sort().join("\n"));' "$scratch/$1/validation-report.json"
}

expected="CFS101 Prod/Api/CheckoutHandler/Resource Properties/Environment/Variables/PAYMENT_API_TOKEN
CFS106 Prod/Api/WebhookHandler/Resource Properties/Environment/Variables/STRIPE_WEBHOOK_SECRET
CFS110 Prod/Api/CheckoutHandler/Resource Properties/KmsKeyArn
CFS110 Prod/Api/WebhookHandler/Resource Properties/KmsKeyArn
CFS111 Prod/Api/Database/Orders/Resource Properties/MasterUserPassword
CFS301 Tooling/InventoryRole/DefaultPolicy/Resource Properties/PolicyDocument/Statement/0/Action"
# The made-up secrets the fixture app plants, which no report may show.
token=$(grep -o "ghp_[A-Za-z0-9]*" "$fixture/lib/api-stack.js")
password=$(sed -n "s/.*unsafePlainText('\([^']*\)').*/\1/p" "$fixture/lib/database-stack.js")
[[ -n "$token" && -n "$password" ]] || fail "the fixture app's planted secrets were not found"

for api in beta1 validations; do
  synth "leaking-$api" CDK_APP_VARIANT=leaking CDK_PLUGIN_API=$api
  [[ $status -ne 0 ]] || fail "cdk synth of the leaking app ($api) succeeded: $(cat "$scratch/leaking-$api.log")"
  while read -r rule path _; do
    grep -qF "$path" "$scratch/leaking-$api.log" || fail "the console output ($api) does not name $path ($rule)"
  done <<<"$expected"
  diff <(echo "$expected") <(violations "leaking-$api") \
    || fail "the validation report ($api) does not name the leaks' construct paths as expected"
  if grep -rlF -e "$token" -e "$password" "$scratch/leaking-$api.log" "$scratch/leaking-$api/validation-report.json"; then
    fail "a planted secret is shown in the report or on the console ($api)"
  fi
done

# The plugin alone, on a template whose variable name holds a terminal escape and the token: the CDK
# prints descriptions as they are, so the escape must arrive written out, and the token not at all.
TOKEN="$token" TEMPLATE="$scratch/escape.template.json" node -e '
  const fs = require("fs");
  const { TOKEN, TEMPLATE } = process.env;
  fs.writeFileSync(TEMPLATE, JSON.stringify({ Resources: { Fn: { Type: "AWS::Lambda::Function",
    Properties: { Environment: { Variables: { ["TOKEN\u001b[2J"]: TOKEN } } } } } }));
  const { CfnSecretsValidator } = require(process.argv[1]);
  const report = new CfnSecretsValidator().validate({ templatePaths: [TEMPLATE] });
  const text = JSON.stringify(report);
  const ok = !report.success && report.violations.some((v) => v.ruleName === "CFS101" &&
    v.description.includes("TOKEN\\u001b[2J") && !v.description.includes("\u001b"));
  if (!ok || text.includes(TOKEN)) { console.error(text.replace(TOKEN, "<token>")); process.exit(1); }' "$plugin" \
  || fail "the plugin's violations do not write out the escape, or show the token"

synth clean CDK_APP_VARIANT=clean
[[ $status -eq 0 ]] || fail "cdk synth of the clean app failed: $(cat "$scratch/clean.log")"

synth no-jar CDK_APP_VARIANT=clean CFN_SECRETS_JAR="$scratch/no.jar"
# (the console shows no violation without a construct; the report file has it)
[[ $status -ne 0 ]] && grep -qF "The templates were not scanned: cfn-secrets: no jar at $scratch/no.jar" \
  "$scratch/no-jar/validation-report.json" \
  || fail "without a jar, synthesis did not fail saying where the plugin looked: $(cat "$scratch/no-jar.log")"

echo "cdk-plugin test: OK"
