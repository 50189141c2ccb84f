package dev.cfnsecrets.cli;

import dev.cfnsecrets.BuiltInRules;
import dev.cfnsecrets.catalog.Catalog;
import dev.cfnsecrets.config.Baseline;
import dev.cfnsecrets.config.Config;
import dev.cfnsecrets.config.ConfigException;
import dev.cfnsecrets.config.ConfigLoader;
import dev.cfnsecrets.config.RuleSelection;
import dev.cfnsecrets.live.LiveRequest;
import dev.cfnsecrets.live.LiveScan;
import dev.cfnsecrets.report.BaselineWriter;
import dev.cfnsecrets.report.Format;
import dev.cfnsecrets.report.Reporter;
import dev.cfnsecrets.report.Reporters;
import dev.cfnsecrets.report.SarifContext;
import dev.cfnsecrets.report.SourceRoot;
import dev.cfnsecrets.report.Summary;
import dev.cfnsecrets.scan.ConfigNotice;
import dev.cfnsecrets.scan.FailOn;
import dev.cfnsecrets.scan.ScanOptions;
import dev.cfnsecrets.scan.ScanResult;
import dev.cfnsecrets.scan.Scanner;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cfn-secrets scan}: configuration file and flags → {@link ScanOptions} → {@link Scanner} →
 * reporter, and the exit status from {@code --fail-on}. Flags override the configuration file.
 */
@Command(
        name = "scan",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description =
                "Scan templates and policy documents for secrets, or with --aws-stack/--aws-account"
                        + " what is deployed in AWS.")
final class ScanCommand implements Callable<Integer> {
    @Spec private CommandSpec spec;

    @Parameters(
            paramLabel = "PATH",
            arity = "0..*",
            description =
                    "Files or directories (searched recursively), or '-' for standard input. Default: '.'.")
    private List<String> paths = List.of();

    @Option(
            names = {"-f", "--format"},
            paramLabel = "FORMAT",
            converter = FormatConverter.class,
            description =
                    "text (default), sarif, json, github (workflow annotations), junit (JUnit XML"
                            + " for Jenkins, GitLab and Azure DevOps test tabs), gitlab-sast"
                            + " (GitLab's SAST report) or markdown (a table of the findings for a"
                            + " GitHub job summary).")
    private Format format;

    @Option(
            names = "-o",
            paramLabel = "FILE",
            description =
                    "Write the report to FILE instead of standard output (missing folders are"
                            + " created). -f X -o FILE is the same as --output X=FILE.")
    private Path output;

    @Option(
            names = "--output",
            paramLabel = "FORMAT[=FILE]",
            description =
                    "Write a report in FORMAT (a --format name) to FILE, or to standard output"
                            + " without =FILE. Repeatable: the scan runs once and every report shows"
                            + " its result; at most one goes to standard output. Not combined with"
                            + " -f/-o. A value that names no format is a FILE, as with -o.")
    private List<String> outputs = List.of();

    @Option(
            names = "--fail-on",
            paramLabel = "LEVEL",
            defaultValue = "error",
            description =
                    "Exit with 1 when an unsuppressed finding is at or above LEVEL:"
                            + " error (default), warning, note or none.")
    private FailOn failOn;

    @Mixin private ConfigOption config;

    @Option(
            names = "--baseline",
            paramLabel = "FILE",
            description =
                    "Report findings recorded in FILE as suppressed (they do not fail the scan).")
    private Path baseline;

    @Option(
            names = "--write-baseline",
            paramLabel = "FILE",
            description =
                    "Record the current findings in FILE (for review: rule, file, resource,"
                            + " redacted message, fingerprint) and exit with 0.")
    private Path writeBaseline;

    @Option(
            names = "--show-secrets",
            description = "Print secret values unredacted. Never the default: reports get shared.")
    private boolean showSecrets;

    @Option(
            names = "--verbose",
            description =
                    "Say on stderr why each value under a secret name was judged not a secret"
                            + " (name, file:line:column and reason; never the value).")
    private boolean verbose;

    @Option(
            names = {"-q", "--quiet"},
            description =
                    "Print the report only: no summary on stderr and no warnings (conflicting"
                            + " --enable/--disable, a scan that read no template, live mode's notes,"
                            + " the count --write-baseline recorded). Errors are still printed and"
                            + " set the exit status. Not combined with --verbose.")
    private boolean quiet;

    @Option(
            names = "--enable",
            paramLabel = "RULE",
            split = ",",
            description =
                    "Report only these rules: ids or prefixes (CFS3 = all IAM rules). Repeatable or comma-separated.")
    private List<String> enable;

    @Option(
            names = "--disable",
            paramLabel = "RULE",
            split = ",",
            description =
                    "Do not report these rules: ids or prefixes. Repeatable or comma-separated."
                            + " What they would have reported is counted in the report.")
    private List<String> disable;

