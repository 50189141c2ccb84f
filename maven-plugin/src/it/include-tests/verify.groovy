// -Dcfn-secrets.includeTests adds src/test to the default includes: the leaking test fixture is
// reported beside src/main's template; docs/ stays out.
import dev.cfnsecrets.maven.ItBuild

def build = new ItBuild(basedir)
def log = build.log()

def errors = build.loggedFindings().findAll { it.level() == 'ERROR' }
assert errors.collect { it.path() }.sort() ==
        ['src/main/cloudformation/stack.yaml', 'src/test/resources/leaking-fixture.yaml'] : log
assert log =~ /\[INFO\] cfn-secrets: 3 files scanned, 0 skipped: 2 errors, /
assert log.contains('cfn-secrets: 2 findings at or above failOnSeverity=error')
assert !log.contains('docs/examples/example.yaml')
assert log.contains('BUILD FAILURE')

assert build.sarif('target/cfn-secrets.sarif').findAll { it.level() == 'error' }.collect { it.uri() }.sort() ==
        ['src/main/cloudformation/stack.yaml', 'src/test/resources/leaking-fixture.yaml']
