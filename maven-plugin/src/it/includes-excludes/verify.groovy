// includes (docs/**, src/main/) replace the default includes, so the leaking top-level
// template.yaml is not scanned; excludes (**/legacy/**) keeps src/main's legacy template out.
import dev.cfnsecrets.maven.ItBuild

def build = new ItBuild(basedir)
def log = build.log()

def errors = build.loggedFindings().findAll { it.level() == 'ERROR' }
assert errors.collect { it.path() } == ['docs/examples/example.yaml'] : log
assert log =~ /\[INFO\] cfn-secrets: 1 file scanned, 0 skipped: 1 error, /
assert !log.contains('legacy/old.yaml') && !log.contains(' template.yaml:')
assert log.contains('BUILD FAILURE')

assert build.sarif('target/cfn-secrets.sarif').findAll { it.level() == 'error' }.collect { it.uri() } ==
        ['docs/examples/example.yaml']
