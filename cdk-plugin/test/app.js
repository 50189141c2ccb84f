#!/usr/bin/env node
// The plugin's test app: fixtures/cdk-app's stacks with CfnSecretsValidator as validation plugin
// (CDK_APP_VARIANT=leaking, the default), or a stack that follows the plugin's advice
// (CDK_APP_VARIANT=clean), which must synthesise. The plugin is given through the App's
// policyValidationBeta1 prop, or with CDK_PLUGIN_API=validations through Validations.of(app), which
// newer aws-cdk-lib versions prefer. The fixture's own app.js stays as it is: its assemblies are
// committed, line numbers of its frames included.
'use strict';

const { App, Stack, Validations } = require('aws-cdk-lib');
const iam = require('aws-cdk-lib/aws-iam');
const lambda = require('aws-cdk-lib/aws-lambda');
const secretsmanager = require('aws-cdk-lib/aws-secretsmanager');
const { CfnSecretsValidator } = require('..');
const { ToolingStack } = require('../../fixtures/cdk-app/lib/tooling-stack');
const { ShopStage } = require('../../fixtures/cdk-app/lib/shop-stage');

/** The fixture's functions done the way the findings advise: a secret's name, read at runtime. */
class CleanStack extends Stack {
  constructor(scope, id, props) {
    super(scope, id, props);
    const apiKeys = secretsmanager.Secret.fromSecretNameV2(this, 'ApiKeys', 'prod/shop/api-keys');
    const handler = new lambda.Function(this, 'CheckoutHandler', {
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline('exports.handler = async () => ({ statusCode: 200 });'),
      environment: { API_KEYS_SECRET_NAME: apiKeys.secretName, TABLE_NAME: 'orders' },
    });
    apiKeys.grantRead(handler);
    const inventoryRole = new iam.Role(this, 'InventoryRole', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    });
    handler.grantInvoke(inventoryRole);
  }
}

let app;
if (process.env.CDK_PLUGIN_API === 'validations') {
  app = new App();
  Validations.of(app).addPlugins(new CfnSecretsValidator());
} else {
  app = new App({ policyValidationBeta1: [new CfnSecretsValidator()] });
}
if ((process.env.CDK_APP_VARIANT || 'leaking') === 'clean') {
  new CleanStack(app, 'Clean');
} else {
  new ToolingStack(app, 'Tooling');
  new ShopStage(app, 'Prod');
}
