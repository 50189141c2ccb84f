// outputFormats text,json: target/cfn-secrets.txt and target/cfn-secrets.json hold the findings
// the log shows (key redacted), the failure names both, and no SARIF report is written.
import dev.cfnsecrets.maven.ItBuild
import groovy.json.JsonSlurper

def build = new ItBuild(basedir)
def log = build.log()

def logged = build.loggedFindings().collect { [it.ruleId(), it.path(), it.line()] }
assert logged.contains(['CFS101', 'template.yaml', 13]) : log
def report = new JsonSlurper().parse(new File(basedir, 'target/cfn-secrets.json'))
assert report.summary.errors == 1 && report.summary.filesScanned == 1
assert report.findings.collect { [it.ruleId, it.file, it.startLine] }.sort() == logged.sort()
// The text report is the text format of the command line: each finding with its source line.
def text = new File(basedir, 'target/cfn-secrets.txt').text
def reported = (text =~ /(?m)^(\S+):(\d+):\d+: \w+ (CFS\d{3}) /).collect { [it[3], it[1], it[2] as int] }
assert reported.sort() == logged.sort() : text
assert text.contains('cfn-secrets: 1 file scanned, 0 skipped: 1 error')
assert log =~ /\[INFO\] cfn-secrets: text report written to \S+target.cfn-secrets\.txt/
assert log =~ /\[INFO\] cfn-secrets: JSON report written to \S+target.cfn-secrets\.json/
assert log =~ /1 finding at or above failOnSeverity=error; see the log above and \S+cfn-secrets\.txt and \S+cfn-secrets\.json/
assert !new File(basedir, 'target/cfn-secrets.sarif').exists()
def planted = new File(basedir, 'template.yaml').text =~ /AKIA[0-9A-Z]{16}/
assert planted.find()
build.assertNowhere(planted.group())
assert log.contains('BUILD FAILURE')
