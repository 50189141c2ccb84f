// -Dcfn-secrets.outputFormats=sarif: the SARIF report holds the finding, the log only the summary
// and the failure (naming the SARIF report), and no text report is written.
import dev.cfnsecrets.maven.ItBuild

def build = new ItBuild(basedir)
def log = build.log()

assert build.sarif('target/cfn-secrets.sarif').collect { [it.ruleId(), it.level(), it.startLine()] }.contains(['CFS101', 'error', 13])
assert build.loggedFindings().isEmpty() : log
assert !new File(basedir, 'target/cfn-secrets.txt').exists()
assert log =~ /\[INFO\] cfn-secrets: 1 file scanned, 0 skipped: 1 error, /
assert log =~ /1 finding at or above failOnSeverity=error; see \S+cfn-secrets\.sarif\s/
assert log.contains('BUILD FAILURE')
def planted = new File(basedir, 'template.yaml').text =~ /AKIA[0-9A-Z]{16}/
assert planted.find()
build.assertNowhere(planted.group())