    @Option(
            names = "--aws-stack",
            paramLabel = "NAME",
            description =
                    "Live mode: scan the deployed template (processed stage) of this CloudFormation stack"
                            + " instead of files. Repeatable. Reads AWS with the SDK's credentials; see README 'Live mode'.")
    private List<String> awsStacks = List.of();

    @Option(
            names = "--aws-account",
            description =
                    "Live mode: scan every stack of the Region and the account's IAM (roles, users, groups,"
                            + " their inline and managed policies, with the real AWS managed policy documents).")
    private boolean awsAccount;

    @Option(
            names = "--aws-region",
            paramLabel = "REGION",
            description =
                    "Region for live mode. Default: the SDK's (AWS_REGION, then the profile's region).")
    private String awsRegion;

    @Option(
            names = "--aws-profile",
            paramLabel = "NAME",
            description =
                    "Profile of the shared AWS config and credentials files for live mode."
                            + " Default: the SDK's chain (AWS_PROFILE, environment, role). The endpoint follows"
                            + " AWS_ENDPOINT_URL (LocalStack, moto).")
    private String awsProfile;

    private final Environment environment;

    ScanCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws IOException {
        Catalog bundled = Catalog.bundled();
        Config fileConfig = config.load(bundled);
        // The configuration's custom rules join the catalog: flags may name them, reports describe
        // them.
        Catalog catalog = bundled.withCustomRules(fileConfig.customRules());
        ConfigLoader loader = new ConfigLoader(catalog);
        if (quiet && verbose) {
            throw new ParameterException(
                    spec.commandLine(), "--quiet and --verbose cannot be combined");
        }
        boolean live = isLive();
        List<String> targets = live ? List.of() : targets();
        List<ReportTarget> reports = ReportTargets.of(format, output, outputs, spec.commandLine());
        ScanOptions options = withRuleSelection(ScanOptions.from(fileConfig), fileConfig, loader);
        // Writing a baseline records findings whatever an old baseline says, so it is not read
        // then.
        Optional<Path> baselineFile = Optional.ofNullable(baseline).or(fileConfig::baseline);
        if (writeBaseline == null && baselineFile.isPresent()) {
            options = options.withBaseline(Baseline.read(baselineFile.get()));
        }
        List<Path> scanned =
                targets.stream().filter(t -> !Scanner.STDIN.equals(t)).map(Path::of).toList();
        // One root for excludes, fingerprints and SARIF's %SRCROOT%: the repository (else the
        // configuration's folder), whatever the working directory.
        Path root = SourceRoot.of(scanned, Path.of(""), config.file());
        Scanner scanner = BuiltInRules.scanner(options.withRoot(root), catalog);
        ScanResult result = live ? liveScan(scanner) : scanner.scan(targets, environment.stdin());
        if (writeBaseline != null) {
            return recordBaseline(result);
        }
        if (!live && result.filesScanned() == 0) {
            noTemplateRead(targets, result);
        }
        int status = failOn.fails(result) ? ExitStatus.FINDINGS : ExitStatus.OK;
        for (ReportTarget report : reports) {
            report(report, result, root, status);
        }
        PrintWriter notes = notes();
        if (reports.stream().noneMatch(ReportTarget::toStdout)) {
            // A CI log then still says what was scanned and found.
            notes.println(Summary.line(result));
            notes.flush();
        }
        if (verbose) {
            // stderr is a SafeWriter: names from templates are escaped like every other output.
            result.notSecrets().forEach(notes::println);
            notes.flush();
        }
        return status;
    }

    /**
     * The flags' rule selection merged with the file's ({@link RuleSelection}); conflicting flags
     * are warned of on stderr.
     */
    private ScanOptions withRuleSelection(
            ScanOptions options, Config fileConfig, ConfigLoader loader) {
        RuleSelection selection =
                RuleSelection.of(loader, enable, "--enable", disable, "--disable");
        PrintWriter err = notes();
        selection.conflicts().forEach(c -> err.println("cfn-secrets: warning: " + c));
        return selection.applyTo(options, fileConfig);
    }

    /**
     * True when {@code --aws-stack} or {@code --aws-account} asks for live mode, which reads AWS
     * instead of paths; {@code --aws-region}/{@code --aws-profile} alone, or with paths, are usage
     * errors.
     */
    private boolean isLive() {
        boolean live = !awsStacks.isEmpty() || awsAccount;
        if (!live && (awsRegion != null || awsProfile != null)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--aws-region and --aws-profile go with --aws-stack or --aws-account");
        }
        if (live && !paths.isEmpty()) {
            throw new ParameterException(
                    spec.commandLine(),
                    "PATH arguments and --aws-stack/--aws-account cannot be combined");
        }
        return live;
    }

    /**
     * The one path to the AWS SDK (package {@code live}): never taken without an {@code --aws-*}
     * option, so a scan of files loads none of its classes and opens no connection.
     */
    private ScanResult liveScan(Scanner scanner) {
        LiveRequest request =
                new LiveRequest(
                        awsStacks,
                        awsAccount,
                        Optional.ofNullable(awsRegion),
                        Optional.ofNullable(awsProfile));
        return LiveScan.scan(request, scanner, notes());
    }

