// -Dcfn-secrets.skip: the leaking template is not scanned and the build passes.
import dev.cfnsecrets.maven.ItBuild

def build = new ItBuild(basedir)
def log = build.log()

assert log.contains('[INFO] cfn-secrets: skipped')
assert build.loggedFindings().isEmpty()
assert !log.contains('files scanned') && !log.contains('file scanned')
assert !new File(basedir, 'target/cfn-secrets.sarif').exists()
assert log.contains('BUILD SUCCESS')
