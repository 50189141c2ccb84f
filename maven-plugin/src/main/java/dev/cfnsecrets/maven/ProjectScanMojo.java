package dev.cfnsecrets.maven;

import dev.cfnsecrets.BuiltInRules;
import dev.cfnsecrets.catalog.Catalog;
import dev.cfnsecrets.config.Baseline;
import dev.cfnsecrets.config.Config;
import dev.cfnsecrets.config.ConfigException;
import dev.cfnsecrets.config.ConfigLoader;
import dev.cfnsecrets.config.RuleSelection;
import dev.cfnsecrets.report.SourceRoot;
import dev.cfnsecrets.scan.ScanOptions;
import dev.cfnsecrets.scan.ScanResult;
import java.io.File;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What the goals {@code check} and {@code report} share: the parameters that choose the files, the
 * rules and the configuration, and the scan of the project they describe. One class, so that the
 * site's report shows what the build's check judges.
 */
abstract class ProjectScanMojo extends AbstractMojo {
    /**
     * Files or directories to scan; default: the project's base directory, filtered by {@code
     * includes}. Directories are walked for {@code .yaml}, {@code .yml}, {@code .json} and {@code
     * .template} files, skipping {@code .git}, {@code node_modules}, {@code target}, {@code
     * .aws-sam/build}, {@code cdk.out/asset.*} and the directories of this project's modules (each
     * module scans its own files). Relative paths are relative to the project's base directory.
     * What is named here is scanned whole unless {@code includes} is set too.
     */
    // No defaultValue: Maven 3.8 cannot turn a default ${project.basedir} (a File) into a List.
    @Parameter(property = "cfn-secrets.paths")
    private List<File> paths;

    /**
     * Ant-style patterns (relative to the project's base directory) of the files to scan. Default:
     * the templates in the base directory itself ({@code *.yaml}, {@code *.yml}, {@code *.json},
     * {@code *.template}), {@code src/main/**} and {@code cdk.out/**}; {@code **} when {@code
     * paths} is set.
     */
    @Parameter(property = "cfn-secrets.includes")
    private List<String> includes;

    /** Ant-style patterns (relative to the project's base directory) of files not to scan. */
    @Parameter(property = "cfn-secrets.excludes")
    private List<String> excludes;

    /** Scan the test tree too: adds {@code src/test/**} to the includes. */
    @Parameter(property = "cfn-secrets.includeTests", defaultValue = "false")
    private boolean includeTests;

    /**
     * Report only these rules: rule ids or prefixes ({@code CFS3} = all IAM rules), as the command
     * line's {@code --enable}. Replaces the configuration file's {@code rules.enable}, and turns
     * back on what its {@code rules.disable} turned off among these rules.
     */
    @Parameter(property = "cfn-secrets.enable")
    private List<String> enable;

    /**
     * Do not report these rules: rule ids or prefixes, as the command line's {@code --disable}.
     * Adds to the configuration file's {@code rules.disable}, and wins over {@code enable} (a
     * conflict is warned of). What they would have reported is counted in the summary.
     */
    @Parameter(property = "cfn-secrets.disable")
    private List<String> disable;

    /**
     * The configuration file ({@code .cfn-secrets.yml} format). Default: {@code .cfn-secrets.yml}
     * in the project's directory, else in the directory of the build's top project, if present.
     */
    @Parameter(property = "cfn-secrets.configFile")
    private File configFile;

    /**
     * A baseline file, as {@code cfn-secrets scan --write-baseline} writes it: the findings it
     * records are reported as suppressed and fail nothing. Relative to the project's base
     * directory; replaces the configuration file's {@code baseline}.
     */
    @Parameter(property = "cfn-secrets.baseline")
    private File baseline;

    /** Skip the scan. */
    @Parameter(property = "cfn-secrets.skip", defaultValue = "false")
    protected boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Override
    public Log getLog() {
        return new SafeLog(super.getLog());
    }

    /**
     * Scans the project as the parameters say. Configuration errors (the file's, a rule id that
     * does not exist) are {@link MojoExecutionException}s; their messages come from the project,
     * and each goal escapes them (SafeText) before Maven prints them raw.
     */
    protected ScanResult scan() throws MojoExecutionException {
        try {
            Catalog bundled = Catalog.bundled();
            Config config = config(bundled);
            // The configuration's custom rules join the catalog, as on the command line: enable
            // and disable may name them.
            Catalog catalog = bundled.withCustomRules(config.customRules());
            RuleSelection rules =
                    RuleSelection.of(
                            new ConfigLoader(catalog), enable, "enable", disable, "disable");
            rules.conflicts().forEach(c -> getLog().warn("cfn-secrets: " + c));
            List<Path> targets = targets();
            ScanOptions options = rules.applyTo(options(config, targets), config);
            return BuiltInRules.scanner(options, catalog)
                    .scan(files(targets), InputStream::nullInputStream);
        } catch (ConfigException e) {
            throw new MojoExecutionException("cfn-secrets: " + e.getMessage(), e);
        }
    }

