#!/usr/bin/env node
// Prints, as Markdown, every violation of a validation-report.json: which plugin, which rule, at
// what severity, on which construct, at which line of the app (the first frame of the construct's
// creation trace in the repository, which the CDK records) and at which template property.
//
//   node report.js CDK_OUT REPOSITORY_ROOT
'use strict';

const path = require('path');

const [outdir, repo] = process.argv.slice(2);
const report = require(path.resolve(outdir, 'validation-report.json'));

/** "fixtures/cdk-app/lib/api-stack.js:17" of the first frame of the trace inside the repository. */
function sourceLine(construct) {
  for (const trace of construct.stackTraces || []) {
    for (const frame of trace.split('\n')) {
      const match = /\((\/[^)]+):(\d+):\d+\)$/.exec(frame);
      if (match && match[1].startsWith(repo + '/') && !match[1].includes('/node_modules/')) {
        return `${path.relative(repo, match[1])}:${match[2]}`;
      }
    }
  }
  return '—';
}

const rows = [];
for (const plugin of report.pluginReports) {
  for (const violation of plugin.violations) {
    for (const construct of violation.violatingConstructs) {
      const properties = (construct.cloudFormationResource || {}).propertyPaths || [];
      rows.push([
        construct.constructPath || '—',
        plugin.pluginName,
        violation.ruleName,
        violation.severity || '—',
        sourceLine(construct),
        properties.join(', ') || '—',
      ]);
    }
  }
}
rows.sort((a, b) => a.join('\t').localeCompare(b.join('\t')));

const cell = (text) => String(text).replace(/\|/g, '\\|');
console.log('| construct | plugin | rule | severity | source line | template property |');
console.log('|---|---|---|---|---|---|');
for (const row of rows) console.log(`| ${row.map(cell).join(' | ')} |`);
console.log();
console.log(
  'Plugins that reported: ' +
    report.pluginReports.map((p) => `${p.pluginName} (${p.conclusion}, ${p.violations.length} violations)`).join(', ') +
    '. A plugin that found nothing is left out of the report by the CDK.',
);
