// mvn cfn-secrets:report alone writes the bare page target/site/cfn-secrets.html (no site skin):
// the finding's row with the template's text escaped, the planted key in no file; findings do
// not fail the build.
import dev.cfnsecrets.maven.ItBuild

def build = new ItBuild(basedir)
def log = build.log()

def rows = build.reportRows('target/site/cfn-secrets.html')
assert rows.collect { [it[0], it[2], it[3]] }.contains(['CFS101', '12', 'error']) : rows
assert rows.find { it[0] == 'CFS101' }[4].contains('KEY&lt;b&gt;ID')
assert log =~ /\[INFO\] cfn-secrets: report page written to \S+target.site.cfn-secrets\.html/
def planted = new File(basedir, 'template.yaml').text =~ /AKIA[0-9A-Z]{16}/
assert planted.find()
build.assertNowhere(planted.group())
assert log.contains('BUILD SUCCESS')
