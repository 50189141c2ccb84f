// enable CFS108: the build log and the SARIF report hold CFS108 only; CFS101's error is not
// reported, so the build passes, and .cfn-secrets.yml's disable of CFS108 gives way.
import dev.cfnsecrets.maven.ItBuild

def build = new ItBuild(basedir)
def log = build.log()

assert build.loggedFindings().collect { [it.level(), it.path(), it.line(), it.ruleId()] } ==
        [['WARNING', 'template.yaml', 5, 'CFS108']] : log
assert build.sarif('target/cfn-secrets.sarif').collect { [it.ruleId(), it.level()] } == [['CFS108', 'warning']]
assert log =~ /\[INFO\] cfn-secrets: 1 file scanned, 1 skipped: 0 errors, 1 warning, /
assert !log.contains('CFS101')
assert log.contains('BUILD SUCCESS')
