package dev.cfnsecrets.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scan --quiet}: the report and nothing else, but every error still said and every finding
 * still counted in the exit status.
 */
class QuietScanTest {
    @TempDir Path dir;

    private String malformed() throws IOException {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, ScanCommandTest.MALFORMED);
        return file.toString();
    }

    @Test
    void reportToAFileLeavesStderrEmptyButTheExitStatusStillFails() throws IOException {
        Path json = dir.resolve("out/cfn.json");

        CommandRun run = CommandRun.of("scan", "--quiet", "--output", "json=" + json, malformed());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        // Without --quiet the summary line would be here (ScanOutputsTest).
        assertThat(run.err()).isEmpty();
        assertThat(new ObjectMapper().readTree(json.toFile()).at("/findings/0/ruleId").asText())
                .isEqualTo("CFS001");
    }

    @Test
    void reportOnStdoutIsUnchanged() throws IOException {
        String template = malformed();

        CommandRun quiet = CommandRun.of("scan", "-q", template);
        CommandRun plain = CommandRun.of("scan", template);

        assertThat(quiet.status()).isEqualTo(1);
        assertThat(quiet.out()).isEqualTo(plain.out()).contains("CFS001", "1 file scanned");
        assertThat(quiet.err()).isEmpty();
    }

    @Test
    void warningsAreSilenced() throws IOException {
        Path workflow = dir.resolve("ci.yml");
        Files.writeString(workflow, "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n");

        CommandRun noTemplate = CommandRun.of("scan", "--quiet", workflow.toString());
        CommandRun conflict =
                CommandRun.of(
                        "scan",
                        "--quiet",
                        "--enable",
                        "CFS001",
                        "--disable",
                        "CFS001",
                        malformed());

        assertThat(noTemplate.status()).isZero();
        assertThat(noTemplate.err()).isEmpty();
        assertThat(noTemplate.out()).contains("0 files scanned, 1 skipped");
        assertThat(conflict.status()).isZero();
        assertThat(conflict.err()).isEmpty();
    }

    @Test
    void writingABaselineSaysNothing() throws IOException {
        Path baseline = dir.resolve("baseline.json");

        CommandRun run =
                CommandRun.of(
                        "scan", "--quiet", "--write-baseline", baseline.toString(), malformed());

        assertThat(run.status()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(Files.readString(baseline)).contains("CFS001");
    }

    @Test
    void errorsAreNeverSilenced() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Path config = dir.resolve("broken.yml");
        Files.writeString(config, "rules: [\n");

        CommandRun noFile = CommandRun.of("scan", "--quiet", empty.toString());
        CommandRun missing = CommandRun.of("scan", "--quiet", dir.resolve("nope").toString());
        CommandRun badConfig =
                CommandRun.of("scan", "--quiet", "-c", config.toString(), malformed());

        assertThat(noFile.status()).isEqualTo(2);
        assertThat(noFile.err()).contains("cfn-secrets: no template read in " + empty);
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.err()).contains("no such file or directory");
        assertThat(badConfig.status()).isEqualTo(2);
        assertThat(badConfig.err()).contains("cfn-secrets: ").contains(config.toString());
    }

    @Test
    void quietWithVerboseIsAUsageError() throws IOException {
        CommandRun run = CommandRun.of("scan", "--quiet", "--verbose", malformed());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("cfn-secrets: --quiet and --verbose cannot be combined");
    }

    @Test
    void helpSaysWhatQuietSilencesAndWhatNot() {
        CommandRun run = CommandRun.of("scan", "--help");

        assertThat(run.out().replaceAll("\\s+", " "))
                .contains("-q, --quiet Print the report only")
                .contains("Errors are still printed")
                .contains("Not combined with --verbose");
    }
}
