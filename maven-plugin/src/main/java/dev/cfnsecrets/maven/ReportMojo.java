package dev.cfnsecrets.maven;

import dev.cfnsecrets.report.SafeText;
import dev.cfnsecrets.report.Summary;
import dev.cfnsecrets.scan.ScanResult;
import java.io.File;
import java.io.IOException;
import java.util.Locale;
import org.apache.maven.doxia.module.xhtml5.Xhtml5SinkFactory;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.reporting.MavenReport;
import org.apache.maven.reporting.MavenReportException;

/**
 * The page "cfn-secrets" of {@code mvn site} (declare the goal under {@code <reporting>}): scans
 * like {@code check}, with the same parameters for files, rules and configuration, and shows the
 * summary and a table of the findings (rule, file, line, level, message), secrets redacted.
 * Findings never fail the build; a configuration error does. Run alone ({@code mvn
 * cfn-secrets:report}) it writes the bare page {@code cfn-secrets.html} to {@code outputDirectory}.
 */
// MavenReport implemented here rather than through maven-reporting-impl's AbstractMavenReport: a
// mojo has one superclass, and ProjectScanMojo gives this goal check's parameters and scan without
// declaring them a second time.
@Mojo(name = "report", threadSafe = true)
public class ReportMojo extends ProjectScanMojo implements MavenReport {
    /** Where the page goes when the goal runs alone; {@code mvn site} says where itself. */
    @Parameter(
            property = "cfn-secrets.outputDirectory",
            defaultValue = "${project.reporting.outputDirectory}")
    private File outputDirectory;

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("cfn-secrets: skipped");
            return;
        }
        try {
            Sink sink =
                    new Xhtml5SinkFactory().createSink(outputDirectory, getOutputName() + ".html");
            new FindingsPage(sink).render(scanned());
        } catch (IOException e) {
            throw new MojoExecutionException(
                    SafeText.lines("cfn-secrets: cannot write the report page: " + e.getMessage()));
        }
        getLog().info(
                        "cfn-secrets: report page written to "
                                + new File(outputDirectory, getOutputName() + ".html"));
    }

    @Override
    public void generate(Sink sink, Locale locale) throws MavenReportException {
        try {
            new FindingsPage(sink).render(scanned());
        } catch (MojoExecutionException e) {
            throw new MavenReportException(SafeText.lines(e.getMessage()));
        }
    }

    /** The scan, its summary logged as {@code check} logs it. */
    private ScanResult scanned() throws MojoExecutionException {
        try {
            ScanResult result = scan();
            getLog().info(Summary.line(result));
            return result;
        } catch (MojoExecutionException e) {
            // The message says it all; a cause would be printed raw under -e.
            throw new MojoExecutionException(SafeText.lines(e.getMessage()));
        }
    }

    @Override
    public String getOutputName() {
        return "cfn-secrets";
    }

    @Override
    public String getCategoryName() {
        return CATEGORY_PROJECT_REPORTS;
    }

    @Override
    public String getName(Locale locale) {
        return FindingsPage.TITLE;
    }

    @Override
    public String getDescription(Locale locale) {
        return "Secrets that leak through the Lambda and ECS environments of the project's"
                + " CloudFormation, SAM and CDK templates, found by cfn-secrets.";
    }

    @Override
    public void setReportOutputDirectory(File directory) {
        outputDirectory = directory;
    }

    @Override
    public File getReportOutputDirectory() {
        return outputDirectory;
    }

    @Override
    public boolean isExternalReport() {
        return false;
    }

    @Override
    public boolean canGenerateReport() {
        return !skip;
    }
}
