// cfn-secrets:help describes the goals check and report and their parameters.
def log = new File(basedir, 'build.log').text

def check = log.indexOf('cfn-secrets:check')
def report = log.indexOf('cfn-secrets:report')
assert check >= 0 && report >= 0 : log
def sections = check < report ? [check: log.substring(check, report), report: log.substring(report)]
        : [check: log.substring(check), report: log.substring(report, check)]
def shared = ['paths', 'includes', 'excludes', 'includeTests', 'enable', 'disable', 'baseline', 'configFile', 'skip']
(shared + ['failOnSeverity', 'failOnViolation', 'outputFormats', 'textFile', 'sarifFile', 'jsonFile', 'junitFile', 'gitlabSastFile']).each { parameter ->
    assert sections.check =~ /(?m)^\s+$parameter\b/ : "help does not describe check's $parameter:\n$log"
}
(shared + ['outputDirectory']).each { parameter ->
    assert sections.report =~ /(?m)^\s+$parameter\b/ : "help does not describe report's $parameter:\n$log"
}
// One name for the reports' parameter: the old one is gone.
assert !(log =~ /(?m)^\s+formats\b/)
assert log.contains('User property: cfn-secrets.outputFormats')
assert log.contains('User property: cfn-secrets.enable')
assert log.contains('User property: cfn-secrets.disable')
assert log.contains('User property: cfn-secrets.skip')