    /** The paths to scan; a path that does not exist is a usage error, not a finding. */
    private List<String> targets() {
        List<String> targets = paths.isEmpty() ? List.of(".") : paths;
        if (targets.stream().filter(Scanner.STDIN::equals).count() > 1) {
            throw new ParameterException(
                    spec.commandLine(), "'-' (standard input) can be given only once");
        }
        for (String target : targets) {
            if (!Scanner.STDIN.equals(target) && !Files.exists(pathOf(target))) {
                throw new ParameterException(
                        spec.commandLine(),
                        "no such file or directory: "
                                + target
                                + (target.indexOf('\uFFFD') < 0
                                        ? ""
                                        : " (bytes of the name are not valid in this locale's "
                                                + "character set "
                                                + System.getProperty("sun.jnu.encoding")
                                                + "; scan the directory that holds it)"));
            }
        }
        return targets;
    }

    /**
     * Java decodes the command line with the locale's charset: under {@code LC_ALL=C} a non-ASCII
     * file name arrives as replacement characters that name no file (the {@code cfn-secrets}
     * launcher runs Java under a UTF-8 locale to avoid this). Bytes invalid in any charset arrive
     * as U+FFFD. Files found by walking a directory are not affected.
     */
    private Path pathOf(String target) {
        try {
            return Path.of(target);
        } catch (InvalidPathException e) {
            throw new ParameterException(
                    spec.commandLine(),
                    "cannot name "
                            + target
                            + " in this locale's character set "
                            + System.getProperty("sun.jnu.encoding")
                            + ": run under a UTF-8 locale (LC_ALL=C.UTF-8) or scan the "
                            + "directory that holds it");
        }
    }

    private int recordBaseline(ScanResult result) {
        int recorded;
        try (Writer out = Files.newBufferedWriter(writeBaseline, StandardCharsets.UTF_8)) {
            recorded = BaselineWriter.write(result.findings(), out);
        } catch (IOException e) {
            throw new ParameterException(
                    spec.commandLine(),
                    "cannot write the baseline "
                            + writeBaseline
                            + " ("
                            + ConfigException.reason(e)
                            + ")");
        }
        notes().println(
                        "cfn-secrets: recorded "
                                + recorded
                                + (recorded == 1 ? " finding" : " findings")
                                + " in "
                                + writeBaseline);
        return ExitStatus.OK;
    }

    /**
     * A scan that read no template found nothing because it looked at nothing: said on stderr, and
     * a usage error when the user named the paths (the default '.' of a repository without
     * templates is only warned about).
     */
    private void noTemplateRead(List<String> targets, ScanResult result) {
        String message =
                "no template read in "
                        + String.join(" ", targets)
                        + " ("
                        + result.filesSkipped()
                        + " skipped): name the files or folders that hold CloudFormation or SAM"
                        + " templates, or check the configuration's exclude";
        // Named paths that hold nothing at all are a mistake (a wrong folder). Files looked at and
        // found to be no template, or excluded by the configuration, are not: the pre-commit hook
        // names every staged YAML and JSON file, and a commit of a workflow or a package.json, or
        // of an excluded template, must not fail.
        if (!paths.isEmpty() && result.filesSkipped() == 0 && excludedFiles(result) == 0) {
            throw new ParameterException(spec.commandLine(), message);
        }
        notes().println("cfn-secrets: warning: " + message);
    }

    /**
     * Where the summary, warnings and notes go: stderr, or nowhere with {@code --quiet}. Errors
     * never go here: they are exceptions, which {@link ErrorHandlers} prints whatever the flags.
     */
    private PrintWriter notes() {
        return quiet ? new PrintWriter(Writer.nullWriter()) : spec.commandLine().getErr();
    }

    private static long excludedFiles(ScanResult result) {
        return result.configNotices().stream()
                .filter(n -> n.kind() == ConfigNotice.Kind.PATHS_EXCLUDED)
                .mapToLong(ConfigNotice::count)
                .sum();
    }

    /**
     * @param root the repository root of the paths read, which the SARIF report's paths are
     *     relative to
     * @param status the exit status, which the SARIF report records
     */
    private void report(ReportTarget target, ScanResult result, Path root, int status)
            throws IOException {
        boolean color = target.toStdout() && environment.colorTerminal();
        Reporter reporter =
                Reporters.of(target.format(), showSecrets, color, SarifContext.of(root, status));
        if (target.toStdout()) {
            Writer out = spec.commandLine().getOut();
            reporter.write(result, out);
            out.flush();
            return;
        }
        Path file = target.file().get();
        try {
            Path folder = file.toAbsolutePath().getParent();
            if (folder != null) {
                Files.createDirectories(folder);
            }
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                reporter.write(result, out);
            }
        } catch (IOException e) {
            throw new ParameterException(
                    spec.commandLine(),
                    "cannot write the report to " + file + " (" + ConfigException.reason(e) + ")");
        }
    }
}
