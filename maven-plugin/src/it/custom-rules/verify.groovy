// The custom rule of .cfn-secrets.yml runs in the plugin as on the command line: its error fails
// the build, and the SARIF report describes the rule and holds its result.
import dev.cfnsecrets.maven.ItBuild

def build = new ItBuild(basedir)
def log = build.log()

def findings = build.loggedFindings()
assert findings.collect { [it.level(), it.path(), it.line(), it.ruleId()] } == [['ERROR', 'template.yaml', 8, 'ACME002']] : log
assert findings[0].message() == 'Function Orders uses a deprecated runtime'
assert log.contains('BUILD FAILURE')

assert build.sarif('target/cfn-secrets.sarif').collect { [it.ruleId(), it.level(), it.uri(), it.startLine()] } ==
        [['ACME002', 'error', 'template.yaml', 8]]
assert new File(basedir, 'target/cfn-secrets.sarif').text.contains('"name" : "deprecated-lambda-runtime"')
