package dev.cfnsecrets.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * What {@code scan} writes where: several reports from one run, created folders, the stderr
 * summary, scans that read no template, and conflicting rule flags.
 */
class ScanOutputsTest {
    private static final String SUMMARY =
            "cfn-secrets: 1 file scanned, 0 skipped: 1 error, 0 warnings, 0 notes, 0 suppressed";

    @TempDir Path dir;

    private String malformed() throws IOException {
        Path file = dir.resolve("templates/bad.yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, ScanCommandTest.MALFORMED);
        return file.toString();
    }

    @Test
    void severalReportsFromOneRunEachInItsFormat() throws Exception {
        String template = malformed();
        Path sarif = dir.resolve("out/cfn.sarif");
        Path junit = dir.resolve("out/junit/cfn.xml");

        CommandRun run =
                CommandRun.of(
                        "scan",
                        "--output",
                        "sarif=" + sarif,
                        "--output",
                        "github",
                        "--output",
                        "junit=" + junit,
                        template);

        assertThat(run.status()).isEqualTo(1);
        JsonNode result = new ObjectMapper().readTree(sarif.toFile()).at("/runs/0/results/0");
        assertThat(result.path("ruleId").asText()).isEqualTo("CFS001");
        Document xml =
                DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile());
        assertThat(xml.getElementsByTagName("failure").getLength()).isEqualTo(1);
        assertThat(run.out()).startsWith("::error ").contains("CFS001");
        // The report on stdout carries the outcome; stderr stays free of a second summary.
        assertThat(run.err()).isEmpty();
    }

    @Test
    void withoutAReportOnStdoutTheSummaryGoesToStderr() throws IOException {
        Path json = dir.resolve("cfn.json");

        CommandRun run = CommandRun.of("scan", "--output", "json=" + json, malformed());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo(SUMMARY + System.lineSeparator());
        assertThat(new ObjectMapper().readTree(json.toFile()).isContainerNode()).isTrue();
    }

    @Test
    void formatAndFileAreTheSingleReportFormAndCreateMissingFolders() throws IOException {
        Path sarif = dir.resolve("new/deeper/cfn.sarif");

        CommandRun run = CommandRun.of("scan", "-f", "sarif", "-o", sarif.toString(), malformed());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo(SUMMARY + System.lineSeparator());
        assertThat(new ObjectMapper().readTree(sarif.toFile()).path("version").asText())
                .isEqualTo("2.1.0");
    }

    @Test
    void outputNamingNoFormatIsStillTheReportFile() throws IOException {
        // The GitHub Action and older scripts write `--format sarif --output FILE`.
        Path sarif = dir.resolve("report.sarif");

        CommandRun run =
                CommandRun.of(
                        "scan", "--format", "sarif", "--output", sarif.toString(), malformed());

        assertThat(run.status()).isEqualTo(1);
        assertThat(new ObjectMapper().readTree(sarif.toFile()).path("version").asText())
                .isEqualTo("2.1.0");
    }

    @Test
    void mixingBothFormsIsAUsageError() throws IOException {
        CommandRun run = CommandRun.of("scan", "-f", "sarif", "--output", "github", malformed());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .contains("-f/-o and --output FORMAT[=FILE] cannot be combined")
                .contains("--output X=FILE");
    }

    @Test
    void twoReportsOnStdoutAreAUsageError() throws IOException {
        CommandRun run =
                CommandRun.of("scan", "--output", "text", "--output", "github", malformed());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("only one report can go to standard output");
    }

    @Test
    void twoReportsToOneFileAreAUsageError() throws IOException {
        Path file = dir.resolve("r.out");

        CommandRun run =
                CommandRun.of(
                        "scan",
                        "--output",
                        "sarif=" + file,
                        "--output",
                        "json=" + file,
                        malformed());

        assertThat(run.status()).isEqualTo(2);
        assertThat(file).doesNotExist();
        assertThat(run.err()).contains("two reports name the same file");
    }

    @Test
    void namedFolderWithoutTemplatesIsAUsageError() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Files.writeString(empty.resolve("notes.txt"), "not a template");

        CommandRun run = CommandRun.of("scan", empty.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("cfn-secrets: no template read in " + empty);
    }

    @Test
    void namedFileThatIsNoTemplateIsWarnedAboutNotAnError() throws IOException {
        // What the pre-commit hook does on a commit of a workflow: it names every staged YAML file.
        Path workflow = dir.resolve("ci.yml");
        Files.writeString(workflow, "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n");

        CommandRun run = CommandRun.of("scan", workflow.toString());

        assertThat(run.status()).isZero();
        assertThat(run.err()).contains("cfn-secrets: warning: no template read in " + workflow);
        assertThat(run.out()).contains("0 files scanned, 1 skipped");
    }

    @Test
    void defaultFolderWithoutTemplatesIsWarnedAbout() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));

        FreshJvmRun run = FreshJvmRun.in(empty, dir, "scan");

        assertThat(run.status()).isZero();
        assertThat(run.err()).contains("cfn-secrets: warning: no template read in .");
        assertThat(run.out()).contains("0 files scanned");
    }

    @Test
    void disableWinsOverTheSameEnableAndSaysSo() throws IOException {
        CommandRun run =
                CommandRun.of("scan", "--enable", "CFS001", "--disable", "CFS001", malformed());

        assertThat(run.status()).isZero();
        assertThat(run.out()).doesNotContain("bad.yaml:6");
        assertThat(run.err())
                .contains(
                        "cfn-secrets: warning: --enable CFS001 and --disable CFS001 conflict:"
                                + " --disable wins, so CFS001 is not reported");
    }

    @Test
    void disablingOneRuleOfAnEnabledGroupIsNoConflict() throws IOException {
        CommandRun run =
                CommandRun.of("scan", "--enable", "CFS0", "--disable", "CFS001", malformed());

        assertThat(run.err()).doesNotContain("conflict");
    }
}
