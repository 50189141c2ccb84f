// mvn -f app/pom.xml from the folder above: -Dcfn-secrets.sarifFile=reports/cfn.sarif is relative
// to the project's directory, so the report is app/reports/cfn.sarif, and nothing is written where
// Maven runs.
import dev.cfnsecrets.maven.ItBuild

def build = new ItBuild(basedir)
def log = build.log()

def errors = build.loggedFindings().findAll { it.level() == 'ERROR' }
assert errors.collect { [it.path(), it.ruleId()] } == [['app/template.yaml', 'CFS101']] : log
assert log.contains('BUILD FAILURE')
assert build.sarif('app/reports/cfn.sarif').findAll { it.level() == 'error' }.size() == 1
assert !new File(basedir, 'reports').exists()
assert !new File(basedir, 'target').exists()
