// Records the template's findings with the command line, as a user would before committing the
// baseline: its fingerprints are relative to the git work tree holding the project, which depends
// on where this IT runs, so the file is written here rather than committed.
def java = new File(System.getProperty('java.home'), 'bin/java').path
def process = new ProcessBuilder(java, '-jar', scannerJar, 'scan',
        '--write-baseline', 'cfn-secrets-baseline.json', 'template.yaml')
        .directory(basedir)
        .redirectErrorStream(true)
        .start()
def output = process.inputStream.text
assert process.waitFor() == 0 : output
assert new File(basedir, 'cfn-secrets-baseline.json').isFile() : output
