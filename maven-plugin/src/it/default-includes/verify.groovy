// By default the goal scans the templates in the project's directory and under src/main, not the
// test tree nor other folders: of the three leaking templates only src/main's is reported, and the
// clean top-level template.yaml is scanned with it.
import dev.cfnsecrets.maven.ItBuild

def build = new ItBuild(basedir)
def log = build.log()

def errors = build.loggedFindings().findAll { it.level() == 'ERROR' }
assert errors.collect { [it.path(), it.ruleId()] } == [['src/main/cloudformation/stack.yaml', 'CFS101']] : log
assert log =~ /\[INFO\] cfn-secrets: 2 files scanned, 0 skipped: 1 error, /
assert log.contains('cfn-secrets: 1 finding at or above failOnSeverity=error; see the log above and ')

assert build.sarif('target/cfn-secrets.sarif').findAll { it.level() == 'error' }.collect { it.uri() } ==
        ['src/main/cloudformation/stack.yaml']
// The fixture and the example leak keys of their own: neither reaches a report.
['src/test/resources/leaking-fixture.yaml', 'docs/examples/example.yaml'].each { path ->
    def planted = new File(basedir, path).text =~ /AKIA[0-9A-Z]{16}/
    assert planted.find()
    assert !log.contains(path)
    assert !new File(basedir, 'target/cfn-secrets.sarif').text.contains(path)
}
assert log.contains('BUILD FAILURE')
