// A template outside the default includes is not scanned, and the goal logs that it read nothing
// and where to look.
import dev.cfnsecrets.maven.ItBuild

def build = new ItBuild(basedir)
def log = build.log()

assert log =~ /\[INFO\] cfn-secrets: no file to scan under \S+no-template matches the includes \*\.yaml, \*\.yml, \*\.json, \*\.template, src\/main\/\*\*, cdk\.out\/\*\*; set includes to where the templates are/ : log
assert log.contains('[INFO] cfn-secrets: 0 files scanned, 0 skipped: 0 errors')
assert log.contains('BUILD SUCCESS')
