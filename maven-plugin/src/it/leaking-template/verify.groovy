// The leaking template fails the build: its finding is in the log as [ERROR] path:line:col CFSnnn
// message, the summary and the failure say why, and target/cfn-secrets.sarif is valid SARIF 2.1.0
// holding the same finding. The key planted in the template reaches no report.
import dev.cfnsecrets.maven.ItBuild

def build = new ItBuild(basedir)
def log = build.log()

def errors = build.loggedFindings().findAll { it.level() == 'ERROR' }
assert errors.size() == 1 : "expected one [ERROR] finding line in build.log:\n$log"
def finding = errors[0]
assert finding.path() == 'template.yaml'

assert log =~ /\[INFO\] cfn-secrets: 1 file scanned, 0 skipped: 1 error, /
assert log.contains('cfn-secrets: 1 finding at or above failOnSeverity=error; see the log above and ')
assert log.contains('BUILD FAILURE')

def sarifErrors = build.sarif('target/cfn-secrets.sarif').findAll { it.level() == 'error' }
assert sarifErrors.collect { [it.ruleId(), it.uri(), it.startLine()] } == [[finding.ruleId(), 'template.yaml', finding.line()]]

def planted = new File(basedir, 'template.yaml').text =~ /AKIA[0-9A-Z]{16}/
assert planted.find() : 'the leaking template plants an AWS key id'
build.assertNowhere(planted.group())

// The default outputFormats, text and sarif: the text report is in target/ too.
def text = new File(basedir, 'target/cfn-secrets.txt').text
assert text.contains("template.yaml:${finding.line()}:${finding.column()}: error ${finding.ruleId()} ")
assert log =~ /1 finding at or above failOnSeverity=error; see the log above and \S+cfn-secrets\.txt and \S+cfn-secrets\.sarif/
