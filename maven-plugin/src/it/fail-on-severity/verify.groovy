// failOnSeverity warning: the template's one finding, a warning, fails the build.
import dev.cfnsecrets.maven.ItBuild

def build = new ItBuild(basedir)
def log = build.log()

assert build.loggedFindings().collect { [it.level(), it.path(), it.line(), it.ruleId()] } ==
        [['WARNING', 'template.yaml', 4, 'CFS108']] : log
assert log =~ /\[INFO\] cfn-secrets: 1 file scanned, 0 skipped: 0 errors, 1 warning, /
assert log.contains('cfn-secrets: 1 finding at or above failOnSeverity=warning; see the log above and ')
assert log.contains('BUILD FAILURE')
assert build.sarif('target/cfn-secrets.sarif').collect { [it.ruleId(), it.level()] } == [['CFS108', 'warning']]
