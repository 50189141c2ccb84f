// formats text,json: target/cfn-secrets.json holds the findings the log shows (key
// redacted), the failure names it, and no SARIF report is written.
import dev.cfnsecrets.maven.ItBuild
import groovy.json.JsonSlurper

def build = new ItBuild(basedir)
def log = build.log()

def logged = build.loggedFindings().collect { [it.ruleId(), it.path(), it.line()] }
assert logged.contains(['CFS101', 'template.yaml', 13]) : log
def report = new JsonSlurper().parse(new File(basedir, 'target/cfn-secrets.json'))
assert report.summary.errors == 1 && report.summary.filesScanned == 1
assert report.findings.collect { [it.ruleId, it.file, it.startLine] }.sort() == logged.sort()
assert log =~ /\[INFO\] cfn-secrets: JSON report written to \S+target.cfn-secrets\.json/
assert log =~ /1 finding at or above failOnSeverity=error; see the log above and \S+cfn-secrets\.json/
assert !new File(basedir, 'target/cfn-secrets.sarif').exists()
def planted = new File(basedir, 'template.yaml').text =~ /AKIA[0-9A-Z]{16}/
assert planted.find()
build.assertNowhere(planted.group())
assert log.contains('BUILD FAILURE')
