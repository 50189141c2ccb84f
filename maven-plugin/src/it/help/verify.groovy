// cfn-secrets:help describes the check goal and its parameters.
def log = new File(basedir, 'build.log').text

assert log.contains('cfn-secrets:check')
['paths', 'includes', 'excludes', 'includeTests', 'failOnSeverity', 'failOnViolation', 'formats', 'sarifFile', 'jsonFile', 'junitFile', 'gitlabSastFile', 'baseline', 'configFile', 'skip'].each { parameter ->
    assert log =~ /(?m)^\s+$parameter\b/ : "help does not describe $parameter:\n$log"
}
assert log.contains('User property: cfn-secrets.skip')
