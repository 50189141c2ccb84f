// cfn-secrets:help describes the goals check and report and their parameters.
def log = new File(basedir, 'build.log').text

// The first help printed (the log may hold it twice), cut at its goals' headings.
def starts = [:]
def end = log.length()
def m = log =~ /(?m)^cfn-secrets:(\w+)\s*$/
while (m.find()) {
    if (starts.containsKey(m.group(1))) {
        end = m.start()
        break
    }
    starts[m.group(1)] = m.start()
}
def bounds = starts.values().sort() + [end]
def sections = starts.collectEntries { goal, start -> [goal, log.substring(start, bounds[bounds.indexOf(start) + 1])] }
assert sections.keySet() == ['check', 'help', 'report'] as Set : log
def shared = ['paths', 'includes', 'excludes', 'includeTests', 'enable', 'disable', 'baseline', 'configFile', 'skip']
(shared + ['failOnSeverity', 'failOnViolation', 'outputFormats', 'textFile', 'sarifFile', 'jsonFile', 'junitFile', 'gitlabSastFile']).each { parameter ->
    assert sections.check =~ /(?m)^\s+$parameter\b/ : "help does not describe check's $parameter:\n$log"
}
(shared + ['outputDirectory']).each { parameter ->
    assert sections.report =~ /(?m)^\s+$parameter\b/ : "help does not describe report's $parameter:\n$log"
}
// The report never fails a build: it has no parameter that would.
assert !(sections.report =~ /(?m)^\s+failOn/)
// One name for the reports' parameter: the old one is gone.
assert !(log =~ /(?m)^\s+formats\b/)
assert log.contains('User property: cfn-secrets.outputFormats')
assert log.contains('User property: cfn-secrets.enable')
assert log.contains('User property: cfn-secrets.disable')
assert log.contains('User property: cfn-secrets.skip')
