// A clean template passes; the workflow under .github is outside the default includes: not even
// read (the CLI would skip it as YAML that is no template).
import dev.cfnsecrets.maven.ItBuild

def build = new ItBuild(basedir)
def log = build.log()

assert build.loggedFindings().isEmpty() : log
assert log.contains('[INFO] cfn-secrets: 1 file scanned, 0 skipped: 0 errors, 0 warnings, 0 notes, 0 suppressed')
assert log.contains('BUILD SUCCESS')
assert build.sarif('target/cfn-secrets.sarif').isEmpty()
