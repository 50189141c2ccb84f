// baseline: the findings the command line recorded (CFS101 and CFS110) are suppressed, so the
// build passes (the baseline, JSON but no template, is skipped); nothing is logged as a finding and the SARIF report marks them suppressed.
import dev.cfnsecrets.maven.ItBuild
import groovy.json.JsonSlurper

def build = new ItBuild(basedir)
def log = build.log()

def recorded = new JsonSlurper().parse(new File(basedir, 'cfn-secrets-baseline.json'))
assert recorded.findings.collect { it.rule }.sort() == ['CFS101', 'CFS110'] : recorded
assert build.loggedFindings().isEmpty() : log
assert log.contains('[INFO] cfn-secrets: 1 file scanned, 1 skipped: 0 errors, 0 warnings, 0 notes, 2 suppressed') : log
def sarif = new JsonSlurper().parse(new File(basedir, 'target/cfn-secrets.sarif'))
def results = sarif.runs[0].results
assert results.collect { it.ruleId }.sort() == ['CFS101', 'CFS110']
assert results.every { it.suppressions*.kind == ['external'] } : results
def planted = new File(basedir, 'template.yaml').text =~ /AKIA[0-9A-Z]{16}/
assert planted.find()
build.assertNowhere(planted.group())
assert !new File(basedir, 'cfn-secrets-baseline.json').text.contains(planted.group())
assert log.contains('BUILD SUCCESS')