    private List<String> files(List<Path> targets) {
        FileSelection selection = selection();
        List<String> files =
                ProjectFiles.of(targets, moduleDirectories()).stream()
                        .filter(selection::selects)
                        .map(Path::toString)
                        .toList();
        if (files.isEmpty()) {
            // Templates outside the default includes (infra/, say) would be missed silently. Only
            // info: a parent or a Java module of a multi-module build often has no template.
            getLog().info(
                            "cfn-secrets: no file to scan under "
                                    + project.getBasedir()
                                    + " matches the includes "
                                    + selection
                                    + "; set includes to where the templates are");
        }
        return files;
    }

    private FileSelection selection() {
        List<String> chosen = new ArrayList<>();
        if (includes != null && !includes.isEmpty()) {
            chosen.addAll(includes);
        } else if (paths != null && !paths.isEmpty()) {
            chosen.add(FileSelection.EVERYTHING);
        } else {
            chosen.addAll(FileSelection.DEFAULT_INCLUDES);
        }
        if (includeTests) {
            chosen.add(FileSelection.TESTS);
        }
        return new FileSelection(
                project.getBasedir().toPath(), chosen, excludes == null ? List.of() : excludes);
    }

    /**
     * A file parameter relative to the project's base directory: Maven resolves a configured {@code
     * File} so, but not one given as {@code -Dcfn-secrets.…=}, which Java would resolve against the
     * directory Maven runs in ({@code mvn -f}).
     */
    protected Path inProject(File file) {
        return project.getBasedir().toPath().resolve(file.toPath());
    }

    private Config config(Catalog bundled) throws MojoExecutionException {
        return configFile().map(new ConfigLoader(bundled)::load).orElse(Config.EMPTY);
    }

    /**
     * The configuration file's options and the baseline ({@code baseline}, else the one the
     * configuration names), with excludes and fingerprints relative to the repository as on the
     * command line, so that a baseline the command line wrote applies here too.
     */
    private ScanOptions options(Config config, List<Path> targets) throws MojoExecutionException {
        Optional<Path> baselineFile = config.baseline();
        if (baseline != null) {
            baselineFile = Optional.of(inProject(baseline));
            if (!Files.isRegularFile(baselineFile.get())) {
                throw new MojoExecutionException(
                        "cfn-secrets: baseline: no such file: " + baselineFile.get());
            }
        }
        ScanOptions options = ScanOptions.from(config);
        options = baselineFile.map(Baseline::read).map(options::withBaseline).orElse(options);
        return options.withRoot(SourceRoot.of(targets, Path.of(""), configFile()));
    }

    private Optional<Path> configFile() throws MojoExecutionException {
        if (configFile != null) {
            Path file = inProject(configFile);
            if (!Files.isRegularFile(file)) {
                throw new MojoExecutionException("cfn-secrets: configFile: no such file: " + file);
            }
            return Optional.of(file);
        }
        return Stream.of(project.getBasedir(), topDirectory())
                .map(dir -> new File(dir, ConfigLoader.DEFAULT_FILE))
                .filter(File::isFile)
                .map(File::toPath)
                .findFirst();
    }

    private File topDirectory() {
        MavenProject top = session.getTopLevelProject();
        return top != null && top.getBasedir() != null ? top.getBasedir() : project.getBasedir();
    }

    private List<Path> targets() throws MojoExecutionException {
        Path basedir = project.getBasedir().toPath();
        if (paths == null || paths.isEmpty()) {
            return List.of(basedir);
        }
        List<Path> targets = new ArrayList<>();
        for (File path : paths) {
            // Maven resolves configured paths against the base directory; one from
            // -Dcfn-secrets.paths it does not.
            Path absolute = basedir.resolve(path.toPath());
            if (!Files.exists(absolute)) {
                throw new MojoExecutionException(
                        "cfn-secrets: paths: no such file or directory: " + absolute);
            }
            targets.add(absolute);
        }
        return targets;
    }

    private List<Path> moduleDirectories() {
        Path basedir = project.getBasedir().toPath().toAbsolutePath();
        return project.getModules().stream()
                .map(module -> ProjectFiles.moduleDirectory(basedir, module))
                .toList();
    }
}
