'use strict';
// An AWS CDK policy-validation plugin (the IPolicyValidationPluginBeta1 interface of aws-cdk-lib, which
// IPolicyValidationPlugin shares): `cdk synth` hands it the templates it has just written, the plugin
// runs the cfn-secrets jar on them and returns each finding as a violation. The CDK then fills in the
// construct path of each violating resource from its template and logical id, prints the validation
// report and fails the synthesis. Plain JavaScript, no dependency: the CDK passes plain objects.

const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const JAR_VARIABLE = 'CFN_SECRETS_JAR';
/** The jar `mvn package` builds in this repository, when the package is used from a checkout. */
const CHECKOUT_JAR = path.resolve(__dirname, '..', 'scanner', 'target', 'cfn-secrets.jar');
/** The CDK's severities: a note is information, not a warning. */
const SEVERITY = { error: 'error', warning: 'warning', note: 'info' };
const NESTED_STACK = 'AWS::CloudFormation::Stack';
/**
 * Characters a terminal would act on (controls, line and paragraph separators, bidirectional
 * overrides and isolates): names in a finding come from the template, and the CDK prints them.
 */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

class CfnSecretsValidator {
  /**
   * @param {object} [options]
   * @param {string} [options.jar] the cfn-secrets jar; else $CFN_SECRETS_JAR, else this checkout's
   *     scanner/target/cfn-secrets.jar
   * @param {string} [options.java] the java command; else $JAVA_HOME/bin/java, else java on the PATH
   * @param {string} [options.failOn] cfn-secrets --fail-on: error (default), warning, note or none
   * @param {string} [options.config] a .cfn-secrets.yml to use (-c); by default the one in the
   *     working directory, if any
   */
  constructor(options = {}) {
    this.name = 'cfn-secrets';
    this.version = require('./package.json').version;
    this.options = options;
  }

  validate(context) {
    let templates;
    let report;
    try {
      templates = withNestedStacks(context.templatePaths);
      report = scan(this.options, templates);
    } catch (error) {
      // The CDK CLI lets a synthesis pass when a plugin throws (its report has no violation), so a
      // scan that could not run is reported as a violation of its own: no scan, no pass.
      return { success: false, violations: [notScanned(error)] };
    }
    const violations = report.findings
      .filter((finding) => finding.suppression === null)
      .map((finding) => violation(finding, templates));
    return { success: report.passed, violations };
  }
}

function notScanned(error) {
  return {
    ruleName: 'cfn-secrets',
    description: `The templates were not scanned: ${error.message}`,
    fix: 'See cdk-plugin/README.md in the cfn-secrets repository: how the plugin finds java and the jar.',
    severity: 'error',
    violatingResources: [],
  };
}

/**
 * The templates and, depth first, those of their nested stacks: the CDK lists only the stacks, and a
 * nested stack's template sits beside its parent's, named by the parent's Metadata["aws:asset:path"].
 */
function withNestedStacks(templatePaths) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file) || !fs.existsSync(file)) return;
    seen.add(file);
    const resources = JSON.parse(fs.readFileSync(file, 'utf8')).Resources || {};
    for (const resource of Object.values(resources)) {
      const child = resource && resource.Type === NESTED_STACK && (resource.Metadata || {})['aws:asset:path'];
      if (typeof child === 'string' && child.endsWith('.template.json') && path.basename(child) === child) {
        visit(path.join(path.dirname(file), child));
      }
    }
  };
  templatePaths.map((file) => path.resolve(file)).forEach(visit);
  return [...seen];
}

/** Runs the jar on the templates; its JSON report is redacted (the plugin never asks for --show-secrets). */
function scan(options, templates) {
  const args = ['-jar', jarOf(options), 'scan', '--quiet', '--format', 'json'];
  if (options.failOn) args.push('--fail-on', options.failOn);
  if (options.config) args.push('--config', options.config);
  const run = spawnSync(javaOf(options), [...args, '--', ...templates], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (run.error) throw new Error(`cfn-secrets: could not run ${javaOf(options)}: ${run.error.message}`);
  // 0: nothing at or above --fail-on, 1: something; anything else is a usage or input error.
  if (run.status !== 0 && run.status !== 1) {
    throw new Error(`cfn-secrets exited with ${run.status}: ${run.stderr.trim()}`);
  }
  return { passed: run.status === 0, findings: JSON.parse(run.stdout).findings };
}

function jarOf(options) {
  const jar = options.jar || process.env[JAR_VARIABLE] || CHECKOUT_JAR;
  if (!fs.existsSync(jar)) {
    throw new Error(
      `cfn-secrets: no jar at ${jar}: pass { jar } to CfnSecretsValidator, set ${JAR_VARIABLE}, ` +
        'or build it in the cfn-secrets checkout (mvn -B -pl scanner package)',
    );
  }
  return jar;
}

function javaOf(options) {
  if (options.java) return options.java;
  return process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
}

/**
 * One finding as a CDK violation: the rule, the finding's message (what was found and what to do in
 * CDK terms), and where, as template, logical id and the property path under the resource; the CDK
 * turns template and logical id into the construct path.
 */
function violation(finding, templates) {
  return {
    ruleName: finding.ruleId,
    description: printable(finding.message),
    fix: `cfn-secrets explain ${finding.ruleId} (see its "In the CDK" section)`,
    severity: SEVERITY[finding.level] || finding.level,
    ruleMetadata: { fingerprint: finding.fingerprint },
    violatingResources: [
      {
        resourceLogicalId: finding.logicalId || '',
        templatePath: templates.find((t) => sameFile(t, finding.file)) || path.resolve(finding.file),
        locations: locations(finding),
      },
    ],
  };
}

/** Where in the resource: "Properties/Environment/Variables/API_KEY" of "Resources/Fn/Properties/…". */
function locations(finding) {
  const property = (finding.propertyPath || '').replace(/^Resources\/[^/]+\//, '');
  return property ? [printable(property)] : [];
}

/** The text with each unprintable character written as its \uXXXX escape. */
function printable(text) {
  return text.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function sameFile(template, reported) {
  return path.resolve(template) === path.resolve(reported);
}

module.exports = { CfnSecretsValidator };
