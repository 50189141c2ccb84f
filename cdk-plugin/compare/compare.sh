#!/usr/bin/env bash
# Runs fixtures/cdk-app's stacks through cfn-secrets' validation plugin, cdk-nag's AwsSolutions and
# NIST 800-53 rev 5 packs and the CDK's built-in validation in one `cdk synth '**'` (compare/app.js),
# and prints the versions and every violation as Markdown: what docs/cdk-comparison.md is written
# from. npm installs the versions pinned in compare/package-lock.json into a scratch folder; synthesis
# uses no network. Needs node, npm, java and the jar (mvn -B -pl scanner package).
#
#   cdk-plugin/compare/compare.sh
set -euo pipefail
compare=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
repo=$(cd "$compare/../.." && pwd -P)
# shellcheck source=../../fixtures/cdk-app/offline.sh
source "$repo/fixtures/cdk-app/offline.sh"

cdk_install "$compare"

version() {
  node -p "require('$scratch/npm/node_modules/$1/package.json').version"
}
echo "Versions: node $(node --version), aws-cdk-lib $(version aws-cdk-lib), aws-cdk (CLI) $(version aws-cdk),"
echo "cdk-nag $(version cdk-nag), $(java -jar "$repo/scanner/target/cfn-secrets.jar" --version)."
echo

# The synthesis fails (that is the point); its report is what we want.
(cd "$compare/.." && cdk_offline "$scratch" "$scratch/npm/node_modules/.bin/cdk" synth '**' --quiet --no-notices --no-lookups \
  --app "node compare/app.js" --output "$scratch/cdk.out") >"$scratch/synth.log" 2>&1 || true
[[ -f "$scratch/cdk.out/validation-report.json" ]] || { cat "$scratch/synth.log" >&2; exit 1; }

node "$compare/report.js" "$scratch/cdk.out" "$repo"
