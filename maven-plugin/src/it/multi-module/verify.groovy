// Each project scans its own files and writes its own SARIF: the parent only root.yaml, api its
// clean template, infra only stack.yaml, the nested module infra/functions only function.yaml.
// The findings are logged once each, with paths relative to where Maven runs; built with -T 2.
import dev.cfnsecrets.maven.ItBuild

def build = new ItBuild(basedir)
def log = build.log()

def leaking = ['root.yaml', 'infra/stack.yaml', 'infra/functions/function.yaml']
def errors = build.loggedFindings().findAll { it.level() == 'ERROR' }
assert errors.collect { it.path() }.sort() == leaking.sort() : log

def reports = [
        'target/cfn-secrets.sarif'                : ['root.yaml'],
        'api/target/cfn-secrets.sarif'            : [],
        'infra/target/cfn-secrets.sarif'          : ['infra/stack.yaml'],
        'infra/functions/target/cfn-secrets.sarif': ['infra/functions/function.yaml'],
]
reports.each { report, files ->
    def errorUris = build.sarif(report).findAll { it.level() == 'error' }.collect { it.uri() }
    assert errorUris == files : "$report reports $errorUris"
}

// One summary per project, each counting one file of its own.
assert (log =~ /\[INFO\] cfn-secrets: 1 file scanned, 0 skipped: 1 error, /).size() == 3
assert (log =~ /\[INFO\] cfn-secrets: 1 file scanned, 0 skipped: 0 errors, /).size() == 1
assert !log.contains('threadSafe') && !log.contains('thread-safe')
assert log.contains('BUILD SUCCESS')
