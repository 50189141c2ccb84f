package dev.cfnsecrets.maven;

import dev.cfnsecrets.finding.Finding;
import dev.cfnsecrets.report.FindingLine;
import dev.cfnsecrets.report.Format;
import dev.cfnsecrets.report.Redactor;
import dev.cfnsecrets.report.Reporters;
import dev.cfnsecrets.report.SafeText;
import dev.cfnsecrets.report.Summary;
import dev.cfnsecrets.scan.FailOn;
import dev.cfnsecrets.scan.ScanResult;
import java.io.File;
import java.io.IOException;
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
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Scans the project's CloudFormation, SAM and CDK templates and policy documents for secrets that
 * leak through Lambda and ECS environments, and fails the build when a finding reaches {@code
 * failOnSeverity}. Findings go to the reports {@code outputFormats} names (secrets redacted): by
 * default the build log, as {@code path:line:col CFSnnn message} at the matching log level, with
 * the same text in {@code target/cfn-secrets.txt}, and a SARIF 2.1.0 report for code scanning.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends ProjectScanMojo {
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
     * The reports: {@code text} (the build log, and the file {@code textFile}), {@code sarif} (the
     * file {@code sarifFile}), {@code json} (the file {@code jsonFile}), {@code junit} (JUnit XML,
     * the file {@code junitFile}) and {@code gitlab-sast} (the file {@code gitlabSastFile}). The
     * summary line is always logged.
     */
    @Parameter(property = "cfn-secrets.outputFormats", defaultValue = "text,sarif")
    private List<String> outputFormats;

    /** The text report: the findings the log shows, and the summary, for people and archives. */
    @Parameter(
            property = "cfn-secrets.textFile",
            defaultValue = "${project.build.directory}/cfn-secrets.txt")
    private File textFile;

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

    /** The formats written to a file, in the order their reports are written and named. */
    private static final List<Format> FILE_FORMATS =
            List.of(Format.TEXT, Format.SARIF, Format.JSON, Format.JUNIT, Format.GITLAB_SAST);

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
        } catch (MojoFailureException e) {
            throw new MojoFailureException(SafeText.lines(e.getMessage()));
        }
    }

    private void check() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("cfn-secrets: skipped");
            return;
        }
        FailOn threshold = threshold();
        Set<Format> outputs = outputs();
        ScanResult result = scan();

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
            List<String> where = new ArrayList<>();
            if (outputs.contains(Format.TEXT)) {
                where.add("the log above");
            }
            reports.stream().map(Path::toString).forEach(where::add);
            throw new MojoFailureException(
                    violation + (where.isEmpty() ? "" : "; see " + String.join(" and ", where)));
        }
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
        for (String name : outputFormats) {
            if (name.isBlank()) {
                continue;
            }
            Optional<Format> format =
                    Format.fromCliName(name.strip()).filter(FILE_FORMATS::contains);
            if (format.isEmpty()) {
                throw new MojoExecutionException(
                        "cfn-secrets: outputFormats: unknown format '"
                                + name
                                + "' (expected text, sarif, json, junit and/or gitlab-sast)");
            }
            outputs.add(format.get());
        }
        return outputs;
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
            case TEXT:
                return new ReportFile("text", textFile);
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
