// mvn site renders the report goal's page target/site/cfn-secrets.html: the summary and a row
// for the finding (rule, file, line, level, message), text from the template escaped, the
// planted key in no file; findings do not fail the site.
import dev.cfnsecrets.maven.ItBuild

def build = new ItBuild(basedir)
def log = build.log()

def page = new File(basedir, 'target/site/cfn-secrets.html')
assert page.isFile() : log
def html = page.getText('UTF-8')
assert html.contains('cfn-secrets: 1 file scanned, 0 skipped: 1 error')
def row = html =~ /(?s)<tr[^>]*>\s*<td>CFS101<\/td>\s*<td>([^<]*)<\/td>\s*<td>12<\/td>\s*<td>error<\/td>\s*<td>([^<]*)<\/td>/
assert row.find() : html
assert row.group(1).endsWith('template.yaml')
// The variable's name is text on the page, not markup.
assert row.group(2).contains('KEY&lt;b&gt;ID')
assert !html.contains('KEY<b>ID')
// The site's menu lists the page under the project's reports.
assert new File(basedir, 'target/site/project-reports.html').getText('UTF-8').contains('cfn-secrets.html')
def planted = new File(basedir, 'template.yaml').text =~ /AKIA[0-9A-Z]{16}/
assert planted.find()
build.assertNowhere(planted.group())
assert log.contains('BUILD SUCCESS')
