// .cfn-secrets.yml in the project directory is read: its exclude keeps src/main/generated/ out of the scan.
import dev.cfnsecrets.maven.ItBuild

def build = new ItBuild(basedir)
def log = build.log()

assert build.loggedFindings().isEmpty() : log
// Scanned: template.yaml; skipped: .cfn-secrets.yml (YAML, no template); src/main/generated/ is not counted.
assert log.contains('[INFO] cfn-secrets: 1 file scanned, 1 skipped: 0 errors')
// What the exclude hid is said, as in every report.
assert log.contains("[WARNING] cfn-secrets: configuration: exclude '**/src/main/generated/**': 1 file not scanned")
assert build.sarif('target/cfn-secrets.sarif').isEmpty()
assert log.contains('BUILD SUCCESS')
