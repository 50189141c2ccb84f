// mvn site renders the report goal's page target/site/cfn-secrets.html: the summary and a row
// for the finding (rule, file, line, level, message), text from the template escaped, the
// planted key in no file; findings do not fail the site, and the page is among the project's reports.
import dev.cfnsecrets.maven.ItBuild

def build = new ItBuild(basedir)
def log = build.log()

def row = build.reportRows('target/site/cfn-secrets.html').find { it[0] == 'CFS101' }
assert row[1].endsWith('template.yaml') && row[2..3] == ['12', 'error'] : row
// The variable's name is text on the page, not markup.
assert row[4].contains('KEY&lt;b&gt;ID')
def html = new File(basedir, 'target/site/cfn-secrets.html').getText('UTF-8')
assert html.contains('cfn-secrets: 1 file scanned, 0 skipped: 1 error') && !html.contains('KEY<b>ID')
assert new File(basedir, 'target/site/project-reports.html').getText('UTF-8').contains('cfn-secrets.html')
def planted = new File(basedir, 'template.yaml').text =~ /AKIA[0-9A-Z]{16}/
assert planted.find()
build.assertNowhere(planted.group())
assert log.contains('BUILD SUCCESS')
