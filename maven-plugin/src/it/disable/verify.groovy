// -Dcfn-secrets.disable=CFS101,CFS3 with enable CFS101,CFS108: CFS101 is not reported (disable
// wins, and the build log says the two conflict), what it hid is counted, CFS108 still is, and
// the build passes.
import dev.cfnsecrets.maven.ItBuild

def build = new ItBuild(basedir)
def log = build.log()

assert build.loggedFindings().collect { [it.level(), it.path(), it.line(), it.ruleId()] } ==
        [['WARNING', 'template.yaml', 5, 'CFS108']] : log
assert build.sarif('target/cfn-secrets.sarif').collect { it.ruleId() } == ['CFS108']
assert log.contains('[WARNING] cfn-secrets: enable CFS101 and disable CFS101 conflict: disable wins, so CFS101 is not reported; drop one of them')
// CFS3 covers no enabled rule whole: no conflict.
assert !log.contains('disable CFS3 conflict')
assert log.contains('[WARNING] cfn-secrets: configuration: rules CFS101 disabled: 1 finding not reported')
assert log =~ /\[INFO\] cfn-secrets: 1 file scanned, 0 skipped: 0 errors, 1 warning, /
def planted = new File(basedir, 'template.yaml').text =~ /AKIA[0-9A-Z]{16}/
assert planted.find()
build.assertNowhere(planted.group())
assert log.contains('BUILD SUCCESS')
