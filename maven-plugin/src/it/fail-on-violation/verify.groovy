// -Dcfn-secrets.failOnViolation=false: the error is logged and in the SARIF report, the goal warns
// that it would have failed, and the build passes.
import dev.cfnsecrets.maven.ItBuild

def build = new ItBuild(basedir)
def log = build.log()

def errors = build.loggedFindings().findAll { it.level() == 'ERROR' }
assert errors.collect { [it.path(), it.ruleId()] } == [['template.yaml', 'CFS101']] : log
assert log.contains('[WARNING] cfn-secrets: 1 finding at or above failOnSeverity=error; failOnViolation is false, the build goes on')
assert log.contains('BUILD SUCCESS')
assert build.sarif('target/cfn-secrets.sarif').findAll { it.level() == 'error' }.collect { it.uri() } == ['template.yaml']
