// mvn cfn-secrets:report alone writes the bare page target/site/cfn-secrets.html: the summary and
// the finding's row, text from the template escaped, the planted key in no file; findings do not
// fail the build.
import dev.cfnsecrets.maven.ItBuild

def build = new ItBuild(basedir)
def log = build.log()

def page = new File(basedir, 'target/site/cfn-secrets.html')
assert page.isFile() : log
def html = page.getText('UTF-8')
assert html.contains('<h1>cfn-secrets</h1>')
assert html.contains('cfn-secrets: 1 file scanned, 0 skipped: 1 error')
def row = html =~ /(?s)<tr[^>]*>\s*<td>CFS101<\/td>\s*<td>[^<]*template\.yaml<\/td>\s*<td>12<\/td>\s*<td>error<\/td>\s*<td>([^<]*)<\/td>/
assert row.find() : html
assert row.group(1).contains('KEY&lt;b&gt;ID')
assert !html.contains('KEY<b>ID')
assert log =~ /\[INFO\] cfn-secrets: report page written to \S+target.site.cfn-secrets\.html/
def planted = new File(basedir, 'template.yaml').text =~ /AKIA[0-9A-Z]{16}/
assert planted.find()
build.assertNowhere(planted.group())
assert log.contains('BUILD SUCCESS')
