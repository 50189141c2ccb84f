#!/usr/bin/env node
// fixtures/cdk-app's stacks with three validation plugins side by side, for compare.sh: cfn-secrets,
// cdk-nag's AwsSolutions pack and its NIST 800-53 rev 5 pack (cdk-nag 3 packs are validation plugins
// themselves). The CDK's built-in CloudFormation validation runs too: it is on by default.
'use strict';

const { App, Validations } = require('aws-cdk-lib');
const { AwsSolutionsChecks, NIST80053R5Checks } = require('cdk-nag');
const { CfnSecretsValidator } = require('..');
const { ToolingStack } = require('../../fixtures/cdk-app/lib/tooling-stack');
const { ShopStage } = require('../../fixtures/cdk-app/lib/shop-stage');

const app = new App();
Validations.of(app).addPlugins(
  new CfnSecretsValidator(),
  new AwsSolutionsChecks(app),
  new NIST80053R5Checks(app),
);
new ToolingStack(app, 'Tooling');
new ShopStage(app, 'Prod');
