package dev.cfnsecrets.maven;

import dev.cfnsecrets.BuiltInRules;
import dev.cfnsecrets.catalog.Catalog;
import dev.cfnsecrets.config.Baseline;
import dev.cfnsecrets.config.Config;
import dev.cfnsecrets.config.ConfigException;
import dev.cfnsecrets.config.ConfigLoader;
import dev.cfnsecrets.finding.Finding;
import dev.cfnsecrets.report.FindingLine;
import dev.cfnsecrets.report.Format;
import dev.cfnsecrets.report.Redactor;
import dev.cfnsecrets.report.Reporters;
import dev.cfnsecrets.report.SafeText;
import dev.cfnsecrets.report.SourceRoot;
import dev.cfnsecrets.report.Summary;
import dev.cfnsecrets.scan.FailOn;
import dev.cfnsecrets.scan.ScanOptions;
import dev.cfnsecrets.scan.ScanResult;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Scans the project's CloudFormation, SAM and CDK templates and policy documents for secrets that
 * leak through Lambda and ECS environments, and fails the build when a finding reaches {@code
 * failOnSeverity}. Findings go to the build log as {@code path:line:col CFSnnn message} at the
 * matching log level (secrets redacted), and to a SARIF 2.1.0 report for code scanning.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractMojo {
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
     * The lowest level of unsuppressed finding that fails the build: {@code error}, {@code
     * warning}, {@code note} or {@code none}.
     */
    @Parameter(property = "cfn-secrets.failOnSeverity", defaultValue = "error")
    private String failOnSeverity;

    /**
     * Whether findings at or above {@code failOnSeverity} fail the build; {@code false}: they are
     * reported and the build goes on.
     */
    @Parameter(property = "cfn-secrets.failOnViolation", defaultValue = "true")
    private boolean failOnViolation;

    /**
     * Where findings go: {@code text} (the build log), {@code sarif} (the file {@code sarifFile}),
     * {@code json} (the file {@code jsonFile}), {@code junit} (the file {@code junitFile}) and
     * {@code gitlab-sast} (the file {@code gitlabSastFile}). The summary line is always logged.
     */
    @Parameter(property = "cfn-secrets.formats", defaultValue = "text,sarif")
    private List<String> formats;

    /** The SARIF 2.1.0 report, for GitHub code scanning and other SARIF viewers. */
    @Parameter(
            property = "cfn-secrets.sarifFile",
            defaultValue = "${project.build.directory}/cfn-secrets.sarif")
    private File sarifFile;

    /** The JSON report (the command line's {@code --format json}), for scripts. */
    @Parameter(
            property = "cfn-secrets.jsonFile",
            defaultValue = "${project.build.directory}/cfn-secrets.json")
    private File jsonFile;

    /** The JUnit XML report, for the test tabs of Jenkins, GitLab and Azure DevOps. */
    @Parameter(
            property = "cfn-secrets.junitFile",
            defaultValue = "${project.build.directory}/cfn-secrets-junit.xml")
    private File junitFile;

    /** The GitLab SAST report, for GitLab's security widget ({@code artifacts:reports:sast}). */
    @Parameter(
            property = "cfn-secrets.gitlabSastFile",
            defaultValue = "${project.build.directory}/gl-sast-report.json")
    private File gitlabSastFile;

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
    private boolean skip;

    /** The formats written to a file, in the order their reports are written and named. */
    private static final List<Format> FILE_FORMATS =
            List.of(Format.SARIF, Format.JSON, Format.JUNIT, Format.GITLAB_SAST);

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    /**
     * Every message of this goal is escaped ({@link SafeText}): file names, findings and
     * configuration errors come from the scanned project, and Maven prints a failure's message raw.
     */
    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        try {
            check();
        } catch (MojoExecutionException e) {
            // The message says it all; a cause (a configuration error) would be printed raw under
            // -e.
            throw new MojoExecutionException(SafeText.lines(e.getMessage()));
        } catch (ConfigException e) {
            throw new MojoExecutionException(SafeText.lines("cfn-secrets: " + e.getMessage()));
        } catch (MojoFailureException e) {
            throw new MojoFailureException(SafeText.lines(e.getMessage()));
        }
    }

    @Override
    public Log getLog() {
        return new SafeLog(super.getLog());
    }

    private void check() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("cfn-secrets: skipped");
            return;
        }
        FailOn threshold = threshold();
        Set<Format> outputs = outputs();
        Catalog bundled = Catalog.bundled();
        Config config = config(bundled);
        // The configuration's custom rules join the catalog, as on the command line.
        Catalog catalog = bundled.withCustomRules(config.customRules());
        List<Path> targets = targets();
        ScanOptions options = options(config, targets);
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

        ScanResult result =
                BuiltInRules.scanner(options, catalog).scan(files, InputStream::nullInputStream);

        if (outputs.contains(Format.TEXT)) {
            log(result);
        }
        Summary.configuration(result).forEach(getLog()::warn);
        getLog().info(Summary.line(result));
        List<Path> reports = new ArrayList<>();
        for (Format format : FILE_FORMATS) {
            if (outputs.contains(format)) {
                reports.add(writeReport(format, result));
            }
        }
        if (threshold.fails(result)) {
            long count = threshold.count(result);
            String violation =
                    "cfn-secrets: "
                            + count
                            + (count == 1 ? " finding" : " findings")
                            + " at or above failOnSeverity="
                            + failOnSeverity.strip().toLowerCase(Locale.ROOT);
            if (!failOnViolation) {
                getLog().warn(violation + "; failOnViolation is false, the build goes on");
                return;
            }
            throw new MojoFailureException(
                    violation
                            + (reports.isEmpty()
                                    ? ""
                                    : "; see the log above and "
                                            + reports.stream()
                                                    .map(Path::toString)
                                                    .collect(Collectors.joining(" and "))));
        }
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
    private Path inProject(File file) {
        return project.getBasedir().toPath().resolve(file.toPath());
    }

    private FailOn threshold() throws MojoExecutionException {
        try {
            return FailOn.parse(failOnSeverity);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("cfn-secrets: failOnSeverity: " + e.getMessage(), e);
        }
    }

    private Set<Format> outputs() throws MojoExecutionException {
        Set<Format> outputs = EnumSet.noneOf(Format.class);
        for (String name : formats) {
            if (name.isBlank()) {
                continue;
            }
            Optional<Format> format =
                    Format.fromCliName(name.strip())
                            .filter(f -> f == Format.TEXT || FILE_FORMATS.contains(f));
            if (format.isEmpty()) {
                throw new MojoExecutionException(
                        "cfn-secrets: formats: unknown format '"
                                + name
                                + "' (expected text, sarif, json, junit and/or gitlab-sast)");
            }
            outputs.add(format.get());
        }
        return outputs;
    }

    private Config config(Catalog bundled) throws MojoExecutionException {
        try {
            return configFile().map(new ConfigLoader(bundled)::load).orElse(Config.EMPTY);
        } catch (ConfigException e) {
            throw new MojoExecutionException("cfn-secrets: " + e.getMessage(), e);
        }
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
        try {
            ScanOptions options = ScanOptions.from(config);
            options = baselineFile.map(Baseline::read).map(options::withBaseline).orElse(options);
            return options.withRoot(SourceRoot.of(targets, Path.of(""), configFile()));
        } catch (ConfigException e) {
            throw new MojoExecutionException("cfn-secrets: " + e.getMessage(), e);
        }
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

    /**
     * One line per unsuppressed finding at its level; suppressed ones are only counted in the
     * summary.
     */
    private void log(ScanResult result) {
        Redactor redactor = new Redactor(false);
        for (Finding finding : result.findings()) {
            if (finding.isSuppressed()) {
                continue;
            }
            String line = FindingLine.of(finding, redactor);
            switch (finding.level()) {
                case ERROR:
                    getLog().error(line);
                    break;
                case WARNING:
                    getLog().warn(line);
                    break;
                default:
                    getLog().info(line);
            }
        }
    }

    /** A report file: its name in messages and the parameter saying where it goes. */
    private record ReportFile(String name, File file) {}

    private ReportFile reportFile(Format format) {
        switch (format) {
            case SARIF:
                return new ReportFile("SARIF", sarifFile);
            case JSON:
                return new ReportFile("JSON", jsonFile);
            case JUNIT:
                return new ReportFile("JUnit XML", junitFile);
            case GITLAB_SAST:
                return new ReportFile("GitLab SAST", gitlabSastFile);
            default:
                throw new IllegalArgumentException("no report file for " + format);
        }
    }

    /** Writes the report of a file format where its parameter says; returns that file. */
    private Path writeReport(Format format, ScanResult result) throws MojoExecutionException {
        ReportFile report = reportFile(format);
        String name = report.name();
        Path file = inProject(report.file());
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                Reporters.of(format, false, false).write(result, out);
            }
        } catch (IOException e) {
            throw new MojoExecutionException(
                    "cfn-secrets: cannot write the "
                            + name
                            + " report "
                            + file
                            + ": "
                            + e.getMessage(),
                    e);
        }
        getLog().info("cfn-secrets: " + name + " report written to " + file);
        return file;
    }
}
