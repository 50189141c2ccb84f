// outputFormats text,junit,gitlab-sast: target/cfn-secrets-junit.xml and target/gl-sast-report.json
// hold the findings the log shows (key redacted), the failure names both, and no SARIF report
// is written.
import dev.cfnsecrets.maven.ItBuild
import groovy.json.JsonSlurper

def build = new ItBuild(basedir)
def log = build.log()
def template = new File(basedir, 'template.yaml').canonicalFile

// These reports name files relative to the git work tree holding them (this repository's, when
// the ITs run in a clone), else to the directory Maven runs in, as the command line's do.
def root = basedir.canonicalFile
while (root != null && !new File(root, '.git').exists()) {
    root = root.parentFile
}
def expectedPath = (root ?: basedir.canonicalFile).toPath().relativize(template.toPath()).toString()

def logged = build.loggedFindings().collect { [it.ruleId(), it.line()] }
assert logged.contains(['CFS101', 13]) : log

def junit = new groovy.xml.XmlSlurper().parse(new File(basedir, 'target/cfn-secrets-junit.xml'))
def failures = junit.testsuite.testcase.findAll { !it.failure.isEmpty() }.collect {
    [it.failure.@type.text(), it.@classname.text(), (it.@name.text() =~ /line (\d+)/)[0][1] as int]
}
assert failures.contains(['CFS101', expectedPath, 13]) : failures
assert failures.collect { [it[0], it[2]] }.sort() == logged.sort()

def sast = new JsonSlurper().parse(new File(basedir, 'target/gl-sast-report.json'))
def vulnerabilities = sast.vulnerabilities.collect {
    [it.identifiers[0].value, it.location.file, it.location.start_line]
}
assert vulnerabilities.contains(['CFS101', expectedPath, 13]) : vulnerabilities
assert vulnerabilities.collect { [it[0], it[2]] }.sort() == logged.sort()

assert log =~ /\[INFO\] cfn-secrets: JUnit XML report written to \S+target.cfn-secrets-junit\.xml/
assert log =~ /\[INFO\] cfn-secrets: GitLab SAST report written to \S+target.gl-sast-report\.json/
assert log =~ /1 finding at or above failOnSeverity=error; see the log above and \S+cfn-secrets\.txt and \S+cfn-secrets-junit\.xml and \S+gl-sast-report\.json/
assert !new File(basedir, 'target/cfn-secrets.sarif').exists()
def planted = template.text =~ /AKIA[0-9A-Z]{16}/
assert planted.find()
build.assertNowhere(planted.group())
assert log.contains('BUILD FAILURE')
