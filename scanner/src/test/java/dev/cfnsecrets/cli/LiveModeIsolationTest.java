package dev.cfnsecrets.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * No network without live mode, and the pre-commit start-up time: a scan of files must not load
 * live mode or the AWS SDK (no class of theirs, so no network either). Checked on a fresh JVM,
 * since the test JVM has them loaded by other tests: its class-load log must show the scan ran and
 * never touched them.
 */
class LiveModeIsolationTest {

    @Test
    void aScanOfFilesLoadsNoClassOfLiveModeOrTheAwsSdk() throws Exception {
        Path repo =
                Path.of(System.getProperty("cfnsecrets.repo", "..")).toAbsolutePath().normalize();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process =
                new ProcessBuilder(
                                java.toString(),
                                "-Xlog:class+load=info:stdout",
                                "-cp",
                                System.getProperty("java.class.path"),
                                Main.class.getName(),
                                "scan",
                                "--fail-on",
                                "warning",
                                "fixtures/cfs3xx/cfs301-function-config-readable-widely/config-reads.yaml")
                        .directory(repo.toFile())
                        .redirectErrorStream(true)
                        .start();
        String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        List<String> loaded = log.lines().filter(line -> line.contains("[class,load]")).toList();
        assertThat(process.exitValue()).as(log).isEqualTo(ExitStatus.FINDINGS);
        assertThat(loaded)
                .anyMatch(line -> line.contains(" dev.cfnsecrets.cli.ScanCommand "))
                .anyMatch(
                        line ->
                                line.contains(
                                        " dev.cfnsecrets.rules.cfs3xx.FunctionConfigReadableWidely "));
        assertThat(loaded)
                .noneMatch(line -> line.contains(" dev.cfnsecrets.live."))
                .noneMatch(line -> line.contains(" software.amazon.awssdk."));
    }
}
